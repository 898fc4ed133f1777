import { z } from './zod'

/**
 * Stable error codes of the HTTP API. Clients switch on `code`, never on `message`.
 * The message shown to a person is always Chinese.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请按提示修改' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '没有权限进行此操作' },
  ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账号已临时锁定，请稍后再试' },
  NOT_FOUND: { status: 404, message: '请求的内容不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方式' },
  CONFLICT: { status: 409, message: '操作与当前状态冲突，请刷新后重试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器出了点问题，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof ERROR_CODES

export const errorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]])

/** One problem with one field of the input: `path` is dotted (`materials.0.name`). */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
})
export type FieldError = z.infer<typeof fieldErrorSchema>

/** The body of every error response: `{ error: { code, message, details? } }`. */
export const apiErrorBodySchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string(),
      requestId: z.string().optional(),
      details: z
        .object({
          fields: z.array(fieldErrorSchema).optional(),
        })
        .catchall(z.unknown())
        .optional(),
    }),
  })
  .meta({ id: 'ApiError' })
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>

/** Turns a zod error into per-field Chinese messages, the `details.fields` of a 400. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }))
}
