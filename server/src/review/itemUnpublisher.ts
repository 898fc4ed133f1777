import { UNPUBLISH_REASON_LABELS, type UnpublishReason } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { unpublishItem } from '../content/itemUnpublisher'
import type { ContentItemDoc } from '../content/model'
import { recordAudit } from '../platform/audit/auditTrail'
import { ConflictError } from '../platform/errors'
import { discardOpenEditions, loadLiveItemFor, moveLiveEdition } from './liveItem'
import type { PublicationEvents } from './publicationEvents'

/**
 * 下线: a reviewer or department admin takes an item published in error off every public
 * page, giving a reason from the fixed list (recorded in the audit trail, not shown).
 */
export class ItemUnpublisher {
  constructor(
    private readonly now: () => Date,
    private readonly contentChanged: () => Promise<void>,
    private readonly events: PublicationEvents,
  ) {}

  async unpublish(staff: StaffPrincipal, itemId: string, reason: UnpublishReason, note?: string): Promise<ContentItemDoc> {
    const item = await loadLiveItemFor(itemId, 'unpublish', staff)
    const now = this.now()
    if (!(await unpublishItem(item._id, now))) throw new ConflictError('内容状态已被他人改变，请刷新后重试')
    await moveLiveEdition(item._id, ['published', 'withdrawn'], 'unpublished', now)
    const why = `${UNPUBLISH_REASON_LABELS[reason]}${note ? `：${note}` : ''}`
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'item.unpublish', subject: `content:${itemId}`, before: { status: item.status }, after: { status: 'unpublished', reason }, reason: why })
    await discardOpenEditions(item._id, now, '内容已下线')
    await this.events.takenDown(itemId)
    await this.contentChanged()
    return { ...item, status: 'unpublished' }
  }
}
