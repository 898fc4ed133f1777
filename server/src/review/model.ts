import mongoose, { Schema, type Types } from 'mongoose'
import type { ContentDraft, EditionState, ReviewCheck } from '@zw/shared'

export interface FindingOverride {
  key: string
  staffId: string
  name: string
  reason: string
  at: Date
}

/**
 * One edition of a content item: the content proposed, where it is in the workflow
 * (shared/src/rules/editionWorkflow.ts), who made it and who reviewed it. The public
 * item (content_items) takes the content only when the edition is published.
 */
export interface EditionDoc {
  _id: Types.ObjectId
  itemId: Types.ObjectId
  number: number
  state: EditionState
  department: string
  content: ContentDraft
  /** Staff ids of everyone who wrote or submitted it (maker–checker). */
  makers: string[]
  submittedBy: string | null
  submittedAt: Date | null
  submitNote: string | null
  rejection: { failed: ReviewCheck[]; reasons: string; by: string; at: Date } | null
  approval: { by: string; at: Date; checklist: Record<ReviewCheck, true> } | null
  overrides: FindingOverride[]
  publishedAt: Date | null
  /** When a scheduled edition is to be published (UTC). */
  scheduledAt: Date | null
  /** Set when a department admin published it without review (强制发布). */
  forced: { by: string; reason: string; at: Date; dueOn: string | null } | null
  /** Editions after the first: what changed (public), or null when `minor`. */
  changeNote: string | null
  minor: boolean
  /** Its item took its content and went public (set after the edition moved to published; a crash in between is repaired). */
  itemPublished: boolean
  createdAt: Date
  updatedAt: Date
}

const editionSchema = new Schema<EditionDoc>(
  {
    itemId: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    state: { type: String, required: true },
    department: { type: String, required: true },
    content: { type: Schema.Types.Mixed, required: true },
    makers: { type: [String], required: true },
    submittedBy: { type: String, default: null },
    submittedAt: { type: Date, default: null },
    submitNote: { type: String, default: null },
    rejection: { type: Schema.Types.Mixed, default: null },
    approval: { type: Schema.Types.Mixed, default: null },
    overrides: { type: Schema.Types.Mixed, default: [] },
    publishedAt: { type: Date, default: null },
    scheduledAt: { type: Date, default: null },
    itemPublished: { type: Boolean, default: false },
    forced: { type: Schema.Types.Mixed, default: null },
    changeNote: { type: String, default: null },
    minor: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'content_editions', versionKey: false, minimize: false },
)
editionSchema.index({ itemId: 1, number: 1 }, { unique: true })
editionSchema.index({ department: 1, state: 1, updatedAt: -1 })
editionSchema.index({ makers: 1, state: 1 })
editionSchema.index({ state: 1, scheduledAt: 1 })
editionSchema.index({ state: 1, itemPublished: 1 })
export const EditionModel = mongoose.model<EditionDoc>('Edition', editionSchema)

/**
 * 强制发布事后审核: a reviewer of the department (not the admin who forced it, nor its
 * author) reviews a force-published edition after the fact, by `dueOn`.
 */
export interface RetrospectiveTaskDoc {
  _id: Types.ObjectId
  department: string
  editionId: Types.ObjectId
  itemId: Types.ObjectId
  title: string
  reason: string
  forcedBy: string
  /** Staff who may not take it: the admin who forced it and the edition's makers. */
  excluded: string[]
  createdAt: Date
  /** Beijing date; null when the working-day calendar had no data for the year. */
  dueOn: string | null
  state: 'open' | 'done'
  outcome: 'confirmed' | 'needs-action' | null
  note: string | null
  doneBy: string | null
  doneAt: Date | null
}

const retrospectiveTaskSchema = new Schema<RetrospectiveTaskDoc>(
  {
    department: { type: String, required: true },
    editionId: { type: Schema.Types.ObjectId, required: true, unique: true },
    itemId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    reason: { type: String, required: true },
    forcedBy: { type: String, required: true },
    excluded: { type: [String], required: true },
    createdAt: { type: Date, required: true },
    dueOn: { type: String, default: null },
    state: { type: String, required: true },
    outcome: { type: String, default: null },
    note: { type: String, default: null },
    doneBy: { type: String, default: null },
    doneAt: { type: Date, default: null },
  },
  { collection: 'retrospective_reviews', versionKey: false },
)
retrospectiveTaskSchema.index({ department: 1, state: 1, createdAt: 1 })
export const RetrospectiveTaskModel = mongoose.model<RetrospectiveTaskDoc>('RetrospectiveTask', retrospectiveTaskSchema)
