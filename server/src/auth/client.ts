import type { Context } from 'koa'

/** Where a request comes from, as the audit trail records it (user agent cut to 300 characters). */
export const clientOf = (ctx: Context) => ({ ip: ctx.ip, userAgent: ctx.get('user-agent').slice(0, 300) })
