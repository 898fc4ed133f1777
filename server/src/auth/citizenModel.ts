import mongoose, { Schema } from 'mongoose'

/**
 * A citizen of the mini-program, known by the openid of their WeChat log-in (or, in a
 * development browser, a `dev:` name). The openid stays on the server: never in an
 * answer or a log line. Profile fields are theirs to change and delete.
 */
export interface CitizenAccountDoc {
  _id: string
  openid: string
  region: string | null
  groups: string[]
  mobile: string | null
  /** 我的订阅 (the push domain's, kept here so one pass over accounts finds an audience: docs/adr/0015). */
  subscriptions?: CitizenSubscriptionDoc[]
  /** What WeChat lets us send: acceptances counted per template (push domain; uses are separate records). */
  consents?: CitizenConsentDoc[]
  createdAt: Date
  lastLogInAt: Date
}

export interface CitizenSubscriptionDoc {
  topic: string
  region: string
  frequency: 'immediate' | 'digest'
  digestAt: string | null
}

export interface CitizenConsentDoc {
  templateId: string
  kind: 'long-term' | 'one-time'
  /** Acceptances so far (one-time: each allows one send; long-term: any means on). */
  granted: number
  /** Sends known to have used a one-time acceptance: uses 1 … usedFloor exist (raised when counted). */
  usedFloor: number
  updatedAt: Date
}
export const CitizenAccountModel = mongoose.model<CitizenAccountDoc>(
  'CitizenAccount',
  new Schema<CitizenAccountDoc>(
    {
      _id: String,
      openid: { type: String, required: true, unique: true },
      region: { type: String, default: null },
      groups: { type: [String], default: [] },
      mobile: { type: String, default: null },
      subscriptions: { type: [{ _id: false, topic: String, region: String, frequency: String, digestAt: { type: String, default: null } }], default: undefined },
      consents: { type: [{ _id: false, templateId: String, kind: String, granted: Number, usedFloor: Number, updatedAt: Date }], default: undefined },
      createdAt: { type: Date, required: true },
      lastLogInAt: { type: Date, required: true },
    },
    { collection: 'citizen_accounts', versionKey: false },
  )
    // Campaign audiences and alerts narrow the accounts by subscribed topic (`audienceFilter`); MongoDB answers that from this index.
    .index({ 'subscriptions.topic': 1 }),
)

/** One log-in of a citizen; revoking it (log-out, account deleted) ends its token at once. */
export interface CitizenSessionDoc {
  _id: string
  citizenId: string
  createdAt: Date
  expiresAt: Date
  revokedAt: Date | null
}
export const CitizenSessionModel = mongoose.model<CitizenSessionDoc>(
  'CitizenSession',
  new Schema<CitizenSessionDoc>(
    { _id: String, citizenId: { type: String, required: true, index: true }, createdAt: { type: Date, required: true }, expiresAt: { type: Date, required: true }, revokedAt: { type: Date, default: null } },
    { collection: 'citizen_sessions', versionKey: false },
  ),
)

/** Counts that outlive deleted accounts, with nothing personal in them (`deleted-accounts`). */
export const CitizenStatModel = mongoose.model<{ _id: string; count: number }>(
  'CitizenStat',
  new Schema<{ _id: string; count: number }>({ _id: String, count: { type: Number, default: 0 } }, { collection: 'citizen_stats', versionKey: false }),
)
