import { deliverWithRetries, type AttemptReport, type DeliveryResult } from '../delivery/deliverWithRetries'
import { classifySmsCode, type RetryPolicy } from '../delivery/retryPolicy'
import type { RateLimiter } from '../delivery/tokenBucket'

/**
 * One text message as China's SMS platforms take it (Tencent Cloud and Aliyun `SendSms`):
 * an approved template and signature, with parameters. Never free text (domain-facts §8).
 */
export interface SmsRequest {
  /** A mainland mobile number, `13800138000` or `+8613800138000`. */
  phone: string
  /** The approved template's id. */
  templateId: string
  /** The template's {1}, {2} … values, in order. */
  params: string[]
  /** The approved signature (签名), e.g. 某某市人社局. */
  signName: string
}

/**
 * The provider's answer to one request: `code` is `Ok` when it took the message, else its
 * error code (Tencent's `LimitExceeded.PhoneNumberDailyLimit`, `InternalError.Timeout` …),
 * or `NetworkError` / `HttpError.<status>` when there was no usable answer. Classified by
 * `classifySmsCode`.
 */
export interface SmsOutcome {
  code: string
  message: string
  /** The provider's id of the message, when sent. */
  serialNo?: string
  requestId?: string
}

/** An SMS platform: one request, one answer. Providers never throw for the platform's answers or network failures; they answer a code. */
export interface SmsProvider {
  /** `onWrite`: called just before the request is written to a connection (see `HttpCall.onWrite`). */
  send(request: SmsRequest, onWrite?: () => void): Promise<SmsOutcome>
}

/** One request to the provider: when it started, its code (`Ok` when sent), how long it took. */
export interface SmsAttempt {
  at: Date
  code: string
  ms: number
}

export type SmsResult = DeliveryResult<SmsAttempt>

/**
 * Delivers one text through a provider with the same rules as WeChat messages: a rate
 * limit taken before every request, backoff with jitter for transient failures, no retry
 * for answers a retry cannot change. Answers the outcome and every attempt with its code.
 */
export class SmsSender {
  constructor(private readonly provider: SmsProvider) {}

  /** `onWrite` is called just before each attempt's request is written to a connection (see `HttpCall.onWrite`). */
  sendWithRetries(request: SmsRequest, options: { policy: RetryPolicy; bucket?: RateLimiter; sleep?: (ms: number) => Promise<void>; onWrite?: () => void }): Promise<SmsResult> {
    const attempt = async (): Promise<AttemptReport<SmsAttempt>> => {
      const at = new Date()
      const started = performance.now()
      const answer = await this.provider.send(request, options.onWrite)
      return { record: { at, code: answer.code, ms: Math.round(performance.now() - started) }, verdict: classifySmsCode(answer.code), message: answer.message }
    }
    return deliverWithRetries(attempt, options)
  }
}
