import type { IncomingMessage } from 'node:http'
import type { Middleware } from 'koa'
import type { Logger } from '../logger'
import type { FeePayments } from './feePayments'
import { NotificationRejectedError } from './payNotification'

export const PAY_NOTIFY_PATH = '/api/v1/pay/notify'
/** A notification is about 1 KB. */
const LIMIT_BYTES = 64 * 1024

class TooLarge extends Error {}

function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        reject(new TooLarge())
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * `POST /api/v1/pay/notify`, WeChat Pay's payment (and refund) notifications. Mounted
 * before the body parser: the signature is over the exact bytes posted, so the body is
 * read here as bytes and never parsed and re-serialized before it is verified.
 *
 * Answers as WeChat Pay documents (not in the API's error shape): 200
 * `{ code: 'SUCCESS' }` when the notification is recorded or was already (a replay);
 * 401 `{ code: 'FAIL', message }` when it is not signed by the platform key, stale, or
 * of another serial; 400 when it is signed but does not match our order; 500 when we
 * could not record it (WeChat Pay sends it again later).
 */
export function payNotifyMiddleware(payments: FeePayments, logger: Logger): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== PAY_NOTIFY_PATH) return next()
    const fail = (status: number, message: string) => {
      ctx.status = status
      ctx.type = 'application/json'
      ctx.body = { code: 'FAIL', message }
    }
    if (ctx.method !== 'POST') {
      ctx.set('Allow', 'POST')
      return fail(405, '只接受 POST')
    }
    let raw: Buffer
    try {
      raw = await readRaw(ctx.req, LIMIT_BYTES)
    } catch (err) {
      return fail(err instanceof TooLarge ? 413 : 400, '通知报文不完整或过大')
    }
    try {
      const outcome = await payments.handleNotification(ctx.req.headers, raw)
      logger.info({ outcome, reqId: ctx.state.reqId as string | undefined }, 'WeChat Pay notification accepted')
      ctx.status = 200
      ctx.type = 'application/json'
      ctx.body = { code: 'SUCCESS', message: '成功' }
    } catch (err) {
      if (err instanceof NotificationRejectedError) {
        logger.warn({ reason: err.reason, detail: err.detail, reqId: ctx.state.reqId as string | undefined }, 'WeChat Pay notification rejected')
        return fail(err.httpStatus, err.message)
      }
      logger.error({ err, reqId: ctx.state.reqId as string | undefined }, 'WeChat Pay notification not recorded')
      return fail(500, '处理失败，请稍后重发')
    }
  }
}
