import { z } from '../zod'
import { SUBSCRIBE_RESULTS } from '../auth/schemas'
import { regionByCode } from '../catalogue/regions'
import { TOPIC_CODES, type TopicCode } from '../catalogue/topics'
import { PUSH_MESSAGE_KINDS, type PushMessageKind } from '../catalogue/pushMessages'

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/

/** One subscription: a topic for an area, heard at once or in a daily digest at a chosen time (Beijing). */
export const subscriptionSchema = z
  .object({
    topic: z.enum(TOPIC_CODES, { error: '请从主题列表中选择' }),
    /** 12-digit division code; it covers everything below it. */
    region: z.string({ error: '请选择地区' }).refine((code) => regionByCode(code) !== undefined, { error: '请从地区列表中选择地区' }),
    frequency: z.enum(['immediate', 'digest'], { error: '请选择“有消息就提醒”或“每天汇总一次”' }),
    /** For a digest: when it comes, `HH:mm` Beijing time. */
    digestAt: z.string().regex(TIME_OF_DAY, { error: '汇总时间格式为 时:分，如 08:30' }).nullable(),
  })
  .meta({ id: 'Subscription' })
export type Subscription = z.infer<typeof subscriptionSchema>

/** At most this many topic × area subscriptions per citizen. */
export const MAX_SUBSCRIPTIONS = 30

/**
 * 我的订阅 as the citizen saves it: all their subscriptions at once. An entry without an
 * area takes the citizen's own (their profile's); a digest needs its time.
 */
export const subscriptionsBodySchema = z.object({
  subscriptions: z
    .array(
      subscriptionSchema
        .extend({ region: subscriptionSchema.shape.region.nullable().optional(), digestAt: subscriptionSchema.shape.digestAt.optional() })
        .refine((s) => s.frequency !== 'digest' || !!s.digestAt, { error: '每天汇总需要选择汇总时间', path: ['digestAt'] }),
      { error: '订阅内容格式不正确' },
    )
    .max(MAX_SUBSCRIPTIONS, { error: `最多订阅 ${MAX_SUBSCRIPTIONS} 项` }),
})
export type SubscriptionsBody = z.infer<typeof subscriptionsBodySchema>

export const subscriptionsSchema = z.object({ subscriptions: z.array(subscriptionSchema) }).meta({ id: 'Subscriptions' })
export type Subscriptions = z.infer<typeof subscriptionsSchema>

/** What `wx.requestSubscribeMessage` answered for one template id. */
export type ConsentResult = (typeof SUBSCRIBE_RESULTS)[number]

/** The results of one `wx.requestSubscribeMessage` call (at most 3 template ids, one kind). */
export const consentReportBodySchema = z.object({
  results: z
    .array(
      z.object({
        templateId: z.string({ error: '缺少模板编号' }).min(1, { error: '缺少模板编号' }).max(64, { error: '模板编号格式不正确' }),
        result: z.enum(SUBSCRIBE_RESULTS, { error: '未知的订阅结果' }),
      }),
    )
    .min(1, { error: '没有订阅结果' })
    .max(3, { error: '一次最多订阅 3 个消息模板' })
    .refine((r) => new Set(r.map((x) => x.templateId)).size === r.length, { error: '模板编号不能重复' }),
})
export type ConsentReportBody = z.infer<typeof consentReportBodySchema>

/** Where a citizen stands with one kind of message: what WeChat lets us send them. */
export const consentStatusSchema = z
  .object({
    kind: z.enum(PUSH_MESSAGE_KINDS.map((k) => k.code) as [PushMessageKind, ...PushMessageKind[]]),
    name: z.string(),
    templateId: z.string(),
    /** `long-term`: the template is a 长期订阅 one (sent until turned off); `one-time`: one send per acceptance. */
    templateKind: z.enum(['long-term', 'one-time']),
    /** `on` (long-term accepted), `remaining` (one-time: `remaining` sends left), or `none`. */
    state: z.enum(['on', 'remaining', 'none']),
    remaining: z.number().int().nonnegative(),
    /** Plain words for the citizen (还可以收到 2 条提醒 / 已用完，请重新订阅 …). */
    text: z.string(),
  })
  .meta({ id: 'ConsentStatus' })
export type ConsentStatus = z.infer<typeof consentStatusSchema>

export const consentsSchema = z
  .object({
    /** No WeChat templates configured (development): messages reach the inbox only. */
    wechatConfigured: z.boolean(),
    consents: z.array(consentStatusSchema),
  })
  .meta({ id: 'Consents' })
export type Consents = z.infer<typeof consentsSchema>

/** A message in the citizen's 消息 inbox. */
export const inboxMessageSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    text: z.string(),
    /** The mini-program page it links to (with the campaign token), or null. */
    link: z.string().nullable(),
    department: z.string(),
    at: z.string(),
    read: z.boolean(),
    /** A correction notice about a message sent before. */
    correction: z.boolean(),
  })
  .meta({ id: 'InboxMessage' })
export type InboxMessage = z.infer<typeof inboxMessageSchema>

export const inboxSchema = z.object({ messages: z.array(inboxMessageSchema), unread: z.number().int().nonnegative(), nextCursor: z.string().nullable() }).meta({ id: 'Inbox' })
export type Inbox = z.infer<typeof inboxSchema>

export const inboxQuerySchema = z.object({
  cursor: z.string().max(200, { error: '分页标记格式不正确' }).optional(),
  limit: z.coerce.number({ error: '每页条数须为数字' }).int({ error: '每页条数须为整数' }).min(1, { error: '每页至少 1 条' }).max(50, { error: '每页最多 50 条' }).default(20),
})
export const inboxMessageParamsSchema = z.object({ id: z.string().regex(/^[\w:-]{1,120}$/, { error: '消息编号格式不正确' }) })

export type { TopicCode }
