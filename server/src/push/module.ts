import type { CitizenProfiles } from '../auth/citizenProfile'
import type { JobDefinition } from '../platform/jobs/scheduler'
import type { Logger } from '../platform/logger'
import type { WeChatClients } from '../platform/wechat/clients'
import { CampaignSender, type SenderSettings, type WeChatPusher } from './campaignSender'
import type { Handlers } from '../platform/http/endpoints'
import { AudiencePreviewer } from './audiencePreviewer'
import { CampaignDrafter, type ListedContent } from './campaignDrafter'
import { CampaignReader } from './campaignReader'
import { CampaignStepper } from './campaignStepper'
import { ConsentLedger } from './consentLedger'
import { ConsentRecorder } from './consentRecorder'
import { InboxMarker, InboxReader } from './inbox'
import { ConsentUseModel, PushDeliveryModel, PushMarkModel } from './model'
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
  jobs: JobDefinition[]
  handlers: Handlers
}

/** The push domain: subscriptions, the WeChat consent ledger, the inbox, campaigns and their approval (delivery comes next). */
export function createPushModule(deps: { now: () => Date; templates?: PushTemplateSettings; citizenProfiles: CitizenProfiles; content: ListedContent; wechat?: WeChatClients; logger: Logger; sender?: Partial<SenderSettings> }): PushModule {
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
  const sender = new CampaignSender({ templates, ledger: consentLedger, wechat: deps.wechat ? weChatPusherOf(deps.wechat) : undefined, now: deps.now, logger: deps.logger }, deps.sender)
  const sendCampaigns: JobDefinition = { name: 'send-push-campaigns', cron: '* * * * *', leaseMs: 10 * 60_000, run: async () => void (await sender.sendDue()) }
  // A deleted account takes its messages, consent uses and marks with it (subscriptions live on the account).
  deps.citizenProfiles.onDelete(async (citizenId) => {
    await PushDeliveryModel.deleteMany({ citizenId })
    await ConsentUseModel.deleteMany({ citizenId })
    await PushMarkModel.deleteMany({ citizenId })
  })
  return { ...services, sender, jobs: [sendCampaigns], handlers: pushHandlers(services) }
}

/** WeChat's subscribe/send as the sender uses it: one attempt, its code recorded. */
export function weChatPusherOf(clients: WeChatClients): WeChatPusher {
  return {
    async send(message) {
      const at = new Date()
      const o = await clients.messages.send({ ...message, miniprogram_state: clients.miniprogramState })
      if (o.status === 'sent') return { outcome: 'sent', attempts: [{ at, code: '0' }] }
      if (o.status === 'no-consent') return { outcome: 'no-consent', attempts: [{ at, code: '43101' }] }
      return { outcome: o.status === 'retry' ? 'gave-up' : 'failed', attempts: [{ at, code: String(o.errcode) }] }
    },
  }
}
