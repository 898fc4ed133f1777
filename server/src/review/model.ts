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
