import Koa from 'koa'
import Router from '@koa/router'
import { koaBody } from 'koa-body'
import { fileUploadRouter } from './content/fileUploadRoutes'
import type { Config } from './platform/config'
import type { Database } from './platform/db'
import type { Logger } from './platform/logger'
import { bindEndpoints, unboundOperations, type Handlers } from './platform/http/endpoints'
import { errorHandler } from './platform/http/errorHandler'
import { requestLogging } from './platform/http/requestContext'
import { securityHeaders } from './platform/http/securityHeaders'
import { docsRouter } from './platform/http/docs'
import { buildOpenApiDocument } from './platform/http/openapi'
import { staticH5 } from './platform/http/staticH5'
import { healthHandlers } from './platform/health'
import { siteHandlers } from './content/siteRoutes'
import type { Services } from './services'
import { demoGraphicsRouter } from './content/demo/demoGraphics'
import { auditExportRouter, auditHandlers } from './platform/audit/auditRoutes'

export const API_VERSION = '0.1.0'

/** The public reading API's GETs: counted in a summary line when they succeed quickly (docs/adr/0008). */
const isPublicRead = (ctx: Koa.Context) => (ctx.method === 'GET' || ctx.method === 'HEAD') && (ctx.path.startsWith('/api/v1/items') || ctx.path === '/api/v1/search')

export interface AppDeps {
  config: Pick<Config, 'BODY_LIMIT' | 'H5_DIR' | 'TRUST_PROXY'>
  logger: Logger
  db: Database
  services: Services
  now?: () => Date
  /** How often the summary line of public reads is written (default a minute). */
  readSummaryEveryMs?: number
}

/**
 * Builds the Koa application without listening, so tests can drive it in-process or
 * put it behind their own server. Middleware order: request id and log line, security
 * headers, error mapping, body parsing, API routes, API docs, h5 files.
 */
export function createApp(deps: AppDeps): Koa {
  const { config, logger, db, services } = deps
  const now = deps.now ?? (() => new Date())
  const app = new Koa({ proxy: config.TRUST_PROXY })
  app.silent = true // errors are logged by errorHandler, not by Koa's default printer

  const handlers: Handlers = { ...healthHandlers(db, () => services.review.scheduledPublisher.overdueCount(now())), ...siteHandlers(now), ...services.content.handlers, ...services.auth.handlers, ...services.review.handlers, ...services.cadence.handlers, ...services.push.handlers, ...services.disclosure.handlers, ...services.interaction.handlers, ...services.channels.handlers, ...auditHandlers(services.audit.search) }
  const missing = unboundOperations(handlers)
  if (missing.length) throw new Error(`endpoints without a handler: ${missing.join(', ')}`)

  const api = new Router()
  const authenticate = (ctx: Koa.Context) => services.auth.authenticator.authenticate(ctx)
  bindEndpoints(api, handlers, authenticate, (ctx) => services.auth.citizenAuthenticator.authenticate(ctx))

  app.use(requestLogging(logger, { summarised: isPublicRead, summaryEveryMs: deps.readSummaryEveryMs }))
  app.use(securityHeaders())
  app.use(errorHandler(logger, config.BODY_LIMIT))
  // WeChat Pay notifications read their own raw body (the signature is over the exact bytes): before koaBody.
  if (services.pay.notifyMiddleware) app.use(services.pay.notifyMiddleware)
  app.use(
    koaBody({
      json: true,
      jsonStrict: true,
      urlencoded: false,
      text: false,
      multipart: false,
      jsonLimit: config.BODY_LIMIT,
    }),
  )
  app.use(api.routes())
  app.use(api.allowedMethods({ throw: true }))
  app.use(services.content.files.routes())
  app.use(auditExportRouter(services.audit.search, authenticate).routes())
  app.use(services.cadence.exportRouter(authenticate).routes())
  app.use(services.disclosure.reportCsvRouter(authenticate).routes())
  app.use(services.interaction.statsCsvRouter(authenticate).routes())
  app.use(fileUploadRouter(services.content.storage, authenticate, now).routes())
  app.use(docsRouter(() => buildOpenApiDocument({ version: API_VERSION })).routes())
  app.use(demoGraphicsRouter().routes())
  app.use(staticH5(config.H5_DIR, logger))
  return app
}
