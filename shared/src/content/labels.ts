/** Codes stored in data, and the Chinese a person reads. */
export const CONTENT_TYPES = ['policy', 'interpretation', 'guide'] as const
export type ContentType = (typeof CONTENT_TYPES)[number]
export const CONTENT_TYPE_LABELS: Record<ContentType, string> = {
  policy: '政策文件',
  interpretation: '政策解读',
  guide: '办事指南',
}

/** 效力状态 */
export const VALIDITY_STATUSES = ['valid', 'amended', 'repealed', 'expired'] as const
export type ValidityStatus = (typeof VALIDITY_STATUSES)[number]
export const VALIDITY_LABELS: Record<ValidityStatus, string> = {
  valid: '有效',
  amended: '已修订',
  repealed: '已废止',
  expired: '失效',
}

/** 公开属性: only `proactive` (主动公开) is ever shown publicly. */
export const DISCLOSURE_ATTRIBUTES = ['proactive', 'on-application', 'not-disclosed', 'redacted'] as const
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number]
export const DISCLOSURE_LABELS: Record<DisclosureAttribute, string> = {
  proactive: '主动公开',
  'on-application': '依申请公开',
  'not-disclosed': '不予公开',
  redacted: '删减后公开',
}

/** Forms of 政策解读. */
export const INTERPRETATION_FORMS = ['text', 'graphic', 'media', 'qa', 'interview'] as const
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number]
export const INTERPRETATION_FORM_LABELS: Record<InterpretationForm, string> = {
  text: '文字解读',
  graphic: '图解',
  media: '音视频解读',
  qa: '简明问答',
  interview: '访谈',
}

export const MATERIAL_FORMS = ['original', 'copy', 'original-and-copy', 'electronic'] as const
export type MaterialForm = (typeof MATERIAL_FORMS)[number]
export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
  'original-and-copy': '原件及复印件',
  electronic: '电子材料',
}

/** 网上办理深度 */
export const ONLINE_LEVELS = ['none', 'info', 'partial', 'full'] as const
export type OnlineLevel = (typeof ONLINE_LEVELS)[number]
export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, string> = {
  none: '不支持网上办理',
  info: '网上咨询、下载表格',
  partial: '网上预审，窗口办结',
  full: '全程网办',
}

/** Life states of an item. The review workflow (next issue) owns the transitions. */
export const CONTENT_STATUSES = ['draft', 'published', 'withdrawn', 'unpublished'] as const
export type ContentStatus = (typeof CONTENT_STATUSES)[number]
export const CONTENT_STATUS_LABELS: Record<ContentStatus, string> = {
  draft: '未发布',
  published: '已发布',
  withdrawn: '已撤回（页面保留说明）',
  unpublished: '已下线',
}

/** Entries of an item's public publication history (发布记录). */
export const PUBLICATION_EVENTS = ['published', 'edited', 'withdrawn', 'validity'] as const
export type PublicationEvent = (typeof PUBLICATION_EVENTS)[number]
export const PUBLICATION_EVENT_LABELS: Record<PublicationEvent, string> = {
  published: '发布',
  edited: '修订',
  withdrawn: '撤回',
  validity: '效力状态变更',
}
