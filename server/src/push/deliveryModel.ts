import mongoose, { Schema } from 'mongoose'

/**
 * How one delivery ended: `_id` = the delivery's. Written once after the attempt (an
 * insert, like the delivery itself; docs/adr/0015). A delivery without an outcome after
 * its sender stopped was handed over but not confirmed ("unconfirmed"): it is never sent
 * again, so nobody gets a message twice.
 */
export interface DeliveryOutcomeDoc {
  _id: string
  campaignId: string
  citizenId: string
  /** Which way it was pushed: WeChat, SMS, or none (inbox only). */
  channel: 'wechat' | 'sms' | 'inbox'
  status: 'sent' | 'failed' | 'no-consent' | 'capped' | 'inbox-only'
  /** The platform's code of the last attempt (WeChat errcode, SMS code). */
  code: string | null
  attempts: { at: Date; code: string }[]
  at: Date
}
export const DeliveryOutcomeModel = mongoose.model<DeliveryOutcomeDoc>(
  'PushDeliveryOutcome',
  new Schema<DeliveryOutcomeDoc>(
    {
      _id: String,
      campaignId: { type: String, required: true, index: true },
      citizenId: { type: String, required: true },
      channel: String,
      status: String,
      code: { type: String, default: null },
      attempts: [{ _id: false, at: Date, code: String }],
      at: Date,
    },
    { collection: 'push_delivery_outcomes', versionKey: false },
  ),
)

/** One push slot of a citizen's day (`day:citizenId:n`, n = 1 … cap): taking one is what the daily cap counts. */
export interface DaySlotDoc {
  _id: string
  citizenId: string
  deliveryId: string
  at: Date
}
export const DaySlotModel = mongoose.model<DaySlotDoc>(
  'PushDaySlot',
  new Schema<DaySlotDoc>({ _id: String, citizenId: { type: String, required: true, index: true }, deliveryId: String, at: Date }, { collection: 'push_day_slots', versionKey: false }),
)
