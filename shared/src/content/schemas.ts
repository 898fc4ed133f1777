import { z } from '../zod'
import { distributionSchema } from '../channels/schemas'
import { TOPIC_CODES } from '../catalogue/topics'
import { DEPARTMENT_CODES } from '../catalogue/departments'
import { isRegionCode } from '../rules/regions'
import {
  CONTENT_TYPES,
  DISCLOSURE_ATTRIBUTES,
  INTERPRETATION_FORMS,
  MATERIAL_FORMS,
  ONLINE_LEVELS,
  PUBLICATION_EVENTS,
  VALIDITY_STATUSES,
} from './labels'

// ---------- building blocks ----------

export const regionCodeSchema = z.string().refine(isRegionCode, { error: '地区代码应为 12 位统计用区划代码' })
export const topicCodeSchema = z.enum(TOPIC_CODES, { error: '未知的主题分类' })
export const departmentCodeSchema = z.enum(DEPARTMENT_CODES, { error: '未知的部门' })
/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const dateOnlySchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' })
export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, { error: '编号格式不正确' })
const text = (max: number) => z.string().trim().min(1).max(max)

export const attachmentSchema = z
  .object({
    name: text(200),
    url: z.string().max(500),
    mime: z.string().max(100),
    size: z.number().int().nonnegative(),
  })
  .meta({ id: 'Attachment' })

/** The storage key in one of our own public file addresses (`/api/v1/files/<sha256>.<ext>`, what an upload answers); undefined for any other address. */
export const publicFileKeyOf = (url: string): string | undefined => /^\/api\/v1\/files\/([0-9a-f]{64}\.[a-z0-9]{1,8})$/.exec(url)?.[1]

export const linkSchema = z.object({ title: text(200), url: z.url({ error: '链接格式不正确' }) }).meta({ id: 'Link' })

export const validitySchema = z
  .object({
    status: z.enum(VALIDITY_STATUSES),
    /** When it last changed (Asia/Shanghai date). */
    changedOn: dateOnlySchema.optional(),
    /** The document that replaces this one, by id. */
    supersededBy: objectIdSchema.optional(),
    note: z.string().max(500).optional(),
  })
  .meta({ id: 'Validity' })

export const qaPairSchema = z.object({ q: text(500), a: text(5000) }).meta({ id: 'QaPair' })

// ---------- type-specific parts (the same in drafts and public output) ----------

export const policyPartSchema = z.object({
  /** 文号, e.g. 银民发〔2018〕12号; null when the source does not show one. */
  docNumber: z.string().max(100).nullable(),
  /** 成文日期 */
  writtenOn: dateOnlySchema.nullable(),
  /** 发布机构 as printed on the document (may differ from the owning department's name). */
  issuer: text(100),
  validity: validitySchema,
  disclosure: z.enum(DISCLOSURE_ATTRIBUTES),
  /** Where this copy comes from, e.g. the corpus file. */
  source: z.string().max(300).optional(),
  /** Fields the source did not give, said plainly rather than invented. */
  unknownFields: z.array(z.string().max(100)).max(20).default([]),
  /** 三同步: the policy must be published with an approved interpretation (unless a reviewer records why not). */
  needsInterpretation: z.boolean().default(false),
  /** 重要政策措施: interpreted at least twice in every calendar year (guiyang, shandong: 年内解读不少于2次). */
  important: z.boolean().default(false),
})

export const interpretationPartSchema = z.object({
  policyIds: z.array(objectIdSchema).min(1, { error: '至少关联一份政策文件' }).max(20),
  form: z.enum(INTERPRETATION_FORMS),
  interpreter: z.object({
    department: departmentCodeSchema,
    name: z.string().max(50).optional(),
    /** 第一解读人: the head of the department interprets. */
    isHead: z.boolean().default(false),
  }),
  images: z.array(z.object({ url: z.string().max(500), alt: text(200), caption: z.string().max(300).optional() })).max(30).default([]),
  /** `url` empty: the recording is not available (yet); the transcript always is. */
  media: z.object({ kind: z.enum(['audio', 'video']), url: z.string().max(500), transcript: text(20_000) }).optional(),
  qa: z.array(qaPairSchema).max(50).default([]),
})

