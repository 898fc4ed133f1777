import { createHash } from 'node:crypto'
import { recordAudit, type AuditActor } from '../audit/auditTrail'
import { createOnce } from '../db'
import { ConflictError, NotFoundError, ServiceUnavailableError, ValidationError } from '../errors'
import type { Logger } from '../logger'
import { PayOrderModel, PayRefundModel, type PayOrderDoc, type PayOrderState, type PayRefundDoc, type PayRefundState } from './payModel'
import { checkTransaction, NotificationRejectedError, verifyNotification, type NotificationHeaders } from './payNotification'
import { WeChatPayApiError, type Refund, type Transaction, type WeChatPayClient } from './wechatPayClient'
import type { MiniProgramPayParams } from './wechatPayCrypto'

/** A fee order was paid (once per order, after the payment is recorded). */
export interface PaidEvent {
  outTradeNo: string
  purpose: string
  purposeKey: string
  amountFen: number
  transactionId: string
  paidAt: Date
  /** The payment crossed a close of ours (the domain had abandoned it): usually refund it. */
  paidAfterClose: boolean
}
export type PaidHandler = (event: PaidEvent) => Promise<void>

export interface OpenOrderInput {
  /** What the money is for (`disclosure-fee`): the onPaid handler registered for it is called. */
  purpose: string
  /** Which one (the application id): at most one open order per purpose and key. */
  purposeKey: string
  /** In fen (¥100 = 10000). */
  amountFen: number
  /** Shown to the payer in WeChat (≤ 127 bytes). */
  description: string
  /** The payer's openid for the mini-program. */
  openid: string
  /** After this, the reconciliation job closes it unpaid (the payment window). */
  expiresAt?: Date
}

export interface PayOrderView {
  outTradeNo: string
  purpose: string
  purposeKey: string
  state: PayOrderState
  amountFen: number
  createdAt: Date
  paidAt: Date | null
  transactionId: string | null
  closedAt: Date | null
  refundedFen: number
}

/** An order to pay: `payParams` for `wx.requestPayment` while it is open, null once paid, refunded … */
export type OpenedOrder = PayOrderView & { payParams: MiniProgramPayParams | null }

export interface RefundView {
  outRefundNo: string
  outTradeNo: string
  amountFen: number
  state: PayRefundState
  lastError: string | null
}

export interface ReconcileReport {
  checked: number
  paid: number
  closed: number
  handled: number
  refundsChecked: number
}

export type NotificationOutcome = 'paid' | 'duplicate' | 'refunded' | 'ignored'

/** Payments are not configured (no merchant credentials). */
export class PaymentsDisabledError extends ServiceUnavailableError {
  constructor() {
    super('本单位暂未开通微信支付，暂不能在线缴纳信息处理费，请联系受理机关', { reason: 'payments-disabled' })
    this.name = 'PaymentsDisabledError'
  }
}

/** WeChat Pay did not do what we asked (down, rate-limited, or refused). */
export class PaymentProviderError extends ServiceUnavailableError {
  constructor(readonly providerError: WeChatPayApiError) {
    super('微信支付暂时不可用，请稍后再试', { provider: 'wechatpay', code: providerError.code })
    this.name = 'PaymentProviderError'
  }
}

const SYSTEM: AuditActor = { id: 'system', name: '微信支付' }
const MINUTE = 60_000
/** A prepay id is valid for two hours at WeChat Pay; a new one is asked for a little before. */
const PREPAY_REUSE_MS = 110 * MINUTE
const HANDLER_LEASE_MS = 2 * MINUTE
const PAID_STATES: PayOrderState[] = ['paid', 'refunding', 'refunded']

/** out_trade_no of the n-th order of a purpose key: 32 characters at most, WeChat's alphabet. */
export function outTradeNoFor(purpose: string, purposeKey: string, seq: number): string {
  return `ZW${createHash('sha256').update(`${purpose}\n${purposeKey}`).digest('hex').slice(0, 22).toUpperCase()}N${seq}`
}

