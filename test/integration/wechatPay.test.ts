import { createPublicKey } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { FeePayments, PaymentProviderError, PaymentsDisabledError, type PaidEvent } from '../../server/src/platform/wechatpay/feePayments'
import { PayOrderModel, type PayOrderDoc } from '../../server/src/platform/wechatpay/payModel'
import { rsaVerify } from '../../server/src/platform/wechatpay/wechatPayCrypto'
import { WeChatPayApiError, WeChatPayClient } from '../../server/src/platform/wechatpay/wechatPayClient'
import { startTestApp, type TestApp } from '../support/app'
import { FakeWeChatPay, type NotificationTamper } from '../support/fakeWeChatPay'

const NOTIFY_URL = 'https://zw.example.gov.cn/api/v1/pay/notify'
const FEE = 'test-fee'

let fake: FakeWeChatPay
let t: TestApp
let payments: FeePayments
/** Every onPaid call of the test fee purpose. */
const paidCalls: PaidEvent[] = []
/** A handler that fails its first call per order (a domain whose database write failed). */
const flakyCalls: PaidEvent[] = []
const flakyFailed = new Set<string>()

beforeAll(async () => {
  fake = await new FakeWeChatPay().start()
  t = await startTestApp({ pay: { ...fake.settings(NOTIFY_URL), reconcileAfterMinutes: 0 } })
  fake.notifyUrlOverride = `${t.url}/api/v1/pay/notify`
  payments = t.services.pay.payments
  payments.onPaid(FEE, async (e) => {
    // Slow enough that concurrent duplicates overlap with it.
    await new Promise((r) => setTimeout(r, 30))
    paidCalls.push(e)
  })
  payments.onPaid('flaky-fee', async (e) => {
    flakyCalls.push(e)
    if (!flakyFailed.has(e.outTradeNo)) {
      flakyFailed.add(e.outTradeNo)
      throw new Error('domain write failed')
    }
  })
})

afterAll(async () => {
  await t?.close()
  await fake?.stop()
})

let keySeq = 0
const open = (over: Partial<Parameters<FeePayments['openOrder']>[0]> = {}) =>
  payments.openOrder({ purpose: FEE, purposeKey: `application-${++keySeq}`, amountFen: 470000, description: '政府信息公开信息处理费', openid: 'o-citizen-1', ...over })
const orderDoc = async (no: string) => (await PayOrderModel.findById(no).lean<PayOrderDoc>())!
const auditsOf = async (no: string, action?: string) => AuditRecordModel.find({ subject: `pay-order:${no}`, ...(action ? { action } : {}) }).lean()
const callsFor = (no: string) => paidCalls.filter((c) => c.outTradeNo === no)

