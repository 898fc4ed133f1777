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
  createdAt: Date
  lastLogInAt: Date
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
      createdAt: { type: Date, required: true },
      lastLogInAt: { type: Date, required: true },
    },
    { collection: 'citizen_accounts', versionKey: false },
  ),
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