const viewOf = (o: PayOrderDoc): PayOrderView => ({
  outTradeNo: o._id,
  purpose: o.purpose,
  purposeKey: o.purposeKey,
  state: o.state,
  amountFen: o.amountFen,
  createdAt: o.createdAt,
  paidAt: o.paidAt ?? null,
  transactionId: o.transactionId ?? null,
  closedAt: o.closedAt ?? null,
  refundedFen: o.refundedFen ?? 0,
})
const refundViewOf = (r: PayRefundDoc): RefundView => ({ outRefundNo: r._id, outTradeNo: r.outTradeNo, amountFen: r.amountFen, state: r.state, lastError: r.lastError ?? null })
const auditState = (o: PayOrderDoc | null) => o && { state: o.state, amountFen: o.amountFen, purpose: o.purpose, purposeKey: o.purposeKey, transactionId: o.transactionId ?? null }

/**
 * The ledger of fee orders paid with WeChat Pay: opening an order (idempotent per
 * purpose key), payments recorded once whatever the number of notifications (a
 * conditional update from `created`), each domain's onPaid handler called once per paid
 * order (a claim with a lease, retried by the reconciliation job until it succeeds),
 * closing, refunds, and reconciliation by query for notifications that never came.
 * Every state change is audited. Without a client (payments not configured) operations
 * that need WeChat Pay throw PaymentsDisabledError.
 */
export class FeePayments {
  private readonly handlers = new Map<string, PaidHandler>()

  constructor(
    private readonly client: WeChatPayClient | null,
    private readonly deps: { now: () => Date; logger: Logger; reconcileAfterMinutes?: number },
  ) {}

  get enabled(): boolean {
    return this.client !== null
  }

  /** The domain reacting to a paid order of `purpose` (once per order). One handler per purpose. */
  onPaid(purpose: string, handler: PaidHandler): void {
    if (this.handlers.has(purpose)) throw new Error(`an onPaid handler for ${purpose} is registered already`)
    this.handlers.set(purpose, handler)
  }

  /**
   * The open order of a purpose key with fresh pay parameters, placing it with WeChat Pay
   * if needed. Calling it again (a page reloaded, two taps) answers the same order. An
   * open order for another amount, payer or description is closed and replaced (WeChat
   * Pay refuses the same out_trade_no with other parameters). A paid order is
   * answered as it is (payParams null).
   */
  async openOrder(input: OpenOrderInput, actor: AuditActor = SYSTEM): Promise<OpenedOrder> {
    const client = this.requireClient()
    const problems = [
      ...(!Number.isInteger(input.amountFen) || input.amountFen <= 0 ? [{ path: 'amountFen', message: '金额应为正整数（分）' }] : []),
      ...(!input.openid ? [{ path: 'openid', message: '缺少付款人的 openid' }] : []),
      ...(!input.description || Buffer.byteLength(input.description) > 127 ? [{ path: 'description', message: '商品描述不能为空，且不超过 127 字节' }] : []),
      ...(!input.purpose || !input.purposeKey ? [{ path: 'purposeKey', message: '缺少缴费事项' }] : []),
    ]
    if (problems.length) throw new ValidationError(problems)
    for (let attempt = 0; attempt < 3; attempt++) {
      let order = await PayOrderModel.findOne({ purpose: input.purpose, purposeKey: input.purposeKey }).sort({ seq: -1 }).lean<PayOrderDoc>()
      if (order && PAID_STATES.includes(order.state)) return { ...viewOf(order), payParams: null }
      if (order?.state === 'created' && (order.amountFen !== input.amountFen || order.openid !== input.openid || order.description !== input.description)) {
        const state = await this.close(order._id, '金额、付款人或描述变更，重新下单', actor)
        if (state !== 'closed') continue
        order = { ...order, state: 'closed' }
      }
      if (!order || order.state === 'closed') {
        const seq = (order?.seq ?? 0) + 1
        const now = this.deps.now()
        const doc: Partial<PayOrderDoc> = {
          _id: outTradeNoFor(input.purpose, input.purposeKey, seq),
          purpose: input.purpose,
          purposeKey: input.purposeKey,
          seq,
          state: 'created',
          amountFen: input.amountFen,
          currency: 'CNY',
          description: input.description,
          openid: input.openid,
          appId: client.settings.appId,
          mchId: client.settings.mchId,
          expiresAt: input.expiresAt ?? null,
          createdAt: now,
        }
        if (await createOnce(PayOrderModel, doc)) {
          await recordAudit({ at: now, actor, action: 'pay.order-created', subject: `pay-order:${doc._id}`, after: { state: 'created', amountFen: doc.amountFen, purpose: doc.purpose, purposeKey: doc.purposeKey } })
        }
        order = await PayOrderModel.findById(doc._id).lean<PayOrderDoc>()
        if (!order) continue
        if (order.state !== 'created') continue
      }
      try {
        return { ...viewOf(order), payParams: await this.payParams(order) }
      } catch (err) {
        if (err instanceof WeChatPayApiError && err.code === 'ORDER_CLOSED') {
          await this.markClosed(order._id, 'WeChat Pay: ORDER_CLOSED', SYSTEM)
          continue
        }
        if (err instanceof WeChatPayApiError) throw new PaymentProviderError(err)
        throw err
      }
    }
    throw new ConflictError('缴费订单正在变更，请稍后重试')
  }

