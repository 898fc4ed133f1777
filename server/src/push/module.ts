import type { CitizenProfiles } from '../auth/citizenProfile'
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
  handlers: Handlers
}

/** The push domain: subscriptions, the WeChat consent ledger, the inbox, campaigns and their approval (delivery comes next). */
export function createPushModule(deps: { now: () => Date; templates?: PushTemplateSettings; citizenProfiles: CitizenProfiles; content: ListedContent }): PushModule {
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
  // A deleted account takes its messages, consent uses and marks with it (subscriptions live on the account).
  deps.citizenProfiles.onDelete(async (citizenId) => {
    await PushDeliveryModel.deleteMany({ citizenId })
    await ConsentUseModel.deleteMany({ citizenId })
    await PushMarkModel.deleteMany({ citizenId })
  })
  return { ...services, handlers: pushHandlers(services) }
}
