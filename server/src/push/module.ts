import type { CitizenProfiles } from '../auth/citizenProfile'
import type { JobDefinition } from '../platform/jobs/scheduler'
import type { Logger } from '../platform/logger'
import type { WeChatClients } from '../platform/wechat/clients'
import { CampaignSender, type SenderSettings, type SmsPusher, type WeChatPusher } from './campaignSender'
import type { SmsClients } from '../platform/sms/clients'
import { RetryPolicy, type RetrySettings } from '../platform/delivery/retryPolicy'
import { TokenBucket } from '../platform/delivery/tokenBucket'
import type { Handlers } from '../platform/http/endpoints'
import { AlertScheduler } from './alertScheduler'
import { CitizenNotifier } from './citizenNotifier'
import { DigestSender } from './digestSender'
import { AudiencePreviewer } from './audiencePreviewer'
import { CampaignDrafter, type ListedContent } from './campaignDrafter'
import { CampaignReader } from './campaignReader'
import { CampaignStepper } from './campaignStepper'
import { ConsentLedger } from './consentLedger'
import { ConsentRecorder } from './consentRecorder'
import { InboxMarker, InboxReader } from './inbox'
import { ConsentUseModel, PushDeliveryModel, PushMarkModel, setDigestTimes } from './model'
import { pushHandlers } from './routes'
import { SubscriptionSetter } from './subscriptionSetter'
import { PushTemplates, type PushTemplateSettings } from './templates'

export interface PushModule {
  templates: PushTemplates
  subscriptionSetter: SubscriptionSetter
  consentLedger: ConsentLedger
  consentRecorder: ConsentRecorder
  inboxReader: InboxReader
  inboxMarker: InboxMarker
  campaignDrafter: CampaignDrafter
  campaignStepper: CampaignStepper
  campaignReader: CampaignReader
  audiencePreviewer: AudiencePreviewer
  sender: CampaignSender
  alerts: AlertScheduler
  /** Messages about a citizen's own things (replies to 留言, consultation feedback). */
  notifier: CitizenNotifier
  digests: DigestSender
  jobs: JobDefinition[]
  handlers: Handlers
}

/** The push domain: subscriptions, the WeChat consent ledger, the inbox, campaigns and their approval (delivery comes next). */
export function createPushModule(deps: { now: () => Date; templates?: PushTemplateSettings; citizenProfiles: CitizenProfiles; content: ListedContent; wechat?: WeChatClients; logger: Logger; sender?: Partial<SenderSettings>; wechatRatePerSecond?: number; retry?: Partial<Omit<RetrySettings, 'random'>>; sms?: { clients: SmsClients; templateId: string } }): PushModule {
  const templates = new PushTemplates(deps.templates)
  const consentLedger = new ConsentLedger(templates, deps.now)
  const services = {
    templates,
    subscriptionSetter: new SubscriptionSetter(deps.now),
    consentLedger,
    consentRecorder: new ConsentRecorder(templates, consentLedger, deps.now),
    inboxReader: new InboxReader(),
    inboxMarker: new InboxMarker(deps.now),
    campaignDrafter: new CampaignDrafter(deps.content, deps.now),
    campaignStepper: new CampaignStepper(deps.now),
    campaignReader: new CampaignReader(),
    audiencePreviewer: new AudiencePreviewer(templates),
  }
  const sender = createCampaignSender({ ...deps, templates, ledger: consentLedger })
  const digests = new DigestSender(sender, deps.logger)
  // Each minute's digests once across instances; minutes missed while down are caught up.
  const sendDigests: JobDefinition = { name: 'send-push-digests', cron: '* * * * *', catchUp: 'each', leaseMs: 10 * 60_000, run: async (ctx) => void (await digests.send(ctx.slot)) }
  // At shutdown the campaign in hand is let go after the windows out (another instance resumes it), not sent to the end first.
  const sendCampaigns: JobDefinition = { name: 'send-push-campaigns', cron: '* * * * *', leaseMs: 10 * 60_000, run: async () => void (await sender.sendDue()), stop: () => sender.stop() }
  // A deleted account takes its messages, consent uses and marks with it (subscriptions live on the account).
  deps.citizenProfiles.onDelete(async (citizenId) => {
    await PushDeliveryModel.deleteMany({ citizenId })
    await ConsentUseModel.deleteMany({ citizenId })
    await PushMarkModel.deleteMany({ citizenId })
    await setDigestTimes(citizenId, [])
  })
  return { ...services, sender, alerts: new AlertScheduler(deps.now, deps.logger), notifier: new CitizenNotifier(sender, deps.now, deps.logger), digests, jobs: [sendCampaigns, sendDigests], handlers: pushHandlers(services) }
}

/** The campaign sender with its ways out (WeChat, SMS), as the server and the push worker both build it. */
export function createCampaignSender(deps: {
  templates: PushTemplates
  ledger: ConsentLedger
  wechat?: WeChatClients
  sms?: { clients: SmsClients; templateId: string }
  now: () => Date
  logger: Logger
  sender?: Partial<SenderSettings>
  wechatRatePerSecond?: number
  retry?: Partial<Omit<RetrySettings, 'random'>>
}): CampaignSender {
  return new CampaignSender(
    {
      templates: deps.templates,
      ledger: deps.ledger,
      wechat: deps.wechat ? weChatPusherOf(deps.wechat, { ratePerSecond: deps.wechatRatePerSecond, burst: deps.sender?.window, retry: deps.retry }) : undefined,
      sms: deps.sms ? smsPusherOf(deps.sms.clients, deps.sms.templateId, deps.retry) : undefined,
      now: deps.now,
      logger: deps.logger,
    },
    deps.sender,
  )
}

/**
 * WeChat's subscribe/send as the sender uses it: retried by the retry policy, every
 * attempt recorded with its errcode, at most `ratePerSecond` requests a second (none:
 * unlimited). The sender takes each message's first token before it records the
 * delivery; retries wait for their own.
 */
export function weChatPusherOf(clients: WeChatClients, options: { ratePerSecond?: number; burst?: number; retry?: Partial<Omit<RetrySettings, 'random'>> } = {}): WeChatPusher {
  // A burst of four windows: tokens earned while records are written and the audience is read are used after, so the rate holds over time.
  const bucket = options.ratePerSecond ? new TokenBucket({ ratePerSecond: options.ratePerSecond, burst: (options.burst ?? 64) * 4 }) : undefined
  const policy = new RetryPolicy(options.retry)
  return {
    take: bucket ? () => bucket.take() : undefined,
    async send(message, onWrite) {
      let first = true
      const perMessage = bucket ? { take: () => (first ? ((first = false), Promise.resolve()) : bucket.take()) } : undefined
      const r = await clients.messages.sendWithRetries({ ...message, miniprogram_state: clients.miniprogramState }, { policy, bucket: perMessage, onWrite })
      return { outcome: r.outcome, attempts: r.attempts.map((a) => ({ at: a.at, code: String(a.errcode) })) }
    },
  }
}

/** SMS pushes through the SMS clients: the push template with the message title, retried by the same policy. */
export function smsPusherOf(clients: SmsClients, templateId: string, retry?: Partial<Omit<RetrySettings, 'random'>>): SmsPusher {
  const policy = new RetryPolicy(retry)
  return {
    async send(phone, title, onWrite) {
      const r = await clients.sender.sendWithRetries({ phone, templateId, params: [title], signName: clients.signName }, { policy, onWrite })
      return { outcome: r.outcome, attempts: r.attempts.map((a) => ({ at: a.at, code: a.code })) }
    },
  }
}
