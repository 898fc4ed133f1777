import { can, formatShanghaiDate, REVIEW_TARGET_WORKING_DAYS, SHANGHAI_OFFSET_MS, toShanghaiParts, type DepartmentDashboard as DashboardView, type WorkingCalendar } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { EditionModel, RetrospectiveTaskModel, type EditionDoc } from './model'
import { lateness } from './reviewInbox'

/** 工作台概览: a department's waiting, late, scheduled and force-published work, for its staff and leaders. */
export class DepartmentDashboard {
  constructor(private readonly calendar: WorkingCalendar) {}

  async of(staff: StaffPrincipal, now: Date): Promise<DashboardView> {
    const department = staff.department
    if (!can(staff, 'content.read', department)) throw new ForbiddenError('只有本部门的编辑、审核员和管理员可以查看')
    const yearStart = new Date(Date.UTC(toShanghaiParts(now).year, 0, 1) - SHANGHAI_OFFSET_MS)
    const today = formatShanghaiDate(now)
    const [submitted, scheduled, forcedTotal, forcedThisYear, open] = await Promise.all([
      EditionModel.find({ department, state: 'submitted' }, { submittedAt: 1, updatedAt: 1 }).lean<EditionDoc[]>(),
      EditionModel.countDocuments({ department, state: 'scheduled' }),
      RetrospectiveTaskModel.countDocuments({ department }),
      RetrospectiveTaskModel.countDocuments({ department, createdAt: { $gte: yearStart } }),
      RetrospectiveTaskModel.find({ department, state: 'open' }, { dueOn: 1 }).lean<{ dueOn: string | null }[]>(),
    ])
    return {
      department,
      waitingReview: submitted.length,
      overdueReview: submitted.filter((e) => lateness(this.calendar, e.submittedAt ?? e.updatedAt, now, REVIEW_TARGET_WORKING_DAYS).overdue).length,
      scheduled,
      forcePublished: { total: forcedTotal, thisYear: forcedThisYear },
      retrospectiveOpen: open.length,
      retrospectiveOverdue: open.filter((t) => t.dueOn !== null && today > t.dueOn).length,
    }
  }
}
