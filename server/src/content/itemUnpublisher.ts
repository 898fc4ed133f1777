import type { Types } from 'mongoose'
import { recordContentChange } from './changes'
import { ContentItem } from './model'

/**
 * 下线 (published in error): the item leaves every public page — lists, search and its own
 * address answer as if it never existed. Why is recorded by the caller, in the audit trail.
 * Answers false when the item was neither published nor withdrawn.
 */
export async function unpublishItem(itemId: Types.ObjectId, at: Date): Promise<boolean> {
  const done = await ContentItem.updateOne({ _id: itemId, status: { $in: ['published', 'withdrawn'] } }, { $set: { status: 'unpublished', updatedAt: at }, $inc: { version: 1 } })
  if (done.modifiedCount !== 1) return false
  await recordContentChange(itemId, at)
  return true
}
