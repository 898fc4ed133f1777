import type { OperationId } from '@zw/shared'
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
/** The anonymous GET endpoints of the public reading API (list, search, detail). */
const PUBLIC_READS: readonly OperationId[] = ['listItems', 'searchItems', 'getItem']

function splitPublicReads(handlers: Handlers): { publicReads: Handlers; rest: Handlers } {
  const publicReads: Record<string, unknown> = {}
  const rest: Record<string, unknown> = {}
  for (const [op, h] of Object.entries(handlers)) (PUBLIC_READS.includes(op as OperationId) ? publicReads : rest)[op] = h
  return { publicReads: publicReads as Handlers, rest: rest as Handlers }
}

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

  // The public reads (most of the traffic) get a router of their own, tried first: a router
  // tests each of its routes against the path, and the other ~95 endpoints are staff's and citizens'.
  const { publicReads, rest } = splitPublicReads(handlers)
  const reads = new Router()
  const api = new Router()
  const authenticate = (ctx: Koa.Context) => services.auth.authenticator.authenticate(ctx)
  const authenticateCitizen = (ctx: Koa.Context) => services.auth.citizenAuthenticator.authenticate(ctx)
  bindEndpoints(reads, publicReads, authenticate, authenticateCitizen)
  bindEndpoints(api, rest, authenticate, authenticateCitizen)

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
  app.use(reads.routes())
  app.use(api.routes())
  app.use(api.allowedMethods({ throw: true })) // sees the paths both routers matched
  app.use(services.content.fileRouter([services.interaction.publicFiles]).routes())
  app.use(auditExportRouter(services.audit.search, authenticate).routes())
  app.use(services.cadence.exportRouter(authenticate).routes())
  app.use(services.disclosure.reportCsvRouter(authenticate).routes())
  app.use(services.interaction.statsCsvRouter(authenticate).routes())
  app.use(fileUploadRouter(services.content.storage, authenticate, now).routes())
  app.use(services.disclosure.fileRouter(authenticate, authenticateCitizen).routes())
  app.use(docsRouter(() => buildOpenApiDocument({ version: API_VERSION })).routes())
  app.use(demoGraphicsRouter().routes())
  app.use(staticH5(config.H5_DIR, logger))
  return app
}
