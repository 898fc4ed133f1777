import type { AccessTokenSource } from './accessTokenSource'
import { WeChatApiError, wechatRequest, type WeChatSettings } from './wechatHttp'

/** WeChat's verdict on a text: show it, have a person look, or it is risky. */
export type SecuritySuggest = 'pass' | 'review' | 'risky'

/** `scene` of msg_sec_check v2: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type SecurityScene = 1 | 2 | 3 | 4

export interface SecurityCheckResult {
  suggest: SecuritySuggest
  /** WeChat's label of the main risk (100 normal, 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪, 20008 欺诈, 20012 低俗, 20013 版权, 21000 其他). */
  label: number
  traceId: string | null
}

const PATH = 'wxa/msg_sec_check'
const TOKEN_REJECTED = new Set([40001, 42001])
const SUGGESTS = new Set<SecuritySuggest>(['pass', 'review', 'risky'])

/**
 * WeChat's text content check, version 2: `POST {base}/wxa/msg_sec_check?access_token=…`
 * with `{content, version: 2, scene, openid}` (text up to 2500 characters; the openid of a
 * user who opened the mini-program recently). The access_token comes from the shared
 * source and is renewed once when WeChat rejects it. Failures throw WeChatApiError
 * (errcode, or -2 for no usable answer): the caller decides what a failed check means.
 */
export class ContentSecurityChecker {
  constructor(
    private readonly settings: WeChatSettings,
    private readonly tokens: AccessTokenSource,
  ) {}

  async check(input: { content: string; openid: string; scene: SecurityScene; title?: string }): Promise<SecurityCheckResult> {
    const body = { content: input.content, version: 2, scene: input.scene, openid: input.openid, ...(input.title ? { title: input.title } : {}) }
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.get()
      try {
        const answer = await wechatRequest<{ result?: { suggest?: string; label?: number }; trace_id?: string }>(this.settings, PATH, { query: { access_token: token }, body })
        const suggest = answer.result?.suggest as SecuritySuggest | undefined
        if (!suggest || !SUGGESTS.has(suggest)) throw new WeChatApiError(-2, `msg_sec_check answered without a known result.suggest: ${JSON.stringify(answer.result ?? null)}`, PATH)
        return { suggest, label: Number(answer.result?.label ?? 0), traceId: answer.trace_id ?? null }
      } catch (err) {
        if (attempt === 0 && err instanceof WeChatApiError && TOKEN_REJECTED.has(err.errcode)) {
          await this.tokens.invalidate(token)
          continue
        }
        throw err
      }
    }
  }
}
