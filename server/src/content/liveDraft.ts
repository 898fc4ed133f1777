import { contentDraftSchema, type ContentDraft } from '@zw/shared'
import type { ContentItemDoc } from './model'

/**
 * What is live on an item, as a draft an editor can change: the start of a new edition.
 * Fields the public item adds (索引号, 发布日期, view counts) are not part of a draft.
 */
export function liveDraftOf(item: ContentItemDoc): ContentDraft {
  const { type, title, department, topics, regions, summary, body, attachments, links } = item
  const common = { title, department, topics, regions, summary, body, attachments, links }
  if (type === 'policy') return contentDraftSchema.parse({ type, ...common, policy: item.policy })
  if (type === 'interpretation') return contentDraftSchema.parse({ type, ...common, interpretation: item.interpretation })
  return contentDraftSchema.parse({ type, ...common, guide: item.guide })
}
