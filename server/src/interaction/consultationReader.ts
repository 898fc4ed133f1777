import { can, PUBLIC_CONSULTATION_STATES, type Consultation, type ConsultationList, type StaffConsultation } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError, NotFoundError } from '../platform/errors'
import type { InteractionContext } from './context'
import { commentsOf, consultationSummaryOf, loadConsultation, publicConsultationOf, staffConsultationOf } from './consultationView'
import { CommentModel, ConsultationModel, type CommentDoc, type ConsultationDoc } from './model'

/** Accepted comments per consultation (one pass over the comments of those listed). */
async function acceptedCounts(ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const c of await CommentModel.find({ consultationId: { $in: ids }, state: 'accepted' }, { consultationId: 1 }).lean<CommentDoc[]>()) counts.set(c.consultationId, (counts.get(c.consultationId) ?? 0) + 1)
  return counts
}

/** Consultations as the public (published ones, in their phase by the clock) and the department's staff (drafts too) read them. */
export class ConsultationReader {
  constructor(private readonly ctx: InteractionContext) {}

  private async list(filter: Record<string, unknown>, status?: string): Promise<ConsultationList> {
    const now = this.ctx.now()
    const docs = await ConsultationModel.find(filter).sort({ createdAt: -1 }).limit(300).lean<ConsultationDoc[]>()
    const counts = await acceptedCounts(docs.map((d) => d._id.toString()))
    const rows = docs.map((d) => consultationSummaryOf(d, counts.get(d._id.toString()) ?? 0, now)).filter((r) => !status || r.status === status)
    // Open ones first, then those not yet started, then the rest; newest first within each.
    const rank = { open: 0, scheduled: 1, draft: 2, closed: 3, reported: 4, archived: 5 } as const
    return { consultations: rows.sort((a, b) => rank[a.status] - rank[b.status]) }
  }

  listPublic(query: { status?: string }): Promise<ConsultationList> {
    return this.list({ state: { $in: PUBLIC_CONSULTATION_STATES } }, query.status)
  }

  async getPublic(id: string): Promise<Consultation> {
    const doc = await loadConsultation(id)
    if (doc.state === 'draft') throw new NotFoundError('没有这次征求意见')
    return publicConsultationOf(doc, await commentsOf(id), this.ctx.now())
  }

  listForStaff(staff: StaffPrincipal): Promise<ConsultationList> {
    if (!can(staff, 'interaction.handle', staff.department)) throw new ForbiddenError('只有本部门的工作人员可以查看征求意见')
    return this.list({ department: staff.department })
  }

  async getForStaff(staff: StaffPrincipal, id: string): Promise<StaffConsultation> {
    const doc = await loadConsultation(id)
    if (!can(staff, 'interaction.handle', doc.department)) throw new ForbiddenError('只能查看本部门的征求意见')
    return staffConsultationOf(doc, await commentsOf(id), staff, this.ctx.now())
  }
}