  private async payParams(order: PayOrderDoc): Promise<MiniProgramPayParams> {
    const client = this.requireClient()
    const now = this.deps.now()
    if (order.prepayId && order.prepayAt && now.getTime() - order.prepayAt.getTime() < PREPAY_REUSE_MS) return client.payParamsFor(order.prepayId)
    const { prepayId, payParams } = await client.createJsapiOrder({ outTradeNo: order._id, description: order.description, amountFen: order.amountFen, openid: order.openid, expiresAt: order.expiresAt ?? undefined })
    await PayOrderModel.updateOne({ _id: order._id, state: 'created' }, { $set: { prepayId, prepayAt: now } })
    return payParams
  }

  /** The latest order of a purpose key, or null. */
  async orderOf(purpose: string, purposeKey: string): Promise<PayOrderView | null> {
    const order = await PayOrderModel.findOne({ purpose, purposeKey }).sort({ seq: -1 }).lean<PayOrderDoc>()
    return order && viewOf(order)
  }

  async order(outTradeNo: string): Promise<PayOrderView | null> {
    const order = await PayOrderModel.findById(outTradeNo).lean<PayOrderDoc>()
    return order && viewOf(order)
  }

  /**
   * Closes an unpaid order (at WeChat Pay, then ours) and answers its state after: `closed`,
   * or `paid` when it turns out to have been paid meanwhile (the payment is recorded and
   * the handler called).
   */
  async close(outTradeNo: string, reason: string, actor: AuditActor = SYSTEM): Promise<PayOrderState> {
    const order = await PayOrderModel.findById(outTradeNo).lean<PayOrderDoc>()
    if (!order) throw new NotFoundError('缴费订单不存在')
    if (order.state !== 'created') return order.state
    if (order.prepayId) {
      const client = this.requireClient()
      try {
        await client.closeOrder(outTradeNo)
      } catch (err) {
        if (!(err instanceof WeChatPayApiError)) throw err
        if (err.transient) throw new PaymentProviderError(err)
        // Refused (paid already, or unknown): what WeChat Pay says the order is decides.
        const settled = await this.settleFromQuery(order)
        if (settled !== 'closed' && settled !== 'created') return settled
        if (settled === 'created') throw new PaymentProviderError(err)
      }
    }
    return this.markClosed(outTradeNo, reason, actor)
  }

  /** Closes the open order of a purpose key if there is one (the domain abandons the fee); answers the latest order's state, or null when there is none. */
  async closeFor(purpose: string, purposeKey: string, reason: string, actor: AuditActor = SYSTEM): Promise<PayOrderState | null> {
    const order = await PayOrderModel.findOne({ purpose, purposeKey }).sort({ seq: -1 }).lean<PayOrderDoc>()
    if (!order) return null
    return order.state === 'created' ? this.close(order._id, reason, actor) : order.state
  }

