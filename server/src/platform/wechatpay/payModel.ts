import mongoose, { Schema } from 'mongoose'

export type PayOrderState = 'created' | 'paid' | 'closed' | 'refunding' | 'refunded'

/**
 * One WeChat Pay order of ours, `_id` = out_trade_no. A small collection (fees are rare),
 * so its state changes are conditional `findOneAndUpdate`s on `_id` (ADR 0015 allows
 * them for small collections; ADR 0010 makes them atomic on FerretDB).
 *
 * out_trade_no is derived from (purpose, purposeKey, seq): two requests opening the fee
 * of one application at once compute the same number and only one insert succeeds, so
 * there is never more than one open order per purpose key.
 */
export interface PayOrderDoc {
  _id: string
  /** What the money is for, e.g. `disclosure-fee`; picks the onPaid handler. */
  purpose: string
  /** Which one, e.g. the application id. */
  purposeKey: string
  /** 1 for the first order of this purpose key, +1 after each closed one. */
  seq: number
  state: PayOrderState
  amountFen: number
  currency: 'CNY'
  description: string
  openid: string
  appId: string
  mchId: string
  prepayId: string | null
  prepayAt: Date | null
  /** When an unpaid order is closed by the reconciliation job (the domain's payment window). */
  expiresAt: Date | null
  createdAt: Date
  /** Last time the reconciliation job asked WeChat Pay about it. */
  checkedAt: Date | null
  paidAt: Date | null
  transactionId: string | null
  /** How we learnt it was paid. */
  paidVia: 'notification' | 'query' | null
  /** Paid although we had closed it (a payment that crossed our close): the handler decides (usually a refund). */
  paidAfterClose: boolean
  closedAt: Date | null
  closeReason: string | null
  /** The onPaid handler: done at, claimed until (a lease), attempts and last error. */
  handledAt: Date | null
  handlingUntil: Date | null
  handleAttempts: number
  handleError: string | null
  refundedFen: number
}

const payOrderSchema = new Schema<PayOrderDoc>(
  {
    _id: { type: String, required: true },
    purpose: { type: String, required: true },
    purposeKey: { type: String, required: true },
    seq: { type: Number, required: true },
    state: { type: String, required: true, enum: ['created', 'paid', 'closed', 'refunding', 'refunded'] },
    amountFen: { type: Number, required: true },
    currency: { type: String, required: true, enum: ['CNY'] },
    description: { type: String, required: true },
    openid: { type: String, required: true },
    appId: { type: String, required: true },
    mchId: { type: String, required: true },
    prepayId: { type: String, default: null },
    prepayAt: { type: Date, default: null },
    expiresAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    checkedAt: { type: Date, default: null },
    paidAt: { type: Date, default: null },
    transactionId: { type: String, default: null },
    paidVia: { type: String, default: null },
    paidAfterClose: { type: Boolean, default: false },
    closedAt: { type: Date, default: null },
    closeReason: { type: String, default: null },
    handledAt: { type: Date, default: null },
    handlingUntil: { type: Date, default: null },
    handleAttempts: { type: Number, default: 0 },
    handleError: { type: String, default: null },
    refundedFen: { type: Number, default: 0 },
  },
  { collection: 'pay_orders', versionKey: false },
)
payOrderSchema.index({ purpose: 1, purposeKey: 1, seq: -1 })
payOrderSchema.index({ state: 1, createdAt: 1 })

export type PayRefundState = 'requested' | 'processing' | 'succeeded' | 'closed' | 'abnormal'

/** A refund, `_id` = out_refund_no (`<out_trade_no>-R<n>`): inserting it is the claim, so a refund asked twice is asked once. */
export interface PayRefundDoc {
  _id: string
  outTradeNo: string
  amountFen: number
  reason: string
  state: PayRefundState
  refundId: string | null
  createdAt: Date
  checkedAt: Date | null
  succeededAt: Date | null
  lastError: string | null
}

const payRefundSchema = new Schema<PayRefundDoc>(
  {
    _id: { type: String, required: true },
    outTradeNo: { type: String, required: true },
    amountFen: { type: Number, required: true },
    reason: { type: String, required: true },
    state: { type: String, required: true, enum: ['requested', 'processing', 'succeeded', 'closed', 'abnormal'] },
    refundId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    checkedAt: { type: Date, default: null },
    succeededAt: { type: Date, default: null },
    lastError: { type: String, default: null },
  },
  { collection: 'pay_refunds', versionKey: false },
)
payRefundSchema.index({ outTradeNo: 1 })
payRefundSchema.index({ state: 1 })

export const PayOrderModel = mongoose.model<PayOrderDoc>('PayOrder', payOrderSchema)
export const PayRefundModel = mongoose.model<PayRefundDoc>('PayRefund', payRefundSchema)
