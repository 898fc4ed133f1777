import mongoose, { Schema, Types } from 'mongoose'
import type { ContentStatus, ContentType, PublicationEvent } from '@zw/shared'

/** One indexed term of an item and the fields it occurs in (bit mask, see FIELD). */
/** One term of an item's search index and the fields it occurs in (a FIELD mask). */
export interface SearchTerm {
  t: string
  f: number
}

/** Field bits of a search term. Title matches rank highest. */
export const FIELD = { title: 1, summary: 2, extra: 4, body: 8 } as const

export interface ContentItemDoc {
  _id: Types.ObjectId
  type: ContentType
  status: ContentStatus
  title: string
  department: string
  topics: string[]
  regions: string[]
  summary: string
  /** Sanitised HTML. */
  body: string
  attachments: { name: string; url: string; mime: string; size: number }[]
  links: { title: string; url: string }[]
  policy?: Record<string, unknown> & { indexNumber: string; publishedOn?: string; disclosure: string; validity: { status: string; supersededBy?: string } }
  interpretation?: Record<string, unknown> & { policyIds: string[]; form: string }
  guide?: Record<string, unknown>
  publishedAt?: Date
  createdAt: Date
  updatedAt: Date
  /** Bumped on every change of the item; part of its ETag. */
  version: number
  /** The content-change sequence number of its last change (read models catch up by it). */
  changeSeq: number
  views: number
  /**
   * The search index, kept with the item: its distinct terms (a multikey index in the
   * database), and in `termFields` the fields each occurs in, one hex digit per term (a
   * FIELD mask) — a string, because FerretDB reads an array of sub-documents about five
   * times slower than an array of strings, and the read model reads every item at start
   * (ADR 0021). Items written before this kept `{ t, f }` pairs; `searchTermsOf` reads both.
   */
  searchTerms: string[] | SearchTerm[]
  termFields?: string
  /** Plain text for search snippets, by field (summary, lead of the body, Q&A, guide). */
  snippetParts: SnippetPart[]
  /** 发布记录 as the public sees it (UTC dates), oldest first. */
  publicHistory?: { kind: PublicationEvent; at: Date; note?: string }[]
  /** The number of the edition whose content is live (editions replace it only in order). */
  liveEdition?: number
  /** Of a withdrawn item: the explanation shown on its page. */
  withdrawal?: { explanation: string; at: Date }
}

export interface SnippetPart {
  f: 'summary' | 'body' | 'qa' | 'guide'
  x: string
}

const contentItemSchema = new Schema<ContentItemDoc>(
  {
    type: { type: String, required: true, enum: ['policy', 'interpretation', 'guide'] },
    status: { type: String, required: true, enum: ['draft', 'published', 'withdrawn', 'unpublished'] },
    title: { type: String, required: true },
    department: { type: String, required: true },
    topics: { type: [String], required: true },
    regions: { type: [String], required: true },
    summary: { type: String, default: '' },
    body: { type: String, default: '' },
    attachments: { type: [{ _id: false, name: String, url: String, mime: String, size: Number }], default: [] },
    links: { type: [{ _id: false, title: String, url: String }], default: [] },
    policy: { type: Schema.Types.Mixed },
    publicHistory: { type: Schema.Types.Mixed, default: [] },
    liveEdition: { type: Number },
    withdrawal: { type: Schema.Types.Mixed },
    interpretation: { type: Schema.Types.Mixed },
    guide: { type: Schema.Types.Mixed },
    publishedAt: Date,
    version: { type: Number, required: true, default: 1 },
    changeSeq: { type: Number, required: true, default: 0 },
    views: { type: Number, required: true, default: 0 },
    searchTerms: { type: Schema.Types.Mixed, default: [] },
    termFields: { type: String, default: '' },
    snippetParts: { type: [{ _id: false, f: String, x: String }], default: [] },
  },
  { collection: 'content_items', timestamps: true, versionKey: false, minimize: false },
)
contentItemSchema.index({ status: 1, publishedAt: -1 })
contentItemSchema.index({ department: 1, updatedAt: -1 })
contentItemSchema.index({ searchTerms: 1 }) // multikey: the search index in the database

export const ContentItem = mongoose.model<ContentItemDoc>('ContentItem', contentItemSchema)

/** Named counters (`content-change`, `index-number:<prefix>:<year>`), incremented atomically. */
const counterSchema = new Schema<{ _id: string; seq: number }>({ _id: String, seq: Number }, { collection: 'counters', versionKey: false })
export const Counter = mongoose.model('Counter', counterSchema)

/** One change of one content item, numbered; read models replay them in order. */
const contentChangeSchema = new Schema<{ _id: number; itemId: Types.ObjectId; at: Date }>(
  { _id: Number, itemId: { type: Schema.Types.ObjectId, required: true }, at: { type: Date, required: true } },
  { collection: 'content_changes', versionKey: false },
)
export const ContentChange = mongoose.model('ContentChange', contentChangeSchema)

/** 索引号 reservations: the unique `_id` makes each number belong to one item. */
const indexNumberSchema = new Schema<{ _id: string; itemId: Types.ObjectId; at: Date }>(
  { _id: String, itemId: { type: Schema.Types.ObjectId, required: true }, at: { type: Date, required: true } },
  { collection: 'index_numbers', versionKey: false },
)
export const IndexNumber = mongoose.model('IndexNumber', indexNumberSchema)

/** One counted view: id = item, hashed visitor, Beijing date. */
const contentViewSchema = new Schema<{ _id: string; at: Date }>({ _id: String, at: Date }, { collection: 'content_views', versionKey: false })
export const ContentView = mongoose.model('ContentView', contentViewSchema)

export async function nextSequence(name: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const doc = await Counter.findOneAndUpdate({ _id: name }, { $inc: { seq: 1 } }, { upsert: true, new: true }).lean()
      return doc!.seq
    } catch (err) {
      // Two first uses of a counter at once: both upsert, one insert loses on the unique
      // _id. The counter exists now; incrementing it again is safe.
      if ((err as { code?: number }).code !== 11000 || attempt >= 3) throw err
    }
  }
}

export async function currentSequence(name: string): Promise<number> {
  const doc = await Counter.findById(name).lean()
  return doc?.seq ?? 0
}
