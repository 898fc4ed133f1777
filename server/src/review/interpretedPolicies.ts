import { ContentItem } from '../content/model'
import { AppError } from '../platform/errors'
import type { EditionDoc } from './model'

/**
 * An interpretation goes public only when the policies it interprets are public: alone
 * after them, or together with one that needs it (三同步, see publishEditionItem). Throws
 * CONFLICT naming the first policy that is not.
 */
export async function requireInterpretedPoliciesPublic(doc: EditionDoc): Promise<void> {
  if (doc.content.type !== 'interpretation') return
  const ids = doc.content.interpretation.policyIds
  const items = await ContentItem.find({ _id: { $in: ids } }, { title: 1, status: 1 }).lean()
  const notPublic = ids.map((id) => items.find((i) => i._id.toString() === id)).find((i) => !i || i.status !== 'published')
  if (notPublic !== undefined || items.length < ids.length) {
    const title = notPublic?.title ? `《${notPublic.title}》` : '所解读的政策文件'
    throw new AppError('CONFLICT', `${title}尚未发布：解读须在政策文件发布后发布，或审核通过后随政策文件一同发布（三同步）`)
  }
}
