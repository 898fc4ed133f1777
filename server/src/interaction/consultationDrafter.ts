import mongoose from 'mongoose'
import { can, parseShanghaiDateTime, type StaffConsultation, type consultationBodySchema, type z } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError } from '../platform/errors'
import { ConsultationStep } from './consultationStep'
import { ConsultationModel, type ConsultationDoc } from './model'

type Body = z.output<typeof consultationBodySchema>

const fieldsOf = (body: Body) => ({ title: body.title, background: body.background, draftText: body.draftText, attachments: body.attachments, startAt: parseShanghaiDateTime(body.startAt)!, endAt: parseShanghaiDateTime(body.endAt)! })
const auditFieldsOf = (d: Pick<ConsultationDoc, 'title' | 'startAt' | 'endAt' | 'attachments'>) => ({ title: d.title, startAt: d.startAt.toISOString(), endAt: d.endAt.toISOString(), attachments: d.attachments.length })

/** 起草 and 修改 of a draft for comment by the department's staff; times entered in Beijing time, stored in UTC. */
export class ConsultationDrafter extends ConsultationStep {
  async create(staff: StaffPrincipal, body: Body): Promise<StaffConsultation> {
    const department = body.department ?? staff.department
    if (!can(staff, 'interaction.handle', department)) throw new ForbiddenError('只能为本部门起草征求意见')
    const now = this.ctx.now()
    const by = { id: staff.id, name: staff.displayName }
    const doc: ConsultationDoc = { _id: new mongoose.Types.ObjectId(), department, ...fieldsOf(body), state: 'draft', createdBy: by, report: null, events: [{ kind: 'created', at: now, by }], createdAt: now, updatedAt: now }
    await ConsultationModel.create(doc)
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'interaction.consultation-created', subject: `consultation:${doc._id.toString()}`, after: { state: 'draft', department, ...auditFieldsOf(doc) } })
    return this.view(doc, staff)
  }

  async update(staff: StaffPrincipal, id: string, body: Body): Promise<StaffConsultation> {
    const { doc, to } = await this.load(staff, id, 'edit')
    const fields = fieldsOf(body)
    return this.view(await this.move(staff, doc, 'edit', to, fields, { before: auditFieldsOf(doc), ...auditFieldsOf(fields) }), staff)
  }
}
