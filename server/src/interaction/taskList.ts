import { can, MESSAGE_FINAL_STATES } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { ConsultationModel, InteractionTaskModel, MessageModel, type InteractionTaskDoc } from './model'

/**
 * 互动待办 of the workbench: the department's reminders, escalations, 60-day alarms and
 * feedback reports due, of messages and consultations still waiting; platform admins see
 * every alarm and the calendar warnings.
 */
export class InteractionTaskList {
  async list(staff: StaffPrincipal) {
    const platform = can(staff, 'platform.configure')
    if (!platform && !can(staff, 'interaction.handle', staff.department)) throw new ForbiddenError('没有互动交流的待办')
    const tasks = await InteractionTaskModel.find(platform ? { platform: true } : { department: staff.department }).sort({ at: -1 }).limit(300).lean<InteractionTaskDoc[]>()
    const messageIds = [...new Set(tasks.map((t) => t.messageId).filter((id): id is string => id !== null))]
    const openMessages = new Set((await MessageModel.find({ _id: { $in: messageIds }, state: { $nin: MESSAGE_FINAL_STATES } }, { _id: 1 }).lean()).map((d) => d._id.toString()))
    const consultationIds = [...new Set(tasks.map((t) => t.consultationId).filter((id): id is string => id !== null))]
    const unreported = new Set((await ConsultationModel.find({ _id: { $in: consultationIds }, state: { $in: ['scheduled', 'open', 'closed'] } }, { _id: 1 }).lean()).map((d) => d._id.toString()))
    return {
      tasks: tasks
        .filter((t) => (t.messageId === null || openMessages.has(t.messageId)) && (t.consultationId === null || unreported.has(t.consultationId)))
        .map((t) => ({ id: t._id, kind: t.kind, department: t.department, messageId: t.messageId, consultationId: t.consultationId, dueDate: t.dueDate, text: t.text, at: t.at.toISOString() })),
    }
  }
}
