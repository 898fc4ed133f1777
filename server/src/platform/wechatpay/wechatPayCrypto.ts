import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, createSign, createVerify, randomBytes, X509Certificate, type KeyObject } from 'node:crypto'

/**
 * WeChat Pay API v3 cryptography with node:crypto alone (pay.weixin.qq.com, "签名生成",
 * "签名验证", "回调报文解密"):
 *
 * - a request is signed SHA256-RSA2048 with the merchant key over
 *   `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n` (an empty line for no body), and sent as
 *   `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"`;
 * - answers and notifications are signed with the platform key over
 *   `TIMESTAMP\nNONCE\nBODY\n` (headers Wechatpay-Timestamp, -Nonce, -Signature, -Serial),
 *   BODY being the exact bytes received;
 * - notification resources are AEAD_AES_256_GCM with the APIv3 key: base64 of
 *   ciphertext‖16-byte tag, a 12-byte nonce, `associated_data` as AAD.
 *
 * wechatpay-node-v3 2.2.1's `decipher_gcm` sets the tag but never calls `final()`, so a
 * tampered ciphertext or tag decrypts without error (domain-facts §9); its `verifySign`
 * looks keys up in a static cache filled from the hard-coded production URL. Neither is
 * used: everything that decides whether we trust a message from WeChat Pay is here.
 */
export const WECHATPAY_AUTH_TYPE = 'WECHATPAY2-SHA256-RSA2048'
const GCM_TAG_BYTES = 16

/** A PEM private key (PKCS#8 as WeChat issues `apiclient_key.pem`, or PKCS#1). */
export const privateKeyOf = (pem: string | Buffer): KeyObject => createPrivateKey(pem)

/** The platform's public key from a PEM public key (微信支付公钥) or a PEM certificate (平台证书). */
export function publicKeyOf(pem: string | Buffer): KeyObject {
  const text = pem.toString()
  if (text.includes('BEGIN CERTIFICATE')) return new X509Certificate(text).publicKey
  return createPublicKey(text)
}

/** The serial number of a PEM certificate as WeChat Pay writes it (upper-case hex), or null for a bare public key. */
export function certificateSerialOf(pem: string | Buffer): string | null {
  const text = pem.toString()
  if (!text.includes('BEGIN CERTIFICATE')) return null
  return new X509Certificate(text).serialNumber.toUpperCase()
}

export const newNonce = () => randomBytes(16).toString('hex').toUpperCase()

/** The message a merchant signs for a request. `path` includes the query string. */
export const requestMessage = (method: string, path: string, timestamp: string | number, nonce: string, body: string) => `${method}\n${path}\n${timestamp}\n${nonce}\n${body}\n`

/** The message the platform signs for an answer or a notification. `body` is the exact text (or bytes) received. */
export function answerMessage(timestamp: string | number, nonce: string, body: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), Buffer.from('\n', 'utf8')])
}

export const rsaSign = (key: KeyObject | string | Buffer, message: string | Buffer) => createSign('RSA-SHA256').update(message).sign(key, 'base64')

export function rsaVerify(key: KeyObject, message: string | Buffer, signature: string): boolean {
  if (!signature || !/^[A-Za-z0-9+/=]+$/.test(signature)) return false
  try {
    return createVerify('RSA-SHA256').update(message).verify(key, signature, 'base64')
  } catch {
    return false
  }
}

export interface AuthorizationParts {
  mchid: string
  nonce_str: string
  timestamp: string
  serial_no: string
  signature: string
}

/** The Authorization header of a request. */
export function buildAuthorization(input: { mchid: string; serialNo: string; privateKey: KeyObject | string | Buffer; method: string; path: string; body: string; timestamp?: number; nonce?: string }): string {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000))
  const nonce = input.nonce ?? newNonce()
  const signature = rsaSign(input.privateKey, requestMessage(input.method, input.path, timestamp, nonce, input.body))
  return `${WECHATPAY_AUTH_TYPE} mchid="${input.mchid}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${input.serialNo}",signature="${signature}"`
}

/** The parts of a `WECHATPAY2-SHA256-RSA2048 k="v",…` header, or null when it is not one. */
export function parseAuthorization(header: string | undefined): AuthorizationParts | null {
  if (!header?.startsWith(`${WECHATPAY_AUTH_TYPE} `)) return null
  const parts: Record<string, string> = {}
  for (const m of header.slice(WECHATPAY_AUTH_TYPE.length + 1).matchAll(/(\w+)="([^"]*)"/g)) parts[m[1]!] = m[2]!
  const { mchid, nonce_str, timestamp, serial_no, signature } = parts
  if (!mchid || !nonce_str || !timestamp || !serial_no || !signature) return null
  return { mchid, nonce_str, timestamp, serial_no, signature }
}

/** The mini-program's `wx.requestPayment` parameters for a prepay id, signed with the merchant key (appId\ntimeStamp\nnonceStr\npackage\n). */
export interface MiniProgramPayParams {
  appId: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export function miniProgramPayParams(input: { appId: string; prepayId: string; privateKey: KeyObject | string | Buffer; timestamp?: number; nonce?: string }): MiniProgramPayParams {
  const timeStamp = String(input.timestamp ?? Math.floor(Date.now() / 1000))
  const nonceStr = input.nonce ?? newNonce()
  const pkg = `prepay_id=${input.prepayId}`
  return { appId: input.appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign: rsaSign(input.privateKey, `${input.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`) }
}

export class GcmDecryptError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GcmDecryptError'
  }
}

/**
 * Decrypts an AEAD_AES_256_GCM resource and checks its authentication tag: `final()`
 * throws when the ciphertext, the tag, the nonce or the associated data was changed.
 */
export function decryptResource(input: { apiV3Key: string; ciphertext: string; nonce: string; associatedData?: string }): string {
  const key = Buffer.from(input.apiV3Key, 'utf8')
  if (key.length !== 32) throw new GcmDecryptError('APIv3 key must be 32 bytes')
  const all = Buffer.from(input.ciphertext, 'base64')
  if (all.length <= GCM_TAG_BYTES) throw new GcmDecryptError('ciphertext shorter than its tag')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(input.nonce, 'utf8'), { authTagLength: GCM_TAG_BYTES })
    decipher.setAuthTag(all.subarray(all.length - GCM_TAG_BYTES))
    decipher.setAAD(Buffer.from(input.associatedData ?? '', 'utf8'))
    return Buffer.concat([decipher.update(all.subarray(0, all.length - GCM_TAG_BYTES)), decipher.final()]).toString('utf8')
  } catch (err) {
    throw new GcmDecryptError(`resource does not authenticate: ${(err as Error).message}`)
  }
}

/** The inverse of `decryptResource` (the fake WeChat Pay and tests encrypt with it). */
export function encryptResource(input: { apiV3Key: string; plaintext: string; nonce: string; associatedData?: string }): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(input.apiV3Key, 'utf8'), Buffer.from(input.nonce, 'utf8'), { authTagLength: GCM_TAG_BYTES })
  cipher.setAAD(Buffer.from(input.associatedData ?? '', 'utf8'))
  return Buffer.concat([cipher.update(input.plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64')
}
