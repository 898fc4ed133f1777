import { z } from '../zod'
import { DEPARTMENT_CODES } from '../catalogue/departments'
import { APPLICANT_KINDS, DISCLOSURE_CHANNEL_CODES, DISCLOSURE_DELIVERIES, DISCLOSURE_FORMS, DISCLOSURE_REPLY_TYPE_CODES, ID_DOCUMENT_TYPES } from '../catalogue/disclosureReplies'
import { DISCLOSURE_STATES, type DisclosureAction } from '../rules/disclosureWorkflow'
import { FEE_METHODS } from '../rules/disclosureFees'
import { residentIdProblem } from '../rules/residentId'

const keysOf = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]]
const text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, { error: `请填写${label}` }).max(max, { error: `${label}最多 ${max} 字` })
const optionalText = (label: string, max: number) => z.string().trim().max(max, { error: `${label}最多 ${max} 字` }).default('')
const calendarDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: `${label}不是有效日期` })

/** Most files a citizen may attach to one application, and staff to one reply. */
export const DISCLOSURE_APPLICATION_MAX_FILES = 5
export const DISCLOSURE_REPLY_MAX_FILES = 10

/**
 * Private files of 依申请公开: uploaded first (multipart, one file in the field `file`, its
 * real name in `name`) by the applicant or by staff, answered with a
 * disclosureAttachmentSchema; then their ids go into an application or a reply. Only the
 * applicant and the staff handling the application may download them.
 */
export const DISCLOSURE_FILE_UPLOAD_PATHS = { citizen: '/api/v1/citizen/disclosure/files', staff: '/api/v1/staff/disclosure/files' } as const
/** Where a private disclosure file is downloaded (with the citizen's or the staff member's bearer token). */
export const disclosureFileUrl = (id: string) => `/api/v1/disclosure/files/${id}`

/** The id of an uploaded disclosure file. */
const fileId = z.string({ error: '附件编号格式不正确' }).regex(/^[0-9a-f]{24}$/, { error: '附件编号格式不正确' })
const fileIds = (max: number) => z.array(fileId, { error: '附件应为上传后得到的编号列表' }).max(max, { error: `附件最多 ${max} 个` }).default([])

/** A private file as the applicant and staff see it: its download address needs their log-in. */
export const disclosureAttachmentSchema = z
  .object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int().nonnegative(), url: z.string() })
  .meta({ id: 'DisclosureAttachment' })
export type DisclosureAttachment = z.infer<typeof disclosureAttachmentSchema>

/** What the applicant fills in (申请表), in the mini-program or as staff copy it from paper. */
const applicationFields = {
  department: z.enum(DEPARTMENT_CODES, { error: '请选择向哪个机关申请' }),
  applicantKind: z.enum(keysOf(APPLICANT_KINDS), { error: '请选择申请人类型' }),
  name: text('申请人姓名或名称', 60),
  idType: z.enum(keysOf(ID_DOCUMENT_TYPES), { error: '请选择证件类型' }),
  idNumber: z.string({ error: '请填写证件号码' }).trim().min(1, { error: '请填写证件号码' }).max(30, { error: '证件号码最多 30 位' }),
  /** Of an organisation: its legal representative or contact person. */
  contactPerson: optionalText('联系人', 30),
  phone: z.string({ error: '请填写联系电话' }).trim().regex(/^[0-9+\- ]{7,20}$/, { error: '联系电话格式不正确' }),
  address: optionalText('通信地址', 120),
  email: z.union([z.literal(''), z.email({ error: '电子邮箱格式不正确' })]).default(''),
  description: z.string({ error: '请描述所需的政府信息' }).trim().min(5, { error: '请描述所需的政府信息（至少 5 个字）' }).max(2000, { error: '所需信息的描述最多 2000 字' }),
  purpose: optionalText('用途', 200),
  form: z.enum(keysOf(DISCLOSURE_FORMS), { error: '请选择提供形式' }),
  delivery: z.enum(keysOf(DISCLOSURE_DELIVERIES), { error: '请选择获取方式' }),
  /** Files uploaded first (DISCLOSURE_FILE_UPLOAD_PATHS), by their ids: the applicant's own, or for a registration the scans staff of the department uploaded. */
  attachments: fileIds(DISCLOSURE_APPLICATION_MAX_FILES),
}

