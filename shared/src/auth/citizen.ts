import { z } from '../zod'
import { regionByCode } from '../catalogue/regions'
import { CITIZEN_GROUP_CODES, type CitizenGroup } from '../catalogue/citizenGroups'

/** 微信登录 of a citizen: the `wx.login` code. */
export const citizenLogInBodySchema = z.object({ code: z.string({ error: '缺少微信登录凭证' }).trim().min(1, { error: '缺少微信登录凭证' }).max(128, { error: '登录凭证格式不正确' }) })
/** Development log-in in a browser (h5), only where configuration enables it. */
export const citizenDevLogInBodySchema = z.object({ name: z.string({ error: '请填写测试账号名' }).regex(/^[a-z0-9-]{2,32}$/, { error: '测试账号名为 2–32 位小写字母、数字或连字符' }) })

/** What a citizen's own profile shows (never their openid). */
export const citizenProfileSchema = z
  .object({
    id: z.string(),
    /** Their area, a 12-digit division code; none chosen yet: null. */
    region: z.string().nullable(),
    groups: z.array(z.string()),
    hasMobile: z.boolean(),
  })
  .meta({ id: 'CitizenProfile' })
export type CitizenProfile = z.infer<typeof citizenProfileSchema>

export const citizenSessionSchema = z
  .object({
    /** `Authorization: Bearer …` for the citizen endpoints. */
    accessToken: z.string(),
    expiresAt: z.string(),
    citizen: citizenProfileSchema,
  })
  .meta({ id: 'CitizenSession' })
export type CitizenSession = z.infer<typeof citizenSessionSchema>

/** 我的资料: the citizen's area (from the region table, not free text) and the groups they declare; all optional. */
export const citizenProfileBodySchema = z.object({
  region: z
    .string({ error: '请选择所在地区' })
    .refine((code) => regionByCode(code) !== undefined, { error: '请从地区列表中选择所在地区' })
    .nullable(),
  groups: z
    .array(z.enum(CITIZEN_GROUP_CODES as unknown as [CitizenGroup, ...CitizenGroup[]], { error: '未知的身份类别' }))
    .max(CITIZEN_GROUP_CODES.length)
    .refine((g) => new Set(g).size === g.length, { error: '身份类别不能重复' }),
})

/** 绑定手机号: a mainland mobile number (11 digits, starting 1[3-9]), for SMS pushes. */
export const citizenMobileBodySchema = z.object({
  mobile: z.string({ error: '请填写手机号' }).trim().regex(/^1[3-9]\d{9}$/, { error: '请填写 11 位手机号' }),
})
export const citizenMobileCodeBodySchema = z.object({
  code: z.string({ error: '请填写验证码' }).trim().regex(/^\d{6}$/, { error: '验证码是 6 位数字' }),
})
export const mobileCodeSentSchema = z.object({ ok: z.literal(true), expiresInSeconds: z.number().int() }).meta({ id: 'MobileCodeSent' })
