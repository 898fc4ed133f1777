/**
 * What to do after one delivery attempt (WeChat subscribe/send, SMS SendSms), and how long
 * to wait before the next. Pure: no I/O, no clock; the random source is injectable so
 * tests can pin the jitter.
 */

/**
 * The meaning of one answer for the message it was about:
 * - `ok`: delivered;
 * - `transient`: the platform was busy or unreachable; the same request may succeed soon
 *   (retry with backoff);
 * - `refresh-credentials`: our access_token was rejected (WeChat 40001/42001): renew it
 *   once and retry at once;
 * - `no-consent`: the person has not agreed (WeChat 43101) or opted out (SMS blacklist):
 *   never retry, and the caller marks the consent used up;
 * - `permanent`: the request itself is wrong (bad openid, template, data, phone number …):
 *   retrying will not help;
 * - `later`: nothing is wrong with this message, but the platform will refuse everything
 *   for hours (a daily quota, our own credentials): stop now and let the caller reschedule.
 */
export type Verdict = 'ok' | 'transient' | 'refresh-credentials' | 'no-consent' | 'permanent' | 'later'

/** Errcode this code base gives a WeChat call that got no usable answer: network failure, timeout, HTTP 5xx/429. */
export const WECHAT_NO_ANSWER = -2

/**
 * WeChat errcodes (domain-facts §8), for `cgi-bin/message/subscribe/send`:
 * - -1 系统繁忙 and -2 (no answer, see above) are transient.
 * - 45011 "api minute-quota reach limit" is WeChat's frequency limit: it clears within the
 *   minute, so it is worth retrying later with backoff (the token bucket should keep us
 *   under it in the first place).
 * - 45009 "reach max api daily quota limit" clears only the next day: `later`.
 * - 40001 (invalid credential) and 42001 (expired) are about our access_token, not the
 *   message: renew the token once and retry.
 * - 43101: no consent (left): never retry.
 * - 47003 data, 40003 openid, 40037 template, 41030 page, and every other non-zero
 *   errcode: the request is wrong, permanent.
 */
export function classifyWeChatErrcode(errcode: number): Verdict {
  switch (errcode) {
    case 0:
      return 'ok'
    case -1:
    case WECHAT_NO_ANSWER:
    case 45011:
      return 'transient'
    case 40001:
    case 42001:
      return 'refresh-credentials'
    case 43101:
      return 'no-consent'
    case 45009:
      return 'later'
    default:
      return 'permanent'
  }
}

/** Codes this code base gives an SMS call that got no usable answer. */
export const SMS_NO_ANSWER = 'NetworkError'
/** An HTTP error status without a provider answer: `HttpError.<status>`. */
export const smsHttpErrorCode = (status: number) => `HttpError.${status}`

/**
 * Tencent Cloud SMS `SendSms` codes (the per-number `SendStatusSet[].Code`, or the
 * request's `Response.Error.Code`):
 * - `Ok`: sent.
 * - transient: no answer (`NetworkError`, HTTP 5xx/429), `InternalError.*` (the provider's
 *   own trouble, timeouts included) and `RequestLimitExceeded*` (API call frequency,
 *   clears within seconds).
 * - no-consent: `FailedOperation.PhoneNumberInBlacklist` (the number is on the 免打扰
 *   list: the person opted out, as 43101 on WeChat).
 * - later: app-wide limits and money (`LimitExceeded.AppDailyLimit`,
 *   `LimitExceeded.DailyLimit`, `FailedOperation.InsufficientBalanceInSmsPackage`) and
 *   our own credentials (`AuthFailure.*`, `UnauthorizedOperation.*`): nothing is wrong
 *   with this message, yet retrying in seconds cannot help.
 * - permanent: everything else, notably the per-number limits
 *   (`LimitExceeded.PhoneNumberDailyLimit`, `…OneHourLimit`, `…ThirtySecondLimit`,
 *   `…SameContentDailyLimit`: they exist to stop repeated texts to one person, which is
 *   what a retry would be), `InvalidParameter*`, and unapproved signature or template
 *   (`FailedOperation.*`).
 */
export function classifySmsCode(code: string): Verdict {
  if (code === 'Ok') return 'ok'
  if (code === SMS_NO_ANSWER || code.startsWith('InternalError') || code.startsWith('RequestLimitExceeded')) return 'transient'
  if (code.startsWith('HttpError.')) {
    const status = Number(code.slice('HttpError.'.length))
    return status >= 500 || status === 429 ? 'transient' : 'permanent'
  }
  if (code === 'FailedOperation.PhoneNumberInBlacklist') return 'no-consent'
  if (code === 'LimitExceeded.AppDailyLimit' || code === 'LimitExceeded.DailyLimit' || code === 'FailedOperation.InsufficientBalanceInSmsPackage') return 'later'
  if (code.startsWith('AuthFailure') || code.startsWith('UnauthorizedOperation')) return 'later'
  return 'permanent'
}

export interface RetrySettings {
  /** The first wait's ceiling, in ms. */
  baseMs: number
  /** No wait is longer than this, in ms. */
  capMs: number
  /** Attempts in all for one message, the first included (a token renewal adds one). */
  maxAttempts: number
  /** Uniform in [0, 1); `Math.random` unless a test pins it. */
  random?: () => number
}

export const DEFAULT_RETRY_SETTINGS: Readonly<Omit<RetrySettings, 'random'>> = { baseMs: 200, capMs: 10_000, maxAttempts: 5 }

/** Settings that cannot work (a negative wait, no attempt at all). */
export class RetrySettingsError extends RangeError {
  constructor(message: string) {
    super(message)
    this.name = 'RetrySettingsError'
  }
}

/**
 * Exponential backoff with full jitter: after the n-th failed attempt wait a uniformly
 * random time in [0, min(cap, base·2^(n−1))). The randomness matters when a platform
 * hiccup fails thousands of sends at once: without it they would all come back at the
 * same instant and fail again ("Exponential Backoff And Jitter", AWS Architecture Blog).
 */
export class RetryPolicy {
  readonly baseMs: number
  readonly capMs: number
  readonly maxAttempts: number
  private readonly random: () => number

  constructor(settings: Partial<RetrySettings> = {}) {
    const { baseMs, capMs, maxAttempts } = { ...DEFAULT_RETRY_SETTINGS, ...settings }
    if (!(baseMs >= 0) || !(capMs >= baseMs)) throw new RetrySettingsError(`backoff needs 0 ≤ baseMs ≤ capMs (got ${baseMs}, ${capMs})`)
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RetrySettingsError(`maxAttempts must be a whole number ≥ 1 (got ${maxAttempts})`)
    this.baseMs = baseMs
    this.capMs = capMs
    this.maxAttempts = maxAttempts
    this.random = settings.random ?? Math.random
  }

  /** The longest wait after the `failures`-th failed attempt (1 for the first): base·2^(failures−1), at most cap. */
  ceilingMs(failures: number): number {
    if (failures < 1) return 0
    // 2^(n-1) overflows to Infinity for large n, which min() then caps.
    return Math.min(this.capMs, this.baseMs * 2 ** (failures - 1))
  }

  /** The wait before the next attempt after the `failures`-th failure: full jitter under the ceiling. */
  delayMs(failures: number): number {
    return Math.floor(this.random() * this.ceilingMs(failures))
  }

  /** Whether another attempt is allowed after `attemptsMade` (with `extra` granted, e.g. for a token renewal). */
  mayTryAgain(attemptsMade: number, extra = 0): boolean {
    return attemptsMade < this.maxAttempts + extra
  }
}
