import type { Middleware } from 'koa'

/** Conservative response headers for every answer (set before the rest runs; no promise of its own). */
export function securityHeaders(): Middleware {
  return (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff')
    ctx.set('Referrer-Policy', 'same-origin')
    ctx.set('X-Frame-Options', 'SAMEORIGIN')
    return next()
  }
}