describe('paying a fee order', () => {
  it('opens a JSAPI order with signed pay parameters; the fake pays; the notification marks it paid and onPaid runs once', async () => {
    const opened = await open({ purposeKey: 'application-A' })
    expect(opened).toMatchObject({ state: 'created', amountFen: 470000, purpose: FEE, purposeKey: 'application-A' })
    const p = opened.payParams!
    expect(p).toMatchObject({ appId: fake.appid, signType: 'RSA' })
    expect(p.package).toMatch(/^prepay_id=wx\d+/)
    // wx.requestPayment's paySign verifies with the merchant's public key.
    expect(rsaVerify(createPublicKey(fake.merchantPrivateKeyPem), `${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`, p.paySign)).toBe(true)

    // What reached WeChat Pay: a signed JSAPI order with our notify URL.
    const [jsapi] = fake.requestsOf('jsapi')
    expect(jsapi!.status).toBe(200)
    expect(jsapi!.headers.authorization).toMatch(new RegExp(`^WECHATPAY2-SHA256-RSA2048 mchid="${fake.mchid}",nonce_str="\\w+",timestamp="\\d+",serial_no="${fake.merchantSerialNo}",signature=`))
    expect(jsapi!.headers['user-agent']).toBe('zhengwu-lwyd (wechatpay-node-v3/2.2.1)')
    expect(JSON.parse(jsapi!.body)).toMatchObject({ appid: fake.appid, mchid: fake.mchid, out_trade_no: opened.outTradeNo, notify_url: NOTIFY_URL, amount: { total: 470000, currency: 'CNY' }, payer: { openid: 'o-citizen-1' } })

    // Opening again (a second tap) answers the same order, re-signed, without a new WeChat order.
    const again = await open({ purposeKey: 'application-A' })
    expect(again.outTradeNo).toBe(opened.outTradeNo)
    expect(again.payParams!.package).toBe(p.package)
    expect(fake.requestsOf('jsapi')).toHaveLength(1)

    const answers = await fake.pay(opened.outTradeNo)
    expect(answers).toEqual([{ status: 200, answer: JSON.stringify({ code: 'SUCCESS', message: '成功' }) }])
    const doc = await orderDoc(opened.outTradeNo)
    expect(doc).toMatchObject({ state: 'paid', paidVia: 'notification', transactionId: fake.orders.get(opened.outTradeNo)!.transaction_id })
    expect(doc.handledAt).toBeInstanceOf(Date)
    expect(callsFor(opened.outTradeNo)).toEqual([expect.objectContaining({ outTradeNo: opened.outTradeNo, purpose: FEE, purposeKey: 'application-A', amountFen: 470000, paidAfterClose: false })])
    expect((await auditsOf(opened.outTradeNo)).map((a) => a.action).sort()).toEqual(['pay.order-created', 'pay.order-paid'])

    // A paid order is answered as it is.
    expect(await open({ purposeKey: 'application-A' })).toMatchObject({ outTradeNo: opened.outTradeNo, state: 'paid', payParams: null })
  })

  it('opening the same fee from several requests at once gives one order', async () => {
    const opened = await Promise.all([1, 2, 3].map(() => open({ purposeKey: 'application-concurrent' })))
    expect(new Set(opened.map((o) => o.outTradeNo)).size).toBe(1)
    expect(opened.every((o) => o.state === 'created' && o.payParams !== null)).toBe(true)
    expect(await PayOrderModel.countDocuments({ purpose: FEE, purposeKey: 'application-concurrent' })).toBe(1)
    expect(await auditsOf(opened[0]!.outTradeNo, 'pay.order-created')).toHaveLength(1)
  })

  it('the fake’s control endpoint pays an order as a browser test would (POST /__fake/pay/<out_trade_no>)', async () => {
    const { outTradeNo } = await open()
    const res = await fetch(`${fake.url}/__fake/pay/${outTradeNo}`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ out_trade_no: outTradeNo, answers: [{ status: 200 }] })
    expect((await orderDoc(outTradeNo)).state).toBe('paid')
    expect((await fetch(`${fake.url}/__fake/pay/${outTradeNo}`, { method: 'POST' })).status).toBe(404)
  })

  it('a replayed notification changes nothing and still answers SUCCESS', async () => {
    const { outTradeNo } = await open()
    const answers = await fake.pay(outTradeNo, { deliveries: 3 })
    expect(answers.map((a) => [a.status, JSON.parse(a.answer).code])).toEqual([[200, 'SUCCESS'], [200, 'SUCCESS'], [200, 'SUCCESS']])
    const first = await orderDoc(outTradeNo)
    // The same notification once more, later.
    const replay = await fake.deliver(outTradeNo, fake.notificationFor(outTradeNo))
    expect(replay.status).toBe(200)
    expect(await orderDoc(outTradeNo)).toEqual(first)
    expect(callsFor(outTradeNo)).toHaveLength(1)
    expect(await auditsOf(outTradeNo, 'pay.order-paid')).toHaveLength(1)
  })

  it('concurrent duplicate notifications: one records the payment, all answer SUCCESS, onPaid runs once', async () => {
    const { outTradeNo } = await open()
    const answers = await fake.pay(outTradeNo, { deliveries: 6, concurrent: true })
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(answers.every((a) => JSON.parse(a.answer).code === 'SUCCESS')).toBe(true)
    expect(callsFor(outTradeNo)).toHaveLength(1)
    expect(await auditsOf(outTradeNo, 'pay.order-paid')).toHaveLength(1)
    expect((await orderDoc(outTradeNo)).handleAttempts).toBe(1)
  })

  it.each<[NotificationTamper, number]>([
    ['bad-signature', 401],
    ['body-changed', 401],
    ['wrong-serial', 401],
    ['stale-timestamp', 401],
    ['tampered-ciphertext', 400],
    ['tampered-tag', 400],
    ['wrong-amount', 400],
  ])('a notification with %s is refused (%i FAIL) and changes nothing; the genuine one is accepted after', async (tamper, status) => {
    const { outTradeNo } = await open()
    fake.markPaid(outTradeNo)
    const before = await orderDoc(outTradeNo)
    const answer = await fake.deliver(outTradeNo, fake.notificationFor(outTradeNo, tamper))
    expect(answer.status).toBe(status)
    expect(JSON.parse(answer.answer)).toMatchObject({ code: 'FAIL', message: expect.any(String) })
    expect(await orderDoc(outTradeNo)).toEqual(before)
    expect(before.state).toBe('created')
    expect(callsFor(outTradeNo)).toHaveLength(0)
    expect(await auditsOf(outTradeNo, 'pay.order-paid')).toHaveLength(0)

    const genuine = await fake.deliver(outTradeNo, fake.notificationFor(outTradeNo))
    expect(genuine.status).toBe(200)
    expect((await orderDoc(outTradeNo)).state).toBe('paid')
    expect(callsFor(outTradeNo)).toHaveLength(1)
  })

  it('the signature is checked over the bytes as posted: a genuine notification laid out with spaces and \\u escapes is accepted', async () => {
    const { outTradeNo } = await open()
    fake.markPaid(outTradeNo)
    const compact = fake.notificationFor(outTradeNo).body
    // Re-serializing this body (as a parsed-then-stringified JSON would be) gives other bytes.
    const laidOut = JSON.stringify(JSON.parse(compact), null, 2).replace('支付成功', '\\u652f\\u4ed8\\u6210\\u529f')
    expect(JSON.stringify(JSON.parse(laidOut))).not.toBe(laidOut)
    const answer = await fake.deliver(outTradeNo, fake.signed(laidOut))
    expect(answer.status).toBe(200)
    expect((await orderDoc(outTradeNo)).state).toBe('paid')
  })

  it('a notification for an order we do not know is refused', async () => {
    const { outTradeNo } = await open()
    fake.markPaid(outTradeNo)
    const n = fake.notificationFor(outTradeNo)
    await PayOrderModel.deleteOne({ _id: outTradeNo })
    const answer = await fake.deliver(outTradeNo, n)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.answer)).toEqual({ code: 'FAIL', message: '订单不存在' })
  })

  it('answers only POST at the notify path', async () => {
    const res = await fetch(`${t.url}/api/v1/pay/notify`)
    expect(res.status).toBe(405)
    expect(await res.json()).toMatchObject({ code: 'FAIL' })
  })

  it('a handler that fails is retried by reconciliation until it succeeds, and the notification is still acknowledged', async () => {
    const { outTradeNo } = await open({ purpose: 'flaky-fee' })
    const [answer] = await fake.pay(outTradeNo)
    expect(answer!.status).toBe(200)
    let doc = await orderDoc(outTradeNo)
    expect(doc).toMatchObject({ state: 'paid', handledAt: null, handleError: 'domain write failed' })
    await payments.reconcile()
    doc = await orderDoc(outTradeNo)
    expect(doc.handledAt).toBeInstanceOf(Date)
    expect(flakyCalls.filter((c) => c.outTradeNo === outTradeNo)).toHaveLength(2)
    await payments.reconcile()
    expect(flakyCalls.filter((c) => c.outTradeNo === outTradeNo)).toHaveLength(2)
  })
})

