import { can, type ContentStatus, type StaffItem, type StaffItemList } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ContentItem, type ContentItemDoc } from '../content/model'
import { ForbiddenError, NotFoundError } from '../platform/errors'
import { EditionModel, type EditionDoc } from './model'
import { toStaffItem } from './itemView'

/** The history of an item for its department's staff: public state, every edition, the public record. */
export class ItemHistory {
  async of(staff: StaffPrincipal, itemId: string): Promise<StaffItem> {
    const item = await ContentItem.findById(itemId, { searchTerms: 0, termFields: 0, snippetParts: 0, body: 0 }).lean<ContentItemDoc>()
    if (!item) throw new NotFoundError('内容不存在')
    if (!can(staff, 'content.read', item.department)) throw new ForbiddenError('只能查看本部门的内容')
    const editions = await EditionModel.find({ itemId: item._id }, { content: 0 }).sort({ number: -1 }).limit(200).lean<EditionDoc[]>()
    return toStaffItem(item, editions, staff)
  }

  /** The person's department's items, most recently changed first. */
  async list(staff: StaffPrincipal, status?: ContentStatus): Promise<StaffItemList> {
    if (!can(staff, 'content.read', staff.department)) throw new ForbiddenError('只有本部门的编辑、审核员和管理员可以查看')
    const items = await ContentItem.find({ department: staff.department, ...(status ? { status } : {}) }, { type: 1, title: 1, status: 1, 'policy.validity': 1, publishedAt: 1, updatedAt: 1 })
      .sort({ updatedAt: -1 })
      .limit(100)
      .lean<ContentItemDoc[]>()
    return {
      items: items.map((i) => ({
        id: i._id.toString(),
        type: i.type,
        title: i.title,
        status: i.status,
        validity: i.type === 'policy' ? ((i.policy?.validity?.status as StaffItem['validity']) ?? null) : null,
        publishedAt: i.publishedAt?.toISOString() ?? null,
        updatedAt: i.updatedAt.toISOString(),
      })),
    }
  }
}