  private async markClosed(outTradeNo: string, reason: string, actor: AuditActor): Promise<PayOrderState> {
    const at = this.deps.now()
    const before = await PayOrderModel.findOneAndUpdate({ _id: outTradeNo, state: 'created' }, { $set: { state: 'closed', closedAt: at, closeReason: reason } }, { new: false }).lean<PayOrderDoc>()
    if (!before) return (await PayOrderModel.findById(outTradeNo).lean<PayOrderDoc>())?.state ?? 'closed'
    await recordAudit({ at, actor, action: 'pay.order-closed', subject: `pay-order:${outTradeNo}`, before: auditState(before), after: { ...auditState(before), state: 'closed' }, reason })
    return 'closed'
  }

  /**
   * Records a verified payment once: a conditional update from `created` (or `closed`,
   * for a payment that crossed our close). A replayed or concurrent duplicate finds
   * nothing to update and changes nothing. Answers whether this call recorded it.
   */
  private async markPaid(tx: Transaction, via: 'notification' | 'query'): Promise<boolean> {
    const at = this.deps.now()
    const paidAt = tx.success_time && !Number.isNaN(Date.parse(tx.success_time)) ? new Date(tx.success_time) : at
    const set = { state: 'paid', paidAt, transactionId: tx.transaction_id ?? null, paidVia: via }
    let before = await PayOrderModel.findOneAndUpdate({ _id: tx.out_trade_no, state: 'created' }, { $set: set }, { new: false }).lean<PayOrderDoc>()
    if (!before) before = await PayOrderModel.findOneAndUpdate({ _id: tx.out_trade_no, state: 'closed' }, { $set: { ...set, paidAfterClose: true } }, { new: false }).lean<PayOrderDoc>()
    if (!before) {
      const current = await PayOrderModel.findById(tx.out_trade_no).lean<PayOrderDoc>()
      if (current?.transactionId && tx.transaction_id && current.transactionId !== tx.transaction_id) {
        this.deps.logger.error({ outTradeNo: tx.out_trade_no, recorded: current.transactionId, notified: tx.transaction_id }, 'WeChat Pay: a second transaction for one order')
      }
      return false
    }
    await recordAudit({ at, actor: SYSTEM, action: 'pay.order-paid', subject: `pay-order:${tx.out_trade_no}`, before: auditState(before), after: { ...auditState(before), state: 'paid', transactionId: set.transactionId, via, paidAfterClose: before.state === 'closed' } })
    this.deps.logger.info({ outTradeNo: tx.out_trade_no, via, amountFen: before.amountFen }, 'fee order paid')
    return true
  }

  /** Calls the onPaid handler of a paid order unless done or being done (claim with a lease); a failure is retried by the reconciliation job. */
  private async dispatch(outTradeNo: string): Promise<boolean> {
    const order = await PayOrderModel.findById(outTradeNo).lean<PayOrderDoc>()
    if (!order || !PAID_STATES.includes(order.state) || order.handledAt) return false
    const handler = this.handlers.get(order.purpose)
    if (!handler) {
      this.deps.logger.warn({ outTradeNo, purpose: order.purpose }, 'paid fee order without an onPaid handler for its purpose')
      return false
    }
    const now = this.deps.now()
    const claimed = await PayOrderModel.findOneAndUpdate(
      { _id: outTradeNo, state: { $in: PAID_STATES }, handledAt: null, $or: [{ handlingUntil: null }, { handlingUntil: { $lt: now } }] },
      { $set: { handlingUntil: new Date(now.getTime() + HANDLER_LEASE_MS) }, $inc: { handleAttempts: 1 } },
      { new: true },
    ).lean<PayOrderDoc>()
    if (!claimed) return false
    try {
      await handler({ outTradeNo, purpose: claimed.purpose, purposeKey: claimed.purposeKey, amountFen: claimed.amountFen, transactionId: claimed.transactionId ?? '', paidAt: claimed.paidAt ?? now, paidAfterClose: claimed.paidAfterClose })
      await PayOrderModel.updateOne({ _id: outTradeNo }, { $set: { handledAt: this.deps.now(), handlingUntil: null, handleError: null } })
      return true
    } catch (err) {
      this.deps.logger.error({ err, outTradeNo, purpose: claimed.purpose }, 'onPaid handler failed; the reconciliation job retries it')
      await PayOrderModel.updateOne({ _id: outTradeNo }, { $set: { handlingUntil: null, handleError: (err as Error).message } })
      return false
    }
  }

