import { findSensitiveWords, moderationVerdictOf, personalDataKindsIn, type SensitiveWord } from '@zw/shared'
import type { Logger } from '../platform/logger'
import type { Setting } from '../platform/settings'
import { WeChatApiError } from '../platform/wechat/wechatHttp'
import type { ContentSecurityChecker, SecurityScene } from '../platform/wechat/contentSecurity'
import type { ScreeningDoc } from './model'

/**
 * The content check of what citizens write (docs/adr/0022): WeChat's msg_sec_check v2
 * and the sensitive-word list, the stricter verdict winning; personal data is noted for
 * the warning and the masking. A check WeChat could not make — not configured, network,
 * an errcode — counts as `review`: the text waits for a person, it never passes silently.
 */
export class ContentScreener {
  constructor(
    private readonly wechat: ContentSecurityChecker | undefined,
    private readonly words: Setting<SensitiveWord[]>,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  async screen(input: { title?: string; text: string; openid: string | null; scene: SecurityScene }): Promise<ScreeningDoc> {
    const whole = input.title ? `${input.title}\n${input.text}` : input.text
    const platform = await this.platformCheck(input)
    const words = findSensitiveWords(whole, await this.words.current()).map((f) => ({ word: f.word, level: f.level }))
    return { verdict: moderationVerdictOf(platform.suggest, words), platform, words, personalData: personalDataKindsIn(whole, this.now()) }
  }

  private async platformCheck(input: { title?: string; text: string; openid: string | null; scene: SecurityScene }): Promise<ScreeningDoc['platform']> {
    const unchecked = (error: string): ScreeningDoc['platform'] => ({ suggest: 'review', label: 0, error, traceId: null })
    if (!this.wechat) return unchecked('未配置微信内容安全检查，需人工审核')
    if (!input.openid) return unchecked('留言人没有微信身份，无法进行内容安全检查，需人工审核')
    try {
      const r = await this.wechat.check({ content: input.text, title: input.title, openid: input.openid, scene: input.scene })
      return { suggest: r.suggest, label: r.label, error: null, traceId: r.traceId }
    } catch (err) {
      this.logger.warn({ err: { message: (err as Error).message } }, 'msg_sec_check failed; the text goes to moderation')
      return unchecked(err instanceof WeChatApiError ? `微信内容安全检查失败（${err.errcode}），需人工审核` : '微信内容安全检查失败，需人工审核')
    }
  }
}
