import type { AccessTokenSource } from './accessTokenSource'
import { isTransient, WeChatApiError, wechatRequest, type WeChatSettings } from './wechatHttp'

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
  /** Worth trying again later (-1 系统繁忙, network). */
  | { status: 'retry'; errcode: number; message: string }
  /** A wrong request (47003 data, 40003 openid, 40037 template, 41030 page …): retrying will not help. */
  | { status: 'failed'; errcode: number; message: string }

const TOKEN_REJECTED = new Set([40001, 42001])

/** `POST cgi-bin/message/subscribe/send`, with the access_token renewed once when WeChat rejects it. */
export class SubscribeMessageSender {
  constructor(
    private readonly settings: WeChatSettings,
    private readonly tokens: AccessTokenSource,
  ) {}

  async send(message: SubscribeMessage): Promise<SendOutcome> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.tokens.get()
      try {
        await wechatRequest(this.settings, 'cgi-bin/message/subscribe/send', { query: { access_token: token }, body: { lang: 'zh_CN', ...message } })
        return { status: 'sent' }
      } catch (err) {
        if (!(err instanceof WeChatApiError)) throw err
        if (TOKEN_REJECTED.has(err.errcode) && attempt === 0) {
          await this.tokens.invalidate(token)
          continue
        }
        if (err.errcode === 43101) return { status: 'no-consent' }
        if (isTransient(err)) return { status: 'retry', errcode: err.errcode, message: err.errmsg }
        return { status: 'failed', errcode: err.errcode, message: err.errmsg }
      }
    }
    return { status: 'retry', errcode: 40001, message: 'access_token rejected twice' }
  }
}

/** WeChat's `thing` values hold at most 20 characters. */
export const thing = (text: string) => ({ value: [...text].length > 20 ? `${[...text].slice(0, 19).join('')}…` : text })
/** A `time` value: `2026-11-22 09:30`. */
export const timeValue = (text: string) => ({ value: text })
