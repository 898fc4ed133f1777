/**
 * The kinds of subscription message the mini-program sends citizens, each with its own
 * WeChat template (the template id and whether it is a 长期订阅 template are configured
 * on the server). Field keys follow the template the department applied for.
 */
export const PUSH_MESSAGE_KINDS = [
  { code: 'policy-notice', name: '政策推送提醒' },
  { code: 'correction', name: '信息更正通知' },
  { code: 'interaction-reply', name: '互动回复通知' },
] as const
export type PushMessageKind = (typeof PUSH_MESSAGE_KINDS)[number]['code']

export const pushMessageKindName = (code: string): string | undefined => PUSH_MESSAGE_KINDS.find((k) => k.code === code)?.name
