import { consultationPhase, decideConsultation, formatShanghaiDateTime, type ConsultationAction } from '@zw/shared'
import { recordAudit, SYSTEM_ACTOR } from '../platform/audit/auditTrail'
import { createOnce } from '../platform/db'
import type { InteractionContext } from './context'
import { ConsultationModel, InteractionTaskModel, type ConsultationDoc } from './model'

/**
 * Opens and closes published consultations at their start and end (Beijing times stored
 * as UTC instants): the job runs every minute, once across instances, and after
 * downtime catches up (a consultation whose whole period passed meanwhile is closed
 * directly). Reads never wait for it — the phase is computed from the clock — it records
 * the change: the stored state, the history, the audit trail, and on closing a task for
 * the department to publish its feedback report.
 */
export class ConsultationPhaseKeeper {
  constructor(private readonly ctx: InteractionContext) {}

  async run(at: Date): Promise<{ opened: string[]; closed: string[] }> {
    const result = { opened: [] as string[], closed: [] as string[] }
    for (const doc of await ConsultationModel.find({ state: { $in: ['scheduled', 'open'] } }).lean<ConsultationDoc[]>()) {
      const phase = consultationPhase(doc, at)
      if (phase === doc.state) continue
      const action: ConsultationAction = phase === 'closed' ? 'close' : 'open'
      const decision = decideConsultation(doc, action, { kind: 'system' }, at)
      if (!decision.ok) continue
      const moved = await ConsultationModel.findOneAndUpdate(
        { _id: doc._id, state: doc.state },
        { $set: { state: decision.to, updatedAt: at }, $push: { events: { kind: action, at, by: { id: SYSTEM_ACTOR.id, name: SYSTEM_ACTOR.name }, note: formatShanghaiDateTime(action === 'close' ? doc.endAt : doc.startAt) } } },
        { new: true },
      ).lean<ConsultationDoc>()
      if (!moved) continue // another instance recorded it
      const id = doc._id.toString()
      await recordAudit({ at, actor: SYSTEM_ACTOR, action: `interaction.consultation-${action === 'close' ? 'closed' : 'opened'}`, subject: `consultation:${id}`, before: { state: doc.state }, after: { state: moved.state, startAt: doc.startAt.toISOString(), endAt: doc.endAt.toISOString() } })
      if (action === 'close') {
        result.closed.push(id)
        await createOnce(InteractionTaskModel, { _id: `${id}:report-due`, kind: 'report-due', department: doc.department, platform: false, messageId: null, consultationId: id, dueDate: null, text: `征求意见「${doc.title}」已于 ${formatShanghaiDateTime(doc.endAt)} 结束，请发布意见采纳情况反馈`, at })
      } else result.opened.push(id)
    }
    this.ctx.logger.debug(result, 'consultation phases recorded')
    return result
  }
}
