import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { can, CADENCE_TABLE_LABELS, INTERPRETATIONS_PER_YEAR, formatShanghaiDateTime, type CadenceOverview, type CadenceReportView, type ComplianceWeek } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { asStaff, savedSession } from '../../lib/session'
import { downloadCsv } from '../../lib/download'
import { ErrorNotice, LoadingPage } from '../../lib/Notices'
import '../index/index.css'
import '../cadence/index.css'

const percent = (w: ComplianceWeek) => (w.rate === null ? '—' : `${Math.round(w.rate * 100)}%`)
const rateClass = (w: ComplianceWeek, current: boolean) => (w.rate === null ? 'cadence-untracked' : w.rate >= 1 ? 'cadence-ok' : current ? 'cadence-pending' : 'cadence-short')

/**
 * 合规概览: what leaders answer for in an inspection — the share of accounts that met the
 * weekly minimum in each of the last 12 weeks, per department, the accounts at risk now,
 * this quarter's floor breaches (断更), blank or stale columns, and important policies
 * interpreted fewer than twice this year; each table as CSV.
 * A platform admin sees the platform; everyone else their department.
 */
export default function CompliancePage() {
  const staff = savedSession()?.staff
  const [o, setO] = useState<CadenceOverview>()
  const [report, setReport] = useState<CadenceReportView['report']>(null)
  const [error, setError] = useState('')
  const platform = !!staff && can(staff, 'platform.configure')
  const query = platform ? {} : { department: staff!.department as never }
  const load = () => {
    void asStaff((c) => c.call('getCadenceReport', { query }))
      .then((r) => setReport(r.report))
      .catch(() => undefined)
    return asStaff((c) => c.call('getCadenceOverview', { query }))
      .then(setO)
      .catch((err: unknown) => setError(errorMessage(err)))
  }
  useEffect(() => {
    if (staff) void load()
  }, [])
  Taro.useDidShow(() => void (staff && load()))
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  if (!o) return <LoadingPage error={error} />
  const exportButton = (table: keyof typeof CADENCE_TABLE_LABELS) => (
    <View className='wb-button wb-secondary' role='button' onClick={() => void downloadCsv(`/api/v1/staff/cadence/export.csv?table=${table}${o.department ? `&department=${o.department}` : ''}`, `${CADENCE_TABLE_LABELS[table]}.csv`).then(setError)}>
      <Text>导出 CSV：{CADENCE_TABLE_LABELS[table]}</Text>
    </View>
  )
  return (
    <View className='workbench'>
      <Text className='workbench-title'>合规概览</Text>
      <Text className='workbench-text'>
        {o.department ? staff.departmentName : '全平台'}，本周 {o.week}，本季度 {o.quarter}。达标：当周更新不少于账号的最低要求（本周含定时发布）。
      </Text>
      <ErrorNotice error={error} />

      <View className='wb-card' data-testid='compliance-weeks'>
        <Text className='wb-label'>近 12 周达标率</Text>
        <View className='cadence-strip' role='img' aria-label={`近 12 周达标率：${o.weeks.map((w) => `${w.week} ${percent(w)}`).join('，')}`}>
          {o.weeks.map((w, i) => (
            <View key={w.week} className={'cadence-cell cadence-rate ' + rateClass(w, i === o.weeks.length - 1)} data-week={w.week} data-rate={w.rate ?? ''}>
              <Text>{percent(w)}</Text>
            </View>
          ))}
        </View>
        <Text className='workbench-text'>本周 {o.weeks.at(-1)!.compliant}/{o.weeks.at(-1)!.accounts} 个账号达标；上周 {o.weeks.at(-2)!.compliant}/{o.weeks.at(-2)!.accounts}。</Text>
      </View>

      <View className='wb-card' data-testid='compliance-report'>
        <Text className='wb-label'>{report ? `上周周报（${report.week}，${formatShanghaiDateTime(report.createdAt)} 生成）` : '周报'}</Text>
        {!report ? <Text className='workbench-text'>还没有周报：每周一 9:00 生成上一周的。</Text> : null}
        {report?.accounts.map((a) => (
          <View key={a.accountId} className='cadence-table-row'>
            <Text className='workbench-text'>
              {a.name}：{a.published}/{a.minimum} 条，{a.paused ? '暂停考核' : a.compliant ? `达标，已连续 ${a.streak} 周` : '未达标'}
            </Text>
          </View>
        ))}
        {report?.breaches.length ? <Text className='workbench-text'>断更：{report.breaches.length} 个账号</Text> : null}
        {report ? exportButton('report') : null}
      </View>

      <View className='wb-card' data-testid='compliance-departments'>
        <Text className='wb-label'>各部门</Text>
        {o.departments.map((d) => (
          <View key={d.department} className='cadence-table-row'>
            <Text className='workbench-text'>
              {d.departmentName}：{d.accounts} 个账号，上周达标率 {percent(d.weeks.at(-2)!)}，当前风险 {d.atRisk} 个，本季度断更 {d.breaches} 次
            </Text>
          </View>
        ))}
        {exportButton('compliance')}
      </View>

      <View className='wb-card' data-testid='compliance-at-risk'>
        <Text className='wb-label'>当前风险账号（{o.atRisk.length}）</Text>
        {o.atRisk.length === 0 ? <Text className='workbench-text'>暂无</Text> : null}
        {o.atRisk.map((a) => (
          <View key={a.accountId} className='cadence-table-row cadence-at-risk'>
            <Text className='workbench-text'>{a.name}：{a.reason}</Text>
          </View>
        ))}
        {exportButton('at-risk')}
      </View>

      <View className='wb-card' data-testid='compliance-breaches'>
        <Text className='wb-label'>本季度断更（{o.breaches.length}）</Text>
        {o.breaches.length === 0 ? <Text className='workbench-text'>暂无</Text> : null}
        {o.breaches.map((b) => (
          <View key={`${b.accountId}-${b.at}`} className='cadence-table-row'>
            <Text className='workbench-text'>{b.name}：{formatShanghaiDateTime(b.at)} 记录，已连续 {b.daysWithoutUpdate} 天无更新</Text>
          </View>
        ))}
        {exportButton('breaches')}
      </View>

      <View className='wb-card' data-testid='compliance-columns'>
        <Text className='wb-label'>空白及超期未更新栏目（{o.columns.length}）</Text>
        {o.columns.length === 0 ? <Text className='workbench-text'>暂无</Text> : null}
        {o.columns.map((c) => (
          <View key={`${c.accountId}-${c.column}`} className='cadence-table-row'>
            <Text className='workbench-text'>
              {c.accountName} · {c.column}：{c.condition === 'blank' ? '空白（开天窗）' : `超期未更新（${c.daysSinceUpdate === null ? '从未更新' : `${c.daysSinceUpdate} 天`}，标准 ${c.staleAfterDays} 天）`}
            </Text>
          </View>
        ))}
        {exportButton('columns')}
      </View>

      <View className='wb-card' data-testid='compliance-coverage'>
        <Text className='wb-label'>重要政策解读不足（每年至少 {INTERPRETATIONS_PER_YEAR} 次，{o.coverage.length} 件）</Text>
        {o.coverage.length === 0 ? <Text className='workbench-text'>暂无</Text> : null}
        {o.coverage.map((c) => (
          <View key={c.policyId} className='cadence-table-row'>
            <Text className='workbench-text'>
              {c.departmentName}《{c.title}》：本年已解读 {c.interpretedThisYear} 次，还需 {c.needed - c.interpretedThisYear} 次，本年还剩 {c.daysLeft} 天
            </Text>
          </View>
        ))}
        {exportButton('coverage')}
      </View>
    </View>
  )
}
