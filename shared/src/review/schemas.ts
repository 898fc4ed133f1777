import { z } from '../zod'
import { contentDraftSchema, dateOnlySchema, objectIdSchema, publicationRecordSchema } from '../content/schemas'
import { CONTENT_STATUSES, CONTENT_TYPES, VALIDITY_STATUSES } from '../content/labels'
import { EDITION_STATES, EDITION_TRANSITIONS, type EditionAction } from '../rules/editionWorkflow'

/** 审核四关 (国办发〔2018〕123号): political, legal, secrecy, wording. */
export const REVIEW_CHECKS = ['political', 'legal', 'secrecy', 'wording'] as const
export type ReviewCheck = (typeof REVIEW_CHECKS)[number]
export const REVIEW_CHECK_LABELS: Record<ReviewCheck, string> = { political: '政治关', legal: '法律关', secrecy: '保密关', wording: '文字关' }

const confirmed = (check: ReviewCheck) => z.literal(true, { error: `请确认已把好${REVIEW_CHECK_LABELS[check]}` })

/** A finding of the automatic checks, as the workbench shows it. */
export const checkFindingSchema = z
  .object({
    /** Stable while the text is unchanged: `check:field:start`. */
    key: z.string(),
    check: z.enum(['personal-data', 'wording', 'disclosure', 'attachment', 'interpretation']),
    field: z.string(),
    start: z.number().int().optional(),
    end: z.number().int().optional(),
    message: z.string(),
    suggestion: z.string().optional(),
    blocking: z.boolean(),
    overridable: z.boolean(),
    /** Set when a reviewer chose to publish anyway. */
    overriddenBy: z.object({ staffId: z.string(), name: z.string(), reason: z.string(), at: z.string() }).optional(),
  })
  .meta({ id: 'CheckFinding' })

const reason = (max: number, empty: string) => z.string().trim().min(1, { error: empty }).max(max, { error: `不能超过 ${max} 字` })

export const approveBodySchema = z.object({
  checklist: z.object({ political: confirmed('political'), legal: confirmed('legal'), secrecy: confirmed('secrecy'), wording: confirmed('wording') }),
  /** A reason for each blocking finding the reviewer publishes anyway (by finding key). */
  overrides: z.array(z.object({ key: z.string().max(200), reason: reason(500, '请写明仍要发布的理由') })).max(50).default([]),
})

export const rejectBodySchema = z.object({
  failed: z
    .array(z.enum(REVIEW_CHECKS, { error: '未知的审核项' }))
    .min(1, { error: '请选择未通过的审核项' })
    .refine((a) => new Set(a).size === a.length, { error: '审核项不能重复' }),
  reasons: reason(1000, '请写明退回理由'),
})

export const editionParamsSchema = z.object({ id: objectIdSchema })

