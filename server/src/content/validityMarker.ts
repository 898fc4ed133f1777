import type { Types } from 'mongoose'
import { VALIDITY_LABELS, type ValidityStatus } from '@zw/shared'
import { recordContentChange } from './changes'
import { ContentItem } from './model'

/**
 * 效力状态变更 of a published policy: its page shows the new status (and the document
 * replacing it) at once, and the change enters its publication history.
 * Answers false when the item is not a published policy.
 */
export async function markValidity(itemId: Types.ObjectId, validity: { status: ValidityStatus; changedOn: string; supersededBy?: string; note?: string }, at: Date): Promise<boolean> {
  const note = `${VALIDITY_LABELS[validity.status]}（${validity.changedOn}）${validity.note ? `：${validity.note}` : ''}`
  const stored = { status: validity.status, changedOn: validity.changedOn, ...(validity.supersededBy ? { supersededBy: validity.supersededBy } : {}), ...(validity.note ? { note: validity.note } : {}) }
  const done = await ContentItem.updateOne(
    { _id: itemId, type: 'policy', status: 'published' },
    { $set: { 'policy.validity': stored, updatedAt: at }, $inc: { version: 1 }, $push: { publicHistory: { kind: 'validity', at, note } } },
  )
  if (done.modifiedCount !== 1) return false
  await recordContentChange(itemId, at)
  return true
}
