import { generateKeyPairSync, createPublicKey } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import Pay from 'wechatpay-node-v3'
import { loadConfig, ConfigError } from '../../server/src/platform/config'
import { payOptionsOf } from '../../server/src/platform/wechatpay/payConfig'
import { wechatPayConfigProblems } from '../../server/src/platform/wechatpay/payConfigProblems'
import { checkTransaction, NotificationRejectedError, verifyNotification, type NotificationRejection } from '../../server/src/platform/wechatpay/payNotification'
import { answerProblem, beijingRfc3339, WeChatPayClient, type Transaction } from '../../server/src/platform/wechatpay/wechatPayClient'
import { outTradeNoFor } from '../../server/src/platform/wechatpay/feePayments'
import {
  answerMessage,
  buildAuthorization,
  decryptResource,
  encryptResource,
  GcmDecryptError,
  miniProgramPayParams,
  parseAuthorization,
  requestMessage,
  rsaSign,
  rsaVerify,
} from '../../server/src/platform/wechatpay/wechatPayCrypto'
import { FakeWeChatPay, platformKeyOf, type NotificationTamper } from '../support/fakeWeChatPay'

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 })
const merchantPem = merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const API_V3_KEY = '0123456789abcdef0123456789ABCDEF'

/** The library, with our merchant key, to compare signatures with (RSA PKCS#1 v1.5 signatures are deterministic). */
const library = new Pay({ appid: 'wx1234567890abcdef', mchid: '1900009191', serial_no: 'ABC', publicKey: Buffer.from('unused'), privateKey: Buffer.from(merchantPem), key: API_V3_KEY })

