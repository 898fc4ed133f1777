import mongoose, { Schema } from 'mongoose'
import type { CampaignState, CampaignStats } from '@zw/shared'

/**
 * Per-recipient facts of push, each an insert under a unique `_id` that says what it
 * claims (docs/adr/0015): never updated on the sending path.
 */

/** What a message says: its campaign's (`messageOfCampaign`), or its own when it differs per citizen (digests). */
export interface PushMessageContent {
  title: string
  text: string
  /** Mini-program page with the campaign token, or null. */
  link: string | null
}

/**
 * One message to one citizen: `_id` = `campaignId:citizenId`. Also the citizen's inbox
 * entry. The words are stored only when they are the citizen's own (a digest); otherwise
 * they are the campaign's, read from it (the record stays small: it is written on the
 * sending path, ADR 0015).
 */
export interface PushDeliveryDoc {
  _id: string
  campaignId: string
  citizenId: string
  at: Date
  /** The citizen's own words, or null for the campaign's. */
  own: PushMessageContent | null
  /** How it goes out, decided before it was recorded (the daily cap and consent taken). */
  via?: DeliveryRoute
  /** `sender:window:index` (`sender:window` before 2026-11-22): which sender recorded it, in which window, at which place (the hand-over log, ADR 0016). */
  h?: string
}
/** WeChat, SMS, or the inbox only (capped, no consent left, no way out chosen). */
export type DeliveryRoute = 'wechat' | 'sms' | 'capped' | 'no-consent' | 'inbox-only'
export const PushDeliveryModel = mongoose.model<PushDeliveryDoc>(
  'PushDelivery',
  new Schema<PushDeliveryDoc>(
    {
      _id: String,
      campaignId: { type: String, required: true, index: true },
      citizenId: { type: String, required: true },
      at: { type: Date, required: true },
      own: { type: new Schema<PushMessageContent>({ title: String, text: String, link: { type: String, default: null } }, { _id: false }), default: null },
      via: String,
      h: String,
    },
    { collection: 'push_deliveries', versionKey: false },
  ).index({ citizenId: 1, at: -1 }),
)

/** One use of a one-time consent: `_id` = `citizenId:templateId:n` (n = 1 … acceptances), or `…:up:g` when WeChat said none is left after g acceptances. */
export interface ConsentUseDoc {
  _id: string
  citizenId: string
  at: Date
  /** The delivery that used it (none for used-up marks). */
  deliveryId?: string
}
export const ConsentUseModel = mongoose.model<ConsentUseDoc>(
  'PushConsentUse',
  new Schema<ConsentUseDoc>({ _id: String, citizenId: { type: String, required: true, index: true }, at: Date, deliveryId: String }, { collection: 'push_consent_uses', versionKey: false }),
)

/** Something a citizen did with a delivered message, once: `_id` = `deliveryId:read` or `deliveryId:opened`. */
export interface PushMarkDoc {
  _id: string
  citizenId: string
  campaignId: string
  kind: 'read' | 'opened'
  at: Date
}
export const PushMarkModel = mongoose.model<PushMarkDoc>(
  'PushMark',
  new Schema<PushMarkDoc>(
    { _id: String, citizenId: { type: String, required: true, index: true }, campaignId: { type: String, required: true }, kind: { type: String, required: true }, at: Date },
    { collection: 'push_marks', versionKey: false },
  ),
)

