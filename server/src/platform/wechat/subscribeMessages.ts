import { fitThing } from '@zw/shared'
import type { AccessTokenSource } from './accessTokenSource'
import { deliverWithRetries, type AttemptReport, type DeliveryResult } from '../delivery/deliverWithRetries'
import { classifyWeChatErrcode, type RetryPolicy, type Verdict } from '../delivery/retryPolicy'
import type { RateLimiter } from '../delivery/tokenBucket'
import { isTransient, RawJson, WeChatApiError, wechatRequest, type WeChatSettings } from './wechatHttp'

export interface SubscribeMessage {
  touser: string
  template_id: string
  /** The mini-program page the message opens, with its query. */
  page: string
  data: Record<string, { value: string }>
  miniprogram_state?: 'developer' | 'trial' | 'formal'
  lang?: 'zh_CN'
}

export type SendOutcome =
  | { status: 'sent' }
  /** 43101: the person refused, or has no consent left. Do not retry. */
  | { status: 'no-consent' }
  /** Worth trying again later (-1 系统繁忙, network, 45011 frequency limit). */
  | { status: 'retry'; errcode: number; message: string }
  /** A wrong request (47003 data, 40003 openid, 40037 template, 41030 page …): retrying will not help. */
  | { status: 'failed'; errcode: number; message: string }

/** One request to `subscribe/send` (or the failed attempt to get a token for it): when it started, what WeChat answered (0 = sent), how long it took. */
export interface SendAttempt {
  at: Date
  errcode: number
  ms: number
}

export type SendResult = DeliveryResult<SendAttempt>

export interface SendWithRetriesOptions {
  policy: RetryPolicy
  /** The rate limit shared by all sends of this process, taken before every attempt. */
  bucket?: RateLimiter
  sleep?: (ms: number) => Promise<void>
  /** Called just before each attempt's request is written to a connection (see `HttpCall.onWrite`). */
  onWrite?: () => void
}

const TOKEN_REJECTED = new Set([40001, 42001])
const SEND_PATH = 'cgi-bin/message/subscribe/send'

/** `POST cgi-bin/message/subscribe/send`, with the access_token from the shared source and renewed once when WeChat rejects it. */
export class SubscribeMessageSender {
  constructor(
    private readonly settings: WeChatSettings,
    private readonly tokens: AccessTokenSource,
  ) {}

  /** One delivery with no waiting: the caller schedules any retry itself (as the reviewer reminders do). */
  async send(message: SubscribeMessage): Promise<SendOutcome> {
    for (let attempt = 0; attempt < 2; attempt++) {
      let token: string
      try {
        token = await this.tokens.get()
      } catch (err) {
        if (err instanceof WeChatApiError) return { status: 'retry', errcode: err.errcode, message: err.errmsg }
        throw err
      }
      try {
        await this.post(token, message)
        return { status: 'sent' }
      } catch (err) {
        if (!(err instanceof WeChatApiError)) throw err
        if (TOKEN_REJECTED.has(err.errcode) && attempt === 0) {
          await this.tokens.invalidate(token)
          continue
        }
        if (err.errcode === 43101) return { status: 'no-consent' }
        if (isTransient(err) || TOKEN_REJECTED.has(err.errcode)) return { status: 'retry', errcode: err.errcode, message: err.errmsg }
        return { status: 'failed', errcode: err.errcode, message: err.errmsg }
      }
    }
    return { status: 'retry', errcode: 40001, message: 'access_token rejected twice' }
  }

  /**
   * Delivers one message for the push worker: waits on `bucket` before each request,
   * retries transient failures with the policy's backoff, renews a rejected token once,
   * and stops at once on an answer that retrying cannot change. Answers the outcome and
   * every attempt with its errcode, for the caller to record. Throws only what is not an
   * answer from WeChat (the token store's database failing).
   */
  sendWithRetries(message: SubscribeMessage, options: SendWithRetriesOptions): Promise<SendResult> {
    const body = JSON.stringify({ lang: 'zh_CN', ...message })
    let lastToken: string | null = null
    const attempt = async (): Promise<AttemptReport<SendAttempt>> => {
      const at = new Date()
      const started = performance.now()
      const report = (errcode: number, verdict: Verdict, message?: string): AttemptReport<SendAttempt> => ({ record: { at, errcode, ms: Math.round(performance.now() - started) }, verdict, message })
      try {
        lastToken = await this.tokens.get()
      } catch (err) {
        if (!(err instanceof WeChatApiError)) throw err
        // Not an answer about this message: retry if it may pass soon, otherwise stop and let the caller reschedule.
        return report(err.errcode, classifyWeChatErrcode(err.errcode) === 'transient' ? 'transient' : 'later', err.message)
      }
      try {
        await this.post(lastToken, body, options.onWrite)
        return report(0, 'ok')
      } catch (err) {
        if (!(err instanceof WeChatApiError)) throw err
        return report(err.errcode, classifyWeChatErrcode(err.errcode), err.errmsg)
      }
    }
    return deliverWithRetries(attempt, {
      policy: options.policy,
      bucket: options.bucket,
      sleep: options.sleep,
      refreshCredentials: async () => {
        if (lastToken) await this.tokens.invalidate(lastToken)
      },
    })
  }

  /** The message body is serialized once per message, not once per attempt. */
  private post(token: string, message: SubscribeMessage | string, onWrite?: () => void): Promise<object> {
    return wechatRequest(this.settings, SEND_PATH, { query: { access_token: token }, body: typeof message === 'string' ? new RawJson(message) : { lang: 'zh_CN', ...message }, onWrite })
  }
}

/** WeChat's `thing` values hold at most 20 characters. */
export const thing = (text: string) => ({ value: fitThing(text) })
/** A `time` value: `2026-11-22 09:30`. */
export const timeValue = (text: string) => ({ value: text })
