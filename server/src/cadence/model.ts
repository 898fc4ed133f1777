import mongoose, { Schema } from 'mongoose'
import { PUBLISHING_CHANNELS, type ColumnKind, type PublishingChannel } from '@zw/shared'

export const CHANNELS = PUBLISHING_CHANNELS
export type Channel = PublishingChannel

/**
 * A department's presence on one channel, with its update rule: at least `minPerWeek`
 * counted updates per ISO week (Asia/Shanghai), and never more than `maxGapDays` days
 * without one. A paused account (being closed, say) gets no warnings; reports show why.
 */
export interface PublishingAccountDoc {
  /** `channel:department` for a department's own account on a channel. */
  _id: string
  department: string
  channel: Channel
  name: string
  minPerWeek: number
  maxGapDays: number
  /** Absent or null when active. */
  paused?: { reason: string; at: Date; by: string } | null
  /** The last publication that counts as an update (kept by the recorder; none yet: null). */
  lastUpdateAt?: Date | null
  createdAt: Date
}
export const PublishingAccountModel = mongoose.model<PublishingAccountDoc>(
  'PublishingAccount',
  new Schema<PublishingAccountDoc>(
    {
      _id: String,
      department: { type: String, required: true, index: true },
      channel: { type: String, required: true },
      name: { type: String, required: true },
      minPerWeek: { type: Number, required: true },
      maxGapDays: { type: Number, required: true },
      paused: { type: Schema.Types.Mixed, default: null },
      lastUpdateAt: { type: Date, default: null },
      createdAt: { type: Date, required: true },
    },
    { collection: 'publishing_accounts', versionKey: false },
  ),
)

/**
 * One publication on an account: an item going public or a revision of it, with what the
 * weekly count needs to know (minor, taken down as published in error, a re-post of
 * which item). Written when the edition is published, once per account and edition.
 */
export interface AccountPublicationDoc {
  /** `accountId:itemId:edition`. */
  _id: string
  accountId: string
  itemId: string
  edition: number
  /** The column (栏目) of the account it appeared in: on the mini-program, its content type. */
  column: string
  title: string
  /** The comparable text, for finding re-posts of the same content. */
  text: string
  at: Date
  week: string
  minor: boolean
  unpublishedInError: boolean
  duplicateOf: string | null
  /** Whether it counts as an update now (`countsAsUpdate` of shared/src/rules/cadence.ts, kept with the fields it reads). */
  counts: boolean
}
export const AccountPublicationModel = mongoose.model<AccountPublicationDoc>(
  'AccountPublication',
  new Schema<AccountPublicationDoc>(
    {
      _id: String,
      accountId: { type: String, required: true },
      itemId: { type: String, required: true },
      edition: { type: Number, required: true },
      column: { type: String, required: true },
      title: String,
      text: String,
      at: { type: Date, required: true },
      week: { type: String, required: true },
      minor: Boolean,
      unpublishedInError: Boolean,
      duplicateOf: { type: String, default: null },
      counts: { type: Boolean, required: true },
    },
    { collection: 'account_publications', versionKey: false },
  )
    // A department's accounts over a window of weeks (dashboard, counter).
    .index({ accountId: 1, week: 1 })
    // Every account over a window of weeks (the platform overview).
    .index({ week: 1 })
    .index({ accountId: 1, at: -1 })
    .index({ itemId: 1 }),
)

/**
 * A column (栏目) of an account, with how long it may go without an update (by kind,
 * shared/src/catalogue/columns.ts, or its own); its last counted update is kept by the
 * recorder. A column the account does not run is marked inactive, not deleted.
 */
export interface AccountColumnDoc {
  /** `accountId:code`. */
  _id: string
  accountId: string
  department: string
  code: string
  name: string
  kind: ColumnKind
  staleAfterDays: number
  active: boolean
  lastUpdateAt: Date | null
  /** Posts recorded in it and not taken down (the mini-program's columns count public items instead). */
  recordedPosts?: number
  createdAt: Date
}
export const AccountColumnModel = mongoose.model<AccountColumnDoc>(
  'AccountColumn',
  new Schema<AccountColumnDoc>(
    {
      _id: String,
      accountId: { type: String, required: true, index: true },
      department: { type: String, required: true },
      code: { type: String, required: true },
      name: { type: String, required: true },
      kind: { type: String, required: true },
      staleAfterDays: { type: Number, required: true },
      active: { type: Boolean, required: true },
      lastUpdateAt: { type: Date, default: null },
      recordedPosts: { type: Number, default: 0 },
      createdAt: { type: Date, required: true },
    },
    { collection: 'account_columns', versionKey: false },
  ),
)