export const editionSchema = z
  .object({
    id: z.string(),
    itemId: z.string(),
    number: z.number().int(),
    state: z.enum(EDITION_STATES),
    department: z.string(),
    content: contentDraftSchema,
    makers: z.array(z.string()),
    submittedBy: z.string().nullable(),
    findings: z.array(checkFindingSchema),
    rejection: z.object({ failed: z.array(z.enum(REVIEW_CHECKS)), reasons: z.string(), by: z.string(), at: z.string() }).nullable(),
    approval: z.object({ by: z.string(), at: z.string() }).nullable(),
    publishedAt: z.string().nullable(),
    scheduledAt: z.string().nullable(),
    /** Editions after the first: what changed, for the public publication history (none when minor). */
    changeNote: z.string().nullable(),
    /** A minor change (typo, formatting): not listed in the public history. */
    minor: z.boolean(),
    /** 强制发布: who published it without review, why, and when its retrospective review is due. */
    forced: z.object({ by: z.string(), reason: z.string(), at: z.string(), dueOn: z.string().nullable() }).nullable(),
    /** What the person asking may do now. */
    actions: z.array(z.enum(Object.keys(EDITION_TRANSITIONS) as [EditionAction, ...EditionAction[]])),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Edition' })
export type Edition = z.infer<typeof editionSchema>
export const editionListSchema = z.object({ items: z.array(editionSchema) })

const changeNoteSchema = z.string().trim().max(500, { error: '修改说明不能超过 500 字' })

export const submitBodySchema = z.object({
  /** Why the edition should go to a reviewer despite blocking findings (they decide). */
  note: z.string().trim().max(500, { error: '说明不能超过 500 字' }).optional(),
  /** Editions after the first: what changed (shown to the public), unless `minor`. */
  changeNote: changeNoteSchema.optional(),
  minor: z.boolean({ error: '应为 true 或 false' }).optional(),
})

/** 修订: a new edition of a published item starts as a copy of what is live. */
export const newEditionBodySchema = z.object({
  changeNote: changeNoteSchema.optional(),
  minor: z.boolean({ error: '应为 true 或 false' }).default(false),
})

/** Why a published item is taken off (下线), from a fixed list. */
export const UNPUBLISH_REASONS = ['published-in-error', 'wrong-department', 'duplicate', 'not-for-disclosure', 'contains-personal-data'] as const
export type UnpublishReason = (typeof UNPUBLISH_REASONS)[number]
export const UNPUBLISH_REASON_LABELS: Record<UnpublishReason, string> = {
  'published-in-error': '误发布',
  'wrong-department': '发布部门有误',
  duplicate: '重复发布',
  'not-for-disclosure': '不应主动公开',
  'contains-personal-data': '含有个人信息或涉密内容',
}

/** 撤回: the item stays readable with this explanation shown on its page. */
export const withdrawBodySchema = z.object({
  explanation: z.string().trim().min(10, { error: '请向公众说明撤回原因（至少 10 个字）' }).max(500, { error: '说明不能超过 500 字' }),
})

/** 下线: the item leaves every public page; the reason is recorded, not shown. */
export const unpublishBodySchema = z.object({
  reason: z.enum(UNPUBLISH_REASONS, { error: '请选择下线原因' }),
  note: z.string().trim().max(500, { error: '补充说明不能超过 500 字' }).optional(),
})

/** 定时发布: at least five minutes ahead (checked by the server against its clock). */
export const scheduleBodySchema = z.object({ at: z.iso.datetime({ error: '请选择发布时间' }) })
export const SCHEDULE_MIN_AHEAD_MS = 5 * 60_000

/** 效力状态变更 of a published policy (已修订 / 已废止 / 失效, or back to 有效); its page is marked at once. */
export const validityChangeBodySchema = z
  .object({
    status: z.enum(VALIDITY_STATUSES, { error: '请选择效力状态' }),
    /** The day it took effect (Asia/Shanghai). */
    changedOn: dateOnlySchema,
    /** The document that replaces it (a published policy). */
    supersededBy: objectIdSchema.optional(),
    /** Shown on the page, e.g. the instrument that repealed it. */
    note: z.string().trim().max(500, { error: '说明不能超过 500 字' }).optional(),
  })
  .refine((v) => v.status !== 'valid' || !v.supersededBy, { error: '有效的文件不能有替代文件', path: ['supersededBy'] })

export const itemRefParamsSchema = z.object({ id: objectIdSchema })

/** What staff may do to an item as a whole (besides acting on one of its editions). */
export const ITEM_ACTIONS = ['startEdition', 'withdraw', 'unpublish', 'changeValidity'] as const
export type ItemAction = (typeof ITEM_ACTIONS)[number]

/** An item as the workbench shows it: its public state, its editions (newest first) and its public history. */
export const staffItemSchema = z
  .object({
    id: z.string(),
    type: z.enum(CONTENT_TYPES),
    title: z.string(),
    department: z.string(),
    status: z.enum(CONTENT_STATUSES),
    validity: z.enum(VALIDITY_STATUSES).nullable(),
    publishedAt: z.string().nullable(),
    liveEdition: z.number().int().nullable(),
    history: z.array(publicationRecordSchema),
    withdrawal: z.object({ explanation: z.string(), at: z.string() }).nullable(),
    editions: z.array(
      z.object({
        id: z.string(),
        number: z.number().int(),
        state: z.enum(EDITION_STATES),
        changeNote: z.string().nullable(),
        minor: z.boolean(),
        makers: z.array(z.string()),
        approvedBy: z.string().nullable(),
        publishedAt: z.string().nullable(),
        updatedAt: z.string(),
      }),
    ),
    actions: z.array(z.enum(ITEM_ACTIONS)),
  })
  .meta({ id: 'StaffItem' })
export type StaffItem = z.infer<typeof staffItemSchema>

/** The department's items, newest change first (the workbench's 本部门内容). */
export const staffItemListQuerySchema = z.object({ status: z.enum(CONTENT_STATUSES, { error: '未知的内容状态' }).optional() })
export const staffItemListSchema = z.object({
  items: z.array(z.object({ id: z.string(), type: z.enum(CONTENT_TYPES), title: z.string(), status: z.enum(CONTENT_STATUSES), validity: z.enum(VALIDITY_STATUSES).nullable(), publishedAt: z.string().nullable(), updatedAt: z.string() })),
})
export type StaffItemList = z.infer<typeof staffItemListSchema>

/** 强制发布: a department admin publishes without review, with a written reason; a retrospective review follows. */
export const forcePublishBodySchema = z.object({
  reason: z.string().trim().min(10, { error: '请写明强制发布的理由（至少 10 个字）' }).max(500, { error: '理由不能超过 500 字' }),
})
/** Working days a reviewer has to review a force-published edition after the fact. */
export const RETROSPECTIVE_REVIEW_WORKING_DAYS = 1
/** Working days a submitted edition may wait before its review is overdue (highlighted). */
export const REVIEW_TARGET_WORKING_DAYS = 1

export const REVIEW_TASK_KINDS = ['review', 'retrospective'] as const
export const REVIEW_TASK_KIND_LABELS: Record<(typeof REVIEW_TASK_KINDS)[number], string> = { review: '待审核', retrospective: '强制发布事后审核' }

/** A task in a reviewer's inbox: an edition waiting for review, or a force-published one to review after the fact. */
export const reviewTaskSchema = z
  .object({
    id: z.string(),
    kind: z.enum(REVIEW_TASK_KINDS),
    editionId: z.string(),
    itemId: z.string(),
    title: z.string(),
    /** When it started waiting (submission, or force-publication). */
    since: z.string(),
    /** Beijing date by which it should be done; null when the calendar has no data for that year. */
    dueOn: z.string().nullable(),
    overdue: z.boolean(),
    /** Why it was force-published (retrospective tasks). */
    reason: z.string().nullable(),
    /** Set when the working-day calendar could not answer (a year with no data). */
    calendarWarning: z.string().nullable(),
  })
  .meta({ id: 'ReviewTask' })
export type ReviewTask = z.infer<typeof reviewTaskSchema>
export const reviewTaskListSchema = z.object({ items: z.array(reviewTaskSchema) })

export const RETROSPECTIVE_OUTCOMES = ['confirmed', 'needs-action'] as const
export const completeRetrospectiveBodySchema = z.object({
  outcome: z.enum(RETROSPECTIVE_OUTCOMES, { error: '请选择审核结论' }),
  note: z.string().trim().max(1000, { error: '说明不能超过 1000 字' }).optional(),
})
export const reviewTaskParamsSchema = z.object({ id: objectIdSchema })

/** 工作台概览 of a department: what waits, what is late, what was published without review. */
export const departmentDashboardSchema = z
  .object({
    department: z.string(),
    waitingReview: z.number().int(),
    overdueReview: z.number().int(),
    scheduled: z.number().int(),
    forcePublished: z.object({ total: z.number().int(), thisYear: z.number().int() }),
    retrospectiveOpen: z.number().int(),
    retrospectiveOverdue: z.number().int(),
  })
  .meta({ id: 'DepartmentDashboard' })
export type DepartmentDashboard = z.infer<typeof departmentDashboardSchema>
