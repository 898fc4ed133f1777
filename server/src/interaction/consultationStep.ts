import { decideConsultation, type ConsultationAction, type StaffConsultation } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError } from '../platform/errors'
import type { InteractionContext } from './context'
import { commentsOf, loadConsultation, staffConsultationOf } from './consultationView'
import { ConsultationModel, type ConsultationDoc } from './model'

/**
 * One step of a consultation for a member of staff, as every verb service takes it: the
 * workflow table decides (by the phase at this moment, so a consultation past its end
 * counts as closed even before the job records it), the document moves only if unchanged
 * since it was read, and the step is kept in its history and audited.
 */
export class ConsultationStep {
  constructor(protected readonly ctx: InteractionContext) {}

  protected async load(staff: StaffPrincipal, id: string, action: ConsultationAction): Promise<{ doc: ConsultationDoc; to: ConsultationDoc['state'] }> {
    const doc = await loadConsultation(id)
    const decision = decideConsultation(doc, action, { kind: 'staff', actor: staff }, this.ctx.now())
    if (!decision.ok) throw new AppError(decision.code, decision.message)
    return { doc, to: decision.to }
  }

  protected async move(staff: StaffPrincipal, doc: ConsultationDoc, action: ConsultationAction, to: ConsultationDoc['state'], $set: Record<string, unknown>, audit: Record<string, unknown> = {}, note?: string): Promise<ConsultationDoc> {
    const now = this.ctx.now()
    const moved = await ConsultationModel.findOneAndUpdate(
      { _id: doc._id, state: doc.state, updatedAt: doc.updatedAt },
      { $set: { ...$set, state: to, updatedAt: now }, $push: { events: { kind: action === 'edit' ? 'edited' : action, at: now, by: { id: staff.id, name: staff.displayName }, ...(note ? { note } : {}) } } },
      { new: true },
    ).lean<ConsultationDoc>()
    if (!moved) throw new ConflictError('征求意见已被他人修改，请刷新后重试')
    this.ctx.consultationFiles.changed()
    await recordAudit({ at: now, actor: auditActorOf(staff), action: `interaction.consultation-${action}`, subject: `consultation:${doc._id.toString()}`, before: { state: doc.state }, after: { state: moved.state, ...audit } })
    return moved
  }

  protected async view(doc: ConsultationDoc, staff: StaffPrincipal): Promise<StaffConsultation> {
    return staffConsultationOf(doc, await commentsOf(doc._id.toString()), staff, this.ctx.now())
  }
}
