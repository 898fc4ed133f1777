import { publishItem } from '../content/itemPublisher'
import { writeItemContent } from '../content/itemContentWriter'
import { ConflictError } from '../platform/errors'
import { EditionModel, type EditionDoc } from './model'

/**
 * The second half of publishing an edition, after it has moved to published: its item
 * takes the content and goes public, then the edition is marked so. Safe to repeat (an
 * item already public is left as it is), so a run that stopped halfway is finished later.
 */
export async function publishEditionItem(doc: EditionDoc, at: Date, now: Date): Promise<void> {
  await writeItemContent(doc.itemId, doc.content, now)
  try {
    await publishItem(doc.itemId, at)
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err // already public
  }
  await EditionModel.updateOne({ _id: doc._id }, { $set: { itemPublished: true } })
}
