import { can } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { ChannelDeliveryModel, type ChannelDeliveryDoc } from './model'
import type { ChannelDeps } from './channelSettings'

/**
 * 重试: an editor of the department sends a failed delivery again (after fixing what its
 * message says, or after checking the platform when a hand-over was interrupted). It goes
 * back to pending, due now, with a fresh budget of automatic attempts; a new draft is made
 * for the 公众号. Audited.
 */
export class DeliveryRetrier {
  constructor(private readonly deps: ChannelDeps) {}

  async retry(staff: StaffPrincipal, id: string): Promise<ChannelDeliveryDoc> {
    const d = await ChannelDeliveryModel.findById(id).lean<ChannelDeliveryDoc>()
    if (!d) throw new NotFoundError('发送记录不存在')
    if (!can(staff, 'content.write', d.department)) throw new ForbiddenError('只有本部门编辑可以重试发送')
    if (d.cancelled) throw new ConflictError('内容已不再公开，不能再发送')
    const now = this.deps.now()
    const moved = await ChannelDeliveryModel.findOneAndUpdate(
      { _id: id, state: 'failed' },
      { $set: { state: 'pending', nextAttemptAt: now, leaseUntil: null, attemptBudget: d.attempts + this.deps.settings.retry.maxAttempts, mediaId: null, publishId: null, updatedAt: now } },
      { new: true },
    ).lean<ChannelDeliveryDoc>()
    if (!moved) throw new ConflictError('只有发送失败的记录可以重试')
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'channels.delivery-retried', subject: `content:${d.itemId}`, before: { channel: d.channel, state: d.state, error: d.error }, after: { channel: d.channel, state: 'pending' } })
    return moved
  }
}
