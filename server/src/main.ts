/**
 * Starts the server: configuration, database (MONGODB_URI, or the embedded FerretDB with
 * data under DATA_DIR/db), the app, and graceful shutdown on SIGTERM/SIGINT.
 */
import path from 'node:path'
import { createApp } from './app'
import { ConfigError, loadConfig } from './platform/config'
import { connectDatabase } from './platform/db'
import { startFerretDb, type EmbeddedDb } from './platform/embeddedDb'
import { JobScheduler } from './platform/jobs/scheduler'
import { allJobs } from './jobs'
import { createServices } from './services'
import { pushSettingsOf } from './push/pushSettings'
import { payOptionsOf } from './platform/wechatpay/payConfig'
import { seedDemoContentPublishedWithoutReview } from './content/demo/seedDemoContentPublishedWithoutReview'
import { listen, createShutdown } from './platform/lifecycle'
import { bufferedStdout, createLogger, redactUri } from './platform/logger'

async function main(): Promise<void> {
  let config
  let payOptions
  try {
    config = loadConfig()
    payOptions = payOptionsOf(config) // reads and checks the WeChat Pay keys
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nThe server did not start. See README, "Configuration".\n`)
      process.exit(78) // EX_CONFIG
    }
    throw err
  }
  const logger = createLogger({ level: config.LOG_LEVEL, destination: config.NODE_ENV === 'production' ? bufferedStdout() : undefined })
  let stopping = false

  let embedded: EmbeddedDb | undefined
  let uri = config.MONGODB_URI
  if (uri) {
    logger.info({ db: redactUri(uri) }, 'using the database of MONGODB_URI')
  } else {
    const dataDir = path.join(config.DATA_DIR, 'db')
    embedded = await startFerretDb({ dataDir })
    uri = embedded.uri
    logger.info({ db: uri, dataDir, pid: embedded.process.pid }, 'embedded database (FerretDB/SQLite) ready')
    embedded.process.once('exit', (code, signal) => {
      if (!stopping) logger.error({ code, signal }, 'embedded database stopped unexpectedly')
    })
  }

  const db = connectDatabase(uri, { logger, connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS })
  if (embedded) await db.ready

  const services = createServices({
    logger,
    dataDir: config.DATA_DIR,
    citizenDevLogIn: config.CITIZEN_DEV_LOGIN,
    ...pushSettingsOf(config),
    interaction: { dailyCron: config.INTERACTION_DAILY_CRON, replyReview: config.MESSAGE_REPLY_REVIEW, answerDays: { consultation: config.MESSAGE_ANSWER_DAYS_CONSULTATION, suggestion: config.MESSAGE_ANSWER_DAYS_SUGGESTION, complaint: config.MESSAGE_ANSWER_DAYS_COMPLAINT }, dailyLimits: { messages: config.MESSAGE_DAILY_LIMIT, comments: config.COMMENT_DAILY_LIMIT } },
    disclosure: { idKey: config.DISCLOSURE_ID_KEY, feePausesClock: config.DISCLOSURE_FEE_PAUSES_CLOCK, dailyCron: config.DISCLOSURE_DAILY_CRON },
    cadenceSchedule: { midWeek: config.CADENCE_MID_WEEK_CRON, lateWeek: config.CADENCE_LATE_WEEK_CRON, floor: config.CADENCE_FLOOR_CRON, weeklyReport: config.CADENCE_WEEKLY_REPORT_CRON },
    wechat: config.WECHAT_APP_ID && config.WECHAT_APP_SECRET
      ? { baseUrl: config.WECHAT_API_BASE_URL, appId: config.WECHAT_APP_ID, appSecret: config.WECHAT_APP_SECRET, reviewTemplateId: config.WECHAT_REVIEW_TEMPLATE_ID, reviewTemplateLongTerm: config.WECHAT_REVIEW_TEMPLATE_LONG_TERM, miniprogramState: config.WECHAT_MINIPROGRAM_STATE }
      : undefined,
    pay: payOptions,
    channels: { credentialsKey: config.CHANNEL_CREDENTIALS_KEY, production: config.NODE_ENV === 'production', officialAccountBaseUrl: config.OFFICIAL_ACCOUNT_API_BASE_URL, weiboBaseUrl: config.WEIBO_API_BASE_URL, weiboTextLimit: config.WEIBO_TEXT_LIMIT, pollMs: config.CHANNEL_OA_POLL_MS, leaseMs: config.CHANNEL_LEASE_MS, workerPollMs: config.CHANNEL_WORKER_POLL_MS },
  })
  const app = createApp({ config, logger, db, services })
  const running = await listen(app, config.HOST, config.PORT)

  // Read models and jobs start once the database is there (jobs catch up what was missed).
  const scheduler = new JobScheduler(allJobs(services), logger)
  void db.ready
    .then(async () => {
      if (stopping) return
      if (config.SEED_DEMO_CONTENT) await seedDemoContentPublishedWithoutReview(logger)
      await services.start()
      if (!stopping) await scheduler.start()
    })
    .catch((err: unknown) => logger.error({ err }, 'services failed to start'))

  const shutdown = createShutdown(logger, [
    { name: 'http', run: () => running.close(config.SHUTDOWN_TIMEOUT_MS) },
    { name: 'jobs', run: () => scheduler.stop() },
    { name: 'services', run: () => services.stop() },
    { name: 'database', run: () => db.close() },
    { name: 'embedded-database', run: () => embedded?.stop() },
  ])
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true
      void shutdown(signal).then(() => logger.flush(() => process.exit(0)))
    })
  }

  logger.info({ url: running.url }, 'listening')
  process.stdout.write(
    [
      '',
      `  政务两微一端 is running`,
      `  H5 app (citizens):   ${running.url}/`,
      `  Workbench (staff):   ${running.url}/#/workbench/pages/index/index`,
      `  API documentation:   ${running.url}/api/docs`,
      '',
      '',
    ].join('\n'),
  )
}

main().catch((err: unknown) => {
  process.stderr.write(`The server failed to start: ${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
