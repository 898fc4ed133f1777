import { createHash } from 'node:crypto'
import { formatShanghaiDate } from '@zw/shared'
import { NotFoundError } from '../platform/errors'
import { ContentItem, ContentView } from './model'
import type { ContentReadModel } from './readModel'

/**
 * Counts a view of a public item at most once per visitor per Beijing day: the view's id
 * (item, hashed visitor id, date) is unique, and only a new one increments the count.
 * The visitor id is a random value the client keeps; only its hash is stored.
 */
export async function recordView(model: ContentReadModel, id: string, visitorId: string, now: Date): Promise<{ views: number; counted: boolean }> {
  if (!model.get(id)) throw new NotFoundError('该内容不存在或已不再公开')
  const day = formatShanghaiDate(now).replace(/-/g, '')
  const visitor = createHash('sha256').update(visitorId).digest('base64url').slice(0, 16)
  let counted = true
  try {
    await ContentView.create({ _id: `${id}:${visitor}:${day}`, at: now })
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err
    counted = false
  }
  // (FerretDB's findAndModify takes no projection: increment, then read the count.)
  if (counted) await ContentItem.updateOne({ _id: id }, { $inc: { views: 1 } })
  const doc = await ContentItem.findById(id, { views: 1 }).lean()
  if (!doc) throw new NotFoundError('该内容不存在或已不再公开')
  return { views: doc.views, counted }
}
