import type { Handlers } from '../platform/http/endpoints'
import type { ChannelAccountLister, ChannelAccountSaver } from './channelAccounts'
import type { ItemChannelsReader } from './itemChannels'
import type { DeliveryRetrier } from './deliveryRetrier'
import type { MassSender } from './massSender'

/** Thin HTTP: the binding authenticated and parsed; the services decide who may. */
export function channelHandlers(s: { lister: ChannelAccountLister; saver: ChannelAccountSaver; reader: ItemChannelsReader; retrier: DeliveryRetrier; massSender: MassSender }): Handlers {
  return {
    listChannelAccounts: ({ staff }) => s.lister.list(staff),
    saveChannelAccount: async ({ staff, params, body }) => {
      await s.saver.save(staff, params.channel, body)
      return s.lister.list(staff)
    },
    getItemChannels: ({ staff, params }) => s.reader.of(staff, params.id),
    retryChannelDelivery: async ({ staff, params }) => s.reader.of(staff, (await s.retrier.retry(staff, params.id)).itemId),
    requestMassSend: async ({ staff, params }) => s.reader.of(staff, (await s.massSender.send(staff, params.id)).itemId),
  }
}
