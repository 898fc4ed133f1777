/**
 * The app built by its factory, listening on a free loopback port, connected to a fresh
 * database on the run's real FerretDB. Tests talk to it over HTTP, with the same typed
 * client the mini-program uses.
 */
import { Writable } from 'node:stream'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type Koa from 'koa'
import { createApiClient, fetchTransport, type ApiClient, type QuietHours } from '@zw/shared'
import { createApp } from '../../server/src/app'
import { connectDatabase, type Database } from '../../server/src/platform/db'
import { listen, type RunningServer } from '../../server/src/platform/lifecycle'
import { createLogger, type Logger } from '../../server/src/platform/logger'
import { createServices, type Services } from '../../server/src/services'
import { freshDatabaseUri } from './database'
import { ROOT } from './serverProcess'

/** Quiet hours that never hold anything (equal start and end). */
export const NO_QUIET_HOURS: QuietHours = { start: '00:00', end: '00:00' }

export interface TestApp {
  url: string
  /** The app's own fresh database. */
  dbUri: string
  api: ApiClient
  /** The typed client, sending a staff access token. */
  asStaff(accessToken: string): ApiClient
  app: Koa
  db: Database
  services: Services
  logger: Logger
  running: RunningServer
  /** Parsed log lines written so far. */
  logs(): Record<string, unknown>[]
  rawLogs(): string
  close(): Promise<void>
}

export async function startTestApp(
  options: { bodyLimit?: string; readSummaryEveryMs?: number; extend?: (app: Koa, logger: Logger) => void; beforeStart?: () => Promise<void>; wechat?: Parameters<typeof createServices>[0]['wechat']; citizenDevLogIn?: boolean; pushTemplates?: Parameters<typeof createServices>[0]['pushTemplates']; pushRetry?: Parameters<typeof createServices>[0]['pushRetry']; /** Default none: tests run at any hour, and those about quiet hours set their own clock. */ pushQuietHours?: QuietHours; sms?: Parameters<typeof createServices>[0]['sms']; pay?: Parameters<typeof createServices>[0]['pay']; disclosure?: Parameters<typeof createServices>[0]['disclosure']; channels?: Parameters<typeof createServices>[0]['channels']; interaction?: Parameters<typeof createServices>[0]['interaction'] } = {},
): Promise<TestApp> {
  let raw = ''
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw += chunk.toString()
      done()
    },
  })
  const logger = createLogger({ level: 'debug', destination })
  const dbUri = freshDatabaseUri()
  const db = connectDatabase(dbUri, { logger, connectTimeoutMs: 5000 })
  await db.ready
  await options.beforeStart?.()
  // No polling in tests: writers call services.content.readModel.syncNow() to apply changes.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-test-data-'))
  const services = createServices({ logger, dataDir, contentPollMs: 0, wechat: options.wechat, citizenDevLogIn: options.citizenDevLogIn, pushTemplates: options.pushTemplates, pushRetry: options.pushRetry, pushSender: { quietHours: options.pushQuietHours ?? NO_QUIET_HOURS }, sms: options.sms, pay: options.pay, disclosure: options.disclosure, channels: options.channels, interaction: options.interaction })
  await services.start()
  const app = createApp({
    config: { BODY_LIMIT: options.bodyLimit ?? '1mb', H5_DIR: path.join(ROOT, 'miniapp', 'dist-h5'), TRUST_PROXY: false },
    logger,
    db,
    services,
    readSummaryEveryMs: options.readSummaryEveryMs,
  })
  options.extend?.(app, logger)
  const running = await listen(app, '127.0.0.1', 0)
  return {
    url: running.url,
    dbUri,
    api: createApiClient({ baseUrl: running.url, transport: fetchTransport() }),
    asStaff: (accessToken) => createApiClient({ baseUrl: running.url, transport: fetchTransport(), headers: () => ({ authorization: `Bearer ${accessToken}` }) }),
    app,
    db,
    services,
    logger,
    running,
    rawLogs: () => raw,
    logs: () =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    async close() {
      await running.close(1000)
      await services.stop()
      await db.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
