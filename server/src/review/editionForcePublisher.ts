import { CalendarGapError, formatShanghaiDate, RETROSPECTIVE_REVIEW_WORKING_DAYS, type WorkingCalendar } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { AppError } from '../platform/errors'
import { publishEditionItem } from './editionItemPublication'
import type { PrePublicationChecker } from './prePublicationChecker'
import { requireInterpretedPoliciesPublic } from './interpretedPolicies'
import type { PublicationEvents } from './publicationEvents'
import { loadEdition, transition } from './editionTransition'
import type { EditionDoc } from './model'

/**
 * 强制发布: a department admin publishes an edition without review, giving a written
 * reason. Never their own (maker–checker holds); a finding nobody may override (not 主动公开)
 * still stops it; other blocking findings are published over, with the same reason
 * recorded. A reviewer of the department must then review it after the fact within
 * RETROSPECTIVE_REVIEW_WORKING_DAYS working days; the dashboard counts such editions.
 */
export class EditionForcePublisher {
  constructor(
    private readonly now: () => Date,
    private readonly calendar: WorkingCalendar,
    private readonly checker: PrePublicationChecker,
    private readonly events: PublicationEvents,
    private readonly contentChanged: () => Promise<void>,
  ) {}

  async forcePublish(staff: StaffPrincipal, id: string, reason: string): Promise<EditionDoc> {
    const doc = await loadEdition(id)
    const now = this.now()
    const open = await this.checker.open(doc, now)
    await requireInterpretedPoliciesPublic(doc)
    const fixedOnly = open.filter((f) => !f.overridable)
    if (fixedOnly.length) throw new AppError('CONFLICT', `发布前检查未通过：${fixedOnly[0]!.message}`, { findings: fixedOnly })
    let dueOn: string | null = null
    try {
      dueOn = this.calendar.addWorkingDays(formatShanghaiDate(now), RETROSPECTIVE_REVIEW_WORKING_DAYS)
    } catch (err) {
      if (!(err instanceof CalendarGapError)) throw err // no calendar data: no due date rather than a guessed one
    }
    const overrides = [...doc.overrides, ...open.map((f) => ({ key: f.key, staffId: staff.id, name: staff.username, reason, at: now }))]
    const published = await transition(doc, 'forcePublish', staff, now, { $set: { publishedAt: now, forced: { by: staff.id, reason, at: now, dueOn }, overrides } }, reason)
    await publishEditionItem(published, now, now, this.checker, this.events)
    await this.contentChanged()
    return { ...published, itemPublished: true }
  }
}
