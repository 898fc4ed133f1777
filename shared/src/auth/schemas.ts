import { z } from '../zod'
import { departmentCodeSchema, objectIdSchema } from '../content/schemas'
import { STAFF_ROLES } from './roles'

/** Log-in names: 3–32 of a–z, 0–9, dot, dash, underscore (compared in lower case). */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, { error: '用户名为 3–32 位小写字母、数字、点、短横线或下划线' })

/**
 * A new password: 10–128 characters with at least one letter and one digit. (Log-in
 * accepts whatever was set; the rule applies when a password is chosen.)
 */
export const newPasswordSchema = z
  .string()
  .min(10, { error: '密码至少 10 位' })
  .max(128, { error: '密码不能超过 128 位' })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: '密码须同时包含字母和数字' })

export const staffRoleSchema = z.enum(STAFF_ROLES, { error: '未知的角色' })

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, { error: '请输入用户名' }).max(64),
  password: z.string().min(1, { error: '请输入密码' }).max(128),
})

export const refreshBodySchema = z.object({
  refreshToken: z.string().min(20, { error: '刷新令牌无效' }).max(200),
})

export const staffProfileSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    department: z.string(),
    departmentName: z.string(),
    roles: z.array(staffRoleSchema),
  })
  .meta({ id: 'StaffProfile' })
export type StaffProfile = z.infer<typeof staffProfileSchema>

/** What log-in and refresh answer: a short-lived access token and a longer refresh token. */
export const staffSessionSchema = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: z.string(),
    refreshToken: z.string(),
    refreshTokenExpiresAt: z.string(),
    staff: staffProfileSchema,
  })
  .meta({ id: 'StaffSession' })
export type StaffSession = z.infer<typeof staffSessionSchema>

export const staffAccountSchema = staffProfileSchema
  .extend({
    lockedUntil: z.string().nullable(),
    disabled: z.boolean(),
    wechatBound: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'StaffAccount' })
export type StaffAccount = z.infer<typeof staffAccountSchema>

export const createStaffBodySchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, { error: '请填写姓名' }).max(40, { error: '姓名不能超过 40 字' }),
  department: departmentCodeSchema,
  roles: z
    .array(staffRoleSchema)
    .min(1, { error: '至少选择一个角色' })
    .refine((roles) => new Set(roles).size === roles.length, { error: '角色不能重复' }),
  password: newPasswordSchema,
})
export type CreateStaffBody = z.infer<typeof createStaffBodySchema>

export const staffListQuerySchema = z.object({
  department: departmentCodeSchema.optional(),
})

export const staffParamsSchema = z.object({ id: objectIdSchema })

export const staffListSchema = z.object({ items: z.array(staffAccountSchema) })
export const staffRolesBodySchema = z.object({
  roles: z
    .array(staffRoleSchema)
    .min(1, { error: '至少选择一个角色' })
    .refine((roles) => new Set(roles).size === roles.length, { error: '角色不能重复' }),
})
export const disableStaffBodySchema = z.object({ disabled: z.boolean({ error: '应为 true 或 false' }) })
export const revokedSessionsSchema = z.object({ revoked: z.number().int() })
export const okSchema = z.object({ ok: z.literal(true) })

/** A `wx.login` code (valid once, for a few minutes). */
export const wechatCodeBodySchema = z.object({
  code: z.string({ error: '缺少微信登录凭证' }).trim().min(1, { error: '缺少微信登录凭证' }).max(128, { error: '微信登录凭证格式不正确' }),
})

/** What `wx.requestSubscribeMessage` answered, per template. */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const
export const messageConsentBodySchema = z.object({
  results: z
    .array(
      z.object({
        templateId: z.string().trim().min(1).max(128),
        result: z.enum(SUBSCRIBE_RESULTS, { error: '未知的订阅结果' }),
        /** 政务民生 templates may be long-term; others allow one message per acceptance. */
        kind: z.enum(['one-time', 'long-term'], { error: '应为 one-time 或 long-term' }),
      }),
    )
    .min(1, { error: '没有订阅结果' })
    .max(5, { error: '一次最多 5 个模板' }),
})

/** A member of staff's WeChat set-up: bound or not, the reminder template to ask consent for, what consent is left. */
export const staffWeChatSchema = z
  .object({
    /** False when the server has no mini-program credentials configured. */
    available: z.boolean(),
    bound: z.boolean(),
    reviewTemplateId: z.string().nullable(),
    /** Whether the reminder template allows long-term subscription (政务民生 category) or one message per consent. */
    reviewTemplateLongTerm: z.boolean(),
    consents: z.array(z.object({ templateId: z.string(), longTerm: z.boolean(), remaining: z.number().int() })),
  })
  .meta({ id: 'StaffWeChat' })
export type StaffWeChat = z.infer<typeof staffWeChatSchema>
