import type { Dispatcher } from 'undici'
import { agentFor, httpCall } from '../delivery/httpAgent'
import { SMS_NO_ANSWER, smsHttpErrorCode } from '../delivery/retryPolicy'
import type { SmsOutcome, SmsProvider, SmsRequest } from './smsProvider'
import { TC3_CONTENT_TYPE, tc3Authorization } from './tc3Signature'

export interface TencentSmsSettings {
  /** https://sms.tencentcloudapi.com in production; tests point it at a fake on 127.0.0.1. */
  baseUrl?: string
  /** The API key pair (访问管理 → API 密钥); the secret key only signs, it is never sent. */
  secretId: string
  secretKey: string
  /** The SMS application (SdkAppId, 1400…). */
  smsSdkAppId: string
  /** X-TC-Region; ap-guangzhou by default. */
  region?: string
  /** Connecting, and then from sending a request to the end of its answer (5000 by default). */
  timeoutMs?: number
  /** Keep-alive connections per process (see `agentFor`). */
  connections?: number
  /** Milliseconds since the epoch, for the signed timestamp (tests pin it). */
  now?: () => number
}

export const TENCENT_SMS_BASE_URL = 'https://sms.tencentcloudapi.com'
const SERVICE = 'sms'
const VERSION = '2021-01-11'

interface TencentAnswer {
  Response?: {
    Error?: { Code?: string; Message?: string }
    SendStatusSet?: { Code?: string; Message?: string; SerialNo?: string; PhoneNumber?: string }[]
    RequestId?: string
  }
}

/** `13800138000` → `+8613800138000` (the E.164 form `PhoneNumberSet` takes); anything else is left for the provider to judge. */
export const e164 = (phone: string) => {
  const digits = phone.replace(/[\s-]/g, '')
  return /^1\d{10}$/.test(digits) ? `+86${digits}` : digits
}

/**
 * Tencent Cloud SMS `SendSms` (API 3.0, version 2021-01-11): a JSON POST signed with
 * TC3-HMAC-SHA256, one number per request so that each message has its own answer and
 * retry. A request-level failure comes back as `Response.Error` (credentials,
 * `InternalError.*`, unapproved signature or template …), a per-number one as
 * `Response.SendStatusSet[].Code` (`LimitExceeded.PhoneNumberDailyLimit` …), success as
 * `Code: "Ok"`.
 */
export class TencentSmsClient implements SmsProvider {
  private readonly origin: string
  private readonly path: string
  private readonly host: string
  private readonly timeoutMs: number
  private readonly agent: Dispatcher
  private readonly now: () => number

  constructor(private readonly settings: TencentSmsSettings) {
    const url = new URL(settings.baseUrl ?? TENCENT_SMS_BASE_URL)
    this.origin = url.origin
    this.path = url.pathname
    this.host = url.host
    this.timeoutMs = settings.timeoutMs ?? 5000
    this.agent = agentFor({ connections: settings.connections, connectTimeoutMs: this.timeoutMs })
    this.now = settings.now ?? Date.now
  }

  async send(sms: SmsRequest, onWrite?: () => void): Promise<SmsOutcome> {
    const payload = JSON.stringify({
      PhoneNumberSet: [e164(sms.phone)],
      SmsSdkAppId: this.settings.smsSdkAppId,
      SignName: sms.signName,
      TemplateId: sms.templateId,
      TemplateParamSet: sms.params,
    })
    const timestamp = Math.floor(this.now() / 1000)
    let http: { status: number; text: string }
    try {
      http = await httpCall(this.agent, {
        origin: this.origin,
        path: this.path,
        method: 'POST',
        headers: {
          authorization: tc3Authorization({ secretId: this.settings.secretId, secretKey: this.settings.secretKey, service: SERVICE, host: this.host, timestamp, payload }),
          'content-type': TC3_CONTENT_TYPE,
          'x-tc-action': 'SendSms',
          'x-tc-version': VERSION,
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': this.settings.region ?? 'ap-guangzhou',
        },
        body: payload,
        timeoutMs: this.timeoutMs,
        onWrite,
      })
    } catch (err) {
      return { code: SMS_NO_ANSWER, message: `network: ${(err as Error).message}` }
    }
    const { status, text } = http
    if (status >= 500 || status === 429) return { code: smsHttpErrorCode(status), message: `HTTP ${status}` }
    let answer: TencentAnswer
    try {
      answer = JSON.parse(text) as TencentAnswer
    } catch {
      return { code: SMS_NO_ANSWER, message: `HTTP ${status}, not JSON` }
    }
    const r = answer?.Response
    if (r?.Error?.Code) return { code: r.Error.Code, message: r.Error.Message ?? '', requestId: r.RequestId }
    const one = r?.SendStatusSet?.[0]
    if (!one?.Code) return status === 200 ? { code: SMS_NO_ANSWER, message: 'answer without SendStatusSet' } : { code: smsHttpErrorCode(status), message: `HTTP ${status}` }
    return { code: one.Code, message: one.Message ?? '', ...(one.SerialNo ? { serialNo: one.SerialNo } : {}), ...(r?.RequestId ? { requestId: r.RequestId } : {}) }
  }
}
