import type { Handlers } from '../platform/http/endpoints'
import type { ConsentLedger } from './consentLedger'
import type { ConsentRecorder } from './consentRecorder'
import type { InboxMarker, InboxReader } from './inbox'
import { subscriptionsOf, type SubscriptionSetter } from './subscriptionSetter'

/** The push domain's HTTP handlers: parse (done by the binding) and hand over to the services. */
export function pushHandlers(push: { subscriptionSetter: SubscriptionSetter; consentLedger: ConsentLedger; consentRecorder: ConsentRecorder; inboxReader: InboxReader; inboxMarker: InboxMarker }): Handlers {
  return {
    getSubscriptions: ({ citizen }) => subscriptionsOf(citizen),
    setSubscriptions: ({ citizen, body }) => push.subscriptionSetter.set(citizen, body),
    getConsents: ({ citizen }) => push.consentLedger.standing(citizen),
    recordConsents: ({ citizen, body }) => push.consentRecorder.record(citizen, body),
    getInbox: ({ citizen, query }) => push.inboxReader.list(citizen, query),
    markInboxRead: async ({ citizen, params }) => {
      await push.inboxMarker.mark(citizen, params.id, 'read')
      return { ok: true as const }
    },
  }
}
