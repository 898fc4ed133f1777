import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { withdrawItem } from '../content/itemWithdrawer'
import type { ContentItemDoc } from '../content/model'
import { recordAudit } from '../platform/audit/auditTrail'
import { ConflictError } from '../platform/errors'
import type { PublicationEvents } from './publicationEvents'
import { discardOpenEditions, loadLiveItemFor, moveLiveEdition } from './liveItem'

/**
 * 撤回: a reviewer or department admin withdraws a published item with an explanation
 * for the public; its page stays readable with the explanation above it.
 */
export class ItemWithdrawer {
  constructor(
    private readonly now: () => Date,
    private readonly contentChanged: () => Promise<void>,
    private readonly events: PublicationEvents,
  ) {}

  async withdraw(staff: StaffPrincipal, itemId: string, explanation: string): Promise<ContentItemDoc> {
    const item = await loadLiveItemFor(itemId, 'withdraw', staff)
    const now = this.now()
    if (!(await withdrawItem(item._id, explanation, now))) throw new ConflictError('内容状态已被他人改变，请刷新后重试')
    await moveLiveEdition(item._id, ['published'], 'withdrawn', now)
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'item.withdraw', subject: `content:${itemId}`, before: { status: item.status }, after: { status: 'withdrawn', explanation }, reason: explanation })
    await discardOpenEditions(item._id, now, '内容已撤回')
    await this.contentChanged()
    await this.events.withdrawn(itemId)
    return { ...item, status: 'withdrawn' }
  }
}
