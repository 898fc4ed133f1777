import type { Types } from 'mongoose'
import type { ContentDraft } from '@zw/shared'
import { recordContentChange } from './changes'
import { ContentItem } from './model'
import { sanitizeBody } from './sanitize'
import { indexFields } from './search/indexFields'

/** The item fields an edition's content sets: sanitised body, fresh search terms; status, 索引号 and dates untouched. */
function contentFields(draft: ContentDraft, now: Date): Record<string, unknown> {
  const body = sanitizeBody(draft.body)
  const { searchTerms, termFields, snippetParts } = indexFields({ ...draft, body })
  const { title, topics, regions, summary, attachments, links } = draft
  const set: Record<string, unknown> = { title, topics, regions, summary, body, attachments, links, searchTerms, termFields, snippetParts, updatedAt: now }
  if (draft.type === 'policy') for (const [k, v] of Object.entries(draft.policy)) set[`policy.${k}`] = v
  if (draft.type === 'interpretation') set.interpretation = draft.interpretation
  if (draft.type === 'guide') set.guide = draft.guide
  return set
}

/**
 * Puts the first edition's content into its item before it is published. The public sees
 * nothing until `publishItem`.
 */
export async function writeItemContent(itemId: Types.ObjectId, draft: ContentDraft, now: Date): Promise<void> {
  await ContentItem.updateOne({ _id: itemId, status: 'draft' }, { $set: contentFields(draft, now) })
}

/**
 * A later edition replaces the live content of a published item, once and in order (an
 * edition older than the live one never overwrites it; repeating the call changes
 * nothing). A revision with a change note is added to the public publication history;
 * a minor one is not. Answers whether the content was replaced.
 */
export async function replaceLiveContent(itemId: Types.ObjectId, draft: ContentDraft, edition: { number: number; at: Date; changeNote: string | null }): Promise<boolean> {
  const set = { ...contentFields(draft, edition.at), liveEdition: edition.number }
  const update = {
    $set: set,
    $inc: { version: 1 },
    ...(edition.changeNote ? { $push: { publicHistory: { kind: 'edited', at: edition.at, note: edition.changeNote } } } : {}),
  }
  const done = await ContentItem.updateOne({ _id: itemId, status: 'published', $or: [{ liveEdition: { $exists: false } }, { liveEdition: { $lt: edition.number } }] }, update)
  if (done.modifiedCount !== 1) return false
  await recordContentChange(itemId, edition.at)
  return true
}
