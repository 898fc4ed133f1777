import { z } from '../zod'
import { departmentCodeSchema } from '../content/schemas'
import { COLUMN_KINDS, RECORDED_CHANNELS } from '../catalogue/columns'
import { parseShanghaiDateTime } from '../time'

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

/** A column (栏目) of an account and its condition now: 开天窗 (blank), stale, fine, or not run. */
export const cadenceColumnSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(COLUMN_KINDS),
    staleAfterDays: z.number().int(),
    active: z.boolean(),
    liveItems: z.number().int(),
    lastUpdateAt: z.string().nullable(),
    daysSinceUpdate: z.number().int().nullable(),
    condition: z.enum(['ok', 'stale', 'blank', 'inactive']),
  })
  .meta({ id: 'CadenceColumn' })
export type CadenceColumn = z.infer<typeof cadenceColumnSchema>

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
    columns: z.array(cadenceColumnSchema),
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

/** 栏目设置: a department admin sets how long a column may go without an update, or stops running it. */
export const columnParamsSchema = z.object({ id: z.string().regex(/^[a-z-]+:[a-z0-9-]+:[a-z-]+$/, { error: '栏目编号格式不正确' }) })
export const updateColumnBodySchema = z.object({
  staleAfterDays: z.number({ error: '请填写天数' }).int({ error: '天数须为整数' }).min(1, { error: '至少 1 天' }).max(730, { error: '不能超过 730 天' }),
  active: z.boolean({ error: '请说明是否开设此栏目' }),
})

/** Compliance of a set of accounts in one week: those judged (tracked, not paused) and those that met their minimum. */
export const complianceWeekSchema = z.object({ week: z.string(), accounts: z.number().int(), compliant: z.number().int(), rate: z.number().nullable() })
export type ComplianceWeek = z.infer<typeof complianceWeekSchema>

export const atRiskAccountSchema = z.object({
  accountId: z.string(),
  department: z.string(),
  departmentName: z.string(),
  name: z.string(),
  published: z.number().int(),
  forecast: z.number().int(),
  minimum: z.number().int(),
  daysSinceUpdate: z.number().int().nullable(),
  /** Why, in words for the reader. */
  reason: z.string(),
})

export const breachSchema = z.object({ accountId: z.string(), department: z.string(), departmentName: z.string(), name: z.string(), at: z.string(), daysWithoutUpdate: z.number().int() })

export const problemColumnSchema = z.object({
  accountId: z.string(),
  department: z.string(),
  departmentName: z.string(),
  accountName: z.string(),
  column: z.string(),
  condition: z.enum(['stale', 'blank']),
  daysSinceUpdate: z.number().int().nullable(),
  staleAfterDays: z.number().int(),
})

export const coverageShortfallSchema = z.object({
  policyId: z.string(),
  title: z.string(),
  department: z.string(),
  departmentName: z.string(),
  interpretedThisYear: z.number().int(),
  needed: z.number().int(),
  daysLeft: z.number().int(),
})

/**
 * 合规概览: compliance rate by week (the last 12, current last, judged with what is
 * scheduled), per department, accounts at risk now, floor breaches this quarter, and
 * stale or blank columns — for one department, or the whole platform.
 */
export const cadenceOverviewSchema = z
  .object({
    department: z.string().nullable(),
    week: z.string(),
    quarter: z.string(),
    weeks: z.array(complianceWeekSchema),
    departments: z.array(z.object({ department: z.string(), departmentName: z.string(), accounts: z.number().int(), atRisk: z.number().int(), breaches: z.number().int(), weeks: z.array(complianceWeekSchema) })),
    atRisk: z.array(atRiskAccountSchema),
    breaches: z.array(breachSchema),
    columns: z.array(problemColumnSchema),
    /** 重要政策 in force interpreted fewer than twice this calendar year (Beijing). */
    coverage: z.array(coverageShortfallSchema),
  })
  .meta({ id: 'CadenceOverview' })
export type CadenceOverview = z.infer<typeof cadenceOverviewSchema>

/** The tables of 更新频次 and 合规概览 that export as CSV. */
export const CADENCE_TABLES = ['accounts', 'compliance', 'at-risk', 'breaches', 'columns', 'coverage', 'report'] as const
export const CADENCE_TABLE_LABELS: Record<(typeof CADENCE_TABLES)[number], string> = {
  accounts: '各账号近 12 周更新次数',
  compliance: '各部门按周达标率',
  'at-risk': '当前风险账号',
  breaches: '本季度断更记录',
  columns: '空白及超期未更新栏目',
  coverage: '重要政策解读不足',
  report: '上周周报',
}
export const cadenceExportQuerySchema = z.object({
  table: z.enum(CADENCE_TABLES, { error: '请选择要导出的表格' }),
  department: departmentCodeSchema.optional(),
})
export type CadenceExportQuery = z.infer<typeof cadenceExportQuerySchema>