describe('request signing (WECHATPAY2-SHA256-RSA2048)', () => {
  it('signs METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY\\n exactly as wechatpay-node-v3 does, for a POST and a GET', () => {
    const body = JSON.stringify({ mchid: '1900009191', out_trade_no: 'ZW1', amount: { total: 100, currency: 'CNY' } })
    expect(rsaSign(merchant.privateKey, requestMessage('POST', '/v3/pay/transactions/jsapi', '1700000000', 'N1', body))).toBe(library.getSignature('POST', 'N1', '1700000000', '/v3/pay/transactions/jsapi', body))
    // A GET has an empty body line.
    expect(requestMessage('GET', '/v3/x?mchid=1', 1, 'n', '')).toBe('GET\n/v3/x?mchid=1\n1\nn\n\n')
    expect(rsaSign(merchant.privateKey, requestMessage('GET', '/v3/x?mchid=1', '1700000000', 'N2', ''))).toBe(library.getSignature('GET', 'N2', '1700000000', '/v3/x?mchid=1'))
  })

  it('builds an Authorization header that parses back and verifies with the merchant public key; another path does not verify', () => {
    const header = buildAuthorization({ mchid: '1900009191', serialNo: 'SERIAL1', privateKey: merchant.privateKey, method: 'POST', path: '/v3/refund/domestic/refunds', body: '{"a":1}', timestamp: 1700000000, nonce: 'NONCE' })
    expect(header).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="NONCE",timestamp="1700000000",serial_no="SERIAL1",signature="[A-Za-z0-9+/=]+"$/)
    const parts = parseAuthorization(header)!
    expect(parts).toMatchObject({ mchid: '1900009191', nonce_str: 'NONCE', timestamp: '1700000000', serial_no: 'SERIAL1' })
    expect(rsaVerify(merchant.publicKey, requestMessage('POST', '/v3/refund/domestic/refunds', parts.timestamp, parts.nonce_str, '{"a":1}'), parts.signature)).toBe(true)
    expect(rsaVerify(merchant.publicKey, requestMessage('POST', '/v3/refund/domestic/refunds/x', parts.timestamp, parts.nonce_str, '{"a":1}'), parts.signature)).toBe(false)
    expect(parseAuthorization('Bearer x')).toBeNull()
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1"')).toBeNull()
  })

  it('mini-program pay parameters: paySign over appId\\ntimeStamp\\nnonceStr\\npackage\\n, the same as the library signs it', () => {
    const p = miniProgramPayParams({ appId: 'wx1234567890abcdef', prepayId: 'wx201410272009395522657a690389285100', privateKey: merchant.privateKey, timestamp: 1414561699, nonce: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS' })
    expect(p).toMatchObject({ appId: 'wx1234567890abcdef', timeStamp: '1414561699', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' })
    const message = 'wx1234567890abcdef\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n'
    expect(rsaVerify(merchant.publicKey, message, p.paySign)).toBe(true)
    expect(p.paySign).toBe(library.sha256WithRsa(message))
  })
})

describe('AEAD_AES_256_GCM resources', () => {
  const encrypted = encryptResource({ apiV3Key: API_V3_KEY, plaintext: '{"out_trade_no":"ZW1"}', nonce: 'abcdef123456', associatedData: 'transaction' })
  const flip = (b64: string, at: number) => {
    const b = Buffer.from(b64, 'base64')
    b[at < 0 ? b.length + at : at]! ^= 0x01
    return b.toString('base64')
  }

  it('decrypts what was encrypted with the APIv3 key, nonce and associated data', () => {
    expect(decryptResource({ apiV3Key: API_V3_KEY, ciphertext: encrypted, nonce: 'abcdef123456', associatedData: 'transaction' })).toBe('{"out_trade_no":"ZW1"}')
  })

  it.each([
    ['a changed ciphertext byte', { ciphertext: flip(encrypted, 2) }],
    ['a changed tag byte', { ciphertext: flip(encrypted, -1) }],
    ['other associated data', { associatedData: 'refund' }],
    ['another nonce', { nonce: 'abcdef123457' }],
    ['another key', { apiV3Key: 'ffffffffffffffffffffffffffffffff' }],
    ['a ciphertext shorter than a tag', { ciphertext: Buffer.alloc(8).toString('base64') }],
  ])('refuses %s (the tag is checked)', (_, change) => {
    expect(() => decryptResource({ apiV3Key: API_V3_KEY, ciphertext: encrypted, nonce: 'abcdef123456', associatedData: 'transaction', ...change })).toThrow(GcmDecryptError)
  })

  it("wechatpay-node-v3's decipher_gcm accepts a tampered tag — the reason notifications never go through it (domain-facts §9)", () => {
    expect(() => library.decipher_gcm(flip(encrypted, -1), 'transaction', 'abcdef123456', API_V3_KEY)).not.toThrow()
    expect(library.decipher_gcm(flip(encrypted, -1), 'transaction', 'abcdef123456', API_V3_KEY)).toEqual({ out_trade_no: 'ZW1' })
  })
})

describe('notification verification', () => {
  const fake = new FakeWeChatPay()
  fake.orders.set('ZWORDER1', { appid: fake.appid, mchid: fake.mchid, out_trade_no: 'ZWORDER1', description: '信息处理费', notify_url: 'http://127.0.0.1:1/', total: 470000, openid: 'o-payer', prepay_ids: ['wx1'], trade_state: 'NOTPAY' })
  fake.markPaid('ZWORDER1')
  const keys = (now = new Date()) => ({ platformKey: platformKeyOf(fake), platformSerial: fake.platformSerial, apiV3Key: fake.apiV3Key, now })
  const verify = (tamper?: NotificationTamper, now?: Date) => {
    const n = fake.notificationFor('ZWORDER1', tamper)
    return verifyNotification(n.headers, Buffer.from(n.body), keys(now))
  }
  const reasonOf = (f: () => unknown): NotificationRejection | 'accepted' => {
    try {
      f()
      return 'accepted'
    } catch (err) {
      if (err instanceof NotificationRejectedError) return err.reason
      throw err
    }
  }

  it('accepts a notification signed by the platform key and decrypts its transaction', () => {
    const n = verify()
    expect(n).toMatchObject({ kind: 'transaction', eventType: 'TRANSACTION.SUCCESS' })
    if (n.kind !== 'transaction') throw new Error('not a transaction')
    expect(n.transaction).toMatchObject({ out_trade_no: 'ZWORDER1', mchid: fake.mchid, appid: fake.appid, trade_state: 'SUCCESS', amount: { total: 470000, currency: 'CNY' } })
  })

  it.each<[NotificationTamper, NotificationRejection, number]>([
    ['bad-signature', 'bad-signature', 401],
    ['body-changed', 'bad-signature', 401],
    ['wrong-serial', 'unknown-serial', 401],
    ['stale-timestamp', 'stale-timestamp', 401],
    ['tampered-ciphertext', 'decrypt-failed', 400],
    ['tampered-tag', 'decrypt-failed', 400],
  ])('%s → %s (HTTP %i)', (tamper, reason, status) => {
    const n = fake.notificationFor('ZWORDER1', tamper)
    let caught: unknown
    try {
      verifyNotification(n.headers, Buffer.from(n.body), keys())
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(NotificationRejectedError)
    expect((caught as NotificationRejectedError).reason).toBe(reason)
    expect((caught as NotificationRejectedError).httpStatus).toBe(status)
  })

  it('timestamps: up to five minutes either way of our clock are accepted, beyond that refused (an injected clock)', () => {
    const n = fake.notificationFor('ZWORDER1')
    const ts = Number(n.headers['wechatpay-timestamp']) * 1000
    const at = (offsetMs: number) => reasonOf(() => verifyNotification(n.headers, Buffer.from(n.body), keys(new Date(ts + offsetMs))))
    expect([at(0), at(300_000), at(-300_000), at(301_000), at(-301_000), at(86_400_000)]).toEqual(['accepted', 'accepted', 'accepted', 'stale-timestamp', 'stale-timestamp', 'stale-timestamp'])
  })

  it('missing headers, a non-JSON body, and a resource of another algorithm are refused', () => {
    const n = fake.notificationFor('ZWORDER1')
    const { 'wechatpay-signature': _, ...unsigned } = n.headers
    expect(reasonOf(() => verifyNotification(unsigned, Buffer.from(n.body), keys()))).toBe('missing-headers')
    const resign = (body: string) => {
      const ts = String(Math.floor(Date.now() / 1000))
      return { ...n.headers, 'wechatpay-timestamp': ts, 'wechatpay-signature': rsaSign((fake as unknown as { platformPrivateKey: never }).platformPrivateKey, answerMessage(ts, n.headers['wechatpay-nonce']!, body)) }
    }
    expect(reasonOf(() => verifyNotification(resign('not json'), Buffer.from('not json'), keys()))).toBe('malformed')
    const other = n.body.replace('AEAD_AES_256_GCM', 'AEAD_AES_128_GCM')
    expect(reasonOf(() => verifyNotification(resign(other), Buffer.from(other), keys()))).toBe('malformed')
  })

  it('the signature covers the exact bytes: the same JSON re-serialized with other spacing does not verify', () => {
    const n = fake.notificationFor('ZWORDER1')
    const reformatted = JSON.stringify(JSON.parse(n.body), null, 1)
    expect(reasonOf(() => verifyNotification(n.headers, Buffer.from(reformatted), keys()))).toBe('bad-signature')
  })

  it('a transaction must be ours: merchant, app, a known order, SUCCESS, CNY and the order amount', () => {
    const tx: Transaction = { appid: 'wxA', mchid: '1900009191', out_trade_no: 'ZW1', trade_state: 'SUCCESS', amount: { total: 10000, currency: 'CNY' } }
    const expected = { mchId: '1900009191', appId: 'wxA', order: { amountFen: 10000 } }
    const check = (t: Transaction, e = expected) => reasonOf(() => checkTransaction(t, e))
    expect(check(tx)).toBe('accepted')
    expect(check({ ...tx, mchid: '1900000000' })).toBe('wrong-merchant')
    expect(check({ ...tx, appid: 'wxB' })).toBe('wrong-app')
    expect(check(tx, { ...expected, order: null as never })).toBe('unknown-order')
    expect(check({ ...tx, trade_state: 'NOTPAY' })).toBe('not-success')
    expect(check({ ...tx, amount: { total: 10000, currency: 'USD' } })).toBe('currency-mismatch')
    expect(check({ ...tx, amount: { total: 9999, currency: 'CNY' } })).toBe('amount-mismatch')
    expect(check({ ...tx, amount: { total: 10001, currency: 'CNY' } })).toBe('amount-mismatch')
  })

  it('answers are checked the same way: serial, freshness, signature over the exact text', () => {
    const key = platformKeyOf(fake)
    const expected = { key, serial: fake.platformSerial, now: new Date(), toleranceSeconds: 300 }
    const ts = String(Math.floor(Date.now() / 1000))
    const sig = rsaSign((fake as unknown as { platformPrivateKey: never }).platformPrivateKey, answerMessage(ts, 'n', '{"a":1}'))
    expect(answerProblem({ signature: sig, timestamp: ts, nonce: 'n', serial: fake.platformSerial }, '{"a":1}', expected)).toBeNull()
    expect(answerProblem({ signature: sig, timestamp: ts, nonce: 'n', serial: fake.platformSerial }, '{"a":2}', expected)).toBe('bad signature')
    expect(answerProblem({ signature: sig, timestamp: ts, nonce: 'n', serial: 'OTHER' }, '{"a":1}', expected)).toMatch(/unknown platform serial/)
    expect(answerProblem({ timestamp: ts, nonce: 'n', serial: fake.platformSerial }, '{"a":1}', expected)).toMatch(/missing/)
    expect(createPublicKey(fake.platformPublicKeyPem).asymmetricKeyType).toBe('rsa')
  })
})

describe('order numbers and configuration', () => {
  it('out_trade_no: deterministic per purpose key and sequence, ≤ 32 characters of WeChat’s alphabet', () => {
    const a = outTradeNoFor('disclosure-fee', 'app-1', 1)
    expect(a).toMatch(/^[0-9A-Za-z]{6,32}$/)
    expect(outTradeNoFor('disclosure-fee', 'app-1', 1)).toBe(a)
    expect(new Set([a, outTradeNoFor('disclosure-fee', 'app-1', 2), outTradeNoFor('disclosure-fee', 'app-2', 1), outTradeNoFor('other', 'app-1', 1)]).size).toBe(4)
    expect(outTradeNoFor('disclosure-fee', 'x'.repeat(200), 999).length).toBeLessThanOrEqual(32)
  })

  it('time_expire is RFC 3339 in Beijing time', () => {
    expect(beijingRfc3339(new Date('2026-11-22T10:00:00Z'))).toBe('2026-11-22T18:00:00+08:00')
  })

  const full = {
    WECHAT_APP_ID: 'wx1234567890abcdef',
    WECHAT_APP_SECRET: '0123456789abcdef0123',
    WECHATPAY_MCH_ID: '1900009191',
    WECHATPAY_MCH_SERIAL_NO: '3775B6A45ACD588826D15E583A95F5DD',
    WECHATPAY_MCH_PRIVATE_KEY: merchantPem,
    WECHATPAY_APIV3_KEY: API_V3_KEY,
    WECHATPAY_PLATFORM_PUBLIC_KEY: '/etc/wechatpay/pub_key.pem',
    WECHATPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_0119000091912026',
    WECHATPAY_NOTIFY_URL: 'https://zw.example.gov.cn/api/v1/pay/notify',
  }

  it('payments are all or nothing: none set is fine, all set is fine, some set names each missing one', () => {
    expect(wechatPayConfigProblems({})).toEqual([])
    expect(loadConfig({ ...full }).WECHATPAY_MCH_ID).toBe('1900009191')
    expect(loadConfig({ ...full }).WECHATPAY_API_BASE_URL).toBe('https://api.mch.weixin.qq.com')
    const { WECHATPAY_APIV3_KEY: _k, WECHAT_APP_ID: _a, ...partial } = full
    let caught: unknown
    try {
      loadConfig(partial)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(ConfigError)
    expect((caught as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['WECHATPAY_APIV3_KEY', 'WECHAT_APP_ID'])
  })

  it('refuses an APIv3 key that is not 32 characters and a base URL with a path', () => {
    expect(() => loadConfig({ ...full, WECHATPAY_APIV3_KEY: 'short' })).toThrow(/WECHATPAY_APIV3_KEY/)
    expect(() => loadConfig({ ...full, WECHATPAY_API_BASE_URL: 'http://127.0.0.1:9/prefix' })).toThrow(/WECHATPAY_API_BASE_URL/)
    expect(() => loadConfig({ ...full, WECHATPAY_API_BASE_URL: 'not a url' })).toThrow(ConfigError)
  })

  it("the fake's env() is a configuration the server accepts and builds a client from", () => {
    const fake = new FakeWeChatPay({ appid: 'wx0000000000000001' })
    const options = payOptionsOf(loadConfig({ WECHAT_APP_ID: fake.appid, ...fake.env('https://zw.example.gov.cn/api/v1/pay/notify') }))!
    expect(options).toMatchObject({ appId: 'wx0000000000000001', mchId: fake.mchid, platformSerial: fake.platformSerial, merchantPrivateKey: fake.merchantPrivateKeyPem })
    expect(new WeChatPayClient(options).payParamsFor('wx1').appId).toBe('wx0000000000000001')
  })

  it('a key that cannot be read or parsed is a configuration error naming its variable', () => {
    const problemOf = (env: Record<string, string>) => {
      try {
        payOptionsOf(loadConfig(env))
        return null
      } catch (err) {
        if (err instanceof ConfigError) return err.problems.map((p) => p.variable)
        throw err
      }
    }
    expect(problemOf({ ...full, WECHATPAY_PLATFORM_PUBLIC_KEY: '/nonexistent/pub_key.pem' })).toEqual(['WECHATPAY_PLATFORM_PUBLIC_KEY'])
    expect(problemOf({ ...full, WECHATPAY_PLATFORM_PUBLIC_KEY: merchantPem.replace('PRIVATE', 'PUBLIC') })).toEqual(['WECHATPAY_PLATFORM_PUBLIC_KEY'])
    expect(problemOf({ ...full, WECHATPAY_MCH_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nnot a key\\n-----END PRIVATE KEY-----' })).toEqual(['WECHATPAY_MCH_PRIVATE_KEY'])
  })

  it('keys are PEM text (with \\n escapes, as an environment variable holds it) or a file path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-pay-'))
    try {
      const file = path.join(dir, 'pub_key.pem')
      const platformPem = createPublicKey(merchant.privateKey).export({ type: 'spki', format: 'pem' }).toString()
      fs.writeFileSync(file, platformPem)
      const options = payOptionsOf(loadConfig({ ...full, WECHATPAY_MCH_PRIVATE_KEY: merchantPem.replace(/\n/g, '\\n'), WECHATPAY_PLATFORM_PUBLIC_KEY: file }))!
      expect(options.merchantPrivateKey).toBe(merchantPem)
      expect(options.platformPublicKey).toBe(platformPem)
      expect(options).toMatchObject({ appId: full.WECHAT_APP_ID, mchId: full.WECHATPAY_MCH_ID, notifyUrl: full.WECHATPAY_NOTIFY_URL, reconcileAfterMinutes: 10 })
      expect(payOptionsOf(loadConfig({}))).toBeUndefined()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