const idChecked = <S extends z.ZodType<{ idType: string; idNumber: string; delivery: string; email: string; address: string }>>(s: S): S =>
  s.superRefine((v, ctx) => {
    if (v.idType === 'resident-id') {
      const problem = residentIdProblem(v.idNumber)
      if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem })
    }
    if (v.delivery === 'email' && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: '选择电子邮件获取时请填写电子邮箱' })
    if (v.delivery === 'post' && !v.address) ctx.addIssue({ code: 'custom', path: ['address'], message: '选择邮寄时请填写通信地址' })
  })

export const disclosureApplicationBodySchema = idChecked(z.object(applicationFields))
export type DisclosureApplicationBody = z.input<typeof disclosureApplicationBodySchema>

/** Staff copy a paper, letter, fax or in-person application, with the day it really arrived. */
export const disclosureRegistrationBodySchema = idChecked(
  z.object({
    ...applicationFields,
    department: applicationFields.department.optional(),
    channel: z.enum(DISCLOSURE_CHANNEL_CODES, { error: '请选择申请渠道' }).refine((c) => c !== 'online', { error: '网络申请由申请人在小程序提交，这里登记当面、信函、传真申请' }),
    receivedOn: calendarDate('收到日期'),
  }),
)
export type DisclosureRegistrationBody = z.input<typeof disclosureRegistrationBodySchema>

/** The applicant's correction (补正) sent online: what they add or change. */
export const disclosureCorrectionBodySchema = z.object({
  text: z.string({ error: '请填写补正内容' }).trim().min(2, { error: '请填写补正内容' }).max(2000, { error: '补正内容最多 2000 字' }),
  /** Files sent with the correction (uploaded first, like an application's): they join the application's attachments. */
  attachments: fileIds(DISCLOSURE_APPLICATION_MAX_FILES),
})

export const disclosureParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/, { error: '申请编号格式不正确' }) })

const reason = (label = '说明') => text(label, 500)

/** One step of handling (the workflow table of rules/disclosureWorkflow.ts decides who may take it). */
export const disclosureActionBodySchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('assign'), department: z.enum(DEPARTMENT_CODES, { error: '请选择承办部门' }), note: optionalText('说明', 200) }),
    z.object({
      action: z.literal('requestCorrection'),
      items: reason('需要补正的内容'),
      days: z.number({ error: '请填写补正期限' }).int({ error: '补正期限应为整数个工作日' }).min(1, { error: '补正期限至少 1 个工作日' }).max(30, { error: '补正期限最多 30 个工作日' }),
    }),
    z.object({ action: z.literal('recordCorrection'), arrivedOn: calendarDate('补正材料收到日期'), note: optionalText('说明', 500) }),
    z.object({
      action: z.literal('extend'),
      days: z.number({ error: '请填写延长天数' }).int({ error: '延长天数应为整数个工作日' }).min(1, { error: '至少延长 1 个工作日' }).max(20, { error: '延长不得超过 20 个工作日' }),
      reason: reason('延期理由'),
    }),
    z.object({ action: z.literal('startConsultation'), party: text('征求意见的第三方或机关', 100), note: optionalText('说明', 500) }),
    z.object({ action: z.literal('endConsultation'), outcome: reason('第三方意见') }),
    z.object({
      action: z.literal('proposeFee'),
      method: z.enum(FEE_METHODS, { error: '请选择计收方式（按件或按量，只能选一种）' }),
      pages: z.number().int({ error: '页数应为整数' }).min(1, { error: '页数至少为 1' }).max(100_000, { error: '页数过大' }).optional(),
      reason: reason('收费理由'),
    }),
    z.object({ action: z.literal('approveFee') }),
    z.object({ action: z.literal('rejectFee'), reason: reason('不同意的理由') }),
    z.object({
      action: z.literal('reply'),
      type: z.enum(DISCLOSURE_REPLY_TYPE_CODES, { error: '请选择答复类型' }),
      reasons: reason('答复理由'),
      legalBasis: text('法律依据', 300),
      where: optionalText('获取途径或负责机关', 300),
      letter: text('答复书正文', 5000),
      /** The reply letter and the information provided: ids of files staff of the handling department uploaded. */
      attachments: fileIds(DISCLOSURE_REPLY_MAX_FILES),
    }),
    z.object({ action: z.literal('refundFee'), reason: reason('退费理由') }),
  ],
  { error: '未知的操作' },
)
export type DisclosureActionBody = z.input<typeof disclosureActionBodySchema>

