import type { ConsentResult } from '../push/schemas'

/** How a WeChat template is subscribed: 长期订阅 (sent until turned off) or 一次性订阅 (one send per acceptance). */
export type TemplateKind = 'long-term' | 'one-time'

/**
 * What one answer of `wx.requestSubscribeMessage` grants for a template: one more send
 * (one-time, accepted), standing permission (long-term, accepted), nothing new (rejected
 * this time, or filtered by WeChat), or the end of what was granted (`ban`: the person
 * turned the template off in WeChat's settings). Staff and citizen ledgers both use it.
 */
export function grantOf(result: ConsentResult, kind: TemplateKind): 'one-more' | 'long-term' | 'nothing' | 'revoked' {
  if (result === 'ban') return 'revoked'
  if (result !== 'accept') return 'nothing'
  return kind === 'long-term' ? 'long-term' : 'one-more'
}

/**
 * The template ids of one `wx.requestSubscribeMessage` call: at most three, and one-time
 * and long-term templates never together (WeChat refuses mixed calls). An error in
 * Chinese, or null when the call is allowed.
 */
export function subscribeRequestError(templates: readonly { kind: TemplateKind }[]): string | null {
  if (templates.length === 0) return '没有可订阅的消息模板'
  if (templates.length > 3) return '一次最多订阅 3 个消息模板'
  if (new Set(templates.map((t) => t.kind)).size > 1) return '一次性订阅和长期订阅的模板不能在同一次请求中'
  return null
}

/**
 * What a citizen can still receive from one template, given the acceptances counted
 * (`granted`), the sends that used one (`used`) and whether WeChat said none is left
 * (43101) since the last acceptance.
 */
export function consentStanding(kind: TemplateKind, granted: number, used: number, usedUp: boolean): { state: 'on' | 'remaining' | 'none'; remaining: number } {
  if (kind === 'long-term') return granted > 0 && !usedUp ? { state: 'on', remaining: 0 } : { state: 'none', remaining: 0 }
  const remaining = usedUp ? 0 : Math.max(0, granted - used)
  return remaining > 0 ? { state: 'remaining', remaining } : { state: 'none', remaining: 0 }
}

/** The standing in plain words, for the 我的订阅 page. */
export function consentText(standing: { state: 'on' | 'remaining' | 'none'; remaining: number }): string {
  if (standing.state === 'on') return '已开启，有消息会在微信里提醒您'
  if (standing.state === 'remaining') return `还可以在微信里收到 ${standing.remaining} 条提醒`
  return '微信提醒已用完，消息会放在“我的消息”里；点“继续接收提醒”可以再开启'
}
