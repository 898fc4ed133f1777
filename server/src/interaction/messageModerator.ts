import type { StaffMessage } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { MessageStep, staffViewOf } from './messageStep'

/**
 * 内容审核 of a message the content check held (review or risky): a reviewer of the
 * department accepts it into the queue (its clock has run since it arrived) or does not
 * accept it, with the reason the writer reads.
 */
export class MessageModerator extends MessageStep {
  async approve(staff: StaffPrincipal, id: string, note: string): Promise<StaffMessage> {
    const { doc, to } = await this.load(staff, id, 'approveContent')
    const moderation = { decision: 'approved', by: { id: staff.id, name: staff.displayName }, at: this.ctx.now(), note }
    return staffViewOf(this.ctx, await this.move(staff, doc, 'approveContent', to, { $set: { moderation }, note, audit: { verdict: doc.screening.verdict } }), staff)
  }

  async reject(staff: StaffPrincipal, id: string, reason: string): Promise<StaffMessage> {
    const { doc, to } = await this.load(staff, id, 'rejectContent')
    const moderation = { decision: 'rejected', by: { id: staff.id, name: staff.displayName }, at: this.ctx.now(), note: reason }
    return staffViewOf(this.ctx, await this.move(staff, doc, 'rejectContent', to, { $set: { moderation }, note: reason, reason, audit: { verdict: doc.screening.verdict } }), staff)
  }
}