describe('reconciliation', () => {
  it('marks paid an order whose notification never came (by the scheduled job), and calls onPaid once', async () => {
    const { outTradeNo } = await open()
    fake.markPaid(outTradeNo) // paid at WeChat Pay, nothing posted
    const queriesBefore = fake.requestsOf('query').length
    const job = t.services.pay.jobs.find((j) => j.name === 'wechatpay-reconcile')!
    await job.run({ slot: new Date(), trigger: 'schedule', logger: t.logger })
    expect(fake.requestsOf('query').length).toBeGreaterThan(queriesBefore)
    expect(await orderDoc(outTradeNo)).toMatchObject({ state: 'paid', paidVia: 'query' })
    expect(callsFor(outTradeNo)).toHaveLength(1)
    // The late notification then changes nothing.
    expect((await fake.deliver(outTradeNo, fake.notificationFor(outTradeNo))).status).toBe(200)
    expect(callsFor(outTradeNo)).toHaveLength(1)
    expect(await auditsOf(outTradeNo, 'pay.order-paid')).toHaveLength(1)
  })

  it('leaves an unpaid order open, closes one WeChat Pay closed, and closes one past its payment window', async () => {
    const unpaid = await open()
    const closedThere = await open()
    fake.orders.get(closedThere.outTradeNo)!.trade_state = 'CLOSED'
    const expired = await open({ expiresAt: new Date(Date.now() - 1000) })
    const report = await payments.reconcile()
    expect(report.closed).toBeGreaterThanOrEqual(2)
    expect((await orderDoc(unpaid.outTradeNo)).state).toBe('created')
    expect((await orderDoc(unpaid.outTradeNo)).checkedAt).toBeInstanceOf(Date)
    expect(await orderDoc(closedThere.outTradeNo)).toMatchObject({ state: 'closed', closeReason: 'WeChat Pay: CLOSED' })
    expect(await orderDoc(expired.outTradeNo)).toMatchObject({ state: 'closed', closeReason: '缴费期限已过，订单关闭' })
    expect(fake.orders.get(expired.outTradeNo)!.trade_state).toBe('CLOSED')
    expect(JSON.parse(fake.requestsOf('jsapi').find((r) => JSON.parse(r.body).out_trade_no === expired.outTradeNo)!.body).time_expire).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
  })
})

