import { campaignActionsFor, CAMPAIGN_STATE_LABELS, type Campaign } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { NotFoundError } from '../platform/errors'
import { CampaignModel, type CampaignDoc } from './model'

/** A campaign as the workbench shows it to `staff`, with the actions they may take now. */
export function campaignViewOf(doc: CampaignDoc, staff: StaffPrincipal): Campaign {
  return {
    id: doc._id.toString(),
    name: doc.name,
    department: doc.department,
    state: doc.state,
    stateLabel: CAMPAIGN_STATE_LABELS[doc.state],
    audience: { topics: doc.audience.topics as Campaign['audience']['topics'], topicMatch: doc.audience.topicMatch, regions: doc.audience.regions, groups: doc.audience.groups as Campaign['audience']['groups'] },
    item: { id: doc.itemId, title: doc.itemTitle },
    message: doc.message,
    channels: doc.channels,
    sendAt: doc.sendAt?.toISOString() ?? null,
    urgent: doc.urgent,
    createdBy: doc.createdBy,
    approvedBy: doc.approvedBy ?? null,
    actions: campaignActionsFor(doc, staff),
    stats: doc.stats,
    waitingUntil: doc.waitingUntil?.toISOString() ?? null,
    rejection: doc.rejection ? { reason: doc.rejection.reason, by: doc.rejection.by, at: doc.rejection.at.toISOString() } : null,
    sentAt: doc.sentAt?.toISOString() ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  }
}

export async function loadCampaign(id: string): Promise<CampaignDoc> {
  const doc = await CampaignModel.findById(id).lean<CampaignDoc>()
  if (!doc) throw new NotFoundError('推送不存在')
  return doc
}