export const disclosureClockSchema = z.object({
  state: z.enum(['not-received', 'running', 'awaiting-correction', 'paused', 'ended']),
  stateLabel: z.string(),
  countsFrom: z.string().nullable(),
  allowedDays: z.number().int(),
  usedDays: z.number().int(),
  daysLeft: z.number().int(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  extended: z.boolean(),
  correctionNoticeDue: z.string().nullable(),
  correctionDeadline: z.string().nullable(),
  consultationDue: z.string().nullable(),
  paymentDeadline: z.string().nullable(),
  /** Set when the calendar lacks a year the clock reaches (the message names it). */
  calendarGap: z.string().nullable(),
})

export const disclosureFeeSchema = z.object({
  method: z.enum(FEE_METHODS),
  methodLabel: z.string(),
  pages: z.number().int().nullable(),
  /** Of per-application: the applicant's n-th application of the month. */
  ordinalInMonth: z.number().int().nullable(),
  amountYuan: z.number(),
  reason: z.string(),
  proposedBy: z.string(),
  approvedBy: z.string().nullable(),
  notice: z
    .object({ issuedOn: z.string(), paymentDeadline: z.string(), basis: z.string(), standard: z.string(), howToPay: z.string(), outTradeNo: z.string() })
    .nullable(),
  paidAt: z.string().nullable(),
  refundedAt: z.string().nullable(),
})

export const disclosureReplySchema = z.object({
  type: z.enum(DISCLOSURE_REPLY_TYPE_CODES),
  typeLabel: z.string(),
  reasons: z.string(),
  legalBasis: z.string(),
  where: z.string(),
  letter: z.string(),
  attachments: z.array(disclosureAttachmentSchema),
  repliedOn: z.string(),
})

export const disclosureNoticeSchema = z.object({ at: z.string(), title: z.string(), text: z.string() })

/** An application as its applicant sees it. */
export const myDisclosureSchema = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  department: z.string(),
  departmentName: z.string(),
  channel: z.enum(DISCLOSURE_CHANNEL_CODES),
  receivedOn: z.string(),
  state: z.enum(DISCLOSURE_STATES),
  stateLabel: z.string(),
  applicant: z.object({ kind: z.enum(keysOf(APPLICANT_KINDS)), name: z.string(), idType: z.enum(keysOf(ID_DOCUMENT_TYPES)), idMasked: z.string(), phone: z.string() }),
  description: z.string(),
  form: z.enum(keysOf(DISCLOSURE_FORMS)),
  delivery: z.enum(keysOf(DISCLOSURE_DELIVERIES)),
  /** Files that came with the application (the applicant's, or scans of a paper one). */
  attachments: z.array(disclosureAttachmentSchema),
  clock: disclosureClockSchema,
  correction: z.object({ items: z.string(), deadline: z.string() }).nullable(),
  extension: z.object({ days: z.number().int(), reason: z.string(), approvedOn: z.string() }).nullable(),
  fee: disclosureFeeSchema.nullable(),
  reply: disclosureReplySchema.nullable(),
  notices: z.array(disclosureNoticeSchema),
})
export type MyDisclosure = z.infer<typeof myDisclosureSchema>

/** An application as staff handle it. */
export const disclosureSchema = myDisclosureSchema.extend({
  contactPerson: z.string(),
  address: z.string(),
  email: z.string(),
  purpose: z.string(),
  consultations: z.array(z.object({ party: z.string(), startedOn: z.string(), endedOn: z.string().nullable(), outcome: z.string() })),
  history: z.array(z.object({ at: z.string(), on: z.string(), action: z.string(), label: z.string(), by: z.string(), note: z.string() })),
  /** What the person asking may do now. */
  actions: z.array(z.string() as z.ZodType<DisclosureAction>),
})
export type Disclosure = z.infer<typeof disclosureSchema>

