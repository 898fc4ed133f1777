import { can, decideNewEdition, OPEN_EDITION_STATES, type EditionState } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { liveDraftOf } from '../content/liveDraft'
import { ContentItem, type ContentItemDoc } from '../content/model'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { EditionModel, type EditionDoc } from './model'
import { isDuplicateKeyError } from '../platform/db'


/**
 * 修订: an editor starts a new edition of a published item, as a copy of what is live.
 * It goes through review like the first; the live page changes only when it is
 * published. One open edition per item: a second editor asking at the same moment gets
 * CONFLICT (the edition number is unique per item).
 */
export class EditionStarter {
  constructor(private readonly now: () => Date) {}

  async start(staff: StaffPrincipal, itemId: string, note: { changeNote?: string; minor: boolean }): Promise<EditionDoc> {
    const item = await ContentItem.findById(itemId).lean<ContentItemDoc>()
    if (!item) throw new NotFoundError('内容不存在')
    if (!can(staff, 'content.read', item.department)) throw new ForbiddenError('只能修订本部门的内容')
    if (item.status === 'draft') throw new ConflictError('该内容尚未发布，请直接修改草稿')
    const latest = await EditionModel.findOne({ itemId: item._id }).sort({ number: -1 }).lean<EditionDoc>()
    // An open edition decides; otherwise the item's own state (published, withdrawn, unpublished)
    // does — items published before editions were recorded (the demo seed) have none.
    const open = latest && (OPEN_EDITION_STATES as readonly EditionState[]).includes(latest.state)
    const decision = decideNewEdition({ state: open ? latest.state : (item.status as EditionState), department: item.department }, staff)
    if (!decision.ok) throw new AppError(decision.code, decision.message)
    const now = this.now()
    const number = Math.max(latest?.number ?? 0, item.liveEdition ?? 1) + 1
    try {
      const created = await EditionModel.create({
        itemId: item._id, number, state: 'draft', department: item.department, content: liveDraftOf(item), makers: [staff.id],
        submittedBy: null, submittedAt: null, submitNote: null, rejection: null, approval: null, overrides: [], publishedAt: null, scheduledAt: null,
        itemPublished: false, changeNote: note.minor ? null : (note.changeNote ?? null), minor: note.minor, createdAt: now, updatedAt: now,
      })
      await recordAudit({ at: now, actor: auditActorOf(staff), action: 'edition.created', subject: `content:${itemId}`, before: { liveEdition: number - 1 }, after: { edition: number, state: 'draft', changeNote: note.changeNote ?? null, minor: note.minor } })
      return created.toObject() as EditionDoc
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new ConflictError('该内容已有一个未发布的新版本，请先完成或放弃它')
      throw err
    }
  }
}
