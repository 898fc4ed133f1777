import { can, type StaffItem } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ContentItem, type ContentItemDoc } from '../content/model'
import { ForbiddenError, NotFoundError } from '../platform/errors'
import { EditionModel, type EditionDoc } from './model'
import { toStaffItem } from './itemView'

/** The history of an item for its department's staff: public state, every edition, the public record. */
export class ItemHistory {
  async of(staff: StaffPrincipal, itemId: string): Promise<StaffItem> {
    const item = await ContentItem.findById(itemId, { searchTerms: 0, snippetParts: 0, body: 0 }).lean<ContentItemDoc>()
    if (!item) throw new NotFoundError('内容不存在')
    if (!can(staff, 'content.read', item.department)) throw new ForbiddenError('只能查看本部门的内容')
    const editions = await EditionModel.find({ itemId: item._id }, { content: 0 }).sort({ number: -1 }).limit(200).lean<EditionDoc[]>()
    return toStaffItem(item, editions, staff)
  }
}
