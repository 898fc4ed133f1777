import { randomUUID } from 'node:crypto'
import type { Middleware } from 'koa'
import { requestContext, type Logger } from '../logger'

const INCOMING_ID = /^[A-Za-z0-9._-]{1,64}$/

/**
 * Gives every request an id (the caller's X-Request-Id when it is well-formed), echoes
 * it, makes every log line of the request carry it, and logs one line when the request
 * ends: method, path without query string (queries may carry personal data), status, time.
 */
export function requestLogging(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id')
    const reqId = INCOMING_ID.test(incoming) ? incoming : randomUUID()
    ctx.state.reqId = reqId
    ctx.set('X-Request-Id', reqId)
    const started = process.hrtime.bigint()
    await requestContext.run({ reqId }, async () => {
      try {
        await next()
      } finally {
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        const level = ctx.status >= 500 ? 'error' : 'info'
        logger[level]({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request')
      }
    })
  }
}