describe('closing', () => {
  it('closes an unpaid order at WeChat Pay and here; the next open for the same key is a new order', async () => {
    const first = await open({ purposeKey: 'application-close' })
    expect(await payments.closeFor(FEE, 'application-close', '申请人撤回申请')).toBe('closed')
    expect(fake.orders.get(first.outTradeNo)!.trade_state).toBe('CLOSED')
    expect(await orderDoc(first.outTradeNo)).toMatchObject({ state: 'closed', closeReason: '申请人撤回申请' })
    expect((await auditsOf(first.outTradeNo, 'pay.order-closed'))[0]).toMatchObject({ reason: '申请人撤回申请', before: { state: 'created' }, after: { state: 'closed' } })
    expect(await payments.close(first.outTradeNo, 'again')).toBe('closed') // idempotent
    const second = await open({ purposeKey: 'application-close' })
    expect(second.outTradeNo).not.toBe(first.outTradeNo)
    expect(second.state).toBe('created')
  })

  it('a close that crosses a payment records the payment instead (and onPaid runs)', async () => {
    const { outTradeNo } = await open()
    fake.markPaid(outTradeNo)
    expect(await payments.close(outTradeNo, '缴费期限已过')).toBe('paid')
    expect(await orderDoc(outTradeNo)).toMatchObject({ state: 'paid', paidVia: 'query' })
    expect(callsFor(outTradeNo)).toHaveLength(1)
  })

  it('opening with another amount closes the open order and places a new one', async () => {
    const first = await open({ purposeKey: 'application-amount' })
    const second = await open({ purposeKey: 'application-amount', amountFen: 30000 })
    expect(second.outTradeNo).not.toBe(first.outTradeNo)
    expect(second.amountFen).toBe(30000)
    expect((await orderDoc(first.outTradeNo)).state).toBe('closed')
    expect(fake.orders.get(first.outTradeNo)!.trade_state).toBe('CLOSED')
  })
})

