import { AccessTokenSource } from './accessTokenSource'
import { ContentSecurityChecker } from './contentSecurity'
import { openIdOfLoginCode } from './miniProgramLogin'
import { SubscribeMessageSender } from './subscribeMessages'
import type { WeChatSettings } from './wechatHttp'

/** The mini-program's WeChat clients, built once from configuration; absent when no credentials are configured. */
export interface WeChatClients {
  settings: WeChatSettings
  /** The template of the reviewers' 待审核提醒, when configured. */
  reviewTemplateId: string | null
  reviewTemplateLongTerm: boolean
  miniprogramState: 'developer' | 'trial' | 'formal'
  tokens: AccessTokenSource
  messages: SubscribeMessageSender
  /** msg_sec_check v2 for what citizens write. */
  contentSecurity: ContentSecurityChecker
  openIdOf(code: string): Promise<{ openid: string; unionid?: string }>
}

export function createWeChatClients(
  options: (WeChatSettings & { reviewTemplateId?: string; reviewTemplateLongTerm?: boolean; miniprogramState?: WeChatClients['miniprogramState']; tokenMemoryMaxAgeMs?: number }) | undefined,
): WeChatClients | undefined {
  if (!options?.appId || !options.appSecret) return undefined
  const settings: WeChatSettings = { baseUrl: options.baseUrl, appId: options.appId, appSecret: options.appSecret, timeoutMs: options.timeoutMs, connections: options.connections }
  const tokens = new AccessTokenSource(settings, undefined, { memoryMaxAgeMs: options.tokenMemoryMaxAgeMs })
  return {
    settings,
    reviewTemplateId: options.reviewTemplateId ?? null,
    reviewTemplateLongTerm: options.reviewTemplateLongTerm ?? false,
    miniprogramState: options.miniprogramState ?? 'formal',
    tokens,
    messages: new SubscribeMessageSender(settings, tokens),
    contentSecurity: new ContentSecurityChecker(settings, tokens),
    openIdOf: (code) => openIdOfLoginCode(settings, code),
  }
}
