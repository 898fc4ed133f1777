import type { KeyObject } from 'node:crypto'
import { request, type Dispatcher } from 'undici'
import Pay from 'wechatpay-node-v3'
import type { IPayRequest } from 'wechatpay-node-v3/dist/lib/pay-request.interface'
import type { Output } from 'wechatpay-node-v3/dist/lib/interface-v2'
import { agentFor } from '../delivery/httpAgent'
import { answerMessage, miniProgramPayParams, privateKeyOf, publicKeyOf, rsaVerify, type MiniProgramPayParams } from './wechatPayCrypto'

/**
 * WeChat Pay API v3 for a directly connected merchant (直连商户), JSAPI / mini-program
 * payment: place an order and get the mini-program's pay parameters, query, close,
 * refund, query a refund.
 *
 * What comes from wechatpay-node-v3 2.2.1: the request shapes, URLs and request
 * signing (`transactions_jsapi`, `query`, `close`, `refunds`, `find_refunds`, its
 * `buildAuthorization`), and the pay parameters of a new order. Its base URL is
 * hard-coded, so its HTTP client is replaced (`createHttp`) by `VerifyingHttp`, which
 * receives the full production URL, sends it to the configured origin instead, and
 * verifies every answer's platform signature with node:crypto before the library sees
 * it (the library's `verifySign` fetches keys from the hard-coded production URL).
 * What is node:crypto here instead: answer verification, and re-signing pay
 * parameters for an order placed earlier (`payParamsFor`; the library signs only inside
 * `transactions_jsapi`). Notifications are verified in `payNotification.ts`, never with
 * the library (its `decipher_gcm` does not check the GCM tag).
 */
export interface WeChatPaySettings {
  /** https://api.mch.weixin.qq.com in production; an origin only (tests point it at a fake on 127.0.0.1). */
  baseUrl: string
  /** The mini-program's AppID the merchant is bound to. */
  appId: string
  mchId: string
  /** The merchant API certificate's serial number (set explicitly: the library would otherwise parse it from a certificate). */
  merchantSerialNo: string
  /** The merchant API private key (apiclient_key.pem), PEM. */
  merchantPrivateKey: string
  /** APIv3 key: 32 characters, decrypts notifications. */
  apiV3Key: string
  /** The platform's public key (微信支付公钥) or platform certificate, PEM, and its serial (PUB_KEY_ID_… or the certificate serial). */
  platformPublicKey: string
  platformSerial: string
  /** Where WeChat Pay posts payment notifications: https://…/api/v1/pay/notify. */
  notifyUrl: string
  /** Connecting, and then from sending to the end of the answer (10000 by default). */
  timeoutMs?: number
  /** How far an answer's or notification's timestamp may be from our clock (300 s by default). */
  toleranceSeconds?: number
  now?: () => Date
}

export const WECHATPAY_BASE_URL = 'https://api.mch.weixin.qq.com'
/** The origin wechatpay-node-v3 writes into every URL it builds. */
const LIBRARY_ORIGIN = 'https://api.mch.weixin.qq.com'
/** No usable answer (network, timeout, unsigned or badly signed answer, not JSON). */
export const WECHATPAY_NO_ANSWER = 'NO_ANSWER'
export const WECHATPAY_ANSWER_NOT_VERIFIED = 'ANSWER_NOT_VERIFIED'

/** A failure answered by WeChat Pay (`{ code, message }` with a 4xx/5xx status), or no usable answer. */
export class WeChatPayApiError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly path: string,
    readonly httpStatus?: number,
  ) {
    super(`WeChat Pay ${path} ${httpStatus ?? '-'} ${code}: ${detail}`)
    this.name = 'WeChatPayApiError'
  }
  /** Worth trying again later: no answer, 5xx (SYSTEM_ERROR, BANK_ERROR …), 429 FREQUENCY_LIMITED. */
  get transient(): boolean {
    return this.code === WECHATPAY_NO_ANSWER || this.httpStatus === 429 || (this.httpStatus ?? 0) >= 500 || /^(SYSTEM_?ERROR|FREQUENCY_LIMITED|BANK_?ERROR)$/.test(this.code)
  }
}

/** `trade_state` of a transaction. */
export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR'

/** A transaction as the query answers it and as a TRANSACTION.SUCCESS notification carries it. */
export interface Transaction {
  appid: string
  mchid: string
  out_trade_no: string
  transaction_id?: string
  trade_type?: string
  trade_state: TradeState
  trade_state_desc?: string
  bank_type?: string
  attach?: string
  success_time?: string
  payer?: { openid?: string }
  amount?: { total?: number; payer_total?: number; currency?: string; payer_currency?: string }
}

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL'