describe('refunds', () => {
  it('refunds a paid order once under its own id; PROCESSING then SUCCESS through reconciliation', async () => {
    const { outTradeNo } = await open()
    await fake.pay(outTradeNo)
    const refund = await payments.refund(outTradeNo, { reason: '申请在办理前撤回' })
    expect(refund).toMatchObject({ outRefundNo: `${outTradeNo}-R1`, amountFen: 470000, state: 'processing' })
    expect((await orderDoc(outTradeNo)).state).toBe('refunding')
    expect(await payments.refund(outTradeNo, { reason: '重复点击' })).toMatchObject({ outRefundNo: `${outTradeNo}-R1`, state: 'processing' })
    expect(fake.requestsOf('refund')).toHaveLength(1)
    expect(JSON.parse(fake.requestsOf('refund')[0]!.body)).toMatchObject({ out_trade_no: outTradeNo, out_refund_no: `${outTradeNo}-R1`, amount: { refund: 470000, total: 470000, currency: 'CNY' } })
    fake.completeRefunds()
    await payments.reconcile()
    expect(await orderDoc(outTradeNo)).toMatchObject({ state: 'refunded', refundedFen: 470000 })
    expect(await payments.refundOf(outTradeNo)).toMatchObject({ state: 'succeeded' })
    expect((await auditsOf(outTradeNo)).map((a) => a.action).sort()).toEqual(['pay.order-created', 'pay.order-paid', 'pay.refund-requested', 'pay.refund-succeeded'])
  })

  it('a REFUND.SUCCESS notification completes a refund; an unpaid order cannot be refunded', async () => {
    const { outTradeNo } = await open()
    await fake.pay(outTradeNo)
    await payments.refund(outTradeNo, { reason: '误收费用' })
    const answer = await fake.deliver(outTradeNo, fake.refundNotificationFor(`${outTradeNo}-R1`))
    expect(answer.status).toBe(200)
    expect((await orderDoc(outTradeNo)).state).toBe('refunded')
    const unpaid = await open()
    await expect(payments.refund(unpaid.outTradeNo, { reason: 'x' })).rejects.toMatchObject({ code: 'CONFLICT', status: 409 })
  })

  it('a refund WeChat Pay cannot take now stays requested and is submitted again by reconciliation', async () => {
    const { outTradeNo } = await open()
    await fake.pay(outTradeNo)
    fake.failNext({ code: 'SYSTEM_ERROR', httpStatus: 500, message: '系统超时' }, { operation: 'refund' })
    expect(await payments.refund(outTradeNo, { reason: '误收费用' })).toMatchObject({ state: 'requested', lastError: 'SYSTEM_ERROR: 系统超时' })
    await payments.reconcile()
    expect(await payments.refundOf(outTradeNo)).toMatchObject({ state: 'processing', lastError: null })
    expect(fake.requestsOf('refund').filter((r) => JSON.parse(r.body).out_trade_no === outTradeNo).map((r) => r.status)).toEqual([500, 200])
  })
})

describe('WeChat Pay failing', () => {
  it.each([
    [{ code: 'SYSTEM_ERROR', httpStatus: 500 }],
    [{ code: 'FREQUENCY_LIMITED', httpStatus: 429 }],
  ])('%o on placing the order: a 503 for the citizen, and the next try works', async (fault) => {
    const key = `application-fail-${fault.code}`
    fake.failNext(fault, { operation: 'jsapi' })
    const err = await open({ purposeKey: key }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PaymentProviderError)
    expect(err).toMatchObject({ status: 503, message: '微信支付暂时不可用，请稍后再试', details: { code: fault.code } })
    expect((await open({ purposeKey: key })).payParams).not.toBeNull()
  })

  it('an answer not signed by the platform key is not believed: no prepay id is kept', async () => {
    fake.failNext({ forgedAnswer: true }, { operation: 'jsapi' })
    const err = await open({ purposeKey: 'application-forged-answer' }).catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 503, details: { code: 'ANSWER_NOT_VERIFIED' } })
    const order = (await payments.orderOf(FEE, 'application-forged-answer'))!
    expect((await orderDoc(order.outTradeNo)).prepayId).toBeNull()
  })

  it('ORDER_CLOSED on placing: the order is closed here and a new one placed', async () => {
    const first = await open({ purposeKey: 'application-order-closed' })
    await PayOrderModel.updateOne({ _id: first.outTradeNo }, { $set: { prepayAt: new Date(0) } }) // prepay expired: placed again
    fake.orders.get(first.outTradeNo)!.trade_state = 'CLOSED'
    const second = await open({ purposeKey: 'application-order-closed' })
    expect(second.outTradeNo).not.toBe(first.outTradeNo)
    expect((await orderDoc(first.outTradeNo)).state).toBe('closed')
  })

  it('without merchant settings a fee payment fails with a clear message', async () => {
    const disabled = new FeePayments(null, { now: () => new Date(), logger: t.logger })
    expect(disabled.enabled).toBe(false)
    const err = await disabled.openOrder({ purpose: FEE, purposeKey: 'x', amountFen: 100, description: '信息处理费', openid: 'o' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PaymentsDisabledError)
    expect(err).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('暂未开通微信支付') })
    expect(await disabled.reconcile()).toEqual({ checked: 0, paid: 0, closed: 0, handled: 0, refundsChecked: 0 })
  })
})

