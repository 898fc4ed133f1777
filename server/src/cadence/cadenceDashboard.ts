import { addWeeks, can, columnCondition, countWeek, weekBounds, weekKey, type CadenceAccount, type CadenceColumn, type CadenceDashboard as DashboardView, type CadenceEntry } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { liveItemCounts } from '../content/liveItemCounts'
import { AccountColumnModel, AccountPublicationModel, PublishingAccountModel, type AccountColumnDoc, type AccountPublicationDoc, type PublishingAccountDoc } from './model'
import { URGENT_GAP_DAYS } from './shortfallWarner'
import { lastCountedUpdate, publishedEntry, scheduledEditionsOf, scheduledEntry } from './cadenceEntries'

const WEEKS = 12
const DAY_MS = 86_400_000

/** Whole days from `from` to `now`. */
export const daysBetween = (from: Date, now: Date) => Math.floor((now.getTime() - from.getTime()) / DAY_MS)

/** May this person see the cadence of `department`: its own staff, or a platform admin. */
export function assertMaySeeCadence(staff: StaffPrincipal, department: string): void {
  const allowed = department === staff.department ? can(staff, 'content.read', department) || can(staff, 'platform.configure') : can(staff, 'platform.configure')
  if (!allowed) throw new ForbiddenError('只能查看本部门的更新情况')
}

/** A column as the dashboard shows it, judged now. */
export function columnView(c: AccountColumnDoc, liveItems: number, now: Date): CadenceColumn {
  const { condition, daysSinceUpdate } = columnCondition({ liveItems, lastUpdateAt: c.lastUpdateAt, staleAfterDays: c.staleAfterDays, active: c.active }, now)
  return { id: c._id, code: c.code, name: c.name, kind: c.kind, staleAfterDays: c.staleAfterDays, active: c.active, liveItems, lastUpdateAt: c.lastUpdateAt ? new Date(c.lastUpdateAt).toISOString() : null, daysSinceUpdate, condition }
}

/**
 * 更新频次 for a department: each account's last 12 weeks (oldest first, the current week
 * last, counting what is scheduled), whether it is at risk now, days since its last
 * counted update, and its columns (stale or blank ones marked). Staff of the department
 * see theirs; a platform admin any department's. Four queries, whatever the number of
 * accounts.
 */
export class CadenceDashboard {
  async of(staff: StaffPrincipal, now: Date, department = staff.department): Promise<DashboardView> {
    assertMaySeeCadence(staff, department)
    const current = weekKey(now)
    const first = addWeeks(current, -(WEEKS - 1))
    const accounts = await PublishingAccountModel.find({ department }).sort({ _id: 1 }).lean<PublishingAccountDoc[]>()
    const ids = accounts.map((a) => a._id)
    const [pubs, scheduled, columns, live] = await Promise.all([
      AccountPublicationModel.find({ accountId: { $in: ids }, week: { $gte: first, $lte: current }, at: { $lte: now } }, { text: 0 }).lean<AccountPublicationDoc[]>(),
      scheduledEditionsOf(department, now, weekBounds(current).end),
      AccountColumnModel.find({ accountId: { $in: ids } }).sort({ _id: 1 }).lean<AccountColumnDoc[]>(),
      liveItemCounts([department]),
    ])
    // The account keeps its last counted update; a clock set before it (a report of the past) looks it up.
    const lastUpdates = await Promise.all(accounts.map(async (a) => (a.lastUpdateAt && a.lastUpdateAt <= now ? new Date(a.lastUpdateAt) : ((await lastCountedUpdate(a._id, now))?.at ?? null))))
    const out: CadenceAccount[] = accounts.map((a, i) => {
      const entries: CadenceEntry[] = [...pubs.filter((p) => p.accountId === a._id).map(publishedEntry), ...(a.channel === 'miniprogram' ? scheduled.map(scheduledEntry) : [])]
      const weeks = []
      for (let w = first, i = 0; i < WEEKS; w = addWeeks(w, 1), i++) {
        const c = countWeek(entries, w)
        const tracked = weekBounds(w).end > a.createdAt
        weeks.push({ week: w, ...c, compliant: !tracked || c.published + c.forecast >= a.minPerWeek, tracked })
      }
      const last = lastUpdates[i]!
      const daysSinceUpdate = last ? daysBetween(last, now) : null
      const paused = a.paused ? { reason: a.paused.reason, at: new Date(a.paused.at).toISOString() } : null
      return {
        id: a._id,
        department: a.department,
        channel: a.channel,
        name: a.name,
        minPerWeek: a.minPerWeek,
        maxGapDays: a.maxGapDays,
        paused,
        weeks,
        atRisk: !paused && (!weeks.at(-1)!.compliant || (daysSinceUpdate ?? daysBetween(a.createdAt, now)) >= URGENT_GAP_DAYS),
        daysSinceUpdate,
        lastUpdateAt: last?.toISOString() ?? null,
        columns: columns.filter((c) => c.accountId === a._id).map((c) => columnView(c, live.get(`${a.department}:${c.code}`) ?? 0, now)),
      }
    })
    return { week: current, accounts: out }
  }
}
