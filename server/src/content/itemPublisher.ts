import type { Types } from 'mongoose'
import { formatShanghaiDate, toShanghaiParts } from '@zw/shared'
import { recordContentChange } from './changes'
import { allocateIndexNumber, reserveIndexNumber } from './indexNumbers'
import { ContentItem } from './model'
import { NotFoundError, ConflictError } from '../platform/errors'


/**
 * Makes an item public at `at`: sets it published and, for a policy, its 发布日期 and
 * 索引号 (the source's own number when it has one, else a new one for the year of its
 * 成文日期, or of publication). Who may publish is the review workflow's decision, not
 * this function's.
 */
export async function publishItem(itemId: Types.ObjectId, at: Date, options: { originalIndexNumber?: string | null } = {}): Promise<void> {
  const item = await ContentItem.findById(itemId).lean()
  if (!item) throw new NotFoundError()
  if (item.status !== 'draft') throw new ConflictError('该内容已发布')
  const set: Record<string, unknown> = { status: 'published', publishedAt: at, updatedAt: at }
  if (item.type === 'policy') {
    let indexNumber = item.policy?.indexNumber
    if (!indexNumber && options.originalIndexNumber && (await reserveIndexNumber(options.originalIndexNumber, itemId, at))) {
      indexNumber = options.originalIndexNumber
    }
    if (!indexNumber) {
      const writtenOn = item.policy?.writtenOn as string | null | undefined
      const year = writtenOn ? Number(writtenOn.slice(0, 4)) : toShanghaiParts(at).year
      indexNumber = await allocateIndexNumber(item.department, year, itemId, at)
    }
    set['policy.indexNumber'] = indexNumber
    set['policy.publishedOn'] = formatShanghaiDate(at)
  }
  set.liveEdition = 1
  const updated = await ContentItem.updateOne({ _id: itemId, status: 'draft' }, { $set: set, $inc: { version: 1 }, $push: { publicHistory: { kind: 'published', at } } })
  if (updated.modifiedCount !== 1) throw new ConflictError('该内容已发布')
  await recordContentChange(itemId, at)
}
