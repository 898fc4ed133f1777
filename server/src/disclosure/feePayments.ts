/**
 * What the disclosure domain needs of a payment provider. The WeChat Pay module
 * (platform/wechatpay, JSAPI / mini-program payment, API v3) implements it; its payment
 * notification handler, once it has verified a notification, calls
 * `FeePaymentRecorder.recordFeePaid` — which is idempotent.
 */
export interface MiniProgramPayParams {
  appId: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export interface FeeOrder {
  /** `D` + the application id: one order per application's fee. */
  outTradeNo: string
  amountFen: number
  description: string
  openid: string
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
  /** Asks for the refund; answers the provider's refund id and status. */
  refund(refund: FeeRefund): Promise<{ refundId: string; status: string }>
}

export const yuanToFen = (yuan: number) => Math.round(yuan * 100)
