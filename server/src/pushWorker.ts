/**
 * A push worker: a process that only sends campaigns (run beside the servers when
 * campaigns are large; several may run). It needs MONGODB_URI and the WeChat settings;
 * it looks for due campaigns every PUSH_WORKER_POLL_MS. On SIGTERM/SIGINT it finishes the
 * windows out, lets the campaign go (another worker resumes it at once) and exits. A
 * worker killed outright is taken over after its lease
 * (docs/adr/0016).
 */
import { ConfigError, loadConfig } from './platform/config'
import { connectDatabase } from './platform/db'
import { createLogger } from './platform/logger'
import { createWeChatClients } from './platform/wechat/clients'
import { ConsentLedger } from './push/consentLedger'
import { createCampaignSender } from './push/module'
import { pushSettingsOf, wechatConnectionsFor } from './push/pushSettings'
import { createSmsClients } from './platform/sms/clients'
import { PushTemplates } from './push/templates'
import { HandoverLog } from './push/handoverLog'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nThe push worker did not start. See README, "Configuration".\n`)
      process.exit(78)
    }
    throw err
  }
  if (!config.MONGODB_URI) {
    process.stderr.write('MONGODB_URI is required: a push worker uses the servers\' database.\n')
    process.exit(78)
  }
  const logger = createLogger({ level: config.LOG_LEVEL })
  const db = connectDatabase(config.MONGODB_URI, { logger, connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS })
  await db.ready
  const now = () => new Date()
  const settings = pushSettingsOf(config)
  HandoverLog.prune(settings.pushSender.handoverDir)
  const wechat = config.WECHAT_APP_ID && config.WECHAT_APP_SECRET ? createWeChatClients({ baseUrl: config.WECHAT_API_BASE_URL, appId: config.WECHAT_APP_ID, appSecret: config.WECHAT_APP_SECRET, miniprogramState: config.WECHAT_MINIPROGRAM_STATE, connections: wechatConnectionsFor(settings.pushSender) }) : undefined
  const templates = new PushTemplates(settings.pushTemplates)
  const sms = createSmsClients(settings.sms)
  const sender = createCampaignSender({
    templates,
    ledger: new ConsentLedger(templates, now),
    wechat,
    sms: sms && settings.sms.pushTemplateId ? { clients: sms, templateId: settings.sms.pushTemplateId } : undefined,
    now,
    logger,
    sender: settings.pushSender,
    wechatRatePerSecond: settings.pushRatePerSecond,
  })
  let stopping = false
  const stop = () => {
    stopping = true
    // The campaign in hand stops after the windows out and is let go for another worker.
    sender.stop()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  logger.info({ owner: sender.owner }, 'push worker started')
  while (!stopping) {
    try {
      await sender.sendDue()
    } catch (err) {
      logger.error({ err }, 'push worker: sending failed; trying again')
    }
    await new Promise((r) => setTimeout(r, config.PUSH_WORKER_POLL_MS))
  }
  await db.close()
  process.exit(0)
}

void main()
