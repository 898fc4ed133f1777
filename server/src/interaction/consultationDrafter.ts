import mongoose from 'mongoose'
import { can, parseShanghaiDateTime, publicFileKeyOf, type FieldError, type StaffConsultation, type consultationBodySchema, type z } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { attachmentTypeOf } from '../content/attachments/attachmentTypes'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError, ValidationError } from '../platform/errors'
import { ConsultationStep } from './consultationStep'
import { consultationAttachmentsOf } from './consultationView'
import { ConsultationModel, type ConsultationAttachmentDoc, type ConsultationDoc } from './model'

type Body = z.output<typeof consultationBodySchema>
type Fields = Pick<ConsultationDoc, 'title' | 'background' | 'draftText' | 'startAt' | 'endAt'> & { attachments: ConsultationAttachmentDoc[] }

const auditFieldsOf = (d: Pick<ConsultationDoc, 'title' | 'startAt' | 'endAt' | 'attachments'>) => ({ title: d.title, startAt: d.startAt.toISOString(), endAt: d.endAt.toISOString(), attachments: consultationAttachmentsOf(d).map((a) => a.url) })

/** 起草 and 修改 of a draft for comment by the department's staff; times entered in Beijing time, stored in UTC. */
export class ConsultationDrafter extends ConsultationStep {
  async create(staff: StaffPrincipal, body: Body): Promise<StaffConsultation> {
    const department = body.department ?? staff.department
    if (!can(staff, 'interaction.handle', department)) throw new ForbiddenError('只能为本部门起草征求意见')
    const fields = await this.fieldsOf(body)
    const now = this.ctx.now()
    const by = { id: staff.id, name: staff.displayName }
    const doc: ConsultationDoc = { _id: new mongoose.Types.ObjectId(), department, ...fields, state: 'draft', createdBy: by, report: null, events: [{ kind: 'created', at: now, by }], createdAt: now, updatedAt: now }
    await ConsultationModel.create(doc)
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'interaction.consultation-created', subject: `consultation:${doc._id.toString()}`, after: { state: 'draft', department, ...auditFieldsOf(doc) } })
    return this.view(doc, staff)
  }

  async update(staff: StaffPrincipal, id: string, body: Body): Promise<StaffConsultation> {
    const { doc, to } = await this.load(staff, id, 'edit')
    const fields = await this.fieldsOf(body)
    return this.view(await this.move(staff, doc, 'edit', to, fields, { before: auditFieldsOf(doc), ...auditFieldsOf(fields) }), staff)
  }

  /**
   * What is stored from the form. The schema let through only our own file addresses; each
   * must also be a file uploaded to the public storage (else 400 per attachment, nothing
   * written), and its type is the one its key says, whatever the form claimed.
   */
  private async fieldsOf(body: Body): Promise<Fields> {
    const problems: FieldError[] = []
    const attachments: ConsultationAttachmentDoc[] = []
    for (const [i, a] of body.attachments.entries()) {
      const key = publicFileKeyOf(a.url)
      const type = key ? attachmentTypeOf(key) : undefined
      if (!key || !type || !(await this.ctx.storage.has(key))) problems.push({ path: `attachments.${i}.url`, message: '找不到这个附件，请移除后重新上传' })
      else attachments.push({ name: a.name, url: a.url, mime: type.mime, size: a.size })
    }
    if (problems.length) throw new ValidationError(problems)
    return { title: body.title, background: body.background, draftText: body.draftText, attachments, startAt: parseShanghaiDateTime(body.startAt)!, endAt: parseShanghaiDateTime(body.endAt)! }
  }
}