const summaryFields = { id: z.string(), trackingNumber: z.string(), name: z.string(), department: z.string(), channel: z.enum(DISCLOSURE_CHANNEL_CODES), receivedOn: z.string(), state: z.enum(DISCLOSURE_STATES), stateLabel: z.string(), dueDate: z.string().nullable(), daysLeft: z.number().int(), overdue: z.boolean(), description: z.string() }
export const disclosureSummarySchema = z.object(summaryFields)
export const disclosureListSchema = z.object({ applications: z.array(disclosureSummarySchema) })
export type DisclosureList = z.infer<typeof disclosureListSchema>
export const disclosureListQuerySchema = z.object({ state: z.enum([...DISCLOSURE_STATES, 'open'] as [string, ...string[]], { error: '未知的状态' }).optional() })

/** Reminders (3 working days before due) and overdue escalations the daily job recorded. */
export const disclosureTaskListSchema = z.object({
  tasks: z.array(z.object({ id: z.string(), kind: z.enum(['reminder', 'overdue', 'calendar']), applicationId: z.string().nullable(), trackingNumber: z.string().nullable(), dueDate: z.string().nullable(), text: z.string(), at: z.string() })),
})

const dateList = (label: string) => z.array(calendarDate(label)).max(80, { error: `${label}最多 80 天` })
/** A year's arrangement as the State Council publishes it (放假 days and 调休 working days). */
export const calendarYearBodySchema = z
  .object({ holidays: dateList('放假日期'), workdays: dateList('调休上班日期'), source: text('依据（通知文号）', 200) })
export const calendarYearParamsSchema = z.object({ year: z.coerce.number({ error: '年份应为数字' }).int().min(2020, { error: '年份不正确' }).max(2100, { error: '年份不正确' }) })
export const calendarStatusSchema = z.object({
  years: z.array(z.object({ year: z.number().int(), source: z.string(), holidays: z.number().int(), workdays: z.number().int(), loaded: z.boolean() })),
  /** From November: next year's arrangement is missing. */
  warning: z.string().nullable(),
})
export type CalendarStatus = z.infer<typeof calendarStatusSchema>

export const disclosureReportQuerySchema = z.object({
  year: z.coerce.number({ error: '年份应为数字' }).int({ error: '年份应为整数' }).min(2000, { error: '年份不正确' }).max(2100, { error: '年份不正确' }),
  /** Platform admins choose a department; others get their own. */
  department: z.enum(DEPARTMENT_CODES, { error: '未知的部门' }).optional(),
})
export const disclosureReportEntriesBodySchema = z.object({
  year: z.number({ error: '请填写年份' }).int().min(2000, { error: '年份不正确' }).max(2100, { error: '年份不正确' }),
  department: z.enum(DEPARTMENT_CODES, { error: '未知的部门' }).optional(),
  reconsiderations: z.number({ error: '请填写行政复议数' }).int({ error: '应为整数' }).min(0, { error: '不能为负数' }),
  lawsuits: z.number({ error: '请填写行政诉讼数' }).int({ error: '应为整数' }).min(0, { error: '不能为负数' }),
  complaints: z.number({ error: '请填写申诉举报数' }).int({ error: '应为整数' }).min(0, { error: '不能为负数' }).default(0),
})
const yearAndTotal = z.object({ year: z.number().int(), cumulative: z.number().int() })
export const disclosureReportSchema = z.object({
  year: z.number().int(),
  department: z.string(),
  departmentName: z.string(),
  proactive: z.object({ total: yearAndTotal, byType: z.record(z.string(), yearAndTotal), byChannel: z.record(z.string(), yearAndTotal) }),
  applications: z.object({ total: z.number().int(), byChannel: z.record(z.string(), z.number().int()) }),
  replies: z.object({ total: z.number().int(), byType: z.record(z.string(), z.number().int()), byAnnualRow: z.object({ provided: z.number().int(), partly: z.number().int(), refused: z.number().int(), other: z.number().int() }) }),
  /** Applications closed without a reply in the year. */
  closed: z.object({ abandoned: z.number().int(), withdrawn: z.number().int() }),
  fees: z.object({ count: z.number().int(), yuan: z.number() }),
  reconsiderations: z.number().int(),
  lawsuits: z.number().int(),
  complaints: z.number().int(),
  /** The table rows of the national template: label, year, cumulative. */
  rows: z.array(z.object({ label: z.string(), year: z.number(), cumulative: z.number().nullable() })),
})
export type DisclosureReport = z.infer<typeof disclosureReportSchema>

/** Mini-program payment parameters for wx.requestPayment. */
export const feePaymentParamsSchema = z.object({ appId: z.string(), timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.literal('RSA'), paySign: z.string() })
