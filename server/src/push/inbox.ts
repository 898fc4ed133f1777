import mongoose from 'mongoose'
import { departmentNameOf, type Inbox } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { createOnce } from '../platform/db'
import { NotFoundError } from '../platform/errors'
import { decodeCursor, encodeCursor } from '../platform/http/cursor'
import { CampaignModel, messageOfCampaign, PushDeliveryModel, PushMarkModel, type CampaignDoc, type PushDeliveryDoc } from './model'

type InboxCursor = { at: number; id: string }
const isInboxCursor = (v: unknown): v is InboxCursor => typeof v === 'object' && v !== null && typeof (v as InboxCursor).at === 'number' && typeof (v as InboxCursor).id === 'string'

/** 我的消息: every push to the citizen, newest first, with what they have read. */
export class InboxReader {
  async list(citizen: CitizenPrincipal, query: { cursor?: string; limit: number }): Promise<Inbox> {
    const after = query.cursor ? decodeCursor(query.cursor, isInboxCursor) : undefined
    const filter = after ? { citizenId: citizen.id, $or: [{ at: { $lt: new Date(after.at) } }, { at: new Date(after.at), _id: { $lt: after.id } }] } : { citizenId: citizen.id }
    const page = await PushDeliveryModel.find(filter).sort({ at: -1, _id: -1 }).limit(query.limit + 1).lean<PushDeliveryDoc[]>()
    const shown = page.slice(0, query.limit)
    const reads = new Set((await PushMarkModel.find({ citizenId: citizen.id, kind: 'read' }, { _id: 1 }).lean()).map((m) => m._id))
    const total = await PushDeliveryModel.countDocuments({ citizenId: citizen.id })
    const last = shown.at(-1)
    const ids = [...new Set(shown.map((d) => d.campaignId))].filter((id) => mongoose.isObjectIdOrHexString(id))
    const campaigns = new Map((await CampaignModel.find({ _id: { $in: ids } }, { kind: 1, department: 1, itemPage: 1, message: 1 }).lean<CampaignDoc[]>()).map((c) => [c._id.toString(), c]))
    return {
      messages: shown.flatMap((d) => {
        const campaign = campaigns.get(d.campaignId)
        const words = d.own ?? (campaign && messageOfCampaign(campaign))
        if (!words) return []
        return [{ id: d._id, ...words, department: campaign ? departmentNameOf(campaign.department) : '', at: d.at.toISOString(), read: reads.has(`${d._id}:read`), correction: campaign?.kind === 'correction' }]
      }),
      unread: Math.max(0, total - reads.size),
      nextCursor: page.length > query.limit && last ? encodeCursor({ at: last.at.getTime(), id: last._id }) : null,
    }
  }
}

/** Marks what a citizen did with a message they received — read it, opened its link — once each (counted on the campaign once). */
export class InboxMarker {
  constructor(private readonly now: () => Date) {}

  /** Whether this is the first such mark (the caller counts it). Someone else's message is not found. */
  async mark(citizen: CitizenPrincipal, deliveryId: string, kind: 'read' | 'opened'): Promise<{ first: boolean; campaignId: string }> {
    const delivery = await PushDeliveryModel.findById(deliveryId).lean<PushDeliveryDoc>()
    if (!delivery || delivery.citizenId !== citizen.id) throw new NotFoundError('没有这条消息')
    const first = await createOnce(PushMarkModel, { _id: `${deliveryId}:${kind}`, citizenId: citizen.id, campaignId: delivery.campaignId, kind, at: this.now() })
    if (first && mongoose.isObjectIdOrHexString(delivery.campaignId)) await CampaignModel.updateOne({ _id: delivery.campaignId }, { $inc: { [kind === 'read' ? 'stats.inboxRead' : 'stats.linkOpened']: 1 } })
    return { first, campaignId: delivery.campaignId }
  }
}
