import type { ContentType } from '../content/labels'

/**
 * Kinds of 栏目 (columns) and how long each may go without an update before the national
 * inspection counts it stale: 动态/要闻 two weeks, 通知公告/政策文件 (and the mini-program's
 * other document columns) six months. Each column may set its own threshold.
 */
export const COLUMN_KINDS = ['news', 'notice', 'policy', 'interpretation', 'guide'] as const
export type ColumnKind = (typeof COLUMN_KINDS)[number]

export const COLUMN_KIND_LABELS: Record<ColumnKind, string> = {
  news: '动态要闻',
  notice: '通知公告',
  policy: '政策文件',
  interpretation: '政策解读',
  guide: '办事指南',
}

/** Half a year, in days (the inspection's "6 个月"). */
const HALF_YEAR_DAYS = 183

export const DEFAULT_STALE_AFTER_DAYS: Record<ColumnKind, number> = {
  news: 14,
  notice: HALF_YEAR_DAYS,
  policy: HALF_YEAR_DAYS,
  interpretation: HALF_YEAR_DAYS,
  guide: HALF_YEAR_DAYS,
}

/** The mini-program account's columns: one per kind of document, each fed by that content type. */
export const MINIPROGRAM_COLUMNS: readonly { code: ContentType; kind: ColumnKind; name: string }[] = [
  { code: 'policy', kind: 'policy', name: '政策文件' },
  { code: 'interpretation', kind: 'interpretation', name: '政策解读' },
  { code: 'guide', kind: 'guide', name: '办事指南' },
]

/** The channels of 两微一端 a department publishes on (one publishing account each). */
export const PUBLISHING_CHANNELS = ['miniprogram', 'official-account', 'weibo', 'app'] as const
export type PublishingChannel = (typeof PUBLISHING_CHANNELS)[number]
export const PUBLISHING_CHANNEL_LABELS: Record<PublishingChannel, string> = { miniprogram: '小程序', 'official-account': '微信公众号', weibo: '微博', app: '客户端' }
/** Channels whose posts staff record by hand until the channel is connected (the mini-program records itself). */
export const RECORDED_CHANNELS = ['official-account', 'weibo', 'app'] as const satisfies readonly PublishingChannel[]

/** The columns an account on another channel starts with. */
export const EXTERNAL_COLUMNS: readonly { code: string; kind: ColumnKind; name: string }[] = [
  { code: 'news', kind: 'news', name: '动态要闻' },
  { code: 'notice', kind: 'notice', name: '通知公告' },
]
