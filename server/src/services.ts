import type { Logger } from './platform/logger'
import { createContentModule, type ContentModule } from './content/module'
import { createAuthModule, type AuthModule } from './auth/module'
import { AuditSearch } from './platform/audit/auditSearch'
import { createReviewModule, type ReviewModule } from './review/module'
import { createCadenceModule, type CadenceModule, type CadenceSchedule } from './cadence/module'
import { WorkingCalendar } from '@zw/shared'
import { ensureIndexes } from './platform/db'
import { createWeChatClients, type WeChatClients } from './platform/wechat/clients'
import { createSmsClients } from './platform/sms/clients'
import { createPushModule, type PushModule } from './push/module'
import type { PushTemplateSettings } from './push/templates'
import type { SenderSettings } from './push/campaignSender'
import { wechatConnectionsFor } from './push/pushSettings'
import { createChannelsModule, type ChannelsModule, type ChannelsOptions } from './channels/module'
import { createPayModule, type PayModule, type PayModuleOptions } from './platform/wechatpay/payModule'
import { createDisclosureModule, type DisclosureModule, type DisclosureSettings } from './disclosure/module'
import { createInteractionModule, type InteractionModule, type InteractionSettingsOptions } from './interaction/module'

/** Every domain module of the server, built once per process (the composition root). */
export interface Services {
  content: ContentModule
  auth: AuthModule
  review: ReviewModule
  cadence: CadenceModule
  push: PushModule
  /** 两微 distribution: 公众号 / 微博 accounts, the outbox of published editions, delivery. */
  channels: ChannelsModule
  /** WeChat Pay fee orders (always there; without merchant settings paying throws PaymentsDisabledError). */
  pay: PayModule
  /** 依申请公开: applications, the statutory clock, fees, the annual report. */
  disclosure: DisclosureModule
  /** 互动交流: citizen messages with answer deadlines, public consultations with feedback reports. */
  interaction: InteractionModule
  /** Working days of the official calendar and the years an admin loaded (deadlines, review targets). */
  calendar: WorkingCalendar
  /** The audit trail as platform admins search and export it. */
  audit: { search: AuditSearch }
  /** Starts what needs the database (read models); call after it connects. */
  start(): Promise<void>
  stop(): Promise<void>
}

export function createServices(deps: { logger: Logger; dataDir: string; now?: () => Date; contentPollMs?: number; wechat?: Parameters<typeof createWeChatClients>[0]; cadenceSchedule?: Partial<CadenceSchedule>; citizenDevLogIn?: boolean; pushTemplates?: PushTemplateSettings; pushSender?: Partial<SenderSettings>; pushRatePerSecond?: number; pushRetry?: { baseMs?: number; capMs?: number; maxAttempts?: number }; sms?: Parameters<typeof createSmsClients>[0] & { verifyTemplateId?: string; pushTemplateId?: string }; pay?: PayModuleOptions; disclosure?: DisclosureSettings; channels?: ChannelsOptions; interaction?: InteractionSettingsOptions }): Services {
  const now = deps.now ?? (() => new Date())
  const content = createContentModule({ logger: deps.logger, now, dataDir: deps.dataDir, pollMs: deps.contentPollMs })
  const wechat: WeChatClients | undefined = createWeChatClients(deps.wechat && { ...deps.wechat, connections: wechatConnectionsFor(deps.pushSender, deps.wechat.connections) })
  const sms = createSmsClients(deps.sms)
  const auth = createAuthModule({ now, wechat, citizenDevLogIn: deps.citizenDevLogIn, sms, smsVerifyTemplateId: deps.sms?.verifyTemplateId })
  const calendar = new WorkingCalendar()
  const review = createReviewModule({ now, contentChanged: () => content.readModel.syncNow(), logger: deps.logger, calendar, wechat, storage: content.storage })
  const cadence = createCadenceModule({ publications: review.events, content: content.readModel, now, schedule: deps.cadenceSchedule })
  const push = createPushModule({ now, templates: deps.pushTemplates, citizenProfiles: auth.citizenProfiles, content: content.readModel, wechat, logger: deps.logger, sender: deps.pushSender, wechatRatePerSecond: deps.pushRatePerSecond, retry: deps.pushRetry, sms: sms && deps.sms?.pushTemplateId ? { clients: sms, templateId: deps.sms.pushTemplateId } : undefined })
  // WeChat Pay for fees: the client, notification route and reconciliation job only when configured.
  const pay = createPayModule({ options: deps.pay, now, logger: deps.logger })
  const disclosure = createDisclosureModule({ calendar, now, logger: deps.logger, citizenProfiles: auth.citizenProfiles, dataDir: deps.dataDir, settings: deps.disclosure, payLedger: pay.payments })
  const interaction = createInteractionModule({
    calendar,
    freshCalendar: () => disclosure.calendarYears.refresh(),
    now,
    logger: deps.logger,
    contentSecurity: wechat?.contentSecurity,
    content: content.readModel,
    notify: (n) => push.notifier.notify(n),
    citizenProfiles: auth.citizenProfiles,
    storage: content.storage,
    options: deps.interaction,
  })
  // Publishing tells subscribers; withdrawing, taking down or revising an item that was pushed sends a correction.
  review.events.onPublished((e) => push.alerts.published(e))
  review.events.onWithdrawn((itemId) => push.alerts.withdrawn(itemId))
  review.events.onTakenDown((itemId) => push.alerts.withdrawn(itemId))
  // Publishing writes the outbox of the channels the edition selects (in the publication step); withdrawing corrects what went out.
  const channels = createChannelsModule({ now, logger: deps.logger, publications: review.events, registrar: cadence.registrar, posts: cadence.posts, storage: content.storage, options: deps.channels })
  return {
    calendar,
    content,
    auth,
    audit: { search: new AuditSearch() },
    review,
    cadence,
    push,
    channels,
    pay,
    disclosure,
    interaction,
    start: async () => {
      await ensureIndexes()
      await disclosure.start()
      await auth.start()
      await cadence.start()
      await content.start()
      channels.start()
    },
    stop: async () => {
      await channels.stop()
      await content.stop()
    },
  }
}