  /** A verified paid transaction: recorded (once) and handed to the domain. Throws NotificationRejectedError when it does not match our order. */
  private async settlePaid(tx: Transaction, via: 'notification' | 'query'): Promise<boolean> {
    const client = this.requireClient()
    const order = await PayOrderModel.findById(tx.out_trade_no).lean<PayOrderDoc>()
    checkTransaction(tx, { mchId: client.settings.mchId, appId: client.settings.appId, order })
    const changed = await this.markPaid(tx, via)
    await this.dispatch(tx.out_trade_no)
    return changed
  }

  /** Asks WeChat Pay about an order and records what it says: paid, closed, or still open (`created`). */
  private async settleFromQuery(order: PayOrderDoc): Promise<PayOrderState> {
    const client = this.requireClient()
    let tx: Transaction
    try {
      tx = await client.queryOrder(order._id)
    } catch (err) {
      if (err instanceof WeChatPayApiError && !err.transient && (err.httpStatus === 404 || /NOT_?EXIST/.test(err.code))) return 'created'
      throw err
    }
    if (tx.trade_state === 'SUCCESS' || tx.trade_state === 'REFUND') {
      await this.settlePaid({ ...tx, trade_state: 'SUCCESS' }, 'query')
      return (await PayOrderModel.findById(order._id).lean<PayOrderDoc>())?.state ?? 'paid'
    }
    if (tx.trade_state === 'CLOSED' || tx.trade_state === 'REVOKED' || tx.trade_state === 'PAYERROR') return this.markClosed(order._id, `WeChat Pay: ${tx.trade_state}`, SYSTEM)
    return 'created'
  }

  /** Handles a posted notification (raw bytes as received). Throws NotificationRejectedError when it is not trusted or does not match. */
  async handleNotification(headers: NotificationHeaders, rawBody: Buffer): Promise<NotificationOutcome> {
    const client = this.requireClient()
    const n = verifyNotification(headers, rawBody, { platformKey: client.platformKey, platformSerial: client.settings.platformSerial, apiV3Key: client.settings.apiV3Key, now: this.deps.now(), toleranceSeconds: client.settings.toleranceSeconds })
    if (n.kind === 'transaction') {
      if (n.eventType !== 'TRANSACTION.SUCCESS') return 'ignored'
      return (await this.settlePaid(n.transaction, 'notification')) ? 'paid' : 'duplicate'
    }
    if (n.kind === 'refund') {
      const refund = await PayRefundModel.findById(n.refund.out_refund_no).lean<PayRefundDoc>()
      if (n.refund.mchid && n.refund.mchid !== client.settings.mchId) throw new NotificationRejectedError('wrong-merchant', `mchid ${n.refund.mchid}`)
      if (!refund) throw new NotificationRejectedError('unknown-order', `out_refund_no ${n.refund.out_refund_no}`)
      // Refund notifications say `refund_status` where the refund API says `status`.
      const status = n.refund.status ?? (n.refund as { refund_status?: Refund['status'] }).refund_status
      return (await this.applyRefund(refund, { ...n.refund, status })) ? 'refunded' : 'duplicate'
    }
    return 'ignored'
  }