export interface Refund {
  refund_id: string
  out_refund_no: string
  transaction_id?: string
  out_trade_no?: string
  status: RefundStatus
  success_time?: string
  create_time?: string
  amount?: { total?: number; refund?: number; currency?: string }
}

/**
 * The library's HTTP client: the configured origin instead of the hard-coded one, and
 * the platform signature of every 2xx answer checked over its exact bytes (with the
 * expected serial and a fresh timestamp). A 4xx/5xx answer becomes a WeChatPayApiError
 * whether signed or not: it changes nothing of ours.
 */
class VerifyingHttp implements IPayRequest {
  private readonly origin: string
  private readonly agent: Dispatcher
  constructor(
    private readonly settings: WeChatPaySettings,
    private readonly platformKey: KeyObject,
    private readonly timeoutMs: number,
    private readonly now: () => Date,
  ) {
    this.origin = new URL(settings.baseUrl).origin
    this.agent = agentFor({ connections: 4, connectTimeoutMs: timeoutMs })
  }

  post(url: string, params: Record<string, unknown>, headers: Record<string, string>): Promise<Output> {
    // The library signed JSON.stringify of this same object: the bytes sent are the bytes signed.
    return this.send('POST', url, JSON.stringify(params), headers)
  }
  get(url: string, headers: Record<string, string>): Promise<Output> {
    return this.send('GET', url, undefined, headers)
  }
  upload(): Promise<Output> {
    return Promise.reject(new Error('uploads are not used'))
  }

  private async send(method: 'GET' | 'POST', url: string, body: string | undefined, libraryHeaders: Record<string, string>): Promise<Output> {
    if (!url.startsWith(LIBRARY_ORIGIN)) throw new Error(`unexpected WeChat Pay URL ${url}`)
    const path = url.slice(LIBRARY_ORIGIN.length)
    const headers: Record<string, string> = {}
    // Accept-Encoding: gzip is dropped: answers are small and read as they come.
    for (const [k, v] of Object.entries(libraryHeaders)) if (k.toLowerCase() !== 'accept-encoding') headers[k.toLowerCase()] = v
    let status: number
    let text: string
    let answerHeaders: Record<string, string | string[] | undefined>
    try {
      const answer = await request(`${this.origin}${path}`, { method, headers, body, dispatcher: this.agent, headersTimeout: this.timeoutMs, bodyTimeout: this.timeoutMs, signal: AbortSignal.timeout(this.timeoutMs) })
      status = answer.statusCode
      answerHeaders = answer.headers
      text = await answer.body.text()
    } catch (err) {
      throw new WeChatPayApiError(WECHATPAY_NO_ANSWER, `network: ${(err as Error).message}`, pathOnly(path))
    }
    if (status < 200 || status >= 300) {
      let code = WECHATPAY_NO_ANSWER
      let detail = `HTTP ${status}`
      try {
        const json = JSON.parse(text) as { code?: string; message?: string }
        if (json.code) ({ code, detail } = { code: json.code, detail: json.message ?? '' })
      } catch {
        /* not JSON: a gateway's page */
      }
      throw new WeChatPayApiError(code, detail, pathOnly(path), status)
    }
    const one = (name: string) => {
      const v = answerHeaders[name]
      return Array.isArray(v) ? v[0] : v
    }
    const problem = answerProblem(
      { signature: one('wechatpay-signature'), timestamp: one('wechatpay-timestamp'), nonce: one('wechatpay-nonce'), serial: one('wechatpay-serial') },
      text,
      { key: this.platformKey, serial: this.settings.platformSerial, now: this.now(), toleranceSeconds: this.settings.toleranceSeconds ?? 300 },
    )
    if (problem) throw new WeChatPayApiError(WECHATPAY_ANSWER_NOT_VERIFIED, problem, pathOnly(path), status)
    if (!text) return { status, data: {} }
    try {
      return { status, data: JSON.parse(text) as unknown }
    } catch {
      throw new WeChatPayApiError(WECHATPAY_NO_ANSWER, `HTTP ${status}, not JSON`, pathOnly(path), status)
    }
  }
}

const pathOnly = (path: string) => path.split('?')[0]!

/** Why a signed message (answer or notification) is not trusted, or null when it is. */
export function answerProblem(
  headers: { signature?: string; timestamp?: string; nonce?: string; serial?: string },
  body: string | Buffer,
  expected: { key: KeyObject; serial: string; now: Date; toleranceSeconds: number },
): string | null {
  const { signature, timestamp, nonce, serial } = headers
  if (!signature || !timestamp || !nonce || !serial) return 'missing Wechatpay-Signature/-Timestamp/-Nonce/-Serial'
  if (serial !== expected.serial) return `unknown platform serial ${serial}`
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed timestamp'
  if (Math.abs(expected.now.getTime() / 1000 - Number(timestamp)) > expected.toleranceSeconds) return 'stale timestamp'
  if (!rsaVerify(expected.key, answerMessage(timestamp, nonce, body), signature)) return 'bad signature'
  return null
}

