import mongoose from 'mongoose'
import { can, type MyDisclosure, type Disclosure, type z, type disclosureApplicationBodySchema, type disclosureRegistrationBodySchema } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { nextSequence } from '../content/model'
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail'
import { ForbiddenError, ValidationError } from '../platform/errors'
import { clockViewOf, myViewOf, staffViewOf } from './applicationView'
import { todayOf, type DisclosureContext } from './context'
import type { FileBinder, FileOwner } from './fileBinder'
import { DisclosureApplicationModel, type DisclosureActorRef, type DisclosureApplicationDoc, type DisclosureFileRef } from './model'

type Fields = z.output<typeof disclosureApplicationBodySchema> | z.output<typeof disclosureRegistrationBodySchema>

/**
 * Writes a new application: its files checked before anything is written (400 per field)
 * and bound to it, a tracking number, the ID number encrypted, the receipt as the clock's
 * first event; audited without personal data.
 */
async function createApplication(ctx: DisclosureContext, binder: FileBinder, fields: Fields, meta: { department: string; channel: Disclosure['channel']; receivedOn: string; citizenId: string | null; files: FileOwner; by: DisclosureActorRef; audit: AuditActor }): Promise<DisclosureApplicationDoc> {
  const files = await binder.check(fields.attachments, meta.files)
  const now = ctx.now()
  const _id = new mongoose.Types.ObjectId()
  const attachments = await binder.bind(files, _id.toString(), 'application', now)
  try {
    return await writeApplication(ctx, fields, meta, _id, attachments, now)
  } catch (err) {
    await binder.release(attachments, _id.toString())
    throw err
  }
}

async function writeApplication(ctx: DisclosureContext, fields: Fields, meta: { department: string; channel: Disclosure['channel']; receivedOn: string; citizenId: string | null; by: DisclosureActorRef; audit: AuditActor }, _id: mongoose.Types.ObjectId, attachments: DisclosureFileRef[], now: Date): Promise<DisclosureApplicationDoc> {
  const year = Number(meta.receivedOn.slice(0, 4))
  const seq = await nextSequence(`disclosure-tracking:${year}`)
  const trackingNumber = `YSQ${year}-${String(seq).padStart(5, '0')}`
  const protectedId = ctx.cipher.protect(fields.idNumber)
  const doc: DisclosureApplicationDoc = {
    _id,
    trackingNumber,
    citizenId: meta.citizenId,
    department: meta.department,
    channel: meta.channel,
    receivedOn: meta.receivedOn,
    month: meta.receivedOn.slice(0, 7),
    applicant: { kind: fields.applicantKind, name: fields.name, idType: fields.idType, ...protectedId, contactPerson: fields.contactPerson, phone: fields.phone, address: fields.address, email: fields.email },
    description: fields.description,
    purpose: fields.purpose,
    form: fields.form,
    delivery: fields.delivery,
    attachments,
    state: 'received',
    events: [{ kind: 'received', on: meta.receivedOn, at: now, by: meta.by, note: meta.channel }],
    correction: null,
    extension: null,
    consultations: [],
    fee: null,
    reply: null,
    notices: [{ at: now, title: '申请已收到', text: `您的政府信息公开申请已收到，申请编号 ${trackingNumber}。我们将在收到之日起 20 个工作日内答复。` }],
    createdAt: now,
    updatedAt: now,
  }
  await DisclosureApplicationModel.create(doc)
  // Personal data (name, ID number, contact) stays out of the audit trail.
  await recordAudit({ at: now, actor: meta.audit, action: 'disclosure.receive', subject: `disclosure:${_id.toString()}`, after: { trackingNumber, department: meta.department, channel: meta.channel, receivedOn: meta.receivedOn, applicantKind: fields.applicantKind, idType: fields.idType, idMasked: protectedId.idMasked, attachments: attachments.map((a) => a.id) } })
  return doc
}

/** A citizen applies in the mini-program (received today, channel online). */
export class ApplicationSubmitter {
  constructor(
    private readonly ctx: DisclosureContext,
    private readonly binder: FileBinder,
  ) {}

  async submit(citizen: CitizenPrincipal, body: z.output<typeof disclosureApplicationBodySchema>): Promise<MyDisclosure> {
    const today = todayOf(this.ctx)
    const doc = await createApplication(this.ctx, this.binder, body, { department: body.department, channel: 'online', receivedOn: today, citizenId: citizen.id, files: { kind: 'citizen', citizenId: citizen.id }, by: { id: `citizen:${citizen.id}`, name: '申请人' }, audit: { id: `citizen:${citizen.id}`, name: 'citizen' } })
    return myViewOf(doc, clockViewOf(doc, today, this.ctx.calendar, this.ctx.settings))
  }
}

/** Staff register an application that came in person, by letter or fax, with the day it really arrived. */
export class ApplicationRegistrar {
  constructor(
    private readonly ctx: DisclosureContext,
    private readonly binder: FileBinder,
  ) {}

  async register(staff: StaffPrincipal, body: z.output<typeof disclosureRegistrationBodySchema>): Promise<Disclosure> {
    const department = body.department ?? staff.department
    if (!can(staff, 'disclosure.handle', department)) throw new ForbiddenError('只有本部门的办理人员可以登记申请')
    const today = todayOf(this.ctx)
    if (body.receivedOn > today) throw new ValidationError([{ path: 'receivedOn', message: '收到日期不能晚于今天' }])
    const doc = await createApplication(this.ctx, this.binder, body, { department, channel: body.channel as Disclosure['channel'], receivedOn: body.receivedOn, citizenId: null, files: { kind: 'staff', department }, by: { id: staff.id, name: staff.displayName }, audit: auditActorOf(staff) })
    return staffViewOf(doc, clockViewOf(doc, today, this.ctx.calendar, this.ctx.settings), staff)
  }
}