export const guidePartSchema = z.object({
  /** 设定依据 */
  legalBasis: text(2000),
  /** 申办条件 */
  conditions: z.array(text(1000)).min(1).max(30),
  /** 申办材料 */
  materials: z
    .array(z.object({ name: text(200), form: z.enum(MATERIAL_FORMS), count: z.number().int().min(1).max(99), notes: z.string().max(500).optional() }))
    .min(1)
    .max(50),
  /** 办理流程 */
  steps: z.array(z.object({ title: text(100), description: text(2000) })).min(1).max(30),
  /** 办理时限, working days */
  timeLimit: z.object({ statutoryDays: z.number().int().min(0).max(365), promisedDays: z.number().int().min(0).max(365) }),
  /** 收费 */
  fee: z.discriminatedUnion('charged', [
    z.object({ charged: z.literal(false) }),
    z.object({ charged: z.literal(true), standard: text(500), basis: text(500) }),
  ]),
  place: text(300),
  hours: text(200),
  phone: text(50),
  online: z.object({ level: z.enum(ONLINE_LEVELS), entry: z.string().max(500).optional() }),
  faq: z.array(qaPairSchema).max(50).default([]),
  /** 监督投诉电话 */
  complaintPhone: text(50),
})

// ---------- drafts (what an editor submits) ----------

const draftCommon = {
  title: text(200),
  department: departmentCodeSchema,
  topics: z.array(topicCodeSchema).min(1, { error: '至少选择一个主题分类' }).max(5),
  regions: z.array(regionCodeSchema).min(1, { error: '至少选择一个适用地区' }).max(50),
  summary: z.string().trim().max(300).default(''),
  /** Rich text; sanitised on the server before it is stored. */
  body: z.string().max(200_000).default(''),
  attachments: z.array(attachmentSchema).max(20).default([]),
  links: z.array(linkSchema).max(20).default([]),
  /** 两微: the channels besides the mini-program and their texts, reviewed with the edition (optional). */
  distribution: distributionSchema.optional(),
}

export const contentDraftSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('policy'), ...draftCommon, policy: policyPartSchema }),
  z.object({ type: z.literal('interpretation'), ...draftCommon, interpretation: interpretationPartSchema }),
  z.object({ type: z.literal('guide'), ...draftCommon, guide: guidePartSchema }),
])
export type ContentDraftInput = z.input<typeof contentDraftSchema>
export type ContentDraft = z.output<typeof contentDraftSchema>

// ---------- public reading API ----------

/** Fields every public view of an item carries, in list cards and details alike. */
const publicItemShape = {
  id: objectIdSchema,
  title: z.string(),
  summary: z.string(),
  department: departmentCodeSchema,
  departmentName: z.string(),
  topics: z.array(topicCodeSchema),
  regions: z.array(z.string()),
  publishedAt: z.iso.datetime(),
}

export const contentSummarySchema = z
  .object({
    ...publicItemShape,
    type: z.enum(CONTENT_TYPES),
    /** Policies only. */
    indexNumber: z.string().optional(),
    docNumber: z.string().nullable().optional(),
    validity: z.enum(VALIDITY_STATUSES).optional(),
    /** Interpretations only. */
    form: z.enum(INTERPRETATION_FORMS).optional(),
  })
  .meta({ id: 'ContentSummary' })
export type ContentSummary = z.infer<typeof contentSummarySchema>

export const relatedItemSchema = z
  .object({ id: objectIdSchema, type: z.enum(CONTENT_TYPES), title: z.string(), form: z.enum(INTERPRETATION_FORMS).optional() })
  .meta({ id: 'RelatedItem' })

/** One entry of an item's public publication history. */
export const publicationRecordSchema = z
  .object({ kind: z.enum(PUBLICATION_EVENTS), at: z.iso.datetime(), note: z.string().optional() })
  .meta({ id: 'PublicationRecord' })
export type PublicationRecord = z.infer<typeof publicationRecordSchema>

