import type { ValidityStatus } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { ContentItem, type ContentItemDoc } from '../content/model'
import { markValidity } from '../content/validityMarker'
import { recordAudit } from '../platform/audit/auditTrail'
import { ConflictError, ValidationError } from '../platform/errors'
import { loadLiveItemFor } from './liveItem'

/**
 * 效力状态变更: a reviewer or department admin marks a published policy 已修订, 已废止 or
 * 失效 (or 有效 again), naming the document that replaces it; the public page shows it at once.
 */
export class ValidityChanger {
  constructor(
    private readonly now: () => Date,
    private readonly contentChanged: () => Promise<void>,
  ) {}

  async change(staff: StaffPrincipal, itemId: string, validity: { status: ValidityStatus; changedOn: string; supersededBy?: string; note?: string }): Promise<ContentItemDoc> {
    const item = await loadLiveItemFor(itemId, 'changeValidity', staff)
    if (item.type !== 'policy') throw new ValidationError([{ path: 'status', message: '只有政策文件有效力状态' }])
    if (validity.supersededBy) {
      if (validity.supersededBy === itemId) throw new ValidationError([{ path: 'supersededBy', message: '替代文件不能是它自己' }])
      const successor = await ContentItem.findOne({ _id: validity.supersededBy, type: 'policy', status: 'published' }, { _id: 1 }).lean()
      if (!successor) throw new ValidationError([{ path: 'supersededBy', message: '替代文件应为已发布的政策文件' }])
    }
    const now = this.now()
    if (!(await markValidity(item._id, validity, now))) throw new ConflictError('内容状态已被他人改变，请刷新后重试')
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'item.validity', subject: `content:${itemId}`, before: { validity: item.policy?.validity }, after: { validity } })
    await this.contentChanged()
    return item
  }
}
