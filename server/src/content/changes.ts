import type { Types } from 'mongoose'
import { ContentChange, ContentItem, nextSequence } from './model'

export const CHANGE_SEQUENCE = 'content-change'

/**
 * Records that an item changed: a numbered entry in `content_changes` (read models on
 * every instance replay these in order) and the number on the item itself. Every write
 * to a content item ends with this call.
 */
export async function recordContentChange(itemId: Types.ObjectId, now: Date): Promise<number> {
  const seq = await nextSequence(CHANGE_SEQUENCE)
  await ContentChange.create({ _id: seq, itemId, at: now })
  await ContentItem.updateOne({ _id: itemId }, { $max: { changeSeq: seq } })
  return seq
}
