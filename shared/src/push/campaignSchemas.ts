import { z } from '../zod'
import { regionByCode } from '../catalogue/regions'
import { TOPIC_CODES } from '../catalogue/topics'
import { CITIZEN_GROUP_CODES, type CitizenGroup } from '../catalogue/citizenGroups'
import { CAMPAIGN_STATES, type CampaignAction } from '../rules/campaignWorkflow'
import { subscribeMessageFieldErrors } from '../rules/subscribeMessageFields'

/** Who a campaign is for (see `audienceIncludes`). */
export const audienceRuleSchema = z.object({
  topics: z.array(z.enum(TOPIC_CODES, { error: '请从主题列表中选择' })).min(1, { error: '至少选择一个主题' }).max(10, { error: '最多选择 10 个主题' }),
  topicMatch: z.enum(['any', 'all'], { error: '请选择“任一主题”或“全部主题”' }),
  regions: z
    .array(z.string().refine((code) => regionByCode(code) !== undefined, { error: '请从地区列表中选择地区' }))
    .max(50, { error: '最多选择 50 个地区' }),
  groups: z.array(z.enum(CITIZEN_GROUP_CODES as unknown as [CitizenGroup, ...CitizenGroup[]], { error: '未知的身份类别' })).max(CITIZEN_GROUP_CODES.length),
})
export type AudienceRuleBody = z.infer<typeof audienceRuleSchema>

/**
 * What the citizen receives: in WeChat, the subscription message's fields (thing1 标题,
 * thing2 发布单位 — filled in from the department —, time3 时间), each within WeChat's
 * limits; in the inbox and by SMS, the title and a short text.
 */
export const campaignMessageSchema = z
  .object({
    title: z.string({ error: '请填写消息标题' }).trim().min(1, { error: '请填写消息标题' }),
    text: z.string({ error: '请填写消息内容' }).trim().min(1, { error: '请填写消息内容' }).max(200, { error: '消息内容最多 200 字' }),
  })
  .superRefine((m, ctx) => {
    for (const e of subscribeMessageFieldErrors({ thing1: m.title })) ctx.addIssue({ code: 'custom', path: ['title'], message: `微信提醒的标题${e.message}` })
  })

export const campaignBodySchema = z.object({
  name: z.string({ error: '请填写推送名称' }).trim().min(1, { error: '请填写推送名称' }).max(40, { error: '推送名称最多 40 字' }),
  audience: audienceRuleSchema,
  /** The published item the message links to. */
  itemId: z.string({ error: '请选择要推送的内容' }).min(1, { error: '请选择要推送的内容' }).max(64),
  message: campaignMessageSchema,
  channels: z.object({ wechat: z.boolean(), sms: z.boolean() }, { error: '请选择推送渠道' }),
  /** When to send (ISO instant); null: as soon as it is approved. */
  sendAt: z.iso.datetime({ offset: true, error: '发送时间格式不正确' }).nullable(),
})
export type CampaignBody = z.infer<typeof campaignBodySchema>

export const campaignStatsSchema = z.object({
  targeted: z.number().int(),
  sent: z.object({ wechat: z.number().int(), sms: z.number().int(), inbox: z.number().int() }),
  /** Failed sends by error code (WeChat errcode or SMS code). */
  failed: z.record(z.string(), z.number().int()),
  /** Not pushed by WeChat or SMS, and why (the message is in their inbox). Quiet hours skip nobody: they hold the campaign (`waitingUntil`). */
  skipped: z.object({ cap: z.number().int(), noConsent: z.number().int() }),
  /** Sent but not confirmed: the sender stopped between handing the message over and hearing back. */
  unconfirmed: z.number().int(),
  inboxRead: z.number().int(),
  linkOpened: z.number().int(),
})
export type CampaignStats = z.infer<typeof campaignStatsSchema>

export const campaignSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    department: z.string(),
    state: z.enum(CAMPAIGN_STATES),
    stateLabel: z.string(),
    audience: audienceRuleSchema,
    item: z.object({ id: z.string(), title: z.string() }),
    message: z.object({ title: z.string(), text: z.string() }),
    channels: z.object({ wechat: z.boolean(), sms: z.boolean() }),
    sendAt: z.string().nullable(),
    urgent: z.boolean(),
    createdBy: z.object({ id: z.string(), name: z.string() }),
    approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** What the person asking may do now. */
    actions: z.array(z.string() as z.ZodType<CampaignAction>),
    stats: campaignStatsSchema,
    /** Held by the quiet hours (not urgent): sending goes on then. */
    waitingUntil: z.string().nullable(),
    /** Returned by the approver: why, by whom, when (until it is submitted again). */
    rejection: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
    /** When sending finished (sent). */
    sentAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Campaign' })
export type Campaign = z.infer<typeof campaignSchema>

export const campaignListSchema = z.object({ campaigns: z.array(campaignSchema) }).meta({ id: 'CampaignList' })

export const campaignParamsSchema = z.object({ id: z.string().regex(/^[a-f0-9]{24}$/, { error: '推送编号格式不正确' }) })

export const campaignActionBodySchema = z.object({
  action: z.enum(['submit', 'recall', 'reject', 'approve', 'markUrgent', 'pause', 'resume', 'cancel'], { error: '未知的操作' }),
  /** Why (returning a campaign, cancelling it, flagging it urgent). */
  reason: z.string().trim().max(200, { error: '说明最多 200 字' }).optional(),
})
export type CampaignActionBody = z.infer<typeof campaignActionBodySchema>

/** 受众预估 before scheduling: exact counts from the subscriptions now. */
export const audiencePreviewBodySchema = z.object({ audience: audienceRuleSchema, channels: z.object({ wechat: z.boolean(), sms: z.boolean() }) })
export const audiencePreviewSchema = z
  .object({
    matching: z.number().int(),
    /** Of them, with WeChat consent left now. */
    wechat: z.number().int(),
    /** Of them (without WeChat), with a verified mobile number, when SMS is chosen. */
    sms: z.number().int(),
    /** Of them, reached in the inbox only. */
    inboxOnly: z.number().int(),
  })
  .meta({ id: 'AudiencePreview' })
export type AudiencePreview = z.infer<typeof audiencePreviewSchema>