  /**
   * Refunds a paid order (the whole amount unless less is given), once: the refund's
   * own id `<out_trade_no>-R1` is inserted first, so asking twice asks WeChat Pay once
   * (and WeChat Pay itself treats a repeated out_refund_no as the same refund). A refund
   * WeChat Pay could not take now stays `requested` and the reconciliation job submits it again.
   */
  async refund(outTradeNo: string, options: { reason: string; amountFen?: number }, actor: AuditActor = SYSTEM): Promise<RefundView> {
    this.requireClient()
    const order = await PayOrderModel.findById(outTradeNo).lean<PayOrderDoc>()
    if (!order) throw new NotFoundError('缴费订单不存在')
    if (!PAID_STATES.includes(order.state)) throw new ConflictError('订单尚未支付，不能退款')
    const amountFen = options.amountFen ?? order.amountFen
    if (!Number.isInteger(amountFen) || amountFen <= 0 || amountFen > order.amountFen) throw new ValidationError([{ path: 'amountFen', message: '退款金额应为正整数（分），且不超过支付金额' }])
    if (!options.reason?.trim()) throw new ValidationError([{ path: 'reason', message: '请填写退款原因' }])
    const outRefundNo = `${outTradeNo}-R1`
    const at = this.deps.now()
    if (await createOnce(PayRefundModel, { _id: outRefundNo, outTradeNo, amountFen, reason: options.reason.trim(), state: 'requested', createdAt: at })) {
      const before = await PayOrderModel.findOneAndUpdate({ _id: outTradeNo, state: 'paid' }, { $set: { state: 'refunding' } }, { new: false }).lean<PayOrderDoc>()
      await recordAudit({ at, actor, action: 'pay.refund-requested', subject: `pay-order:${outTradeNo}`, before: auditState(before ?? order), after: { ...auditState(before ?? order), state: 'refunding', outRefundNo, refundFen: amountFen }, reason: options.reason.trim() })
    }
    const refund = await PayRefundModel.findById(outRefundNo).lean<PayRefundDoc>()
    if (!refund) throw new ConflictError('退款记录正在变更，请稍后重试')
    if (refund.state === 'requested') return this.submitRefund(refund, order)
    return refundViewOf(refund)
  }

  async refundOf(outTradeNo: string): Promise<RefundView | null> {
    const refund = await PayRefundModel.findById(`${outTradeNo}-R1`).lean<PayRefundDoc>()
    return refund && refundViewOf(refund)
  }

  private async submitRefund(refund: PayRefundDoc, order: PayOrderDoc): Promise<RefundView> {
    const client = this.requireClient()
    try {
      const answer = await client.refund({ outTradeNo: order._id, outRefundNo: refund._id, refundFen: refund.amountFen, totalFen: order.amountFen, reason: refund.reason })
      await this.applyRefund(refund, answer)
    } catch (err) {
      if (!(err instanceof WeChatPayApiError)) throw err
      this.deps.logger.warn({ outRefundNo: refund._id, code: err.code, status: err.httpStatus }, 'refund not taken by WeChat Pay; the reconciliation job submits it again')
      await PayRefundModel.updateOne({ _id: refund._id, state: 'requested' }, { $set: { lastError: `${err.code}: ${err.detail}` } })
    }
    return refundViewOf((await PayRefundModel.findById(refund._id).lean<PayRefundDoc>())!)
  }

