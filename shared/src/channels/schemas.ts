import { z } from '../zod'
import { OA_ACCOUNT_KINDS } from '../rules/massSendAllowance'

/** The channels an edition can be distributed to besides the mini-program (两微: 公众号 and 微博). */
export const DISTRIBUTION_CHANNELS = ['official-account', 'weibo'] as const
export type DistributionChannel = (typeof DISTRIBUTION_CHANNELS)[number]
export const DISTRIBUTION_CHANNEL_LABELS: Record<DistributionChannel, string> = { 'official-account': '微信公众号', weibo: '微博' }

/** Limits of the platforms' texts (OA: title ≤ 64, digest ≤ 120; Weibo's exact limit is unconfirmed and a setting on the server). */
export const OA_TITLE_MAX = 64
export const OA_DIGEST_MAX = 120
export const WEIBO_TEXT_MAX = 120

/**
 * Where an edition goes besides the mini-program, with the text each platform shows.
 * Part of the edition's content, so it is reviewed with it (先审后发); every field optional,
 * so editions written before it existed stay valid.
 */
export const distributionSchema = z
  .object({
    channels: z.array(z.enum(DISTRIBUTION_CHANNELS, { error: '请选择渠道：微信公众号或微博' })).max(2).default([]),
    /** 公众号 article title, when the item's title is longer than 64 characters. */
    oaTitle: z.string().trim().max(OA_TITLE_MAX, { error: `公众号标题不能超过 ${OA_TITLE_MAX} 字` }).optional(),
    /** 公众号摘要 (else the item's summary, cut to fit). */
    oaDigest: z.string().trim().max(OA_DIGEST_MAX, { error: `公众号摘要不能超过 ${OA_DIGEST_MAX} 字` }).optional(),
    /** 微博文字, without the link (added by the server); else the title and summary, cut to fit. */
    weiboText: z.string().trim().max(WEIBO_TEXT_MAX, { error: `微博文字不能超过 ${WEIBO_TEXT_MAX} 字（链接另计）` }).optional(),
  })
  .meta({ id: 'Distribution' })
export type Distribution = z.output<typeof distributionSchema>

export const CHANNEL_DELIVERY_STATES = ['pending', 'sent', 'live', 'failed'] as const
export type ChannelDeliveryState = (typeof CHANNEL_DELIVERY_STATES)[number]
export const CHANNEL_DELIVERY_STATE_LABELS: Record<ChannelDeliveryState, string> = { pending: '待发送', sent: '已提交，待平台发布', live: '已发布', failed: '发送失败' }

const appIdSchema = z.string({ error: '请填写公众号 AppID' }).trim().regex(/^wx[0-9a-zA-Z]{14,18}$/, { error: '应为 wx 开头的公众号 AppID' })
const secretSchema = z.string({ error: '请填写 AppSecret' }).trim().min(16, { error: 'AppSecret 长度不正确' }).max(64, { error: 'AppSecret 长度不正确' })

/** Credentials, write-only: the server stores them encrypted and never returns them. */
export const channelCredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('official-account'), appId: appIdSchema, appSecret: secretSchema }),
  z.object({ kind: z.literal('weibo'), accessToken: z.string({ error: '请填写微博 access_token' }).trim().min(16, { error: 'access_token 长度不正确' }).max(200, { error: 'access_token 长度不正确' }) }),
])
export type ChannelCredentials = z.output<typeof channelCredentialsSchema>

export const channelParamsSchema = z.object({ channel: z.enum(DISTRIBUTION_CHANNELS, { error: '渠道只能是微信公众号或微博' }) })

/** 连接账号: a department admin connects the department's 公众号 / 微博 (its cadence account is registered with it when missing). */
export const saveChannelAccountBodySchema = z.object({
  name: z.string({ error: '请填写账号名称' }).trim().min(2, { error: '账号名称至少 2 个字' }).max(50, { error: '账号名称不能超过 50 字' }),
  /** Omitted: keep the stored credentials (they are write-only). Required the first time. */
  credentials: channelCredentialsSchema.optional(),
  defaultOn: z.boolean({ error: '请选择新内容是否默认发布到此渠道' }),
  /** Weibo: the safe domain bound to the app; item links are made on it (https://host). */
  linkBase: z.url({ protocol: /^https?$/, error: '请填写以 http:// 或 https:// 开头的网址' }).optional(),
  /** 公众号: 订阅号 or 服务号 (their mass-send limits differ); omitted: kept, or 订阅号 the first time. */
  oaKind: z.enum(OA_ACCOUNT_KINDS, { error: '公众号类型只能是订阅号或服务号' }).optional(),
})

export const channelAccountSchema = z
  .object({
    channel: z.enum(DISTRIBUTION_CHANNELS),
    accountId: z.string(),
    department: z.string(),
    name: z.string(),
    defaultOn: z.boolean(),
    linkBase: z.string().nullable(),
    /** 公众号: 订阅号 or 服务号; null for 微博. */
    oaKind: z.enum(OA_ACCOUNT_KINDS).nullable(),
    /** Whether credentials are stored (never what they are). */
    hasCredentials: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ChannelAccount' })
export const channelAccountListSchema = z.object({ items: z.array(channelAccountSchema) })
export type ChannelAccount = z.infer<typeof channelAccountSchema>

export const channelDeliverySchema = z
  .object({
    id: z.string(),
    channel: z.enum(DISTRIBUTION_CHANNELS),
    edition: z.number().int(),
    state: z.enum(CHANNEL_DELIVERY_STATES),
    /** The platform's id of the post once live (公众号 article_id, 微博 id). */
    platformId: z.string().nullable(),
    url: z.string().nullable(),
    /** The last failure, in words for the editor. */
    error: z.string().nullable(),
    attempts: z.number().int(),
    /** What became of it after the item was withdrawn or taken down. */
    correction: z.object({ state: z.enum(['deleted', 'manual']), message: z.string() }).nullable(),
    massSentAt: z.string().nullable(),
    actions: z.array(z.enum(['retry', 'mass-send'])),
    updatedAt: z.string(),
  })
  .meta({ id: 'ChannelDelivery' })
export const itemChannelsSchema = z.object({ itemId: z.string(), items: z.array(channelDeliverySchema) })
export type ChannelDelivery = z.infer<typeof channelDeliverySchema>
export type ItemChannels = z.infer<typeof itemChannelsSchema>
export const itemChannelsParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/, { error: '编号格式不正确' }) })
export const channelDeliveryParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{24}:\d{1,4}:(official-account|weibo)$/, { error: '发送记录编号不正确' }) })
