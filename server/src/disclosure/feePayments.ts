import type { MiniProgramPayParams } from '../platform/wechatpay/wechatPayCrypto'

/**
 * What the disclosure domain needs of a payment provider. `connectWeChatPayFees`
 * (wechatPayFees.ts) provides it over the WeChat Pay ledger (platform/wechatpay, JSAPI /
 * mini-program payment, API v3), whose verified payment notifications end in
 * `FeePaymentRecorder.recordFeePaid` — which is idempotent.
 */
export type { MiniProgramPayParams }

export interface FeeOrder {
  /** `D` + the application id: one order per application's fee. */
  outTradeNo: string
  amountFen: number
  description: string
  openid: string
  /** The last day to pay (YYYY-MM-DD, Beijing): the order closes after it. */
  payBy?: string
}

export interface FeeRefund {
  outTradeNo: string
  outRefundNo: string
  amountFen: number
  totalFen: number
  reason: string
}

export interface FeePayments {
  /** Creates (or reuses) the order and answers what wx.requestPayment needs. */
  open(order: FeeOrder): Promise<MiniProgramPayParams>
  /** Closes the order of a fee that will not be paid (the application ended); optional for providers that cannot. */
  close?(outTradeNo: string, reason: string): Promise<void>
  /** Asks for the refund; answers the provider's refund id and status. */
  refund(refund: FeeRefund): Promise<{ refundId: string; status: string }>
}

export const yuanToFen = (yuan: number) => Math.round(yuan * 100)

/**
 * Closes the payment order of an application's fee that will not be paid now (the
 * application was abandoned or withdrawn), so the applicant can no longer pay it; a
 * payment that crossed the close is refunded when it is reported. Failing to reach the
 * provider is not fatal: the reconciliation job closes orders after their deadline.
 */
export async function closeUnpaidFeeOrder(payments: FeePayments | undefined, fee: { paid: unknown; notice: { outTradeNo: string } | null } | null | undefined, reason: string, onError: (err: unknown) => void): Promise<void> {
  const order = fee?.notice?.outTradeNo
  if (!order || fee?.paid || !payments?.close) return
  await payments.close(order, reason).catch(onError)
}