/** A push campaign (精准推送): who, what, when, its approval and its counters. */
export interface CampaignDoc {
  _id: mongoose.Types.ObjectId
  /**
   * `campaign`: written by a department and approved; `alert`: made when an item is
   * published, for its subscribers (approved with the item); `correction`: made when an
   * item that was pushed is withdrawn, taken down or revised, for those who received it;
   * `digest`: one day's 每天汇总 at one time of day, a message of its own to each;
   * `notice`: a message about something of the citizen's own (a reply to their 留言, the
   * feedback on a consultation they commented on), sent by CitizenNotifier, never capped.
   */
  kind: 'campaign' | 'alert' | 'correction' | 'digest' | 'notice'
  /** Unique: `campaign:<id>`, `alert:<itemId>:<edition>`, `correction:<itemId>:<what>` (a listener run twice makes one). */
  key: string
  /** Of a correction: the campaigns whose recipients it goes to. */
  sourceCampaigns: string[]
  /** Of an alert: the item's topics and areas. */
  itemTags: { topics: string[]; regions: string[] } | null
  name: string
  department: string
  state: CampaignState
  audience: { topics: string[]; topicMatch: 'any' | 'all'; regions: string[]; groups: string[] }
  itemId: string
  itemTitle: string
  /** The mini-program page of the item (pages/policy/index?id=…). */
  itemPage: string
  message: { title: string; text: string }
  channels: { wechat: boolean; sms: boolean }
  sendAt: Date | null
  urgent: boolean
  /** Everyone who wrote or submitted it (none of them may approve it). */
  makers: string[]
  createdBy: { id: string; name: string }
  approvedBy: { id: string; name: string } | null
  stats: CampaignStats
  /** Sending: who holds it and until when (a dead sender's campaign is taken over after). */
  lease: { owner: string; until: Date } | null
  /** How many times sending started (more than one: resumed after a pause or a crash). */
  runs: number
  /** Held back by the quiet hours until then (not urgent). */
  waitingUntil: Date | null
  rejection: { reason: string; by: string; at: Date } | null
  sentAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export const emptyCampaignStats = (): CampaignStats => ({ targeted: 0, sent: { wechat: 0, sms: 0, inbox: 0 }, failed: {}, skipped: { cap: 0, noConsent: 0 }, unconfirmed: 0, inboxRead: 0, linkOpened: 0 })

export const CampaignModel = mongoose.model<CampaignDoc>(
  'PushCampaign',
  new Schema<CampaignDoc>(
    {
      kind: { type: String, default: 'campaign' },
      key: { type: String, required: true, unique: true },
      sourceCampaigns: { type: [String], default: [] },
      itemTags: { type: { topics: [String], regions: [String] }, default: null },
      name: String,
      department: { type: String, required: true, index: true },
      state: { type: String, required: true },
      audience: { topics: [String], topicMatch: String, regions: [String], groups: [String] },
      itemId: String,
      itemTitle: String,
      itemPage: String,
      message: { title: String, text: String },
      channels: { wechat: Boolean, sms: Boolean },
      sendAt: { type: Date, default: null },
      urgent: { type: Boolean, default: false },
      makers: [String],
      createdBy: { id: String, name: String },
      approvedBy: { type: { id: String, name: String }, default: null },
      stats: { type: Schema.Types.Mixed, default: emptyCampaignStats },
      lease: { type: { owner: String, until: Date }, default: null },
      runs: { type: Number, default: 0 },
      waitingUntil: { type: Date, default: null },
      rejection: { type: { reason: String, by: String, at: Date }, default: null },
      sentAt: { type: Date, default: null },
      createdAt: Date,
      updatedAt: Date,
    },
    { collection: 'push_campaigns', versionKey: false, minimize: false },
  ),
)

/** Who gets a digest at a time of day (`_id` = `HH:mm` Beijing): one small document per minute used, read by `_id`. */
export interface DigestSlotDoc {
  _id: string
  citizens: string[]
}
export const DigestSlotModel = mongoose.model<DigestSlotDoc>(
  'PushDigestSlot',
  new Schema<DigestSlotDoc>({ _id: String, citizens: { type: [String], default: [] } }, { collection: 'push_digest_slots', versionKey: false }),
)

/** Keeps the digest slots in step with a citizen's subscriptions (their digest times; none after deletion). */
export async function setDigestTimes(citizenId: string, times: readonly string[]): Promise<void> {
  await DigestSlotModel.updateMany({ citizens: citizenId }, { $pull: { citizens: citizenId } })
  for (const time of new Set(times)) await DigestSlotModel.updateOne({ _id: time }, { $addToSet: { citizens: citizenId } }, { upsert: true })
}

/** The words of a campaign's message to everyone it reaches, with its page link carrying the campaign token. */
export function messageOfCampaign(campaign: Pick<CampaignDoc, '_id' | 'itemPage' | 'message'>): PushMessageContent {
  return { title: campaign.message.title, text: campaign.message.text, link: campaign.itemPage ? `${campaign.itemPage}&c=${campaign._id.toString()}` : null }
}
