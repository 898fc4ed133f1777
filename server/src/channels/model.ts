import mongoose, { Schema } from 'mongoose'
import type { ChannelDeliveryState, DistributionChannel, OaAccountKind } from '@zw/shared'

/**
 * A department's connected account on 公众号 or 微博, linked to its cadence publishing
 * account (the same `_id`, `channel:department`). Credentials are sealed (AES-256-GCM,
 * platform/secretBox.ts) and never leave the server; `defaultOn` preselects the channel
 * for new items.
 */
export interface ChannelAccountDoc {
  _id: string
  channel: DistributionChannel
  department: string
  name: string
  /** Sealed JSON of the credentials; null until given. */
  sealedCredentials: string | null
  /** The OA appid is not secret; kept in clear for the token cache key. */
  appId: string | null
  defaultOn: boolean
  /** Weibo: https://host of the bound safe domain, item links are made on it. */
  linkBase: string | null
  /** OA: the media_id of the default cover uploaded as permanent material. */
  coverMediaId: string | null
  /** OA: 订阅号 or 服务号 (mass-send limits differ; absent on accounts saved before it: 订阅号). */
  oaKind?: OaAccountKind | null
  createdAt: Date
  updatedAt: Date
}
export const ChannelAccountModel = mongoose.model<ChannelAccountDoc>(
  'ChannelAccount',
  new Schema<ChannelAccountDoc>(
    {
      _id: String,
      channel: { type: String, required: true },
      department: { type: String, required: true, index: true },
      name: { type: String, required: true },
      sealedCredentials: { type: String, default: null },
      appId: { type: String, default: null },
      defaultOn: { type: Boolean, required: true },
      linkBase: { type: String, default: null },
      coverMediaId: { type: String, default: null },
      oaKind: { type: String, default: null },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { collection: 'channel_accounts', versionKey: false },
  ),
)

export interface AttemptLog {
  n: number
  at: Date
  ok: boolean
  /** The platform's code (errcode / error_code; publish_status for OA publication). */
  code: number | null
  message: string
  /** The platform's own error text, as it answered (absent on successes). */
  platform?: string | null
}

/**
 * The outbox: one record per published edition and selected channel, `_id =
 * itemId:edition:channel`, written by the publication step (ADR 0020). The delivery worker
 * moves it pending → sent (OA: submitted, publishing) → live | failed. A small collection
 * (one record per item and channel), so it is updated in place; the marker of each
 * hand-over is an insert (channel_handovers).
 */
export interface ChannelDeliveryDoc {
  _id: string
  itemId: string
  edition: number
  channel: DistributionChannel
  accountId: string
  department: string
  state: ChannelDeliveryState
  /** Attempts made (a hand-over whose outcome is unknown counts). */
  attempts: number
  /** Automatic attempts allowed up to this count (an editor's 重试 raises it). */
  attemptBudget: number
  nextAttemptAt: Date
  leaseUntil: Date | null
  log: AttemptLog[]
  error: string | null
  /** OA: the draft and the publication. */
  mediaId: string | null
  publishId: string | null
  platformId: string | null
  url: string | null
  /** Counted on the account's cadence (once). */
  counted: boolean
  /** The item was withdrawn or taken down: what became of the post. */
  correction: { state: 'deleted' | 'manual'; message: string } | null
  /** The item is no longer public: nothing more is sent. */
  cancelled: boolean
  massSentAt: Date | null
  createdAt: Date
  updatedAt: Date
}
export const ChannelDeliveryModel = mongoose.model<ChannelDeliveryDoc>(
  'ChannelDelivery',
  new Schema<ChannelDeliveryDoc>(
    {
      _id: String,
      itemId: { type: String, required: true, index: true },
      edition: { type: Number, required: true },
      channel: { type: String, required: true },
      accountId: { type: String, required: true },
      department: { type: String, required: true },
      state: { type: String, required: true },
      attempts: { type: Number, required: true },
      attemptBudget: { type: Number, required: true },
      nextAttemptAt: { type: Date, required: true },
      leaseUntil: { type: Date, default: null },
      log: { type: Schema.Types.Mixed, default: [] },
      error: { type: String, default: null },
      mediaId: { type: String, default: null },
      publishId: { type: String, default: null },
      platformId: { type: String, default: null },
      url: { type: String, default: null },
      counted: { type: Boolean, default: false },
      correction: { type: Schema.Types.Mixed, default: null },
      cancelled: { type: Boolean, default: false },
      massSentAt: { type: Date, default: null },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { collection: 'channel_deliveries', versionKey: false, minimize: false },
  ).index({ state: 1, nextAttemptAt: 1 }),
)

/**
 * "Recorded before handed over" (ADR 0016): inserted just before a request that makes
 * something public (freepublish/submit, statuses/share) goes out, `_id = deliveryId:n`. A
 * marker without an outcome on its delivery means the process died mid-hand-over: the post
 * is not sent again automatically.
 */
export interface ChannelHandoverDoc {
  _id: string
  at: Date
}
export const ChannelHandoverModel = mongoose.model<ChannelHandoverDoc>(
  'ChannelHandover',
  new Schema<ChannelHandoverDoc>({ _id: String, at: { type: Date, required: true } }, { collection: 'channel_handovers', versionKey: false }),
)

/** 群发 taken: `_id = accountId:YYYY-MM-DD` (Beijing date), one a day for a subscription account. */
export interface MassSendDoc {
  _id: string
  deliveryId: string
  by: string
  at: Date
}
export const MassSendModel = mongoose.model<MassSendDoc>(
  'ChannelMassSend',
  new Schema<MassSendDoc>({ _id: String, deliveryId: { type: String, required: true }, by: { type: String, required: true }, at: { type: Date, required: true } }, { collection: 'channel_mass_sends', versionKey: false }),
)
