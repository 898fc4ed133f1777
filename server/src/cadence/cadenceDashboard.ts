import { addWeeks, can, columnCondition, riskOf, wholeDaysBetween, countWeek, weekBounds, weekKey, type CadenceAccount, type CadenceColumn, type CadenceDashboard as DashboardView } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import type { ContentReadModel, LiveItems } from '../content/readModel'
import { AccountColumnModel, PublishingAccountModel, type AccountColumnDoc, type PublishingAccountDoc } from './model'
import { talliesOf } from './weekTallies'
import { receivesEditions } from './publishingAccounts'
import { lastCountedUpdate, scheduledEditionsOf, scheduledEntry } from './cadenceEntries'

const WEEKS = 12

/** What cadence reads of the public content (the content read model answers it from memory). */
export type PublicContent = Pick<ContentReadModel, 'listedByColumn' | 'coverageFacts'>


/** May this person see the cadence of `department`: its own staff, or a platform admin. */
export function assertMaySeeCadence(staff: StaffPrincipal, department: string): void {
  const allowed = department === staff.department ? can(staff, 'content.read', department) || can(staff, 'platform.configure') : can(staff, 'platform.configure')
  if (!allowed) throw new ForbiddenError('只能查看本部门的更新情况')
}

/** What the public sees in a column: the mini-program's items from the read model; recorded posts on other channels. */
export function liveIn(c: AccountColumnDoc, channel: string, listed: Map<string, LiveItems>): LiveItems | undefined {
  return channel === 'miniprogram' ? listed.get(`${c.department}:${c.code}`) : { count: c.recordedPosts ?? 0, latestPublishedAt: null }
}

/**
 * A column as the dashboard shows it, judged now: its last update is the later of its
 * last counted update and its newest public item (items published before the engine
 * recorded anything, such as imported ones, count too).
 */
export function columnView(c: AccountColumnDoc, live: LiveItems | undefined, now: Date): CadenceColumn {
  const dates = [c.lastUpdateAt, live?.latestPublishedAt].filter((d): d is Date => !!d).map((d) => new Date(d))
  const lastUpdateAt = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null
  const liveItems = live?.count ?? 0
  const { condition, daysSinceUpdate } = columnCondition({ liveItems, lastUpdateAt, staleAfterDays: c.staleAfterDays, active: c.active }, now)
  return { id: c._id, code: c.code, name: c.name, kind: c.kind, staleAfterDays: c.staleAfterDays, active: c.active, liveItems, lastUpdateAt: lastUpdateAt?.toISOString() ?? null, daysSinceUpdate, condition }
}

/**
 * 更新频次 for a department: each account's last 12 weeks (oldest first, the current week
 * last, counting what is scheduled), whether it is at risk now, days since its last
 * counted update, and its columns (stale or blank ones marked). Staff of the department
 * see theirs; a platform admin any department's. Reads the 12 weeks' tallies, not the
 * publication records: a handful of small queries whatever the history.
 */
export class CadenceDashboard {
  constructor(private readonly content: PublicContent) {}

  async of(staff: StaffPrincipal, now: Date, department = staff.department): Promise<DashboardView> {
    assertMaySeeCadence(staff, department)
    const current = weekKey(now)
    const first = addWeeks(current, -(WEEKS - 1))
    const accounts = await PublishingAccountModel.find({ department }).sort({ _id: 1 }).lean<PublishingAccountDoc[]>()
    const ids = accounts.map((a) => a._id)
    const weekKeys = Array.from({ length: WEEKS }, (_, i) => addWeeks(first, i))
    const [tallies, scheduled, columns, live] = await Promise.all([
      talliesOf(weekKeys, ids),
      scheduledEditionsOf(department, now, weekBounds(current).end),
      AccountColumnModel.find({ accountId: { $in: ids } }).sort({ _id: 1 }).lean<AccountColumnDoc[]>(),
      this.content.listedByColumn([department]),
    ])
    const lastUpdates = await Promise.all(accounts.map((a) => lastCountedUpdate(a, now)))
    const forecast = countWeek(scheduled.map(scheduledEntry), current).forecast
    const out: CadenceAccount[] = accounts.map((a, i) => {
      const weeks = weekKeys.map((w) => {
        const c = { published: tallies.get(a._id)?.get(w) ?? 0, forecast: w === current && receivesEditions(a) ? forecast : 0 }
        const tracked = weekBounds(w).end > a.createdAt
        return { week: w, ...c, compliant: !tracked || c.published + c.forecast >= a.minPerWeek, tracked }
      })
      const last = lastUpdates[i]!
      const daysSinceUpdate = last ? wholeDaysBetween(last, now) : null
      const paused = a.paused ? { reason: a.paused.reason, at: new Date(a.paused.at).toISOString() } : null
      const risk = riskOf({ ...weeks.at(-1)!, minimum: a.minPerWeek }, daysSinceUpdate ?? wholeDaysBetween(a.createdAt, now))
      return {
        id: a._id,
        department: a.department,
        channel: a.channel,
        name: a.name,
        minPerWeek: a.minPerWeek,
        maxGapDays: a.maxGapDays,
        paused,
        weeks,
        atRisk: !paused && (risk.short || risk.quiet),
        daysSinceUpdate,
        lastUpdateAt: last?.toISOString() ?? null,
        columns: columns.filter((c) => c.accountId === a._id).map((c) => columnView(c, liveIn(c, a.channel, live), now)),
      }
    })
    return { week: current, accounts: out }
  }
}
