import { can, weekKey, wholeDaysBetween, type CadenceTask } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { CadenceWarningModel, PublishingAccountModel, type CadenceWarningDoc, type PublishingAccountDoc } from './model'
import type { CadenceCounter } from './cadenceCounter'

/** Warnings older than this are no longer tasks (a breach stays in the reports). */
const TASK_DAYS = 14

/**
 * 更新提醒 for one person: the department's cadence warnings addressed to their role that
 * still hold — a weekly warning while its week is current and the account is still short
 * (counting what is scheduled), a floor warning until the account is updated again.
 * Editors get the mid-week and 10-day warnings; department admins those and the
 * escalations and breaches. Paused accounts have none.
 */
export class CadenceTasks {
  constructor(private readonly counter: CadenceCounter) {}

  async of(staff: StaffPrincipal, now: Date): Promise<{ items: CadenceTask[] }> {
    const editor = can(staff, 'content.write', staff.department)
    const admin = can(staff, 'staff.manage', staff.department) && staff.roles.includes('department-admin')
    if (!editor && !admin) return { items: [] }
    const kinds = admin ? ['weekly-forecast', 'floor-urgent', 'weekly-escalation', 'floor-breach'] : ['weekly-forecast', 'floor-urgent']
    const since = new Date(now.getTime() - TASK_DAYS * 86_400_000)
    const warnings = await CadenceWarningModel.find({ department: staff.department, createdAt: { $gte: since, $lte: now }, kind: { $in: kinds } }).sort({ createdAt: -1 }).lean<CadenceWarningDoc[]>()
    const accounts = new Map((await PublishingAccountModel.find({ department: staff.department }).lean<PublishingAccountDoc[]>()).map((a) => [a._id, a]))
    const current = weekKey(now)
    const items: CadenceTask[] = []
    for (const w of warnings) {
      const account = accounts.get(w.accountId)
      if (!account || account.paused) continue
      const base = { id: w._id, kind: w.kind, accountId: w.accountId, accountName: account.name, week: w.week, createdAt: w.createdAt.toISOString(), inReview: w.details.inReview ?? [] }
      if (w.kind === 'weekly-forecast' || w.kind === 'weekly-escalation') {
        if (w.week !== current) continue
        const c = await this.counter.week(w.accountId, w.week)
        const missing = c.minimum - c.published - c.forecast
        if (missing <= 0) continue
        const escalated = w.kind === 'weekly-escalation'
        items.push({
          ...base,
          urgent: escalated,
          title: `${account.name}本周还差 ${missing} 条更新${escalated ? '（已升级至部门管理员）' : ''}`,
          detail: `本周已发布 ${c.published} 条${c.forecast ? `、定时 ${c.forecast} 条` : ''}，每周至少 ${c.minimum} 条。${base.inReview.length ? '以下稿件审核通过后即可发布。' : '请尽快安排稿件。'}`,
        })
      } else {
        const last = account.lastUpdateAt ? new Date(account.lastUpdateAt) : null
        const warnedAbout = w.details.lastUpdateAt ? new Date(w.details.lastUpdateAt) : null
        // Updated since the warning: done.
        if (last && (!warnedAbout || last > warnedAbout)) continue
        const days = wholeDaysBetween(last ?? account.createdAt, now)
        const breach = w.kind === 'floor-breach'
        items.push({
          ...base,
          urgent: true,
          title: breach ? `${account.name}已 ${days} 天无更新，已记录断更` : `${account.name}已 ${days} 天无更新`,
          detail: breach ? `超过 ${account.maxGapDays} 天未更新，检查中将被单项否决。请立即发布更新并说明原因。` : `连续 ${account.maxGapDays} 天无更新将记录断更（检查中单项否决），请尽快发布更新。`,
        })
      }
    }
    // One task per account and kind (the newest warning of it).
    const seen = new Set<string>()
    return { items: items.filter((i) => !seen.has(`${i.accountId}:${i.kind}`) && seen.add(`${i.accountId}:${i.kind}`)) }
  }
}
