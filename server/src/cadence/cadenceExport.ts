import Router from '@koa/router'
import { CADENCE_TABLE_LABELS, cadenceExportQuerySchema, formatShanghaiDateTime, type CadenceDashboard as DashboardView, type CadenceExportQuery, type CadenceOverview, type CadenceReportView } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import type { Authenticate } from '../platform/http/endpoints'
import { csvTable } from '../platform/http/csv'
import { ValidationError } from '../platform/errors'
import type { CadenceDashboard } from './cadenceDashboard'
import type { ComplianceOverview } from './complianceOverview'
import type { WeeklyReportReader } from './weeklyReportReader'

const CONDITION_LABELS = { stale: '超期未更新', blank: '空白（开天窗）' } as const
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)

/** A table of 更新频次 / 合规概览 as the header and rows of a CSV file (what the workbench shows, in the same words). */
export function cadenceTable(table: CadenceExportQuery['table'], data: { dashboard?: DashboardView; overview?: CadenceOverview; report?: CadenceReportView }): { header: string[]; rows: unknown[][] } {
  switch (table) {
    case 'report': {
      const r = data.report!.report
      return {
        header: ['周', '部门', '账号', '更新次数', '每周最低', '是否达标', '连续达标（周）'],
        rows: (r?.accounts ?? []).map((a) => [r!.week, a.departmentName, a.name, a.published, a.minimum, a.paused ? '暂停考核' : a.compliant ? '达标' : '未达标', a.streak]),
      }
    }
    case 'accounts': {
      const d = data.dashboard!
      const weeks = d.accounts[0]?.weeks.map((w) => w.week) ?? []
      return {
        header: ['账号', '部门', '每周最低', '是否暂停考核', '距上次更新（天）', ...weeks],
        rows: d.accounts.map((a) => [a.name, a.department, a.minPerWeek, a.paused ? `是：${a.paused.reason}` : '否', a.daysSinceUpdate ?? '尚无更新', ...a.weeks.map((w) => (w.tracked ? w.published + (w.forecast ? `（定时 ${w.forecast}）` : '') : '—'))]),
      }
    }
    case 'compliance': {
      const o = data.overview!
      return {
        header: ['部门', '账号数', '当前风险账号', '本季度断更', ...o.weeks.map((w) => w.week)],
        rows: [...o.departments.map((d) => [d.departmentName, d.accounts, d.atRisk, d.breaches, ...d.weeks.map((w) => `${percent(w.rate)}（${w.compliant}/${w.accounts}）`)]), ['合计', o.departments.reduce((n, d) => n + d.accounts, 0), o.atRisk.length, o.breaches.length, ...o.weeks.map((w) => `${percent(w.rate)}（${w.compliant}/${w.accounts}）`)]],
      }
    }
    case 'at-risk':
      return { header: ['部门', '账号', '本周已发布', '本周定时', '每周最低', '距上次更新（天）', '原因'], rows: data.overview!.atRisk.map((a) => [a.departmentName, a.name, a.published, a.forecast, a.minimum, a.daysSinceUpdate ?? '尚无更新', a.reason]) }
    case 'breaches':
      return { header: ['部门', '账号', '记录时间（北京时间）', '连续无更新（天）'], rows: data.overview!.breaches.map((b) => [b.departmentName, b.name, formatShanghaiDateTime(b.at), b.daysWithoutUpdate]) }
    case 'coverage':
      return { header: ['部门', '政策文件', '本年已解读（次）', '要求（次）', '本年剩余（天）'], rows: data.overview!.coverage.map((c) => [c.departmentName, c.title, c.interpretedThisYear, c.needed, c.daysLeft]) }
    case 'columns':
      return { header: ['部门', '账号', '栏目', '问题', '距上次更新（天）', '超期标准（天）'], rows: data.overview!.columns.map((c) => [c.departmentName, c.accountName, c.column, CONDITION_LABELS[c.condition], c.daysSinceUpdate ?? '从未更新', c.staleAfterDays]) }
  }
}

/**
 * `GET /api/v1/staff/cadence/export.csv?table=…&department=…`: any table of 更新频次 or
 * 合规概览 as CSV, for whoever may see it (the same rules as the pages).
 */
export function cadenceExportRouter(deps: { dashboard: CadenceDashboard; overview: ComplianceOverview; reports: WeeklyReportReader; authenticate: Authenticate; now: () => Date }): Router {
  const router = new Router()
  router.get('/api/v1/staff/cadence/export.csv', async (ctx) => {
    const staff: StaffPrincipal = await deps.authenticate(ctx)
    const parsed = cadenceExportQuerySchema.safeParse(ctx.query)
    if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'query')
    const { table, department } = parsed.data
    const now = deps.now()
    const data =
      table === 'accounts' ? { dashboard: await deps.dashboard.of(staff, now, department) } : table === 'report' ? { report: await deps.reports.read(staff, { department }) } : { overview: await deps.overview.of(staff, now, department) }
    const { header, rows } = cadenceTable(table, data)
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="cadence-${table}-${department ?? 'platform'}.csv"; filename*=UTF-8''${encodeURIComponent(`${CADENCE_TABLE_LABELS[table]}.csv`)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = csvTable(header, rows)
  })
  return router
}
