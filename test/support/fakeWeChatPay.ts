import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import { answerMessage, encryptResource, parseAuthorization, publicKeyOf, requestMessage, rsaSign, rsaVerify } from '../../server/src/platform/wechatpay/wechatPayCrypto'
import { beijingRfc3339, type WeChatPaySettings } from '../../server/src/platform/wechatpay/wechatPayClient'
import { FakeRateLimit } from './fakeRateLimit'

/** A request the fake received. */
export interface PayReceived {
  method: string
  path: string
  headers: Record<string, string>
  body: string
  /** The status it answered. */
  status: number
  /** The error code it answered, if any. */
  code?: string
  at: number
}

export type PayOperation = 'jsapi' | 'query' | 'close' | 'refund' | 'queryRefund'

/** What the next request (of an operation, or any) does instead of its normal answer. */
export type PayFault =
  /** Answer `{ code, message }` with this status (SYSTEM_ERROR 500, FREQUENCY_LIMITED 429, ORDER_CLOSED 400 …). */
  | { code: string; httpStatus: number; message?: string }
  /** Wait this long, then answer normally. */
  | { delayMs: number }
  /** Answer normally but signed with another key (the client must refuse it). */
  | { forgedAnswer: true }

/** Ways to make a notification that must be refused. */
export type NotificationTamper =
  /** Signed with a key that is not the platform's. */
  | 'bad-signature'
  /** A byte of the ciphertext changed; the outer body re-signed with the platform key. */
  | 'tampered-ciphertext'
  /** A byte of the GCM tag changed; re-signed. */
  | 'tampered-tag'
  /** Wechatpay-Timestamp ten minutes old; validly signed. */
  | 'stale-timestamp'
  /** A total one fen off the order's, encrypted and signed properly. */
  | 'wrong-amount'
  /** Another serial in Wechatpay-Serial. */
  | 'wrong-serial'
  /** The body changed after signing (a space added). */
  | 'body-changed'

export interface FakeOrder {
  appid: string
  mchid: string
  out_trade_no: string
  description: string
  notify_url: string
  total: number
  openid: string
  prepay_ids: string[]
  trade_state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND'
  transaction_id?: string
  success_time?: string
}

export interface FakeRefund {
  refund_id: string
  out_refund_no: string
  out_trade_no: string
  transaction_id: string
  refund: number
  total: number
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL'
  create_time: string
  success_time?: string
}

export interface Notification {
  headers: Record<string, string>
  body: string
}

export interface FakeWeChatPayOptions {
  latencyMs?: number
  /** Requests a second across callers; over it 429 FREQUENCY_LIMITED. */
  rateLimit?: { perSecond: number; burst?: number }
  /** Default wxd678efh567hg6787. */
  appid?: string
  /** What a new refund answers: PROCESSING (as usual; `completeRefunds` finishes them) or SUCCESS at once. */
  refundStatus?: 'PROCESSING' | 'SUCCESS'
}

const rsaPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 })
const pem = (k: KeyObject, type: 'pkcs8' | 'spki') => k.export({ type, format: 'pem' }).toString()

/**
 * A stand-in for WeChat Pay API v3 (直连商户, JSAPI) on 127.0.0.1, with a test merchant
 * key pair and a platform key pair generated at start. Like the real one it checks the
 * merchant's `WECHATPAY2-SHA256-RSA2048` Authorization (mchid, serial, a timestamp within
 * five minutes, the RSA signature over method, path, timestamp, nonce and body; 401
 * SIGN_ERROR otherwise), places JSAPI orders, answers queries, closes, refunds and
 * refund queries in the documented shapes and error codes, and signs every answer with
 * the platform key (Wechatpay-Signature, -Timestamp, -Nonce, -Serial). `pay()` pays an
 * order and posts the signed, AES-256-GCM-encrypted TRANSACTION.SUCCESS notification to
 * the order's notify_url (optionally several times, or concurrently); `notificationFor`
 * builds notifications, tampered in the ways real attacks would try. It records every
 * request and every notification it delivered.
 */
