import type { Middleware } from 'koa'
import mongoose from 'mongoose'
import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from '@zw/shared'
import { AppError, ValidationError } from '../errors'
import type { Logger } from '../logger'

interface HttpishError {
  status?: number
  statusCode?: number
  type?: string
  expose?: boolean
  code?: number | string
  message?: string
}

/** Maps anything thrown to the error the client sees. The only place errors meet HTTP. */
export function toAppError(err: unknown, bodyLimit: string): AppError {
  if (err instanceof AppError) return err
  if (err instanceof mongoose.Error.ValidationError) {
    return new ValidationError(Object.entries(err.errors).map(([path, e]) => ({ path, message: e.message })))
  }
  const e = (err ?? {}) as HttpishError
  const status = e.status ?? e.statusCode
  if (e.type === 'entity.too.large' || status === 413) {
    return new AppError('PAYLOAD_TOO_LARGE', `提交的内容过大（上限 ${bodyLimit}）`, { limit: bodyLimit })
  }
  if (e.type === 'entity.parse.failed' || (status === 400 && /JSON/i.test(e.message ?? ''))) {
    return new AppError('MALFORMED_JSON')
  }
  if (status === 415 || e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE')
  }
  if (status === 405 || status === 501) return new AppError('METHOD_NOT_ALLOWED')
  if (status === 404) return new AppError('NOT_FOUND')
  if (e.code === 11000) return new AppError('CONFLICT', '记录已存在，不能重复创建')
  if (
    err instanceof mongoose.Error.MongooseServerSelectionError ||
    (err instanceof Error && /before initial connection|Client must be connected|buffering timed out|ECONNREFUSED|topology/i.test(err.message))
  ) {
    return new AppError('SERVICE_UNAVAILABLE', '数据库暂时不可用，请稍后再试')
  }
  if (status && status >= 400 && status < 500) {
    const code: ErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED'
    return new AppError(code)
  }
  return new AppError('INTERNAL')
}

/**
 * Every error answers `{ error: { code, message, requestId, details? } }`; unmatched
 * routes answer 404 in the same shape. Unexpected errors are logged with their stack;
 * the client gets a plain message and the request id to quote.
 */
export function errorHandler(logger: Logger, bodyLimit: string): Middleware {
  return async (ctx, next) => {
    try {
      await next()
      if (ctx.status === 404 && ctx.body === undefined) throw new AppError('NOT_FOUND')
    } catch (err) {
      const appError = toAppError(err, bodyLimit)
      // The request id is named here: public reads do not run in the request context.
      const reqId = ctx.state.reqId as string | undefined
      if (appError.code === 'INTERNAL') logger.error({ reqId, err }, 'unhandled error')
      else if (appError.code === 'SERVICE_UNAVAILABLE') logger.warn({ reqId, err: { message: (err as Error).message } }, 'service unavailable')
      const body: ApiErrorBody = {
        error: {
          code: appError.code,
          message: appError.message || ERROR_CODES[appError.code].message,
          requestId: ctx.state.reqId as string | undefined,
          ...(appError.details ? { details: appError.details } : {}),
        },
      }
      ctx.status = appError.status
      ctx.type = 'application/json'
      ctx.body = body
    }
  }
}
