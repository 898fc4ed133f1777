import type { Handlers } from '../platform/http/endpoints'
import type { AudiencePreviewer } from './audiencePreviewer'
import type { CampaignDrafter } from './campaignDrafter'
import type { CampaignReader } from './campaignReader'
import type { CampaignStepper } from './campaignStepper'
import type { ConsentLedger } from './consentLedger'
import type { ConsentRecorder } from './consentRecorder'
import type { InboxMarker, InboxReader } from './inbox'
import { subscriptionsOf, type SubscriptionSetter } from './subscriptionSetter'

/** The push domain's HTTP handlers: parse (done by the binding) and hand over to the services. */
export function pushHandlers(push: { subscriptionSetter: SubscriptionSetter; consentLedger: ConsentLedger; consentRecorder: ConsentRecorder; inboxReader: InboxReader; inboxMarker: InboxMarker; campaignDrafter: CampaignDrafter; campaignStepper: CampaignStepper; campaignReader: CampaignReader; audiencePreviewer: AudiencePreviewer }): Handlers {
  return {
    getSubscriptions: ({ citizen }) => subscriptionsOf(citizen),
    setSubscriptions: ({ citizen, body }) => push.subscriptionSetter.set(citizen, body),
    getConsents: ({ citizen }) => push.consentLedger.standing(citizen),
    recordConsents: ({ citizen, body }) => push.consentRecorder.record(citizen, body),
    getInbox: ({ citizen, query }) => push.inboxReader.list(citizen, query),
    listCampaigns: ({ staff }) => push.campaignReader.list(staff),
    createCampaign: ({ staff, body }) => push.campaignDrafter.create(staff, body),
    getCampaign: ({ staff, params }) => push.campaignReader.get(staff, params.id),
    updateCampaign: ({ staff, params, body }) => push.campaignDrafter.update(staff, params.id, body),
    actOnCampaign: ({ staff, params, body }) => push.campaignStepper.take(staff, params.id, body),
    previewAudience: ({ staff, body }) => push.audiencePreviewer.preview(staff, body),
    markInboxOpened: async ({ citizen, params }) => {
      await push.inboxMarker.mark(citizen, params.id, 'opened')
      return { ok: true as const }
    },
    markInboxRead: async ({ citizen, params }) => {
      await push.inboxMarker.mark(citizen, params.id, 'read')
      return { ok: true as const }
    },
  }
}
