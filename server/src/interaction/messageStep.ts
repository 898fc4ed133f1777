import { decideMessage, formatShanghaiDate, type MessageAction, type StaffMessage } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { StaffAccountModel, type StaffAccountDoc } from '../auth/model'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError } from '../platform/errors'
import { can } from '@zw/shared'
import type { InteractionContext } from './context'
import { clockViewOf, factsOf, loadMessage, staffMessageOf } from './messageView'
import { MessageModel, type InteractionEventDoc, type MessageDoc } from './model'

/** The people of a department who may handle its messages (for assigning). */
export async function handlersOf(department: string): Promise<{ id: string; name: string }[]> {
  const accounts = await StaffAccountModel.find({ department, disabled: false }, { displayName: 1, roles: 1, department: 1 }).lean<StaffAccountDoc[]>()
  return accounts.filter((a) => can(a, 'interaction.handle', department)).map((a) => ({ id: a._id.toString(), name: a.displayName }))
}

/** The message as this member of staff sees it now. */
export async function staffViewOf(ctx: InteractionContext, doc: MessageDoc, staff: StaffPrincipal): Promise<StaffMessage> {
  const settings = await ctx.settings.of(doc.department)
  return staffMessageOf(doc, clockViewOf(doc, formatShanghaiDate(ctx.now()), ctx.calendar), staff, settings.replyReview, await handlersOf(doc.department))
}

export interface StepChange {
  $set?: Record<string, unknown>
  note?: string
  /** The event kind, when it is not the action's name. */
  event?: string
  reason?: string
  /** What the audit trail records of the change besides the state. */
  audit?: Record<string, unknown>
}

/**
 * One step of handling a message for a member of staff — what every verb service does
 * the same way: the workflow table decides who may (and where a reply goes), the message
 * moves only if it is still as it was read (two people at once: one gets CONFLICT), the
 * step is kept in its history and audited with the state before and after.
 */
export class MessageStep {
  constructor(protected readonly ctx: InteractionContext) {}

  protected async load(staff: StaffPrincipal, id: string, action: MessageAction): Promise<{ doc: MessageDoc; to: MessageDoc['state'] }> {
    const doc = await loadMessage(id)
    const settings = await this.ctx.settings.of(doc.department)
    const decision = decideMessage(factsOf(doc, settings.replyReview), action, staff)
    if (!decision.ok) throw new AppError(decision.code, decision.message)
    return { doc, to: decision.to }
  }

  protected async move(staff: StaffPrincipal, doc: MessageDoc, action: MessageAction, to: MessageDoc['state'], change: StepChange): Promise<MessageDoc> {
    const now = this.ctx.now()
    const event: InteractionEventDoc = { kind: change.event ?? action, at: now, by: { id: staff.id, name: staff.displayName }, ...(change.note ? { note: change.note } : {}) }
    const moved = await MessageModel.findOneAndUpdate(
      { _id: doc._id, state: doc.state, updatedAt: doc.updatedAt },
      { $set: { state: to, updatedAt: now, ...change.$set }, $push: { events: event } },
      { new: true },
    ).lean<MessageDoc>()
    if (!moved) throw new ConflictError('留言已被他人办理，请刷新后重试')
    await recordAudit({
      at: now,
      actor: auditActorOf(staff),
      action: `interaction.${action}`,
      subject: `message:${doc._id.toString()}`,
      before: { state: doc.state, assignee: doc.assignee?.id ?? null, notPublic: Boolean(doc.notPublic) },
      after: { state: moved.state, assignee: moved.assignee?.id ?? null, notPublic: Boolean(moved.notPublic), ...change.audit },
      ...(change.reason ? { reason: change.reason } : {}),
    })
    return moved
  }
}
