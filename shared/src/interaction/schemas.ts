import { z } from '../zod'
import { DEPARTMENT_CODES } from '../catalogue/departments'
import { MESSAGE_CATEGORY_CODES } from '../catalogue/messageCategories'
import { parseShanghaiDateTime } from '../time'
import { MESSAGE_STATES, type MessageAction } from '../rules/messageWorkflow'
import { CONSULTATION_STATES, type ConsultationAction } from '../rules/consultationWorkflow'
import { COMMENT_STATES } from '../rules/commentWorkflow'
import { attachmentSchema, publicFileKeyOf } from '../content/schemas'

/**
 * Interaction (issue 9): citizen messages (留言) with answer deadlines, and public
 * consultations (征求意见) with comments and a feedback report.
 */

const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}` })
    .max(max, { error: `${label}最多 ${max} 字` })
const optionalText = (label: string, max: number) => z.string().trim().max(max, { error: `${label}最多 ${max} 字` }).default('')
const objectId = (label: string) => z.string({ error: `缺少${label}` }).regex(/^[0-9a-f]{24}$/, { error: `${label}格式不正确` })
const calendarDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: `${label}不是有效日期` })
const beijingTime = (label: string) => z.string({ error: `请填写${label}` }).refine((v) => parseShanghaiDateTime(v) !== undefined, { error: `${label}格式应为 YYYY-MM-DD HH:mm（北京时间）` })

export const verdictSchema = z.enum(['pass', 'review', 'risky'])

// ---------- citizen messages (留言) ----------

/**
 * What a citizen writes: to which department, what kind, optionally about a published
 * item, and whether they agree to its publication (with the answer, personal data
 * masked). Title and text together stay within what WeChat's content check takes.
 */
export const messageBodySchema = z.object({
  department: z.enum(DEPARTMENT_CODES, { error: '请选择留言的部门' }),
  category: z.enum(MESSAGE_CATEGORY_CODES, { error: '请选择留言类型（咨询、建议或投诉）' }),
  title: text('标题', 40, 2),
  text: text('留言内容', 1500, 5),
  itemId: objectId('相关内容编号').nullable().default(null),
  public: z.boolean({ error: '请选择是否同意公开' }).default(false),
})
export type MessageBody = z.input<typeof messageBodySchema>

export const messageParamsSchema = z.object({ id: objectId('留言编号') })

const replySchema = z.object({ text: z.string(), answeredOn: z.string(), department: z.string() })
const itemRefSchema = z.object({ id: z.string(), title: z.string(), type: z.string() })

/** A message as its writer follows it. */
export const myMessageSchema = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  department: z.string(),
  departmentName: z.string(),
  category: z.enum(MESSAGE_CATEGORY_CODES),
  categoryLabel: z.string(),
  title: z.string(),
  text: z.string(),
  item: itemRefSchema.nullable(),
  /** The writer agreed to publication. */
  public: z.boolean(),
  /** It is in the public Q&A now (answered, agreed, not marked otherwise). */
  shownInPublic: z.boolean(),
  state: z.enum(MESSAGE_STATES),
  stateLabel: z.string(),
  receivedOn: z.string(),
  /** When the answer is due (null: answered, not accepted, or the calendar lacks a year). */
  dueDate: z.string().nullable(),
  reply: replySchema.nullable(),
  /** Why it was not accepted (rejected in moderation). */
  rejection: z.string().nullable(),
  /** Personal data in the text, hidden when public. */
  personalDataWarning: z.string().nullable(),
  createdAt: z.string(),
})
export type MyMessage = z.infer<typeof myMessageSchema>

export const myMessageListSchema = z.object({
  messages: z.array(z.object({ id: z.string(), trackingNumber: z.string(), departmentName: z.string(), categoryLabel: z.string(), title: z.string(), state: z.enum(MESSAGE_STATES), stateLabel: z.string(), receivedOn: z.string(), dueDate: z.string().nullable() })),
})
export type MyMessageList = z.infer<typeof myMessageListSchema>

const clockSchema = z.object({
  dueDate: z.string().nullable(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  remind: z.boolean(),
  alarm: z.boolean(),
  alarmOn: z.string().nullable(),
  /** Set when the calendar lacks a year the clock reaches. */
  calendarGap: z.string().nullable(),
})
const actorSchema = z.object({ id: z.string(), name: z.string() })

/** A message as staff handle it. */
export const staffMessageSchema = myMessageSchema.extend({
  clock: clockSchema,
  answerDays: z.number().int(),
  screening: z.object({
    verdict: verdictSchema,
    platform: z.object({ suggest: verdictSchema, label: z.string(), error: z.string().nullable() }),
    words: z.array(z.object({ word: z.string(), level: z.enum(['review', 'risky']) })),
    personalData: z.array(z.string()),
  }),
  moderation: z.object({ decision: z.enum(['approved', 'rejected']), by: z.string(), at: z.string(), note: z.string() }).nullable(),
  assignee: actorSchema.nullable(),
  replyDraft: z.object({ text: z.string(), draftedBy: z.string(), draftedAt: z.string(), returned: z.string().nullable() }).nullable(),
  notPublic: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  replyReview: z.boolean(),
  history: z.array(z.object({ at: z.string(), action: z.string(), label: z.string(), by: z.string(), note: z.string() })),
  /** What the person asking may do now. */
  actions: z.array(z.string() as z.ZodType<MessageAction>),
  /** Who in the department may be assigned. */
  handlers: z.array(actorSchema),
})
export type StaffMessage = z.infer<typeof staffMessageSchema>

export const staffMessageSummarySchema = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  category: z.enum(MESSAGE_CATEGORY_CODES),
  categoryLabel: z.string(),
  title: z.string(),
  state: z.enum(MESSAGE_STATES),
  stateLabel: z.string(),
  receivedOn: z.string(),
  dueDate: z.string().nullable(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  alarm: z.boolean(),
  assignee: z.string().nullable(),
  verdict: verdictSchema,
})
export const staffMessageListSchema = z.object({ messages: z.array(staffMessageSummarySchema) })
export type StaffMessageList = z.infer<typeof staffMessageListSchema>
export const staffMessageListQuerySchema = z.object({
  state: z.enum([...MESSAGE_STATES, 'open'] as [string, ...string[]], { error: '未知的状态' }).optional(),
  mine: z.enum(['true', 'false'], { error: '应为 true 或 false' }).optional(),
})

const reason = (label: string) => text(label, 500)
/** One step of handling (the table of rules/messageWorkflow.ts decides who may take it). */
export const messageActionBodySchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('approveContent'), note: optionalText('说明', 500) }),
    z.object({ action: z.literal('rejectContent'), reason: reason('不予受理的理由') }),
    z.object({ action: z.literal('assign'), assigneeId: objectId('办理人') }),
    z.object({ action: z.literal('reply'), text: text('答复内容', 3000, 5) }),
    z.object({ action: z.literal('approveReply') }),
    z.object({ action: z.literal('returnReply'), reason: reason('退回理由') }),
    z.object({ action: z.literal('markNotPublic'), reason: reason('不公开的理由') }),
  ],
  { error: '未知的操作' },
)
export type MessageActionBody = z.input<typeof messageActionBodySchema>

/** The public Q&A (公开留言): answered messages whose writers agreed, personal data masked. */
export const publicMessageQuerySchema = z.object({
  q: z.string().trim().max(50, { error: '搜索词最多 50 字' }).optional(),
  department: z.enum(DEPARTMENT_CODES, { error: '未知的部门' }).optional(),
  category: z.enum(MESSAGE_CATEGORY_CODES, { error: '未知的留言类型' }).optional(),
  page: z.coerce.number({ error: '页码应为数字' }).int({ error: '页码应为整数' }).min(1, { error: '页码从 1 开始' }).max(1000, { error: '页码过大' }).default(1),
})
export const publicMessageSchema = z.object({
  id: z.string(),
  departmentName: z.string(),
  categoryLabel: z.string(),
  title: z.string(),
  text: z.string(),
  reply: z.string(),
  receivedOn: z.string(),
  answeredOn: z.string(),
})
export const publicMessagePageSchema = z.object({ messages: z.array(publicMessageSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
export type PublicMessagePage = z.infer<typeof publicMessagePageSchema>

/** Message statistics over arrival dates (Beijing) from–to, per department. */
export const messageStatsQuerySchema = z.object({
  from: calendarDate('开始日期').optional(),
  to: calendarDate('结束日期').optional(),
  department: z.enum(DEPARTMENT_CODES, { error: '未知的部门' }).optional(),
})
const statsRowSchema = z.object({
  department: z.string(),
  departmentName: z.string(),
  received: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
  averageHandlingDays: z.number().nullable(),
})
export const messageStatsSchema = z.object({ from: z.string(), to: z.string(), rows: z.array(statsRowSchema), calendarGap: z.string().nullable() })
export type MessageStats = z.infer<typeof messageStatsSchema>

/** A department's settings: answer days per category, whether a second person reviews replies. */
const days = (label: string) => z.number({ error: `请填写${label}的答复期限` }).int({ error: '应为整数个工作日' }).min(1, { error: '至少 1 个工作日' }).max(60, { error: '最多 60 个工作日' })
export const interactionSettingsBodySchema = z.object({
  department: z.enum(DEPARTMENT_CODES, { error: '未知的部门' }).optional(),
  replyReview: z.boolean({ error: '请选择答复是否需要审核' }),
  answerDays: z.object({ consultation: days('咨询'), suggestion: days('建议'), complaint: days('投诉') }),
})
export const interactionSettingsQuerySchema = z.object({ department: z.enum(DEPARTMENT_CODES, { error: '未知的部门' }).optional() })
export const interactionSettingsSchema = z.object({
  department: z.string(),
  departmentName: z.string(),
  replyReview: z.boolean(),
  answerDays: z.object({ consultation: z.number().int(), suggestion: z.number().int(), complaint: z.number().int() }),
  isDefault: z.boolean(),
})
export type InteractionSettings = z.infer<typeof interactionSettingsSchema>

/** The sensitive-word list (敏感词) for what citizens write, replaced at once by a platform admin. */
export const sensitiveWordSchema = z.object({
  word: z.string().trim().min(1, { error: '请填写敏感词' }).max(30, { error: '敏感词最多 30 字' }),
  level: z.enum(['review', 'risky'], { error: '请选择处理方式（人工审核或高风险）' }),
  note: z.string().trim().max(50, { error: '说明最多 50 字' }).default(''),
})
export const sensitiveWordsBodySchema = z.object({
  words: z
    .array(sensitiveWordSchema)
    .max(5000, { error: '最多 5000 个' })
    .superRefine((words, ctx) => {
      const seen = new Set<string>()
      words.forEach((w, i) => {
        if (seen.has(w.word)) ctx.addIssue({ code: 'custom', message: `「${w.word}」重复`, path: [i, 'word'] })
        seen.add(w.word)
      })
    }),
})
export const sensitiveWordsSchema = z.object({ words: z.array(sensitiveWordSchema), isDefault: z.boolean() })

/** 互动待办: reminders before due, overdue escalations, 60-day alarms, feedback reports due. */
export const INTERACTION_TASK_KINDS = ['reminder', 'overdue', 'alarm', 'report-due', 'calendar'] as const
export const interactionTaskListSchema = z.object({
  tasks: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(INTERACTION_TASK_KINDS),
      department: z.string().nullable(),
      messageId: z.string().nullable(),
      consultationId: z.string().nullable(),
      dueDate: z.string().nullable(),
      text: z.string(),
      at: z.string(),
    }),
  ),
})

// ---------- public consultations (征求意见) ----------

/** Files a consultation may show. */
export const MAX_CONSULTATION_ATTACHMENTS = 10

/**
 * A file of a draft for comment as staff save it: what `POST /api/v1/staff/files`
 * answered. Only our own public file addresses (`/api/v1/files/<key>`): a file shows once
 * the consultation is published, never a typed-in address elsewhere.
 */
export const consultationAttachmentSchema = z.object(
  {
    name: z.string({ error: '请填写附件名称' }).trim().min(1, { error: '请填写附件名称' }).max(200, { error: '附件名称最多 200 字' }),
    url: z.string({ error: '附件缺少下载地址，请移除后重新上传' }).refine((url) => publicFileKeyOf(url) !== undefined, { error: '附件须是在本平台上传的文件，请移除后重新上传' }),
    mime: z.string().max(100, { error: '附件类型不正确' }).default(''),
    size: z.number({ error: '附件大小应为数字' }).int({ error: '附件大小应为整数' }).nonnegative({ error: '附件大小不正确' }),
  },
  { error: '附件格式不正确，请移除后重新上传' },
)
export type ConsultationAttachment = z.output<typeof consultationAttachmentSchema>

/** A draft for comment as a department writes it: times are Beijing wall-clock (`YYYY-MM-DD HH:mm`). */
export const consultationBodySchema = z
  .object({
    department: z.enum(DEPARTMENT_CODES, { error: '未知的部门' }).optional(),
    title: text('标题', 80, 4),
    background: text('起草背景和说明', 3000, 10),
    draftText: text('征求意见稿全文', 30000, 10),
    attachments: z.array(consultationAttachmentSchema, { error: '附件应为上传后的文件列表' }).max(MAX_CONSULTATION_ATTACHMENTS, { error: `附件最多 ${MAX_CONSULTATION_ATTACHMENTS} 个` }).default([]),
    startAt: beijingTime('开始时间'),
    endAt: beijingTime('结束时间'),
  })
  .superRefine((v, ctx) => {
    const start = parseShanghaiDateTime(v.startAt)
    const end = parseShanghaiDateTime(v.endAt)
    if (start && end && end.getTime() <= start.getTime()) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间应晚于开始时间' })
  })
export type ConsultationBody = z.input<typeof consultationBodySchema>
export const consultationParamsSchema = z.object({ id: objectId('征求意见编号') })
export const commentParamsSchema = z.object({ id: objectId('征求意见编号'), commentId: objectId('意见编号') })

const opinionSchema = z.object({
  opinion: text('意见内容', 500),
  adopted: z.boolean({ error: '请选择是否采纳' }),
  /** Why it was adopted, or (required) why not. */
  reason: optionalText('理由', 500),
})
export const consultationActionBodySchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('publish') }),
    z.object({
      action: z.literal('publishReport'),
      summary: text('反馈说明', 3000, 10),
      opinions: z
        .array(opinionSchema)
        .min(1, { error: '请列出主要意见' })
        .max(100, { error: '主要意见最多 100 条' })
        .superRefine((ops, ctx) => ops.forEach((o, i) => (!o.adopted && !o.reason ? ctx.addIssue({ code: 'custom', path: [i, 'reason'], message: '请说明未采纳的理由' }) : undefined))),
    }),
    z.object({ action: z.literal('archive') }),
  ],
  { error: '未知的操作' },
)
export type ConsultationActionBody = z.input<typeof consultationActionBodySchema>

export const feedbackReportSchema = z.object({
  summary: z.string(),
  /** Comments accepted, and how many people wrote them. */
  comments: z.number().int(),
  participants: z.number().int(),
  opinions: z.array(z.object({ opinion: z.string(), adopted: z.boolean(), reason: z.string() })),
  adopted: z.number().int(),
  publishedAt: z.string(),
})
export const publicCommentSchema = z.object({ id: z.string(), text: z.string(), at: z.string() })

/** A consultation as the public reads it. */
export const consultationSchema = z.object({
  id: z.string(),
  department: z.string(),
  departmentName: z.string(),
  title: z.string(),
  background: z.string(),
  draftText: z.string(),
  /** Files shown with the draft (`url`: `/api/v1/files/<key>`; consultations saved before uploads may hold other addresses, with mime '' and size 0). */
  attachments: z.array(attachmentSchema),
  startAt: z.string(),
  endAt: z.string(),
  /** Beijing wall-clock, as shown. */
  startAtText: z.string(),
  endAtText: z.string(),
  status: z.enum(CONSULTATION_STATES),
  statusLabel: z.string(),
  commentCount: z.number().int(),
  publicComments: z.array(publicCommentSchema),
  report: feedbackReportSchema.nullable(),
})
export type Consultation = z.infer<typeof consultationSchema>

export const staffConsultationSchema = consultationSchema.extend({
  state: z.enum(CONSULTATION_STATES),
  createdBy: z.string(),
  commentsByState: z.object({ moderation: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
  actions: z.array(z.string() as z.ZodType<ConsultationAction>),
  history: z.array(z.object({ at: z.string(), action: z.string(), label: z.string(), by: z.string(), note: z.string() })),
})
export type StaffConsultation = z.infer<typeof staffConsultationSchema>

const consultationSummarySchema = z.object({ id: z.string(), title: z.string(), departmentName: z.string(), status: z.enum(CONSULTATION_STATES), statusLabel: z.string(), startAtText: z.string(), endAtText: z.string(), commentCount: z.number().int() })
export const consultationListSchema = z.object({ consultations: z.array(consultationSummarySchema) })
export type ConsultationList = z.infer<typeof consultationListSchema>
export const consultationListQuerySchema = z.object({ status: z.enum(CONSULTATION_STATES, { error: '未知的状态' }).optional() })

/** A citizen's comment: public (shown under the draft, personal data masked) or only for the department. */
export const commentBodySchema = z.object({ text: text('意见', 1000, 5), public: z.boolean({ error: '请选择是否公开' }).default(true) })
export const myCommentSchema = z.object({ id: z.string(), text: z.string(), public: z.boolean(), state: z.enum(COMMENT_STATES), stateLabel: z.string(), at: z.string(), personalDataWarning: z.string().nullable() })
export const myCommentListSchema = z.object({ comments: z.array(myCommentSchema) })
export const staffCommentListSchema = z.object({
  comments: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      public: z.boolean(),
      state: z.enum(COMMENT_STATES),
      stateLabel: z.string(),
      verdict: verdictSchema,
      words: z.array(z.string()),
      platformError: z.string().nullable(),
      /** The same writer's comments share this (not who they are). */
      writer: z.string(),
      at: z.string(),
      moderation: z.object({ decision: z.enum(['approved', 'rejected']), by: z.string(), note: z.string() }).nullable(),
    }),
  ),
})
export const commentModerationBodySchema = z
  .object({ decision: z.enum(['approve', 'reject'], { error: '请选择通过或不予采用' }), reason: optionalText('理由', 500) })
  .refine((v) => v.decision === 'approve' || v.reason.length > 0, { error: '请填写不予采用的理由', path: ['reason'] })
