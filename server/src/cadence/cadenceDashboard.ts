import { addWeeks, can, countsAsUpdate, countWeek, weekBounds, weekKey, type CadenceAccount, type CadenceDashboard as DashboardView, type CadenceEntry } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { AccountPublicationModel, PublishingAccountModel, type AccountPublicationDoc, type PublishingAccountDoc } from './model'
import { URGENT_GAP_DAYS } from './shortfallWarner'
import { lastCountedUpdate, publishedEntry, scheduledEditionsOf, scheduledEntry } from './cadenceEntries'

const WEEKS = 12
const DAY_MS = 86_400_000

/**
 * 更新频次 for a department: each account's last 12 weeks (oldest first, the current week
 * last, counting what is scheduled), whether it is at risk now, and days since its last
 * counted update. Staff of the department see theirs; a platform admin any department's.
 */
export class CadenceDashboard {
  async of(staff: StaffPrincipal, now: Date, department = staff.department): Promise<DashboardView> {
    const allowed = department === staff.department ? can(staff, 'content.read', department) || can(staff, 'platform.configure') : can(staff, 'platform.configure')
    if (!allowed) throw new ForbiddenError('只能查看本部门的更新情况')
    const current = weekKey(now)
    const first = addWeeks(current, -(WEEKS - 1))
    const from = weekBounds(first).start
    const accounts = await PublishingAccountModel.find({ department }).sort({ _id: 1 }).lean<PublishingAccountDoc[]>()
    const { end } = weekBounds(current)
    const scheduled = await scheduledEditionsOf(department, now, end)
    const out: CadenceAccount[] = []
    for (const a of accounts) {
      const pubs = await AccountPublicationModel.find({ accountId: a._id, at: { $gte: from, $lte: now } }, { text: 0 }).lean<AccountPublicationDoc[]>()
      const entries: CadenceEntry[] = [...pubs.map(publishedEntry), ...(a.channel === 'miniprogram' ? scheduled.map(scheduledEntry) : [])]
      const weeks = []
      for (let w = first, i = 0; i < WEEKS; w = addWeeks(w, 1), i++) {
        const c = countWeek(entries, w)
        const tracked = weekBounds(w).end > a.createdAt
        weeks.push({ week: w, ...c, compliant: !tracked || c.published + c.forecast >= a.minPerWeek, tracked })
      }
      // The last update is among these 12 weeks' publications, or else looked up before them.
      const counted = pubs.filter((p) => countsAsUpdate(publishedEntry(p))).sort((x, y) => y.at.getTime() - x.at.getTime())
      const last = counted[0]?.at ?? (await lastCountedUpdate(a._id, new Date(from.getTime() - 1)))?.at
      const daysSinceUpdate = last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null
      const paused = a.paused ? { reason: a.paused.reason, at: new Date(a.paused.at).toISOString() } : null
      out.push({
        id: a._id,
        department: a.department,
        channel: a.channel,
        name: a.name,
        minPerWeek: a.minPerWeek,
        maxGapDays: a.maxGapDays,
        paused,
        weeks,
        atRisk: !paused && (!weeks.at(-1)!.compliant || (daysSinceUpdate ?? 0) >= URGENT_GAP_DAYS),
        daysSinceUpdate,
        lastUpdateAt: last?.toISOString() ?? null,
      })
    }
    return { week: current, accounts: out }
  }
}
