import type { CampaignStats } from '@zw/shared'
import { DeliveryOutcomeModel, type DeliveryOutcomeDoc } from './deliveryModel'
import { CompactIdSet } from './compactIdSet'
import { emptyCampaignStats, PushDeliveryModel, PushMarkModel } from './model'

/**
 * A campaign's statistics counted again from its records: deliveries (targeted, all in
 * the inbox), their outcomes (sent by WeChat or SMS, failed by code, skipped by reason),
 * deliveries without an outcome (handed over when a sender stopped: unconfirmed), and the
 * read and link-opened marks. Used when sending resumes and when it ends, so the counters
 * kept per window during sending are exact afterwards whatever happened.
 */
export async function recountCampaign(campaignId: string): Promise<CampaignStats> {
  const stats = emptyCampaignStats()
  const delivered = new CompactIdSet()
  for await (const d of PushDeliveryModel.find({ campaignId }, { _id: 1 }).lean().cursor({ batchSize: 2000 })) delivered.add(d._id)
  stats.targeted = delivered.size
  stats.sent.inbox = delivered.size
  let withOutcome = 0
  for await (const o of DeliveryOutcomeModel.find({ campaignId }, { _id: 1, channel: 1, status: 1, code: 1 }).lean<DeliveryOutcomeDoc[]>().cursor({ batchSize: 2000 }) as AsyncIterable<DeliveryOutcomeDoc>) {
    if (!delivered.has(o._id)) continue
    withOutcome++
    if (o.status === 'sent') stats.sent[o.channel === 'sms' ? 'sms' : 'wechat'] += 1
    else if (o.status === 'capped') stats.skipped.cap += 1
    else if (o.status === 'no-consent') stats.skipped.noConsent += 1
    else if (o.status === 'failed') stats.failed[o.code ?? 'unknown'] = (stats.failed[o.code ?? 'unknown'] ?? 0) + 1
  }
  stats.unconfirmed = delivered.size - withOutcome
  stats.inboxRead = await PushMarkModel.countDocuments({ campaignId, kind: 'read' })
  stats.linkOpened = await PushMarkModel.countDocuments({ campaignId, kind: 'opened' })
  return stats
}
