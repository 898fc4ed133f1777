import type { StaffMessage } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { MessageStep, staffViewOf } from './messageStep'

/** 设为不公开: staff keep a message (and its answer) out of the public Q&A, whatever the writer agreed, with a reason. */
export class MessageUnpublisher extends MessageStep {
  async markNotPublic(staff: StaffPrincipal, id: string, reason: string): Promise<StaffMessage> {
    const { doc, to } = await this.load(staff, id, 'markNotPublic')
    const notPublic = { reason, by: { id: staff.id, name: staff.displayName }, at: this.ctx.now() }
    return staffViewOf(this.ctx, await this.move(staff, doc, 'markNotPublic', to, { $set: { notPublic }, note: reason, reason }), staff)
  }
}