/**
 * 更新提醒: a cadence warning still to act on, as a workbench task — to the department's
 * editors (short at mid-week, 10 days without an update) or its admin (still short late
 * in the week, a floor breach) — with the editions in review that could close the gap.
 */
export const cadenceTaskSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['weekly-forecast', 'weekly-escalation', 'floor-urgent', 'floor-breach']),
    accountId: z.string(),
    accountName: z.string(),
    week: z.string(),
    createdAt: z.string(),
    urgent: z.boolean(),
    /** What is wrong and what to do, in plain words. */
    title: z.string(),
    detail: z.string(),
    inReview: z.array(z.object({ editionId: z.string(), title: z.string(), state: z.string() })),
  })
  .meta({ id: 'CadenceTask' })
export type CadenceTask = z.infer<typeof cadenceTaskSchema>
export const cadenceTaskListSchema = z.object({ items: z.array(cadenceTaskSchema) }).meta({ id: 'CadenceTaskList' })

/** 更新要求 of an account: its weekly minimum and the longest gap it may have (never more than the national 14 days). */
export const accountRuleBodySchema = z.object({
  minPerWeek: z.number({ error: '请填写每周最少更新次数' }).int({ error: '次数须为整数' }).min(1, { error: '每周至少 1 次' }).max(7, { error: '每周最多要求 7 次' }),
  maxGapDays: z.number({ error: '请填写最长间隔天数' }).int({ error: '天数须为整数' }).min(1, { error: '至少 1 天' }).max(14, { error: '不能超过全国要求的 14 天' }),
})

/** 登记账号: a department's account on another channel, tracked like the mini-program's. */
export const registerAccountBodySchema = z.object({
  channel: z.enum(RECORDED_CHANNELS, { error: '请选择渠道：微信公众号、微博或客户端' }),
  name: z.string({ error: '请填写账号名称' }).trim().min(2, { error: '账号名称至少 2 个字' }).max(50, { error: '账号名称不能超过 50 字' }),
  minPerWeek: z.number({ error: '请填写每周最少更新次数' }).int({ error: '次数须为整数' }).min(1, { error: '每周至少 1 次' }).max(7, { error: '每周最多要求 7 次' }).default(2),
})

/** 登记发布: a post made on another channel, as its editor records it. */
export const recordPostBodySchema = z.object({
  column: z.string({ error: '请选择栏目' }).regex(/^[a-z-]{2,30}$/, { error: '请选择栏目' }),
  title: z.string({ error: '请填写标题' }).trim().min(2, { error: '标题至少 2 个字' }).max(200, { error: '标题不能超过 200 字' }),
  url: z.url({ protocol: /^https?$/, error: '请填写以 http:// 或 https:// 开头的链接' }),
  /** When it went out, Beijing time `YYYY-MM-DD HH:mm`. */
  publishedAt: z.string({ error: '请填写发布时间' }).refine((v) => parseShanghaiDateTime(v) !== undefined, { error: '发布时间格式应为 YYYY-MM-DD HH:mm' }),
  /** The text of the post (or its start), to recognise re-posts. */
  text: z.string().trim().max(5000, { error: '正文不能超过 5000 字' }).default(''),
  minor: z.boolean({ error: '应为 true 或 false' }).default(false),
})

/** 周报: the weekly report written on Monday for the week before, as a department or the platform sees it. */
export const cadenceReportQuerySchema = z.object({
  department: departmentCodeSchema.optional(),
  /** A past ISO week, `2026-W47`; the latest report when absent. */
  week: z.string().regex(/^\d{4}-W\d{2}$/, { error: '周的格式应为 2026-W47' }).optional(),
})
export const cadenceReportSchema = z
  .object({
    report: z
      .object({
        week: z.string(),
        createdAt: z.string(),
        accounts: z.array(z.object({ accountId: z.string(), department: z.string(), departmentName: z.string(), name: z.string(), published: z.number().int(), minimum: z.number().int(), compliant: z.boolean(), paused: z.boolean(), streak: z.number().int() })),
        departments: z.array(z.object({ department: z.string(), departmentName: z.string(), accounts: z.number().int(), compliant: z.number().int(), rate: z.number() })),
        breaches: z.array(z.object({ accountId: z.string(), department: z.string(), departmentName: z.string(), daysWithoutUpdate: z.number().int(), at: z.string() })),
      })
      .nullable(),
  })
  .meta({ id: 'CadenceReport' })
export type CadenceReportView = z.infer<typeof cadenceReportSchema>