export class FakeWeChatPay {
  readonly mchid = '1900009191'
  /** The mini-program's AppID orders must carry (set it to the fake WeChat's when both run). */
  readonly appid: string
  readonly merchantSerialNo = randomBytes(20).toString('hex').toUpperCase()
  readonly platformSerial = `PUB_KEY_ID_0119000091912026112200000001`
  readonly apiV3Key = randomBytes(16).toString('hex')
  readonly merchantPrivateKeyPem: string
  readonly platformPublicKeyPem: string
  private readonly merchantPublicKey: KeyObject
  private readonly platformPrivateKey: KeyObject
  /** A key that is not the platform's, for forgeries. */
  private readonly forgerKey: KeyObject
  readonly orders = new Map<string, FakeOrder>()
  readonly refunds = new Map<string, FakeRefund>()
  readonly received: PayReceived[] = []
  /** Notifications posted to the merchant, with the status and body answered. */
  readonly delivered: { outTradeNo: string; status: number; answer: string }[] = []
  latencyMs: number
  /** Where notifications go instead of each order's notify_url (the server under test listens on a port known only after it started). */
  notifyUrlOverride: string | null = null
  refundStatus: 'PROCESSING' | 'SUCCESS'
  url = ''
  private server!: http.Server
  private readonly faults: { fault: PayFault; operation?: PayOperation }[] = []
  private rate: FakeRateLimit | null = null
  private seq = 0

