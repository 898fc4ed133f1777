import mongoose, { Schema } from 'mongoose'

/**
 * Per-recipient facts of push, each an insert under a unique `_id` that says what it
 * claims (docs/adr/0015): never updated on the sending path.
 */

/** One message to one citizen: `_id` = `campaignId:citizenId`. Also the citizen's inbox entry. */
export interface PushDeliveryDoc {
  _id: string
  campaignId: string
  citizenId: string
  at: Date
  title: string
  text: string
  /** Mini-program page with the campaign token, or null. */
  link: string | null
  department: string
  /** A correction notice about an earlier message. */
  correction: boolean
}
export const PushDeliveryModel = mongoose.model<PushDeliveryDoc>(
  'PushDelivery',
  new Schema<PushDeliveryDoc>(
    {
      _id: String,
      campaignId: { type: String, required: true, index: true },
      citizenId: { type: String, required: true },
      at: { type: Date, required: true },
      title: String,
      text: String,
      link: { type: String, default: null },
      department: String,
      correction: { type: Boolean, default: false },
    },
    { collection: 'push_deliveries', versionKey: false },
  ).index({ citizenId: 1, at: -1 }),
)

/** One use of a one-time consent: `_id` = `citizenId:templateId:n` (n = 1 … acceptances), or `…:up:g` when WeChat said none is left after g acceptances. */
export interface ConsentUseDoc {
  _id: string
  citizenId: string
  at: Date
}
export const ConsentUseModel = mongoose.model<ConsentUseDoc>(
  'PushConsentUse',
  new Schema<ConsentUseDoc>({ _id: String, citizenId: { type: String, required: true, index: true }, at: Date }, { collection: 'push_consent_uses', versionKey: false }),
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
