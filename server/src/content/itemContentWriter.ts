import type { Types } from 'mongoose'
import type { ContentDraft } from '@zw/shared'
import { ContentItem } from './model'
import { sanitizeBody } from './sanitize'
import { indexFields } from './search/indexFields'

/**
 * Puts an edition's content into its item (sanitised body, fresh search terms), keeping
 * the item's status, 索引号 and dates. Publishing follows; the public sees nothing until then.
 */
export async function writeItemContent(itemId: Types.ObjectId, draft: ContentDraft, now: Date): Promise<void> {
  const body = sanitizeBody(draft.body)
  const { searchTerms, snippetParts } = indexFields({ ...draft, body })
  const { title, topics, regions, summary, attachments, links } = draft
  const set: Record<string, unknown> = { title, topics, regions, summary, body, attachments, links, searchTerms, snippetParts, updatedAt: now }
  if (draft.type === 'policy') for (const [k, v] of Object.entries(draft.policy)) set[`policy.${k}`] = v
  if (draft.type === 'interpretation') set.interpretation = draft.interpretation
  if (draft.type === 'guide') set.guide = draft.guide
  await ContentItem.updateOne({ _id: itemId }, { $set: set })
}
