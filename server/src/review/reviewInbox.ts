import { CalendarGapError, can, formatShanghaiDate, isPastWorkingDays, REVIEW_TARGET_WORKING_DAYS, type ReviewTask, type WorkingCalendar } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { EditionModel, RetrospectiveTaskModel, type EditionDoc, type RetrospectiveTaskDoc } from './model'

/** Whether a wait that began at `since` is past its working-day target, or why that cannot be told. */
export function lateness(calendar: WorkingCalendar, since: Date, now: Date, days: number): { dueOn: string | null; overdue: boolean; calendarWarning: string | null } {
  try {
    const dueOn = calendar.addWorkingDays(formatShanghaiDate(since), days)
    return { dueOn, overdue: isPastWorkingDays(calendar, since, now, days), calendarWarning: null }
  } catch (err) {
    if (err instanceof CalendarGapError) return { dueOn: null, overdue: false, calendarWarning: err.message }
    throw err
  }
}

/**
 * A reviewer's inbox: the department's submitted editions they may review (not their own),
 * oldest first, each late once it has waited more than REVIEW_TARGET_WORKING_DAYS working
 * days; and force-published editions waiting for their retrospective review.
 */
export class ReviewInbox {
  constructor(private readonly calendar: WorkingCalendar) {}

  async tasksFor(staff: StaffPrincipal, now: Date): Promise<ReviewTask[]> {
    if (!can(staff, 'content.review', staff.department)) throw new ForbiddenError('只有审核员有审核任务')
    const [editions, retrospective] = await Promise.all([
      EditionModel.find({ department: staff.department, state: 'submitted' }, { itemId: 1, makers: 1, submittedAt: 1, updatedAt: 1, 'content.title': 1 }).sort({ submittedAt: 1 }).limit(200).lean<EditionDoc[]>(),
      RetrospectiveTaskModel.find({ department: staff.department, state: 'open' }).sort({ createdAt: 1 }).limit(200).lean<RetrospectiveTaskDoc[]>(),
    ])
    const review: ReviewTask[] = editions
      .filter((e) => !e.makers.includes(staff.id))
      .map((e) => {
        const since = e.submittedAt ?? e.updatedAt
        return { id: e._id.toString(), kind: 'review', editionId: e._id.toString(), itemId: e.itemId.toString(), title: e.content.title, since: since.toISOString(), reason: null, ...lateness(this.calendar, since, now, REVIEW_TARGET_WORKING_DAYS) }
      })
    const today = formatShanghaiDate(now)
    const after: ReviewTask[] = retrospective
      .filter((t) => !t.excluded.includes(staff.id))
      .map((t) => ({
        id: t._id.toString(),
        kind: 'retrospective',
        editionId: t.editionId.toString(),
        itemId: t.itemId.toString(),
        title: t.title,
        since: t.createdAt.toISOString(),
        dueOn: t.dueOn,
        overdue: t.dueOn !== null && today > t.dueOn,
        reason: t.reason,
        calendarWarning: t.dueOn === null ? '缺少节假日安排数据，未能计算事后审核期限' : null,
      }))
    // Retrospective reviews first: the content is already public.
    return [...after, ...review]
  }
}
