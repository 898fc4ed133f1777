import type { KeyObject } from 'node:crypto'
import { answerProblem, type Refund, type Transaction } from './wechatPayClient'
import { decryptResource, GcmDecryptError } from './wechatPayCrypto'

/**
 * Verification of a WeChat Pay notification (支付通知 / 退款通知, API v3), pure apart from
 * node:crypto: the platform signature over the raw body with the expected serial, a
 * timestamp within five minutes of our clock, the resource decrypted with
 * AES-256-GCM **and its tag checked**, then the transaction checked against what we
 * expect (merchant, app, our order, amount and currency).
 */

/** Why a notification was refused. */
export type NotificationRejection =
  | 'missing-headers'
  | 'unknown-serial'
  | 'stale-timestamp'
  | 'bad-signature'
  | 'malformed'
  | 'decrypt-failed'
  | 'wrong-merchant'
  | 'wrong-app'
  | 'unknown-order'
  | 'amount-mismatch'
  | 'currency-mismatch'
  | 'not-success'

/** Chinese text answered to WeChat Pay in `{ code: 'FAIL', message }` (it shows in the merchant platform). */
const MESSAGES: Record<NotificationRejection, string> = {
  'missing-headers': '缺少微信支付签名头',
  'unknown-serial': '平台证书序列号不符',
  'stale-timestamp': '通知时间戳已过期',
  'bad-signature': '签名验证失败',
  malformed: '通知格式不正确',
  'decrypt-failed': '通知解密失败',
  'wrong-merchant': '商户号不符',
  'wrong-app': 'AppID 不符',
  'unknown-order': '订单不存在',
  'amount-mismatch': '订单金额不符',
  'currency-mismatch': '币种不符',
  'not-success': '交易状态不是支付成功',
}

export class NotificationRejectedError extends Error {
  constructor(
    readonly reason: NotificationRejection,
    readonly detail: string = reason,
  ) {
    super(MESSAGES[reason])
    this.name = 'NotificationRejectedError'
  }
  /** The status answered to WeChat Pay: 401 when we cannot tell it came from WeChat Pay, 400 when it did but does not match. */
  get httpStatus(): 401 | 400 {
    return ['missing-headers', 'unknown-serial', 'stale-timestamp', 'bad-signature'].includes(this.reason) ? 401 : 400
  }
}

export interface NotificationResource {
  algorithm: string
  ciphertext: string
  associated_data?: string
  original_type: string
  nonce: string
}

/** The outer notification (what is posted), with the decrypted resource. */
export type VerifiedNotification =
  | { id: string; createTime: string; eventType: string; kind: 'transaction'; transaction: Transaction }
  | { id: string; createTime: string; eventType: string; kind: 'refund'; refund: Refund & { mchid?: string } }
  | { id: string; createTime: string; eventType: string; kind: 'other'; originalType: string }

export interface NotificationKeys {
  platformKey: KeyObject
  platformSerial: string
  apiV3Key: string
  now: Date
  /** 300 by default. */
  toleranceSeconds?: number
}

/** Header names as Node gives them (lower case). */
export type NotificationHeaders = Record<string, string | string[] | undefined>

const header = (h: NotificationHeaders, name: string) => {
  const v = h[name]
  return Array.isArray(v) ? v[0] : v
}

/** Checks signature, timestamp and encryption of a notification; throws NotificationRejectedError. */
export function verifyNotification(headers: NotificationHeaders, rawBody: Buffer, keys: NotificationKeys): VerifiedNotification {
  const signed = { signature: header(headers, 'wechatpay-signature'), timestamp: header(headers, 'wechatpay-timestamp'), nonce: header(headers, 'wechatpay-nonce'), serial: header(headers, 'wechatpay-serial') }
  const problem = answerProblem(signed, rawBody, { key: keys.platformKey, serial: keys.platformSerial, now: keys.now, toleranceSeconds: keys.toleranceSeconds ?? 300 })
  if (problem) {
    const reason: NotificationRejection = problem.startsWith('missing') ? 'missing-headers' : problem.startsWith('unknown platform serial') ? 'unknown-serial' : problem === 'bad signature' ? 'bad-signature' : 'stale-timestamp'
    throw new NotificationRejectedError(reason, problem)
  }
  let outer: { id?: unknown; create_time?: unknown; event_type?: unknown; resource_type?: unknown; resource?: Partial<NotificationResource> }
  try {
    outer = JSON.parse(rawBody.toString('utf8')) as typeof outer
  } catch {
    throw new NotificationRejectedError('malformed', 'body is not JSON')
  }
  const r = outer?.resource
  if (typeof outer?.id !== 'string' || typeof outer.event_type !== 'string' || !r || r.algorithm !== 'AEAD_AES_256_GCM' || typeof r.ciphertext !== 'string' || typeof r.nonce !== 'string' || typeof r.original_type !== 'string') {
    throw new NotificationRejectedError('malformed', 'not an encrypted resource notification')
  }
  let plaintext: string
  try {
    plaintext = decryptResource({ apiV3Key: keys.apiV3Key, ciphertext: r.ciphertext, nonce: r.nonce, associatedData: typeof r.associated_data === 'string' ? r.associated_data : '' })
  } catch (err) {
    if (err instanceof GcmDecryptError) throw new NotificationRejectedError('decrypt-failed', err.message)
    throw err
  }
  let resource: unknown
  try {
    resource = JSON.parse(plaintext)
  } catch {
    throw new NotificationRejectedError('malformed', 'resource is not JSON')
  }
  if (typeof resource !== 'object' || resource === null) throw new NotificationRejectedError('malformed', 'resource is not an object')
  const base = { id: outer.id, createTime: typeof outer.create_time === 'string' ? outer.create_time : '', eventType: outer.event_type }
  if (r.original_type === 'transaction') return { ...base, kind: 'transaction', transaction: resource as Transaction }
  if (r.original_type === 'refund') return { ...base, kind: 'refund', refund: resource as Refund }
  return { ...base, kind: 'other', originalType: r.original_type }
}

/** What a paid transaction must match: our merchant and app, and the order we placed. */
export function checkTransaction(tx: Transaction, expected: { mchId: string; appId: string; order: { amountFen: number } | null }): void {
  if (tx.mchid !== expected.mchId) throw new NotificationRejectedError('wrong-merchant', `mchid ${tx.mchid}`)
  if (tx.appid !== expected.appId) throw new NotificationRejectedError('wrong-app', `appid ${tx.appid}`)
  if (!expected.order) throw new NotificationRejectedError('unknown-order', `out_trade_no ${tx.out_trade_no}`)
  if (tx.trade_state !== 'SUCCESS') throw new NotificationRejectedError('not-success', `trade_state ${tx.trade_state}`)
  if (tx.amount?.currency !== 'CNY') throw new NotificationRejectedError('currency-mismatch', `currency ${tx.amount?.currency}`)
  if (tx.amount?.total !== expected.order.amountFen) throw new NotificationRejectedError('amount-mismatch', `total ${tx.amount?.total}, order ${expected.order.amountFen}`)
}
