import { z } from '../zod'
import { dateOnlySchema } from '../content/schemas'

/** Filters of the audit search: what it happened to, who did it, Beijing dates (inclusive). */
export const auditQuerySchema = z
  .object({
    subject: z.string().trim().max(100).optional(),
    actor: z.string().trim().max(100).optional(),
    action: z.string().trim().max(100).optional(),
    from: dateOnlySchema.optional(),
    to: dateOnlySchema.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number({ error: '每页条数应为数字' }).int().min(1, { error: '每页至少 1 条' }).max(100, { error: '每页最多 100 条' }).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: '开始日期不能晚于结束日期', path: ['to'] })
export type AuditQuery = z.infer<typeof auditQuerySchema>

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: z.object({ id: z.string(), name: z.string(), ip: z.string().optional(), userAgent: z.string().optional() }),
    action: z.string(),
    subject: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    beforeHash: z.string().nullable(),
    afterHash: z.string().nullable(),
    reason: z.string().optional(),
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof auditEntrySchema>

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }).meta({ id: 'AuditPage' })
