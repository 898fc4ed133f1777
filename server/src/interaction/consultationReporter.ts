import type { StaffConsultation } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ConsultationStep } from './consultationStep'
import { consultationPagePath } from './consultationView'
import { CommentModel, ConsultationModel, type CommentDoc, type ConsultationDoc } from './model'

/**
 * 意见采纳情况反馈: after the consultation closed, the department publishes how many
 * comments came from how many people, the main opinions, which were adopted and why the
 * others were not. Everyone whose comment was accepted is told (inbox, and WeChat with
 * consent). Without it the consultation cannot be archived.
 */
export class ConsultationReporter extends ConsultationStep {
  async publishReport(staff: StaffPrincipal, id: string, body: { summary: string; opinions: { opinion: string; adopted: boolean; reason: string }[] }): Promise<StaffConsultation> {
    const { doc, to } = await this.load(staff, id, 'publishReport')
    const accepted = await CommentModel.find({ consultationId: id, state: 'accepted' }, { citizenId: 1 }).lean<CommentDoc[]>()
    const participants = [...new Set(accepted.map((c) => c.citizenId).filter((c): c is string => c !== null))]
    const report: NonNullable<ConsultationDoc['report']> = { summary: body.summary, comments: accepted.length, participants: participants.length, opinions: body.opinions, publishedAt: this.ctx.now(), publishedBy: { id: staff.id, name: staff.displayName }, notifiedAt: null }
    const moved = await this.move(staff, doc, 'publishReport', to, { report }, { comments: report.comments, participants: report.participants, opinions: report.opinions.length, adopted: report.opinions.filter((o) => o.adopted).length })
    return this.view(await this.tellParticipants(moved), staff)
  }

  /** Tells everyone whose comment was accepted that the report is out (once: the notice has a key of its own); a failure is logged and left for the daily sweep. */
  async tellParticipants(doc: ConsultationDoc): Promise<ConsultationDoc> {
    if (!doc.report || doc.report.notifiedAt) return doc
    const id = doc._id.toString()
    try {
      const accepted = await CommentModel.find({ consultationId: id, state: 'accepted' }, { citizenId: 1 }).lean<CommentDoc[]>()
      const citizenIds = [...new Set(accepted.map((c) => c.citizenId).filter((c): c is string => c !== null))]
      await this.ctx.notify({ key: `consultation-report:${id}`, department: doc.department, citizenIds, title: '征求意见结果已反馈', text: `您参与的「${doc.title}」征求意见已发布意见采纳情况反馈。`, link: consultationPagePath(id) })
      const notifiedAt = this.ctx.now()
      await ConsultationModel.updateOne({ _id: doc._id }, { $set: { 'report.notifiedAt': notifiedAt } })
      return { ...doc, report: { ...doc.report, notifiedAt } }
    } catch (err) {
      this.ctx.logger.warn({ err, consultation: id }, 'telling the participants of the feedback report failed; the daily sweep tries again')
      return doc
    }
  }
}
