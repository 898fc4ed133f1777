import type { Middleware } from 'koa'

/** Conservative response headers for every answer. */
export function securityHeaders(): Middleware {
  return async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff')
    ctx.set('Referrer-Policy', 'same-origin')
    ctx.set('X-Frame-Options', 'SAMEORIGIN')
    await next()
  }
}