/**
 * Counted updates of every account in one ISO week (`counts[accountId]`): what the
 * dashboards, checks and reports read, one small document per week however long the
 * history (the embedded FerretDB scans a collection for any filter but `_id`, so the
 * growing publication records are written and only rarely read). Kept by the recorder;
 * the weekly report recounts the finished week from the records.
 */
export interface WeekTallyDoc {
  /** The ISO week, `2026-W48`. */
  _id: string
  counts: Record<string, number>
}
export const WeekTallyModel = mongoose.model<WeekTallyDoc>(
  'WeekTally',
  new Schema<WeekTallyDoc>({ _id: String, counts: { type: Schema.Types.Mixed, default: {} } }, { collection: 'cadence_week_tallies', versionKey: false, minimize: false }),
)

/** An account's publications of the last 30 days, which a new one is compared with to find re-posts. */
export interface RecentTextsDoc {
  /** The account. */
  _id: string
  recent: { itemId: string; at: Date; text: string }[]
}
export const RecentTextsModel = mongoose.model<RecentTextsDoc>(
  'RecentTexts',
  new Schema<RecentTextsDoc>({ _id: String, recent: { type: Schema.Types.Mixed, default: [] } }, { collection: 'account_recent_texts', versionKey: false, minimize: false }),
)

export const WARNING_KINDS = ['weekly-forecast', 'weekly-escalation', 'floor-urgent', 'floor-breach'] as const
export type WarningKind = (typeof WARNING_KINDS)[number]

/**
 * A warning about an account: short of its weekly minimum at mid-week (to its editors) or
 * still short late in the week (to its department admin), 10 days without an update
 * (urgent) or past its floor (a breach, kept for reports). One per account and week (or
 * per gap): the `_id` makes a repeated or caught-up run write nothing twice.
 */
export interface CadenceWarningDoc {
  /** `kind:accountId:week` or `kind:accountId:since-<last counted update, ISO>`. */
  _id: string
  kind: WarningKind
  accountId: string
  department: string
  /** The ISO week (weekly kinds) or the week the gap was found in. */
  week: string
  audience: 'editors' | 'department-admin'
  createdAt: Date
  details: { published?: number; forecast?: number; minimum?: number; missing?: number; inReview?: { editionId: string; title: string; state: string }[]; daysWithoutUpdate?: number; lastUpdateAt?: Date | null }
}
export const CadenceWarningModel = mongoose.model<CadenceWarningDoc>(
  'CadenceWarning',
  new Schema<CadenceWarningDoc>(
    {
      _id: String,
      kind: { type: String, required: true },
      accountId: { type: String, required: true },
      department: { type: String, required: true },
      week: { type: String, required: true },
      audience: { type: String, required: true },
      createdAt: { type: Date, required: true },
      details: { type: Schema.Types.Mixed, default: {} },
    },
    { collection: 'cadence_warnings', versionKey: false, minimize: false },
  )
    .index({ department: 1, createdAt: -1 })
    // Breaches of a quarter (the overview).
    .index({ kind: 1, createdAt: -1 }),
)

/** The weekly report (Monday 09:00) of one past ISO week: one document per week. */
export interface CadenceReportDoc {
  /** The week reported on. */
  _id: string
  createdAt: Date
  accounts: { accountId: string; department: string; name: string; published: number; minimum: number; compliant: boolean; paused: boolean; streak: number }[]
  departments: { department: string; accounts: number; compliant: number; rate: number }[]
  /** Floor breaches recorded during the week. */
  breaches: { accountId: string; department: string; daysWithoutUpdate: number; at: Date }[]
}
export const CadenceReportModel = mongoose.model<CadenceReportDoc>(
  'CadenceReport',
  new Schema<CadenceReportDoc>({ _id: String, createdAt: Date, accounts: Schema.Types.Mixed, departments: Schema.Types.Mixed, breaches: Schema.Types.Mixed }, { collection: 'cadence_reports', versionKey: false, minimize: false }),
)

/**
 * One-off upgrades of the cadence records that have been done (`_id` names the upgrade),
 * so a start-up does not look for work again: on the embedded FerretDB that look is a
 * scan of every publication record.
 */
export const CadenceUpgradeModel = mongoose.model<{ _id: string; at: Date }>(
  'CadenceUpgrade',
  new Schema<{ _id: string; at: Date }>({ _id: String, at: { type: Date, required: true } }, { collection: 'cadence_upgrades', versionKey: false }),
)