const detailCommon = {
  ...publicItemShape,
  body: z.string(),
  attachments: z.array(attachmentSchema),
  links: z.array(linkSchema),
  updatedAt: z.iso.datetime(),
  views: z.number().int(),
  /** 发布记录: published, revised (with the change note), withdrawn, validity changed; oldest first. */
  history: z.array(publicationRecordSchema).default([]),
  /** Set when the item was withdrawn: it stays readable, with this explanation shown above it. */
  withdrawal: z.object({ explanation: z.string(), at: z.iso.datetime() }).optional(),
}

export const contentDetailSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('policy'),
      ...detailCommon,
      policy: policyPartSchema.omit({ unknownFields: true }).extend({
        indexNumber: z.string(),
        unknownFields: z.array(z.string()),
        publishedOn: dateOnlySchema,
        supersededByItem: relatedItemSchema.optional(),
      }),
      interpretations: z.array(relatedItemSchema),
    }),
    z.object({
      type: z.literal('interpretation'),
      ...detailCommon,
      interpretation: interpretationPartSchema,
      policies: z.array(relatedItemSchema),
    }),
    z.object({ type: z.literal('guide'), ...detailCommon, guide: guidePartSchema }),
  ])
  .meta({ id: 'ContentDetail' })
export type ContentDetail = z.infer<typeof contentDetailSchema>

export const MAX_PAGE_SIZE = 50
export const MAX_QUERY_LENGTH = 100

/** Filters shared by list and search. */
const filterShape = {
  type: z.enum(CONTENT_TYPES, { error: '未知的内容类型' }).optional(),
  topic: topicCodeSchema.optional(),
  department: departmentCodeSchema.optional(),
  region: regionCodeSchema.optional(),
  validity: z.enum(VALIDITY_STATUSES, { error: '未知的效力状态' }).optional(),
  from: dateOnlySchema.optional(),
  to: dateOnlySchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: '每页条数应为数字' })
    .int()
    .min(1, { error: '每页至少 1 条' })
    .max(MAX_PAGE_SIZE, { error: `每页最多 ${MAX_PAGE_SIZE} 条` })
    .default(20),
}

const checkDateRange = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to

export const listQuerySchema = z
  .object({ ...filterShape, sort: z.enum(['newest', 'oldest'], { error: '排序方式应为 newest 或 oldest' }).default('newest') })
  .refine(checkDateRange, { error: '开始日期不能晚于结束日期', path: ['from'] })
export type ListQuery = z.output<typeof listQuerySchema>

export const searchQuerySchema = z
  .object({
    ...filterShape,
    q: z
      .string({ error: '请输入要搜索的内容' })
      .trim()
      .min(1, { error: '请输入要搜索的内容' })
      .max(MAX_QUERY_LENGTH, { error: `搜索内容不能超过 ${MAX_QUERY_LENGTH} 个字` }),
  })
  .refine(checkDateRange, { error: '开始日期不能晚于结束日期', path: ['from'] })
export type SearchQuery = z.output<typeof searchQuerySchema>

export const contentPageSchema = z
  .object({ items: z.array(contentSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ContentPage' })

/** A highlighted fragment: plain text, with the matched parts listed as [start, end) offsets. */
export const snippetSchema = z
  .object({ field: z.enum(['title', 'summary', 'body', 'qa', 'guide']), text: z.string(), highlights: z.array(z.tuple([z.number().int(), z.number().int()])) })
  .meta({ id: 'Snippet' })

export const searchResultSchema = z
  .object({
    items: z.array(contentSummarySchema.extend({ score: z.number(), titleHighlights: z.array(z.tuple([z.number().int(), z.number().int()])), snippet: snippetSchema.nullable() })),
    nextCursor: z.string().nullable(),
    /** The words the query was understood as. */
    terms: z.array(z.string()),
    total: z.number().int(),
  })
  .meta({ id: 'SearchResult' })
export type SearchResult = z.infer<typeof searchResultSchema>

export const itemParamsSchema = z.object({ id: objectIdSchema })
export const viewBodySchema = z.object({
  /** A random id the client keeps (per device); never personal data. */
  visitorId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '访客标识格式不正确' }),
})
export const viewResultSchema = z.object({ views: z.number().int(), counted: z.boolean() }).meta({ id: 'ViewResult' })
