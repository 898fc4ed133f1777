import { recordAudit, type AuditActor } from '../platform/audit/auditTrail'
import { ConflictError, ServiceUnavailableError } from '../platform/errors'
import { todayOf, type DisclosureContext } from './context'
import { yuanToFen } from './feePayments'
import { DisclosureApplicationModel, type DisclosureActorRef, type DisclosureApplicationDoc } from './model'

/**
 * Gives a paid fee back (withdrawn before the information was provided, or charged in
 * error) through the payment provider, once: the refund is recorded only on an
 * application whose fee is paid and not yet refunded, and the refund number is fixed per
 * application so a retried request is the same refund for the provider.
 */
export class FeeRefunder {
  constructor(private readonly ctx: DisclosureContext) {}

  async refund(doc: DisclosureApplicationDoc, reason: string, audit: AuditActor, by: DisclosureActorRef, extraSet: Record<string, unknown> = {}): Promise<DisclosureApplicationDoc> {
    const fee = doc.fee
    if (!fee?.paid || !fee.notice) throw new ConflictError('这件申请没有已缴的费用')
    if (fee.refund) throw new ConflictError('费用已经退还')
    if (!this.ctx.payments) throw new ServiceUnavailableError('在线支付未开通，无法原路退款')
    const outRefundNo = `R${doc._id.toString()}`
    const amountFen = yuanToFen(fee.amountYuan)
    const result = await this.ctx.payments.refund({ outTradeNo: fee.notice.outTradeNo, outRefundNo, amountFen, totalFen: amountFen, reason })
    const now = this.ctx.now()
    const moved = await DisclosureApplicationModel.findOneAndUpdate(
      { _id: doc._id, 'fee.refund': null },
      {
        $set: { 'fee.refund': { at: now, reason, outRefundNo, refundId: result.refundId }, updatedAt: now, ...extraSet },
        $push: { events: { kind: 'fee-refunded', on: todayOf(this.ctx), at: now, by, note: reason }, notices: { at: now, title: '信息处理费已退还', text: `已退还您缴纳的信息处理费 ${fee.amountYuan} 元（原路退回微信支付）。` } },
      },
      { new: true },
    ).lean<DisclosureApplicationDoc>()
    if (!moved) throw new ConflictError('费用已经退还')
    await recordAudit({ at: now, actor: audit, action: 'disclosure.refundFee', subject: `disclosure:${doc._id.toString()}`, before: { state: doc.state, paid: fee.amountYuan, refunded: false }, after: { state: moved.state, refunded: true, refundId: result.refundId, status: result.status }, reason })
    return moved
  }
}
