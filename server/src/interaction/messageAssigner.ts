import type { StaffMessage } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ValidationError } from '../platform/errors'
import { handlersOf, MessageStep, staffViewOf } from './messageStep'

/** 分配: a message of the department goes to one of its handlers (or is taken by oneself). */
export class MessageAssigner extends MessageStep {
  async assign(staff: StaffPrincipal, id: string, assigneeId: string): Promise<StaffMessage> {
    const { doc, to } = await this.load(staff, id, 'assign')
    const assignee = (await handlersOf(doc.department)).find((h) => h.id === assigneeId)
    if (!assignee) throw new ValidationError([{ path: 'assigneeId', message: '办理人应为本部门可以办理留言的工作人员' }])
    return staffViewOf(this.ctx, await this.move(staff, doc, 'assign', to, { $set: { assignee }, note: assignee.name }), staff)
  }
}
