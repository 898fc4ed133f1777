import type { Types } from 'mongoose'
import { recordContentChange } from './changes'
import { ContentItem } from './model'

/**
 * 撤回: a published item leaves lists and search, but its page stays readable with the
 * explanation shown above it, and the withdrawal enters its publication history.
 * Answers false when the item was not published (nothing is written).
 */
export async function withdrawItem(itemId: Types.ObjectId, explanation: string, at: Date): Promise<boolean> {
  const done = await ContentItem.updateOne(
    { _id: itemId, status: 'published' },
    { $set: { status: 'withdrawn', withdrawal: { explanation, at }, updatedAt: at }, $inc: { version: 1 }, $push: { publicHistory: { kind: 'withdrawn', at, note: explanation } } },
  )
  if (done.modifiedCount !== 1) return false
  await recordContentChange(itemId, at)
  return true
}
