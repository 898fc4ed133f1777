import { DISTRIBUTION_CHANNEL_LABELS, type ContentDraft, type DistributionChannel } from '@zw/shared'
import { createOnce } from '../platform/db'
import { accountIdOf } from '../cadence/publishingAccounts'
import { EditionModel, type EditionDoc } from '../review/model'
import type { EditionPublished } from '../review/publicationEvents'
import { ChannelAccountModel, ChannelDeliveryModel, type ChannelDeliveryDoc } from './model'
import type { ChannelDeps } from './channelSettings'

export const deliveryIdOf = (itemId: string, edition: number, channel: DistributionChannel) => `${itemId}:${edition}:${channel}`

/**
 * Writes the outbox of a published edition: one record per channel its (reviewed) content
 * selects, `_id = itemId:edition:channel`, pending. Runs in the publication step (a
 * listener of the review domain's PublicationEvents, before the edition is marked done),
 * so a publication left halfway is finished with its outbox; the unique `_id` makes a
 * second run write nothing (ADR 0020). A channel the item was already sent to (an earlier
 * edition) is not sent again; a channel the department has not connected gets a failed
 * record that says so (an editor retries after the admin connects it).
 */
export class OutboxWriter {
  constructor(private readonly deps: ChannelDeps) {}

  async published(e: Pick<EditionPublished, 'itemId' | 'edition' | 'department' | 'content'>): Promise<number> {
    const channels = e.content.distribution?.channels ?? []
    let written = 0
    for (const channel of new Set(channels)) {
      const _id = deliveryIdOf(e.itemId, e.edition, channel)
      if (await ChannelDeliveryModel.exists({ itemId: e.itemId, channel, _id: { $ne: _id } })) continue
      const accountId = accountIdOf(channel, e.department)
      const connected = await ChannelAccountModel.exists({ _id: accountId, sealedCredentials: { $ne: null } })
      const now = this.deps.now()
      const doc: ChannelDeliveryDoc = {
        _id,
        itemId: e.itemId,
        edition: e.edition,
        channel,
        accountId,
        department: e.department,
        state: connected ? 'pending' : 'failed',
        attempts: 0,
        attemptBudget: this.deps.settings.retry.maxAttempts,
        nextAttemptAt: now,
        leaseUntil: null,
        log: [],
        error: connected ? null : `本部门尚未连接${DISTRIBUTION_CHANNEL_LABELS[channel]}账号，请部门管理员在「渠道账号」中连接后重试`,
        mediaId: null,
        publishId: null,
        platformId: null,
        url: null,
        counted: false,
        correction: null,
        cancelled: false,
        massSentAt: null,
        createdAt: now,
        updatedAt: now,
      }
      if (await createOnce(ChannelDeliveryModel, doc)) written++
    }
    return written
  }

  /**
   * The sweeper (a job): published editions of the last `days` whose content selects
   * channels but whose outbox records are missing (written by a version before this one, or
   * lost to a failure between the publication and its listener) get them.
   */
  async sweep(days = 7): Promise<number> {
    const since = new Date(this.deps.now().getTime() - days * 86_400_000)
    const editions = await EditionModel.find(
      { state: { $in: ['published', 'superseded'] }, itemPublished: true, publishedAt: { $gte: since }, 'content.distribution.channels.0': { $exists: true } },
      { itemId: 1, number: 1, department: 1, content: 1 },
    ).lean<Pick<EditionDoc, 'itemId' | 'number' | 'department' | 'content'>[]>()
    let written = 0
    for (const e of editions) written += await this.published({ itemId: e.itemId.toString(), edition: e.number, department: e.department, content: e.content as ContentDraft })
    return written
  }
}
