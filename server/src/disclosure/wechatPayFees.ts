import { parseShanghaiDateTime } from '@zw/shared'
import type { Logger } from '../platform/logger'
import { ConflictError, NotFoundError } from '../platform/errors'
import type { FeePayments as PayLedger } from '../platform/wechatpay/feePayments'
import type { FeePaymentRecorder } from './feePaymentRecorder'
import type { FeePayments } from './feePayments'

/** What the disclosure domain's fees are called in the WeChat Pay ledger. */
export const DISCLOSURE_FEE = 'disclosure-fee'

/**
 * The disclosure domain's fees paid through the WeChat Pay ledger (platform/wechatpay):
 * one order per application's fee notice (the notice's `D…` number is the ledger's
 * purpose key), open until the end of the payment deadline (Beijing time), and a
 * payment recorded on the application once when the ledger says it is paid. A payment
 * that arrives after the application ended (abandoned, withdrawn) is refunded.
 */
export function connectWeChatPayFees(ledger: PayLedger, recorder: FeePaymentRecorder, logger: Logger): FeePayments {
  ledger.onPaid(DISCLOSURE_FEE, async (e) => {
    const outcome = await recorder.recordFeePaid(e.purposeKey, e.paidAt, e.transactionId)
    if (!outcome.changed && outcome.reason === 'not-awaiting-payment') {
      logger.warn({ order: e.outTradeNo, application: outcome.applicationId, state: outcome.state }, 'disclosure fee paid after the application ended: refunding')
      await ledger.refund(e.outTradeNo, { reason: '申请已终止，退还信息处理费' })
    }
  })
  return {
    async open(order) {
      const opened = await ledger.openOrder({
        purpose: DISCLOSURE_FEE,
        purposeKey: order.outTradeNo,
        amountFen: order.amountFen,
        description: order.description,
        openid: order.openid,
        expiresAt: order.payBy ? parseShanghaiDateTime(`${order.payBy} 23:59`) : undefined,
      })
      if (!opened.payParams) throw new ConflictError(opened.state === 'paid' ? '这笔信息处理费已经缴纳' : '这笔缴费已关闭，请联系受理机关')
      return opened.payParams
    },
    async close(outTradeNo, reason) {
      await ledger.closeFor(DISCLOSURE_FEE, outTradeNo, reason)
    },
    async refund(r) {
      const order = await ledger.orderOf(DISCLOSURE_FEE, r.outTradeNo)
      if (!order) throw new NotFoundError('没有这笔缴费记录')
      const refund = await ledger.refund(order.outTradeNo, { reason: r.reason, amountFen: r.amountFen })
      return { refundId: refund.outRefundNo, status: refund.state }
    },
  }
}
