import { can } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { RetrospectiveTaskModel, type RetrospectiveTaskDoc } from './model'

/**
 * A reviewer completes the retrospective review of a force-published edition: confirmed,
 * or needs action (then they withdraw, unpublish or have it revised). Never the admin who
 * forced it, nor its author.
 */
export class RetrospectiveReviewer {
  constructor(private readonly now: () => Date) {}

  async complete(staff: StaffPrincipal, taskId: string, outcome: 'confirmed' | 'needs-action', note?: string): Promise<RetrospectiveTaskDoc> {
    const task = await RetrospectiveTaskModel.findById(taskId).lean<RetrospectiveTaskDoc>()
    if (!task) throw new NotFoundError('任务不存在')
    if (!can(staff, 'content.review', task.department)) throw new ForbiddenError('只有本部门的审核员可以进行事后审核')
    if (task.excluded.includes(staff.id)) throw new ForbiddenError('不能事后审核自己强制发布或撰写的稿件')
    const now = this.now()
    const done = await RetrospectiveTaskModel.findOneAndUpdate(
      { _id: task._id, state: 'open' },
      { $set: { state: 'done', outcome, note: note ?? null, doneBy: staff.id, doneAt: now } },
      { new: true },
    ).lean<RetrospectiveTaskDoc>()
    if (!done) throw new ConflictError('该事后审核已完成')
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'retrospective.complete', subject: `content:${task.itemId.toString()}`, before: { state: 'open' }, after: { state: 'done', outcome, note: note ?? null }, ...(note ? { reason: note } : {}) })
    return done
  }
}
