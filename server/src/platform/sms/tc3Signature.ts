import { createHash, createHmac } from 'node:crypto'

/**
 * Tencent Cloud API 3.0 request signing (TC3-HMAC-SHA256), as documented in
 * "签名方法 v3" (cloud.tencent.com/document/api/213/30654) for a JSON POST:
 *
 *   CanonicalRequest = POST\n/\n\ncontent-type:<ct>\nhost:<host>\n\ncontent-type;host\nhex(sha256(payload))
 *   StringToSign     = TC3-HMAC-SHA256\n<timestamp>\n<date>/<service>/tc3_request\nhex(sha256(CanonicalRequest))
 *   SecretSigning    = HMAC(HMAC(HMAC("TC3" + SecretKey, date), service), "tc3_request")
 *   Authorization    = TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=content-type;host, Signature=hex(HMAC(SecretSigning, StringToSign))
 *
 * `date` is the UTC date of the timestamp (not Beijing's: a request signed with the local
 * date fails every night between 00:00 and 08:00). Signed headers are the required two:
 * `content-type` exactly as sent, and `host` as sent (the fake's 127.0.0.1:port in tests).
 */
export const TC3_ALGORITHM = 'TC3-HMAC-SHA256'
export const TC3_CONTENT_TYPE = 'application/json; charset=utf-8'
const SIGNED_HEADERS = 'content-type;host'

export interface Tc3Input {
  secretId: string
  secretKey: string
  /** The product: `sms` (the first label of sms.tencentcloudapi.com). */
  service: string
  /** The Host header value sent. */
  host: string
  /** Seconds since the epoch, as sent in X-TC-Timestamp. */
  timestamp: number
  /** The exact request body. */
  payload: string
  contentType?: string
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest()

/** The UTC calendar date of a timestamp in seconds: `2019-02-25`. */
export const tc3Date = (timestamp: number) => new Date(timestamp * 1000).toISOString().slice(0, 10)

/** The signature alone (hex), for a verifier to compare with. */
export function tc3Signature(input: Tc3Input): string {
  const date = tc3Date(input.timestamp)
  const canonicalRequest = ['POST', '/', '', `content-type:${input.contentType ?? TC3_CONTENT_TYPE}\nhost:${input.host}\n`, SIGNED_HEADERS, sha256Hex(input.payload)].join('\n')
  const scope = `${date}/${input.service}/tc3_request`
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), scope, sha256Hex(canonicalRequest)].join('\n')
  const signingKey = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), 'tc3_request')
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex')
}

/** The Authorization header value. */
export function tc3Authorization(input: Tc3Input): string {
  const scope = `${tc3Date(input.timestamp)}/${input.service}/tc3_request`
  return `${TC3_ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${tc3Signature(input)}`
}

/** The parts of an Authorization header, or null when it is not TC3-shaped. */
export function parseTc3Authorization(header: string): { secretId: string; date: string; service: string; signedHeaders: string; signature: string } | null {
  const m = /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(header)
  if (!m) return null
  return { secretId: m[1]!, date: m[2]!, service: m[3]!, signedHeaders: m[4]!, signature: m[5]! }
}
