import { addWeeks, can, departmentNameOf as nameOf, riskOf, wholeDaysBetween, interpretationShortfalls, quarterOf, weekBounds, weekKey, type CadenceOverview, type ComplianceWeek } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { AccountColumnModel, CadenceWarningModel, PublishingAccountModel, type AccountColumnDoc, type CadenceWarningDoc, type PublishingAccountDoc } from './model'
import { forecastByDepartment, lastCountedUpdate } from './cadenceEntries'
import { talliesOf } from './weekTallies'
import { receivesEditions } from './publishingAccounts'
import { assertMaySeeCadence, columnView, liveIn, type PublicContent } from './cadenceDashboard'

const WEEKS = 12
const rateOf = (compliant: number, accounts: number) => (accounts ? Math.round((compliant / accounts) * 1000) / 1000 : null)

/**
 * 合规概览, what a department leader answers for in an inspection: for the platform (a
 * platform admin) or one department — the share of accounts that met their weekly
 * minimum in each of the last 12 weeks (the current week counting what is scheduled;
 * weeks before an account existed and paused accounts are not judged), per department;
 * accounts at risk now; floor breaches this quarter (Beijing quarters); columns that
 * are blank or stale; and important policies interpreted fewer than twice this year. A handful of queries whatever the number of accounts or the length
 * of the history: the weekly counts are the 12 weeks' tally documents, read by `_id`
 * (bench:cadence measures it).
 */
export class ComplianceOverview {
  constructor(private readonly content: PublicContent) {}

  async of(staff: StaffPrincipal, now: Date, department?: string): Promise<CadenceOverview> {
    if (department) assertMaySeeCadence(staff, department)
    else if (!can(staff, 'platform.configure')) throw new ForbiddenError('只有平台管理员可以查看全平台的合规情况')
    const current = weekKey(now)
    const weeks = Array.from({ length: WEEKS }, (_, i) => addWeeks(current, i - (WEEKS - 1)))
    const quarter = quarterOf(now)
    const accounts = await PublishingAccountModel.find(department ? { department } : {}).sort({ _id: 1 }).lean<PublishingAccountDoc[]>()
    const ids = department ? accounts.map((a) => a._id) : undefined
    const tallies = await talliesOf(weeks, ids)
    const forecast = await forecastByDepartment(now, weekBounds(current).end)
    const breachDocs = await CadenceWarningModel.find({ kind: 'floor-breach', createdAt: { $gte: quarter.start, $lt: quarter.end }, ...(department ? { department } : {}) }).sort({ createdAt: -1 }).lean<CadenceWarningDoc[]>()
    const columns = await AccountColumnModel.find(ids ? { accountId: { $in: ids } } : {}).sort({ _id: 1 }).lean<AccountColumnDoc[]>()
    const live = this.content.listedByColumn(department ? [department] : undefined)
    const facts = this.content.coverageFacts(department ? [department] : undefined)
    const weekEnds = weeks.map((w) => weekBounds(w).end)

    // Per department and week: accounts judged, and those that met their minimum.
    const byDept = new Map<string, { accounts: number; atRisk: number; judged: number[]; met: number[] }>()
    const atRisk: CadenceOverview['atRisk'] = []
    const byId = new Map(accounts.map((a) => [a._id, a]))
    for (const a of accounts) {
      let d = byDept.get(a.department)
      if (!d) byDept.set(a.department, (d = { accounts: 0, atRisk: 0, judged: new Array<number>(WEEKS).fill(0), met: new Array<number>(WEEKS).fill(0) }))
      d.accounts += 1
      if (a.paused) continue
      const counts = tallies.get(a._id)
      const expected = receivesEditions(a) ? (forecast.get(a.department) ?? 0) : 0
      for (let i = 0; i < WEEKS; i++) {
        if (weekEnds[i]! <= a.createdAt) continue
        d.judged[i]! += 1
        const n = (counts?.get(weeks[i]!) ?? 0) + (i === WEEKS - 1 ? expected : 0)
        if (n >= a.minPerWeek) d.met[i]! += 1
      }
      const published = counts?.get(current) ?? 0
      const last = await lastCountedUpdate(a, now)
      const daysSinceUpdate = last ? wholeDaysBetween(last, now) : null
      const days = daysSinceUpdate ?? wholeDaysBetween(a.createdAt, now)
      const { short, quiet } = riskOf({ published, forecast: expected, minimum: a.minPerWeek }, days)
      if (short || quiet) {
        d.atRisk += 1
        const reasons = [short ? `本周已发布 ${published} 条${expected ? `、定时 ${expected} 条` : ''}，少于最低要求 ${a.minPerWeek} 条` : '', quiet ? (daysSinceUpdate === null ? `开设 ${days} 天尚无更新` : `已 ${days} 天无更新`) : ''].filter(Boolean)
        atRisk.push({ accountId: a._id, department: a.department, departmentName: nameOf(a.department), name: a.name, published, forecast: expected, minimum: a.minPerWeek, daysSinceUpdate, reason: reasons.join('；') })
      }
    }
    const sum = (pick: (d: { judged: number[]; met: number[] }) => number[], i: number) => [...byDept.values()].reduce((n, d) => n + pick(d)[i]!, 0)
    const weekRows = (judged: (i: number) => number, met: (i: number) => number): ComplianceWeek[] => weeks.map((week, i) => ({ week, accounts: judged(i), compliant: met(i), rate: rateOf(met(i), judged(i)) }))
    const breachCount = new Map<string, number>()
    for (const b of breachDocs) breachCount.set(b.department, (breachCount.get(b.department) ?? 0) + 1)

    return {
      department: department ?? null,
      week: current,
      quarter: quarter.key,
      weeks: weekRows((i) => sum((d) => d.judged, i), (i) => sum((d) => d.met, i)),
      departments: [...byDept.entries()]
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([code, d]) => ({ department: code, departmentName: nameOf(code), accounts: d.accounts, atRisk: d.atRisk, breaches: breachCount.get(code) ?? 0, weeks: weekRows((i) => d.judged[i]!, (i) => d.met[i]!) })),
      atRisk: atRisk.sort((x, y) => (y.daysSinceUpdate ?? Infinity) - (x.daysSinceUpdate ?? Infinity) || x.accountId.localeCompare(y.accountId)),
      breaches: breachDocs.map((b) => ({ accountId: b.accountId, department: b.department, departmentName: nameOf(b.department), name: byId.get(b.accountId)?.name ?? b.accountId, at: b.createdAt.toISOString(), daysWithoutUpdate: b.details.daysWithoutUpdate ?? 0 })),
      columns: columns.flatMap((c) => {
        const account = byId.get(c.accountId)
        if (!account || account.paused) return []
        const view = columnView(c, liveIn(c, account.channel, live), now)
        if (view.condition !== 'stale' && view.condition !== 'blank') return []
        return [{ accountId: c.accountId, department: c.department, departmentName: nameOf(c.department), accountName: account.name, column: c.name, condition: view.condition, daysSinceUpdate: view.daysSinceUpdate, staleAfterDays: c.staleAfterDays }]
      }),
      coverage: interpretationShortfalls(facts.policies, facts.interpretations, now).map((s) => ({ ...s, departmentName: nameOf(s.department) })),
    }
  }
}
