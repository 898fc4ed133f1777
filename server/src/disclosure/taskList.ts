import { can, DISCLOSURE_FINAL_STATES } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { DisclosureApplicationModel, DisclosureTaskModel, type DisclosureTaskDoc } from './model'

/** 依申请公开待办 of the workbench: the department's reminders and overdue escalations of applications still open; calendar warnings for platform admins. */
export class DisclosureTaskList {
  async list(staff: StaffPrincipal) {
    const platform = can(staff, 'platform.configure')
    if (!platform && !can(staff, 'disclosure.handle', staff.department)) throw new ForbiddenError('没有依申请公开的待办')
    const filter = platform ? { department: null } : { department: staff.department }
    const tasks = await DisclosureTaskModel.find(filter).sort({ at: -1 }).limit(200).lean<DisclosureTaskDoc[]>()
    const ids = [...new Set(tasks.map((t) => t.applicationId).filter((id): id is string => id !== null))]
    const open = new Set((await DisclosureApplicationModel.find({ _id: { $in: ids }, state: { $nin: DISCLOSURE_FINAL_STATES } }, { _id: 1 }).lean()).map((d) => d._id.toString()))
    return {
      tasks: tasks
        .filter((t) => t.applicationId === null || open.has(t.applicationId))
        .map((t) => ({ id: t._id, kind: t.kind, applicationId: t.applicationId, trackingNumber: t.trackingNumber, dueDate: t.dueDate, text: t.text, at: t.at.toISOString() })),
    }
  }
}
