import type { StaffMessage, messageActionBodySchema, z } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import type { MessageAssigner } from './messageAssigner'
import type { MessageModerator } from './messageModerator'
import type { MessageReplier } from './messageReplier'
import type { MessageUnpublisher } from './messageUnpublisher'

/** Hands a staff step on a message to the service of its verb. */
export class MessageDesk {
  constructor(private readonly s: { moderator: MessageModerator; assigner: MessageAssigner; replier: MessageReplier; unpublisher: MessageUnpublisher }) {}

  take(staff: StaffPrincipal, id: string, body: z.output<typeof messageActionBodySchema>): Promise<StaffMessage> {
    switch (body.action) {
      case 'approveContent':
        return this.s.moderator.approve(staff, id, body.note)
      case 'rejectContent':
        return this.s.moderator.reject(staff, id, body.reason)
      case 'assign':
        return this.s.assigner.assign(staff, id, body.assigneeId)
      case 'reply':
        return this.s.replier.reply(staff, id, body.text)
      case 'approveReply':
        return this.s.replier.approve(staff, id)
      case 'returnReply':
        return this.s.replier.returnDraft(staff, id, body.reason)
      case 'markNotPublic':
        return this.s.unpublisher.markNotPublic(staff, id, body.reason)
    }
  }
}
