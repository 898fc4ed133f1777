import { z } from '../zod'
import { contentDraftSchema, objectIdSchema } from '../content/schemas'
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
    check: z.enum(['personal-data', 'wording', 'disclosure']),
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
    /** What the person asking may do now. */
    actions: z.array(z.enum(Object.keys(EDITION_TRANSITIONS) as [EditionAction, ...EditionAction[]])),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Edition' })
export type Edition = z.infer<typeof editionSchema>
export const editionListSchema = z.object({ items: z.array(editionSchema) })

export const submitBodySchema = z.object({
  /** Why the edition should go to a reviewer despite blocking findings (they decide). */
  note: z.string().trim().max(500, { error: '说明不能超过 500 字' }).optional(),
})

/** 定时发布: at least five minutes ahead (checked by the server against its clock). */
export const scheduleBodySchema = z.object({ at: z.iso.datetime({ error: '请选择发布时间' }) })
export const SCHEDULE_MIN_AHEAD_MS = 5 * 60_000
