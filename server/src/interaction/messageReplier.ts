import { departmentNameOf, formatShanghaiDate, type StaffMessage } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { MessageStep, staffViewOf } from './messageStep'
import { MessageModel, type MessageDoc } from './model'

/** The mini-program page of a message, for the notice that it was answered. */
export const messagePagePath = (id: string) => `interaction/pages/message/index?id=${id}`

/**
 * 答复: the handler replies. In a department that reviews replies the reply waits for a
 * second person (never its drafter), who sends it out or returns it; otherwise it goes
 * out at once. Once out, the writer is told — in 我的消息 and by WeChat subscription
 * message when they consented; a notice that fails is tried again by the daily sweep.
 */
export class MessageReplier extends MessageStep {
  async reply(staff: StaffPrincipal, id: string, text: string): Promise<StaffMessage> {
    const { doc, to } = await this.load(staff, id, 'reply')
    const now = this.ctx.now()
    const by = { id: staff.id, name: staff.displayName }
    if (to === 'reply-review') {
      const moved = await this.move(staff, doc, 'reply', to, { event: 'reply-submitted', $set: { replyDraft: { text, draftedBy: by, draftedAt: now, returned: null }, ...(doc.assignee ? {} : { assignee: by }) } })
      return staffViewOf(this.ctx, moved, staff)
    }
    const reply = { text, answeredAt: now, answeredOn: formatShanghaiDate(now), by, approvedBy: null }
    const moved = await this.move(staff, doc, 'reply', to, { $set: { reply, replyDraft: null, ...(doc.assignee ? {} : { assignee: by }) }, audit: { answeredOn: reply.answeredOn } })
    return staffViewOf(this.ctx, await this.tell(moved), staff)
  }

  async approve(staff: StaffPrincipal, id: string): Promise<StaffMessage> {
    const { doc, to } = await this.load(staff, id, 'approveReply')
    const now = this.ctx.now()
    const draft = doc.replyDraft!
    const reply = { text: draft.text, answeredAt: now, answeredOn: formatShanghaiDate(now), by: draft.draftedBy, approvedBy: { id: staff.id, name: staff.displayName } }
    const moved = await this.move(staff, doc, 'approveReply', to, { $set: { reply }, audit: { answeredOn: reply.answeredOn, draftedBy: draft.draftedBy.id } })
    return staffViewOf(this.ctx, await this.tell(moved), staff)
  }

  async returnDraft(staff: StaffPrincipal, id: string, reason: string): Promise<StaffMessage> {
    const { doc, to } = await this.load(staff, id, 'returnReply')
    const moved = await this.move(staff, doc, 'returnReply', to, { $set: { replyDraft: { ...doc.replyDraft!, returned: reason } }, note: reason, reason })
    return staffViewOf(this.ctx, moved, staff)
  }

  /** Tells the writer their message was answered (once: the notice has a key of its own); a failure is logged and left for the sweep. */
  async tell(doc: MessageDoc): Promise<MessageDoc> {
    if (!doc.citizenId || doc.state !== 'answered' || doc.notifiedAt) return doc
    try {
      await this.ctx.notify({
        key: `message-reply:${doc._id.toString()}`,
        department: doc.department,
        citizenIds: [doc.citizenId],
        title: '您的留言已答复',
        text: `${departmentNameOf(doc.department)}答复了您的留言「${doc.title}」（${doc.trackingNumber}）。`,
        link: messagePagePath(doc._id.toString()),
      })
      const notifiedAt = this.ctx.now()
      await MessageModel.updateOne({ _id: doc._id }, { $set: { notifiedAt } })
      return { ...doc, notifiedAt }
    } catch (err) {
      this.ctx.logger.warn({ err, message: doc._id.toString() }, 'telling the writer of the answer failed; the daily sweep tries again')
      return doc
    }
  }
}