  constructor(options: FakeWeChatPayOptions = {}) {
    const merchant = rsaPair()
    const platform = rsaPair()
    this.merchantPrivateKeyPem = pem(merchant.privateKey, 'pkcs8')
    this.merchantPublicKey = merchant.publicKey
    this.platformPrivateKey = platform.privateKey
    this.platformPublicKeyPem = pem(platform.publicKey, 'spki')
    this.forgerKey = rsaPair().privateKey
    this.appid = options.appid ?? 'wxd678efh567hg6787'
    this.latencyMs = options.latencyMs ?? 0
    this.refundStatus = options.refundStatus ?? 'PROCESSING'
    if (options.rateLimit) {
      this.rate = new FakeRateLimit(options.rateLimit.perSecond, options.rateLimit.burst ?? Math.max(1, options.rateLimit.perSecond))
    }
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res))
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  stop(): Promise<void> {
    return new Promise((r) => {
      this.server.close(() => r())
      this.server.closeAllConnections()
    })
  }

  /** What the client (and the server's pay module) needs to talk to this fake. */
  settings(notifyUrl: string): WeChatPaySettings {
    return {
      baseUrl: this.url,
      appId: this.appid,
      mchId: this.mchid,
      merchantSerialNo: this.merchantSerialNo,
      merchantPrivateKey: this.merchantPrivateKeyPem,
      apiV3Key: this.apiV3Key,
      platformPublicKey: this.platformPublicKeyPem,
      platformSerial: this.platformSerial,
      notifyUrl,
      timeoutMs: 2000,
    }
  }

  /** The same as environment variables of the server (PEMs inline), for tests that start it as a process; WECHAT_APP_ID must be `appid`. */
  env(notifyUrl: string): Record<string, string> {
    return {
      WECHATPAY_API_BASE_URL: this.url,
      WECHATPAY_MCH_ID: this.mchid,
      WECHATPAY_MCH_SERIAL_NO: this.merchantSerialNo,
      WECHATPAY_MCH_PRIVATE_KEY: this.merchantPrivateKeyPem,
      WECHATPAY_APIV3_KEY: this.apiV3Key,
      WECHATPAY_PLATFORM_PUBLIC_KEY: this.platformPublicKeyPem,
      WECHATPAY_PLATFORM_SERIAL: this.platformSerial,
      WECHATPAY_NOTIFY_URL: notifyUrl,
    }
  }

  /** The next `times` requests (of `operation`, or any) meet `fault`. */
  failNext(fault: PayFault, options: { times?: number; operation?: PayOperation } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i++) this.faults.push({ fault, operation: options.operation })
  }

  /** Requests of an operation received so far. */
  requestsOf(operation: PayOperation): PayReceived[] {
    return this.received.filter((r) => operationOf(r.method, r.path) === operation)
  }

  // ---- paying and notifying ----

  /** The payer pays: the order becomes SUCCESS (nothing is posted). */
  markPaid(outTradeNo: string, options: { total?: number } = {}): FakeOrder {
    const order = this.orders.get(outTradeNo)
    if (!order) throw new Error(`fake WeChat Pay: no order ${outTradeNo}`)
    if (order.trade_state !== 'NOTPAY') throw new Error(`fake WeChat Pay: order ${outTradeNo} is ${order.trade_state}`)
    order.trade_state = 'SUCCESS'
    order.transaction_id = `42000${String(++this.seq).padStart(23, '0')}`
    order.success_time = beijingRfc3339(new Date())
    if (options.total !== undefined) order.total = options.total
    return order
  }

  /**
   * The payer pays and the notification is posted to the order's notify_url: once, or
   * `deliveries` times one after the other, or all at once (`concurrent`). Answers the
   * merchant's answers.
   */
  async pay(outTradeNo: string, options: { deliveries?: number; concurrent?: boolean } = {}): Promise<{ status: number; answer: string }[]> {
    this.markPaid(outTradeNo)
    const n = this.notificationFor(outTradeNo)
    const times = options.deliveries ?? 1
    if (options.concurrent) return Promise.all(Array.from({ length: times }, () => this.deliver(outTradeNo, n)))
    const answers = []
    for (let i = 0; i < times; i++) answers.push(await this.deliver(outTradeNo, n))
    return answers
  }

  /** A TRANSACTION.SUCCESS notification of a paid order (or one tampered with). */
  notificationFor(outTradeNo: string, tamper?: NotificationTamper): Notification {
    const order = this.orders.get(outTradeNo)
    if (!order?.transaction_id) throw new Error(`fake WeChat Pay: order ${outTradeNo} is not paid`)
    const transaction = {
      mchid: order.mchid,
      appid: order.appid,
      out_trade_no: order.out_trade_no,
      transaction_id: order.transaction_id,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      attach: '',
      success_time: order.success_time,
      payer: { openid: order.openid },
      amount: { total: tamper === 'wrong-amount' ? order.total - 1 : order.total, payer_total: order.total, currency: 'CNY', payer_currency: 'CNY' },
    }
    return this.buildNotification('TRANSACTION.SUCCESS', 'transaction', '支付成功', transaction, tamper)
  }

  /** A REFUND.SUCCESS notification of a refund (the refund is marked SUCCESS). */
  refundNotificationFor(outRefundNo: string): Notification {
    const r = this.refunds.get(outRefundNo)
    if (!r) throw new Error(`fake WeChat Pay: no refund ${outRefundNo}`)
    r.status = 'SUCCESS'
    r.success_time ??= beijingRfc3339(new Date())
    const resource = { mchid: this.mchid, out_trade_no: r.out_trade_no, transaction_id: r.transaction_id, out_refund_no: r.out_refund_no, refund_id: r.refund_id, refund_status: 'SUCCESS', success_time: r.success_time, amount: { total: r.total, refund: r.refund, payer_total: r.total, payer_refund: r.refund } }
    return this.buildNotification('REFUND.SUCCESS', 'refund', '退款成功', resource)
  }

  private buildNotification(eventType: string, originalType: string, summary: string, resource: object, tamper?: NotificationTamper): Notification {
    const nonce = randomBytes(6).toString('hex') // 12 characters, as WeChat Pay's
    let ciphertext = encryptResource({ apiV3Key: this.apiV3Key, plaintext: JSON.stringify(resource), nonce, associatedData: originalType })
    if (tamper === 'tampered-ciphertext' || tamper === 'tampered-tag') {
      const bytes = Buffer.from(ciphertext, 'base64')
      bytes[tamper === 'tampered-ciphertext' ? 3 : bytes.length - 3]! ^= 0x01
      ciphertext = bytes.toString('base64')
    }
    let body = JSON.stringify({
      id: randomUUID(),
      create_time: beijingRfc3339(new Date()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: { original_type: originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: originalType, nonce },
    })
    const timestamp = String(Math.floor(Date.now() / 1000) - (tamper === 'stale-timestamp' ? 600 : 0))
    const headerNonce = randomBytes(16).toString('hex')
    const signature = rsaSign(tamper === 'bad-signature' ? this.forgerKey : this.platformPrivateKey, answerMessage(timestamp, headerNonce, body))
    if (tamper === 'body-changed') body = body.replace('"summary":', '"summary": ')
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': headerNonce,
        'wechatpay-signature': signature,
        'wechatpay-serial': tamper === 'wrong-serial' ? 'PUB_KEY_ID_0000000000000000000000000000000' : this.platformSerial,
        'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
      },
    }
  }

  /** Any body signed properly with the platform key (a notification laid out differently, with escapes …). */
  signed(body: string): Notification {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomBytes(16).toString('hex')
    return {
      body,
      headers: { 'content-type': 'application/json', 'wechatpay-timestamp': timestamp, 'wechatpay-nonce': nonce, 'wechatpay-signature': rsaSign(this.platformPrivateKey, answerMessage(timestamp, nonce, body)), 'wechatpay-serial': this.platformSerial },
    }
  }

  /** Posts a notification to the order's notify_url (or `url`) and records the answer. */
  async deliver(outTradeNo: string, n: Notification, url?: string): Promise<{ status: number; answer: string }> {
    const target = url ?? this.notifyUrlOverride ?? this.orders.get(outTradeNo)?.notify_url
    if (!target) throw new Error(`fake WeChat Pay: no notify_url for ${outTradeNo}`)
    const res = await fetch(target, { method: 'POST', headers: n.headers, body: n.body })
    const answer = await res.text()
    this.delivered.push({ outTradeNo, status: res.status, answer })
    return { status: res.status, answer }
  }

  /** Refunds still PROCESSING become SUCCESS (as the bank finishes them). */
  completeRefunds(): void {
    for (const r of this.refunds.values()) {
      if (r.status === 'PROCESSING') {
        r.status = 'SUCCESS'
        r.success_time = beijingRfc3339(new Date())
        const order = this.orders.get(r.out_trade_no)
        if (order) order.trade_state = 'REFUND'
      }
    }
  }

  // ---- the API ----

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const operation = operationOf(req.method ?? '', req.url ?? '')
      const i = this.faults.findIndex((f) => !f.operation || f.operation === operation)
      const fault = i >= 0 ? this.faults.splice(i, 1)[0]!.fault : undefined
      const delay = this.latencyMs + (fault && 'delayMs' in fault ? fault.delayMs : 0)
      const go = () => this.answer(req, res, body, fault && !('delayMs' in fault) ? fault : undefined)
      if (delay > 0) setTimeout(go, delay)
      else go()
    })
  }


  private answer(req: http.IncomingMessage, res: http.ServerResponse, body: string, fault: Exclude<PayFault, { delayMs: number }> | undefined): void {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]))
    const record: PayReceived = { method, path, headers, body, status: 0, at: Date.now() }
    this.received.push(record)
    const send = (status: number, payload: object | null, forged = false) => {
      const text = payload === null ? '' : JSON.stringify(payload)
      const timestamp = String(Math.floor(Date.now() / 1000))
      const nonce = randomBytes(16).toString('hex')
      record.status = status
      res.writeHead(status, {
        ...(text ? { 'content-type': 'application/json' } : {}),
        'request-id': randomUUID(),
        'wechatpay-nonce': nonce,
        'wechatpay-timestamp': timestamp,
        'wechatpay-serial': this.platformSerial,
        'wechatpay-signature': rsaSign(forged ? this.forgerKey : this.platformPrivateKey, answerMessage(timestamp, nonce, text)),
      })
      res.end(text)
    }
    const error = (status: number, code: string, message: string) => {
      record.code = code
      send(status, { code, message })
    }

    // Test control, not WeChat Pay: POST /__fake/pay/<out_trade_no> pays the order and posts its notification (a browser test's stand-in for wx.requestPayment).
    const control = /^\/__fake\/pay\/([^/?]+)$/.exec(path)
    if (control && method === 'POST') {
      const no = decodeURIComponent(control[1]!)
      if (this.orders.get(no)?.trade_state !== 'NOTPAY') return error(404, 'ORDER_NOT_EXIST', '没有待支付的订单')
      void this.pay(no).then(
        (answers) => send(200, { out_trade_no: no, answers }),
        (err: unknown) => error(502, 'NOTIFY_FAILED', (err as Error).message),
      )
      return
    }

    // The signature first, as WeChat Pay checks it before anything else.
    const auth = parseAuthorization(headers.authorization)
    if (!auth || auth.mchid !== this.mchid || auth.serial_no !== this.merchantSerialNo) return error(401, 'SIGN_ERROR', '签名错误')
    if (Math.abs(Date.now() / 1000 - Number(auth.timestamp)) > 300) return error(401, 'SIGN_ERROR', '签名错误，时间戳过期')
    if (!rsaVerify(this.merchantPublicKey, requestMessage(method, path, auth.timestamp, auth.nonce_str, body), auth.signature)) return error(401, 'SIGN_ERROR', '签名错误')
    if (this.rate?.take() === false) return error(429, 'FREQUENCY_LIMITED', '频率超限')
    if (fault && 'code' in fault) return error(fault.httpStatus, fault.code, fault.message ?? fault.code)
    const forged = !!fault && 'forgedAnswer' in fault

    let json: Record<string, any> = {}
    if (body) {
      try {
        json = JSON.parse(body) as Record<string, any>
      } catch {
        return error(400, 'PARAM_ERROR', '请求体不是 JSON')
      }
    }
    const url = new URL(path, 'http://x')
    let m: RegExpExecArray | null
    if (method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') {
      if (json.appid !== this.appid) return error(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
      if (json.mchid !== this.mchid) return error(400, 'MCH_NOT_EXISTS', '商户号不存在')
      if (typeof json.out_trade_no !== 'string' || !/^[0-9A-Za-z_\-|*]{6,32}$/.test(json.out_trade_no)) return error(400, 'PARAM_ERROR', '商户订单号格式不正确')
      if (typeof json.description !== 'string' || !json.description || typeof json.notify_url !== 'string') return error(400, 'PARAM_ERROR', '缺少参数')
      if (!Number.isInteger(json.amount?.total) || json.amount.total <= 0 || (json.amount.currency ?? 'CNY') !== 'CNY') return error(400, 'PARAM_ERROR', '金额不正确')
      if (typeof json.payer?.openid !== 'string' || !json.payer.openid) return error(400, 'PARAM_ERROR', '缺少 payer.openid')
      const existing = this.orders.get(json.out_trade_no)
      const prepayId = `wx${Date.now()}${randomBytes(8).toString('hex')}`
      if (existing) {
        if (existing.trade_state === 'CLOSED') return error(400, 'ORDER_CLOSED', '订单已关闭')
        if (existing.trade_state !== 'NOTPAY') return error(403, 'ORDERPAID', '该订单已支付')
        if (existing.total !== json.amount.total || existing.openid !== json.payer.openid || existing.description !== json.description) return error(403, 'OUT_TRADE_NO_USED', '商户订单号重复')
        existing.prepay_ids.push(prepayId)
      } else {
        this.orders.set(json.out_trade_no, { appid: json.appid, mchid: json.mchid, out_trade_no: json.out_trade_no, description: json.description, notify_url: json.notify_url, total: json.amount.total, openid: json.payer.openid, prepay_ids: [prepayId], trade_state: 'NOTPAY' })
      }
      return send(200, { prepay_id: prepayId }, forged)
    }
    if (method === 'GET' && (m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname))) {
      if (url.searchParams.get('mchid') !== this.mchid) return error(400, 'PARAM_ERROR', 'mchid 不正确')
      const order = this.orders.get(decodeURIComponent(m[1]!))
      if (!order) return error(404, 'ORDER_NOT_EXIST', '订单不存在')
      return send(200, this.transactionOf(order), forged)
    }
    if (method === 'POST' && (m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(url.pathname))) {
      if (json.mchid !== this.mchid) return error(400, 'PARAM_ERROR', 'mchid 不正确')
      const order = this.orders.get(decodeURIComponent(m[1]!))
      if (!order) return error(404, 'ORDER_NOT_EXIST', '订单不存在')
      if (order.trade_state === 'SUCCESS' || order.trade_state === 'REFUND') return error(400, 'ORDERPAID', '订单已支付')
      order.trade_state = 'CLOSED'
      return send(204, null, forged)
    }
    if (method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') {
      const order = this.orders.get(json.out_trade_no)
      if (!order) return error(404, 'RESOURCE_NOT_EXISTS', '订单不存在')
      if (typeof json.out_refund_no !== 'string' || !json.out_refund_no) return error(400, 'PARAM_ERROR', '缺少 out_refund_no')
      const existing = this.refunds.get(json.out_refund_no)
      if (existing) return send(200, this.refundOf(existing), forged)
      if (order.trade_state !== 'SUCCESS') return error(400, 'INVALID_REQUEST', '订单未支付或已全额退款')
      if (json.amount?.total !== order.total || !Number.isInteger(json.amount?.refund) || json.amount.refund <= 0 || json.amount.refund > order.total || json.amount.currency !== 'CNY') return error(400, 'PARAM_ERROR', '退款金额不正确')
      const refund: FakeRefund = { refund_id: `50300${String(++this.seq).padStart(24, '0')}`, out_refund_no: json.out_refund_no, out_trade_no: order.out_trade_no, transaction_id: order.transaction_id!, refund: json.amount.refund, total: order.total, status: this.refundStatus, create_time: beijingRfc3339(new Date()) }
      if (refund.status === 'SUCCESS') {
        refund.success_time = refund.create_time
        order.trade_state = 'REFUND'
      }
      this.refunds.set(refund.out_refund_no, refund)
      return send(200, this.refundOf(refund), forged)
    }
    if (method === 'GET' && (m = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(url.pathname))) {
      const refund = this.refunds.get(decodeURIComponent(m[1]!))
      if (!refund) return error(404, 'RESOURCE_NOT_EXISTS', '退款单不存在')
      return send(200, this.refundOf(refund), forged)
    }
    return error(404, 'NOT_FOUND', '接口不存在')
  }

  private transactionOf(o: FakeOrder): object {
    const paid = o.trade_state === 'SUCCESS' || o.trade_state === 'REFUND'
    return {
      appid: o.appid,
      mchid: o.mchid,
      out_trade_no: o.out_trade_no,
      trade_state: o.trade_state,
      trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[o.trade_state],
      ...(paid ? { transaction_id: o.transaction_id, trade_type: 'JSAPI', bank_type: 'OTHERS', success_time: o.success_time, payer: { openid: o.openid } } : {}),
      amount: paid ? { total: o.total, payer_total: o.total, currency: 'CNY', payer_currency: 'CNY' } : { total: o.total, currency: 'CNY' },
    }
  }

  private refundOf(r: FakeRefund): object {
    return {
      refund_id: r.refund_id,
      out_refund_no: r.out_refund_no,
      transaction_id: r.transaction_id,
      out_trade_no: r.out_trade_no,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      create_time: r.create_time,
      ...(r.success_time ? { success_time: r.success_time } : {}),
      status: r.status,
      funds_account: 'AVAILABLE',
      amount: { total: r.total, refund: r.refund, payer_total: r.total, payer_refund: r.refund, settlement_refund: r.refund, settlement_total: r.total, discount_refund: 0, currency: 'CNY' },
    }
  }
}

function operationOf(method: string, path: string): PayOperation | undefined {
  const p = path.split('?')[0]!
  if (method === 'POST' && p === '/v3/pay/transactions/jsapi') return 'jsapi'
  if (method === 'GET' && p.startsWith('/v3/pay/transactions/out-trade-no/')) return 'query'
  if (method === 'POST' && p.endsWith('/close')) return 'close'
  if (method === 'POST' && p === '/v3/refund/domestic/refunds') return 'refund'
  if (method === 'GET' && p.startsWith('/v3/refund/domestic/refunds/')) return 'queryRefund'
  return undefined
}

/** The platform's public key as a KeyObject (tests verifying by hand). */
export const platformKeyOf = (fake: FakeWeChatPay) => publicKeyOf(fake.platformPublicKeyPem)