describe('the client against the fake', () => {
  const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as WeChatPayApiError)

  it('a request signed with another merchant key gets 401 SIGN_ERROR from WeChat Pay (not transient)', async () => {
    const other = new FakeWeChatPay()
    const client = new WeChatPayClient({ ...fake.settings(NOTIFY_URL), merchantPrivateKey: other.merchantPrivateKeyPem })
    const err = await errorOf(client.queryOrder('ZW0000000001'))
    expect(err).toBeInstanceOf(WeChatPayApiError)
    expect(err).toMatchObject({ code: 'SIGN_ERROR', httpStatus: 401, transient: false })
    expect(fake.received.at(-1)).toMatchObject({ status: 401, code: 'SIGN_ERROR' })
  })

  it('typed errors: 404 ORDER_NOT_EXIST is final; a timeout and 429 are transient', async () => {
    const client = new WeChatPayClient({ ...fake.settings(NOTIFY_URL), timeoutMs: 200 })
    expect(await errorOf(client.queryOrder('ZW0000000404'))).toMatchObject({ code: 'ORDER_NOT_EXIST', httpStatus: 404, transient: false })
    fake.failNext({ delayMs: 600 }, { operation: 'query' })
    expect(await errorOf(client.queryOrder('ZW0000000404'))).toMatchObject({ code: 'NO_ANSWER', transient: true })
    fake.failNext({ code: 'FREQUENCY_LIMITED', httpStatus: 429, message: '频率超限' }, { operation: 'query' })
    expect(await errorOf(client.queryOrder('ZW0000000404'))).toMatchObject({ code: 'FREQUENCY_LIMITED', httpStatus: 429, transient: true })
    await new Promise((r) => setTimeout(r, 500)) // the slow answer is done before the next test
  })

  it('an answer signed by an old platform key (another serial configured) is refused', async () => {
    const client = new WeChatPayClient({ ...fake.settings(NOTIFY_URL), platformSerial: 'PUB_KEY_ID_OLD0000000000000000000000000000' })
    const { outTradeNo } = await open()
    expect(await errorOf(client.queryOrder(outTradeNo))).toMatchObject({ code: 'ANSWER_NOT_VERIFIED', detail: expect.stringContaining('unknown platform serial') })
  })

  it('the fake rate-limits: over its rate, 429 FREQUENCY_LIMITED', async () => {
    const limited = await new FakeWeChatPay({ rateLimit: { perSecond: 1, burst: 2 } }).start()
    try {
      const client = new WeChatPayClient(limited.settings(NOTIFY_URL))
      const results = await Promise.all([1, 2, 3, 4].map(() => errorOf(client.queryOrder('ZW0000000404'))))
      expect(results.map((e) => e?.code).sort()).toEqual(['FREQUENCY_LIMITED', 'FREQUENCY_LIMITED', 'ORDER_NOT_EXIST', 'ORDER_NOT_EXIST'])
    } finally {
      await limited.stop()
    }
  })
})
