import { Types } from 'mongoose'
import type { ContentDraft } from '@zw/shared'
import { recordContentChange } from './changes'
import { ContentItem } from './model'
import { sanitizeBody } from './sanitize'
import { indexFields } from './search/indexFields'

/**
 * Creates a content item as a draft (the only way content is created). The body is
 * sanitised and the item's search terms computed here, so every stored item is clean
 * and indexed.
 */
export async function createDraft(draft: ContentDraft, now: Date): Promise<Types.ObjectId> {
  const body = sanitizeBody(draft.body)
  const { searchTerms, termFields, snippetParts } = indexFields({ ...draft, body })
  const _id = new Types.ObjectId()
  const { type, title, department, topics, regions, summary, attachments, links } = draft
  await ContentItem.create({
    _id,
    type,
    status: 'draft',
    title,
    department,
    topics,
    regions,
    summary,
    body,
    attachments,
    links,
    ...(draft.type === 'policy' ? { policy: draft.policy } : {}),
    ...(draft.type === 'interpretation' ? { interpretation: draft.interpretation } : {}),
    ...(draft.type === 'guide' ? { guide: draft.guide } : {}),
    version: 1,
    views: 0,
    searchTerms,
    termFields,
    snippetParts,
    createdAt: now,
    updatedAt: now,
  })
  await recordContentChange(_id, now)
  return _id
}