/** RFC 3339 in Beijing time, as `time_expire` wants it: 2026-11-22T18:00:00+08:00. */
export function beijingRfc3339(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`
}

export class WeChatPayClient {
  private readonly pay: Pay
  private readonly merchantKey: KeyObject
  readonly platformKey: KeyObject
  private readonly now: () => Date

  constructor(readonly settings: WeChatPaySettings) {
    const base = new URL(settings.baseUrl)
    if (base.pathname !== '/' || base.search) throw new Error('WeChat Pay base URL must be an origin (requests are signed over /v3/… paths)')
    this.now = settings.now ?? (() => new Date())
    this.merchantKey = privateKeyOf(settings.merchantPrivateKey)
    this.platformKey = publicKeyOf(settings.platformPublicKey)
    // publicKey is only read by the library to work out serial_no, which is given.
    this.pay = new Pay({ appid: settings.appId, mchid: settings.mchId, serial_no: settings.merchantSerialNo, userAgent: 'zhengwu-lwyd (wechatpay-node-v3/2.2.1)', publicKey: Buffer.from(settings.platformPublicKey), privateKey: Buffer.from(settings.merchantPrivateKey), key: settings.apiV3Key })
    this.pay.createHttp(new VerifyingHttp(settings, this.platformKey, settings.timeoutMs ?? 10_000, this.now))
  }

  /** Places a JSAPI order (`POST /v3/pay/transactions/jsapi`) and answers its prepay id with the mini-program's pay parameters. */
  async createJsapiOrder(order: { outTradeNo: string; description: string; amountFen: number; openid: string; expiresAt?: Date; attach?: string }): Promise<{ prepayId: string; payParams: MiniProgramPayParams }> {
    const result = await this.pay.transactions_jsapi({
      description: order.description,
      out_trade_no: order.outTradeNo,
      notify_url: this.settings.notifyUrl,
      amount: { total: order.amountFen, currency: 'CNY' },
      payer: { openid: order.openid },
      ...(order.expiresAt ? { time_expire: beijingRfc3339(order.expiresAt) } : {}),
      ...(order.attach ? { attach: order.attach } : {}),
    })
    const params = result.data as MiniProgramPayParams | undefined
    const prepayId = params?.package?.startsWith('prepay_id=') ? params.package.slice('prepay_id='.length) : ''
    if (!prepayId || !params?.paySign) throw new WeChatPayApiError(WECHATPAY_NO_ANSWER, 'answer without prepay_id', '/v3/pay/transactions/jsapi', result.status)
    return { prepayId, payParams: { ...params, signType: 'RSA' } }
  }

  /** Fresh pay parameters for a prepay id obtained earlier (valid two hours at WeChat). */
  payParamsFor(prepayId: string): MiniProgramPayParams {
    return miniProgramPayParams({ appId: this.settings.appId, prepayId, privateKey: this.merchantKey, timestamp: Math.floor(this.now().getTime() / 1000) })
  }

  /** `GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=…` */
  async queryOrder(outTradeNo: string): Promise<Transaction> {
    assertTradeNo(outTradeNo)
    const result = await this.pay.query({ out_trade_no: outTradeNo })
    return result.data as Transaction
  }

  /** `POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close` (204). */
  async closeOrder(outTradeNo: string): Promise<void> {
    assertTradeNo(outTradeNo)
    await this.pay.close(outTradeNo)
  }

  /** `POST /v3/refund/domestic/refunds` */
  async refund(input: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason?: string }): Promise<Refund> {
    const result = await this.pay.refunds({ out_trade_no: input.outTradeNo, out_refund_no: input.outRefundNo, ...(input.reason ? { reason: input.reason } : {}), amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' } })
    return result.data as Refund
  }

  /** `GET /v3/refund/domestic/refunds/{out_refund_no}` */
  async queryRefund(outRefundNo: string): Promise<Refund> {
    assertTradeNo(outRefundNo)
    const result = await this.pay.find_refunds(outRefundNo)
    return result.data as Refund
  }
}

/** The library puts these into URL paths unescaped: only WeChat's own alphabet is let through. */
function assertTradeNo(no: string): void {
  if (!/^[0-9A-Za-z_\-|*@]{1,64}$/.test(no)) throw new Error(`not a valid WeChat Pay order or refund number: ${no}`)
}
