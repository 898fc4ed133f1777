import { z } from '../zod'
import { departmentCodeSchema } from '../content/schemas'

/** One ISO week of an account: counted updates, scheduled ones (forecast), and whether it met the minimum. */
export const cadenceWeekSchema = z.object({
  week: z.string(),
  published: z.number().int(),
  forecast: z.number().int(),
  /** Met the minimum (a past week), or will if the scheduled ones publish (the current week). */
  compliant: z.boolean(),
  /** False for weeks before the account was tracked (nothing to judge). */
  tracked: z.boolean(),
})

export const cadenceAccountSchema = z
  .object({
    id: z.string(),
    department: z.string(),
    channel: z.string(),
    name: z.string(),
    minPerWeek: z.number().int(),
    maxGapDays: z.number().int(),
    paused: z.object({ reason: z.string(), at: z.string() }).nullable(),
    /** The last 12 weeks, oldest first; the last is the current week. */
    weeks: z.array(cadenceWeekSchema),
    /** Short of the minimum this week even counting what is scheduled, or close to the floor. */
    atRisk: z.boolean(),
    daysSinceUpdate: z.number().int().nullable(),
    lastUpdateAt: z.string().nullable(),
  })
  .meta({ id: 'CadenceAccount' })
export type CadenceAccount = z.infer<typeof cadenceAccountSchema>

export const cadenceAccountParamsSchema = z.object({ id: z.string().regex(/^[a-z-]+:[a-z0-9-]+$/, { error: '账号编号格式不正确' }) })
/** 暂停考核: why the account is not judged for now (being closed, merged …), shown in reports. */
export const pauseAccountBodySchema = z.object({
  reason: z.string().trim().min(4, { error: '请写明暂停考核的原因（至少 4 个字）' }).max(200, { error: '原因不能超过 200 字' }),
})
export const cadenceQuerySchema = z.object({ department: departmentCodeSchema.optional() })
export const cadenceDashboardSchema = z.object({ week: z.string(), accounts: z.array(cadenceAccountSchema) }).meta({ id: 'CadenceDashboard' })
export type CadenceDashboard = z.infer<typeof cadenceDashboardSchema>
