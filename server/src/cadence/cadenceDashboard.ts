import { addWeeks, can, countWeek, weekBounds, weekKey, type CadenceAccount, type CadenceDashboard as DashboardView, type CadenceEntry } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { EditionModel, type EditionDoc } from '../review/model'
import { AccountPublicationModel, PublishingAccountModel, type AccountPublicationDoc, type PublishingAccountDoc } from './model'
import { URGENT_GAP_DAYS } from './shortfallWarner'

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
    const scheduled = await EditionModel.find({ department, state: 'scheduled', scheduledAt: { $gte: now, $lt: end } }, { scheduledAt: 1, minor: 1, number: 1 }).lean<EditionDoc[]>()
    const out: CadenceAccount[] = []
    for (const a of accounts) {
      const pubs = await AccountPublicationModel.find({ accountId: a._id, at: { $gte: from, $lte: now } }, { text: 0 }).lean<AccountPublicationDoc[]>()
      const entries: CadenceEntry[] = pubs.map((p) => ({ at: p.at, state: 'published', minor: p.minor, unpublishedInError: p.unpublishedInError, duplicateOf: p.duplicateOf }))
      if (a.channel === 'miniprogram') for (const s of scheduled) entries.push({ at: s.scheduledAt!, state: 'scheduled', minor: s.number > 1 && s.minor, unpublishedInError: false, duplicateOf: null })
      const weeks = []
      for (let w = first, i = 0; i < WEEKS; w = addWeeks(w, 1), i++) {
        const c = countWeek(entries, w)
        const tracked = weekBounds(w).end > a.createdAt
        weeks.push({ week: w, ...c, compliant: !tracked || c.published + c.forecast >= a.minPerWeek, tracked })
      }
      const counted = pubs.filter((p) => !p.minor && !p.unpublishedInError && p.duplicateOf === null).sort((x, y) => y.at.getTime() - x.at.getTime())
      const last = counted[0]?.at ?? (await latestCountedBefore(a._id, from))
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

async function latestCountedBefore(accountId: string, before: Date): Promise<Date | undefined> {
  const older = await AccountPublicationModel.find({ accountId, at: { $lt: before } }, { text: 0 }).sort({ at: -1 }).limit(50).lean<AccountPublicationDoc[]>()
  return older.find((p) => !p.minor && !p.unpublishedInError && p.duplicateOf === null)?.at
}
