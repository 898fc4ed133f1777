import { decideDisclosure, formatShanghaiDate } from '@zw/shared'
import { recordAudit } from '../platform/audit/auditTrail'
import { SYSTEM_ACTOR, SYSTEM_REF, type DisclosureContext } from './context'
import { yuanToFen } from './feePayments'
import { DisclosureApplicationModel, type DisclosureApplicationDoc } from './model'

export type FeePaidOutcome = { changed: true; applicationId: string } | { changed: false; reason: 'unknown-order' | 'already-paid' | 'not-awaiting-payment'; applicationId?: string; state?: string }

/**
 * Records that a fee notice was paid, as the payment notification (verified by the WeChat
 * Pay module) reports it. Idempotent: the update applies only to an application still
 * awaiting this payment, so a replayed or concurrent duplicate changes nothing. Paying
 * moves the application back to 办理中 and, when the fee window stops the clock, restarts
 * it from the day of payment (Beijing date of `paidAt`).
 */
export class FeePaymentRecorder {
  constructor(private readonly ctx: DisclosureContext) {}

  /** The order as the notification handler checks it: amount in fen, and whether a payment is still awaited. */
  async order(outTradeNo: string): Promise<{ applicationId: string; amountFen: number; awaitingPayment: boolean } | undefined> {
    const doc = await DisclosureApplicationModel.findOne({ 'fee.notice.outTradeNo': outTradeNo }).lean<DisclosureApplicationDoc>()
    if (!doc?.fee) return undefined
    return { applicationId: doc._id.toString(), amountFen: yuanToFen(doc.fee.amountYuan), awaitingPayment: doc.state === 'fee-notified' && !doc.fee.paid }
  }

  async recordFeePaid(outTradeNo: string, paidAt: Date, transactionId: string): Promise<FeePaidOutcome> {
    const now = this.ctx.now()
    const on = formatShanghaiDate(paidAt)
    const moved = await DisclosureApplicationModel.findOneAndUpdate(
      { 'fee.notice.outTradeNo': outTradeNo, state: 'fee-notified', 'fee.paid': null },
      {
        $set: { state: decideTo(), 'fee.paid': { at: paidAt, transactionId }, updatedAt: now },
        $push: { events: { kind: 'fee-paid', on, at: now, by: SYSTEM_REF, note: transactionId }, notices: { at: now, title: '已收到信息处理费', text: '已收到您缴纳的信息处理费，我们将继续办理您的申请。' } },
      },
      { new: false },
    ).lean<DisclosureApplicationDoc>()
    if (!moved) {
      const doc = await DisclosureApplicationModel.findOne({ 'fee.notice.outTradeNo': outTradeNo }).lean<DisclosureApplicationDoc>()
      if (!doc) return { changed: false, reason: 'unknown-order' }
      if (doc.fee?.paid) return { changed: false, reason: 'already-paid', applicationId: doc._id.toString(), state: doc.state }
      return { changed: false, reason: 'not-awaiting-payment', applicationId: doc._id.toString(), state: doc.state }
    }
    await recordAudit({ at: now, actor: SYSTEM_ACTOR, action: 'disclosure.feePaid', subject: `disclosure:${moved._id.toString()}`, before: { state: moved.state, paid: false }, after: { state: 'processing', paid: true, paidOn: on, transactionId, amountYuan: moved.fee?.amountYuan } })
    return { changed: true, applicationId: moved._id.toString() }
  }
}

/** The state a payment moves an application to, as the workflow table says. */
function decideTo(): string {
  const d = decideDisclosure({ state: 'fee-notified', department: '' }, 'feePaid', { kind: 'system' })
  if (!d.ok) throw new Error('the workflow table no longer lets a payment move an application')
  return d.to
}