  /** Records what WeChat Pay says of a refund; answers whether it completed it now. */
  private async applyRefund(refund: PayRefundDoc, answer: Pick<Refund, 'status' | 'refund_id' | 'success_time'>): Promise<boolean> {
    const at = this.deps.now()
    const open: PayRefundState[] = ['requested', 'processing']
    if (answer.status === 'PROCESSING') {
      await PayRefundModel.updateOne({ _id: refund._id, state: 'requested' }, { $set: { state: 'processing', refundId: answer.refund_id ?? null, lastError: null } })
      return false
    }
    if (answer.status === 'SUCCESS') {
      const before = await PayRefundModel.findOneAndUpdate({ _id: refund._id, state: { $in: open } }, { $set: { state: 'succeeded', refundId: answer.refund_id ?? null, succeededAt: answer.success_time ? new Date(answer.success_time) : at, lastError: null } }, { new: false }).lean<PayRefundDoc>()
      if (!before) return false
      const order = await PayOrderModel.findOneAndUpdate({ _id: refund.outTradeNo, state: { $in: ['paid', 'refunding'] } }, { $set: { state: 'refunded', refundedFen: refund.amountFen } }, { new: false }).lean<PayOrderDoc>()
      await recordAudit({ at, actor: SYSTEM, action: 'pay.refund-succeeded', subject: `pay-order:${refund.outTradeNo}`, before: auditState(order), after: { ...auditState(order), state: 'refunded', outRefundNo: refund._id, refundFen: refund.amountFen } })
      return true
    }
    const state: PayRefundState = answer.status === 'CLOSED' ? 'closed' : 'abnormal'
    const before = await PayRefundModel.findOneAndUpdate({ _id: refund._id, state: { $in: open } }, { $set: { state, refundId: answer.refund_id ?? null } }, { new: false }).lean<PayRefundDoc>()
    if (before) {
      this.deps.logger.error({ outRefundNo: refund._id, status: answer.status }, 'WeChat Pay refund failed; handle it in the merchant platform')
      await recordAudit({ at, actor: SYSTEM, action: 'pay.refund-failed', subject: `pay-order:${refund.outTradeNo}`, before: { state: before.state }, after: { state, outRefundNo: refund._id } })
    }
    return false
  }

  /**
   * The reconciliation job: orders open longer than `reconcileAfterMinutes` (and not asked
   * about for as long) are queried — paid ones are recorded as if notified, closed ones
   * closed, expired unpaid ones closed; paid orders whose handler has not succeeded are
   * handed over again; refunds not yet taken are submitted again, processing ones queried.
   */
  async reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, paid: 0, closed: 0, handled: 0, refundsChecked: 0 }
    if (!this.client) return report
    const now = this.deps.now()
    const cutoff = new Date(now.getTime() - (this.deps.reconcileAfterMinutes ?? 10) * MINUTE)
    const open = await PayOrderModel.find({ state: 'created', createdAt: { $lt: cutoff } }).lean<PayOrderDoc[]>()
    for (const order of open) {
      if (order.checkedAt && order.checkedAt > cutoff) continue
      report.checked += 1
      try {
        let state: PayOrderState = order.prepayId ? await this.settleFromQuery(order) : 'created'
        if (state === 'created' && order.expiresAt && order.expiresAt < now) state = await this.close(order._id, '缴费期限已过，订单关闭')
        if (state === 'paid') report.paid += 1
        if (state === 'closed') report.closed += 1
        if (state === 'created') await PayOrderModel.updateOne({ _id: order._id, state: 'created' }, { $set: { checkedAt: now } })
      } catch (err) {
        this.deps.logger.warn({ err: { message: (err as Error).message }, outTradeNo: order._id }, 'reconciliation of a fee order failed; tried again next run')
      }
    }
    const unhandled = await PayOrderModel.find({ state: { $in: PAID_STATES }, handledAt: null }).lean<PayOrderDoc[]>()
    for (const order of unhandled) if (await this.dispatch(order._id)) report.handled += 1
    const refunds = await PayRefundModel.find({ state: { $in: ['requested', 'processing'] } }).lean<PayRefundDoc[]>()
    for (const refund of refunds) {
      report.refundsChecked += 1
      try {
        if (refund.state === 'requested') {
          const order = await PayOrderModel.findById(refund.outTradeNo).lean<PayOrderDoc>()
          if (order) await this.submitRefund(refund, order)
        } else {
          await this.applyRefund(refund, await this.requireClient().queryRefund(refund._id))
        }
      } catch (err) {
        this.deps.logger.warn({ err: { message: (err as Error).message }, outRefundNo: refund._id }, 'reconciliation of a refund failed; tried again next run')
      }
    }
    return report
  }

  private requireClient(): WeChatPayClient {
    if (!this.client) throw new PaymentsDisabledError()
    return this.client
  }
}
