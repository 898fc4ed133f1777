import mongoose, { Schema } from 'mongoose'
import type { ClockEvent, DisclosureChannel, DisclosureReplyType, DisclosureState, FeeMethod } from '@zw/shared'

/** Who did something to an application: a member of staff, the applicant, or the system (a job, the payment notification). */
export interface DisclosureActorRef {
  id: string
  name: string
}

/** One thing that happened, dated with its Beijing calendar day (`on`): the clock is computed from these (docs/adr/0017). */
export interface DisclosureEventDoc {
  /** A clock event kind, or a step that does not move the clock (`assigned`, `fee-proposed`, …). */
  kind: ClockEvent['kind'] | 'assigned' | 'fee-proposed' | 'fee-rejected' | 'fee-refunded' | 'registered'
  on: string
  at: Date
  by: DisclosureActorRef
  /** Of `correction-requested`: working days given; of `extended`: days added. */
  days?: number
  note?: string
}

export interface DisclosureApplicationDoc {
  _id: mongoose.Types.ObjectId
  /** 申请编号 shown to the applicant, e.g. `YSQ2026-00012`. */
  trackingNumber: string
  /** The citizen account that submitted it online (null: registered by staff). */
  citizenId: string | null
  department: string
  channel: DisclosureChannel
  receivedOn: string
  /** The natural month of receipt (YYYY-MM, Beijing): per-application fees count within it. */
  month: string
  applicant: {
    kind: 'citizen' | 'organisation'
    name: string
    idType: string
    /** AES-256-GCM of the ID number: `v1:<iv>:<tag>:<ciphertext>` (base64url). */
    idCipher: string
    /** HMAC of the normalised number: the same person's applications are counted by it. */
    idHash: string
    idMasked: string
    contactPerson: string
    phone: string
    address: string
    email: string
  }
  description: string
  purpose: string
  form: 'paper' | 'electronic'
  delivery: 'collect' | 'post' | 'email' | 'online'
  /** Files that came with it (disclosure_files bound to this application). */
  attachments: DisclosureFileRef[]
  state: DisclosureState
  events: DisclosureEventDoc[]
  correction: { items: string; days: number; requestedOn: string; deadline: string } | null
  extension: { days: number; reason: string; approvedBy: DisclosureActorRef; approvedOn: string } | null
  consultations: { party: string; startedOn: string; endedOn: string | null; outcome: string }[]
  fee: {
    method: FeeMethod
    pages: number | null
    ordinalInMonth: number | null
    amountYuan: number
    reason: string
    proposedBy: DisclosureActorRef
    approvedBy: DisclosureActorRef | null
    notice: { issuedOn: string; paymentDeadline: string; basis: string; standard: string; howToPay: string; outTradeNo: string } | null
    paid: { at: Date; transactionId: string } | null
    refund: { at: Date; reason: string; outRefundNo: string; refundId: string } | null
  } | null
  reply: { type: DisclosureReplyType; reasons: string; legalBasis: string; where: string; letter: string; attachments: DisclosureFileRef[]; repliedOn: string; by: DisclosureActorRef } | null
  /** What the applicant has been told (补正, 延期, 缴费, 答复 …), newest last. */
  notices: { at: Date; title: string; text: string }[]
  createdAt: Date
  updatedAt: Date
}

const actorRef = { id: String, name: String }
export const DisclosureApplicationModel = mongoose.model<DisclosureApplicationDoc>(
  'DisclosureApplication',
  new Schema<DisclosureApplicationDoc>(
    {
      trackingNumber: { type: String, required: true, unique: true },
      citizenId: { type: String, default: null },
      department: { type: String, required: true },
      channel: { type: String, required: true },
      receivedOn: { type: String, required: true },
      month: { type: String, required: true },
      applicant: { type: Schema.Types.Mixed, required: true },
      description: String,
      purpose: String,
      form: String,
      delivery: String,
      attachments: [{ _id: false, id: String, name: String, mime: String, size: Number }],
      state: { type: String, required: true },
      events: [{ _id: false, kind: String, on: String, at: Date, by: actorRef, days: Number, note: String }],
      correction: { type: Schema.Types.Mixed, default: null },
      extension: { type: Schema.Types.Mixed, default: null },
      consultations: [{ _id: false, party: String, startedOn: String, endedOn: { type: String, default: null }, outcome: String }],
      fee: { type: Schema.Types.Mixed, default: null },
      reply: { type: Schema.Types.Mixed, default: null },
      notices: [{ _id: false, at: Date, title: String, text: String }],
      createdAt: Date,
      updatedAt: Date,
    },
    { collection: 'disclosure_applications', versionKey: false, minimize: false },
  )
    .index({ department: 1, state: 1 })
    .index({ citizenId: 1, createdAt: -1 })
    .index({ 'applicant.idHash': 1, month: 1 })
    .index({ 'fee.notice.outTradeNo': 1 }),
)

/** A private file as an application or reply keeps it: files never change once uploaded, so their name, type and size are copied here. */
export interface DisclosureFileRef {
  id: string
  name: string
  mime: string
  size: number
}

/**
 * A private file of 依申请公开 (docs/adr/0024): uploaded by an applicant or by staff, its
 * bytes in the disclosure file storage (never the public one) under `storageKey`, bound
 * once to one application — as part of it or of its reply — by a conditional update of
 * `applicationId` from null.
 */
export interface DisclosureFileDoc {
  _id: mongoose.Types.ObjectId
  uploaderKind: 'citizen' | 'staff'
  /** The citizen account (null once the account is deleted) or the staff account. */
  uploaderId: string | null
  /** Of staff: their display name and department (a citizen's are not kept). */
  uploaderName: string
  uploaderDepartment: string | null
  name: string
  mime: string
  size: number
  /** Content hash and extension, in the disclosure file storage. */
  storageKey: string
  createdAt: Date
  applicationId: string | null
  attachedAs: 'application' | 'reply' | null
  attachedAt: Date | null
}
export const DisclosureFileModel = mongoose.model<DisclosureFileDoc>(
  'DisclosureFile',
  new Schema<DisclosureFileDoc>(
    {
      uploaderKind: { type: String, required: true },
      uploaderId: { type: String, default: null },
      uploaderName: { type: String, default: '' },
      uploaderDepartment: { type: String, default: null },
      name: { type: String, required: true },
      mime: { type: String, required: true },
      size: { type: Number, required: true },
      storageKey: { type: String, required: true },
      createdAt: { type: Date, required: true },
      applicationId: { type: String, default: null },
      attachedAs: { type: String, default: null },
      attachedAt: { type: Date, default: null },
    },
    { collection: 'disclosure_files', versionKey: false, minimize: false },
  )
    .index({ uploaderId: 1, applicationId: 1 })
    .index({ storageKey: 1 }),
)

/** Uploads a citizen started on one Beijing day: `_id` = `citizenId:YYYY-MM-DD` (the daily limit). */
export interface DisclosureUploadDayDoc {
  _id: string
  count: number
}
export const DisclosureUploadDayModel = mongoose.model<DisclosureUploadDayDoc>(
  'DisclosureUploadDay',
  new Schema<DisclosureUploadDayDoc>({ _id: String, count: Number }, { collection: 'disclosure_upload_days', versionKey: false }),
)

/** A year's arrangement loaded by a platform admin (the bundled years are in shared). */
export interface CalendarYearDoc {
  _id: number
  holidays: string[]
  workdays: string[]
  source: string
  loadedBy: DisclosureActorRef
  loadedAt: Date
}
export const CalendarYearModel = mongoose.model<CalendarYearDoc>(
  'CalendarYear',
  new Schema<CalendarYearDoc>({ _id: Number, holidays: [String], workdays: [String], source: String, loadedBy: actorRef, loadedAt: Date }, { collection: 'working_calendar_years', versionKey: false }),
)

/** A reminder or an escalation the daily job recorded, once: `_id` = `applicationId:kind:dueDate` (or `calendar:<year>`). */
export interface DisclosureTaskDoc {
  _id: string
  kind: 'reminder' | 'overdue' | 'calendar'
  department: string | null
  applicationId: string | null
  trackingNumber: string | null
  dueDate: string | null
  text: string
  at: Date
}
export const DisclosureTaskModel = mongoose.model<DisclosureTaskDoc>(
  'DisclosureTask',
  new Schema<DisclosureTaskDoc>(
    { _id: String, kind: String, department: { type: String, default: null }, applicationId: { type: String, default: null }, trackingNumber: { type: String, default: null }, dueDate: { type: String, default: null }, text: String, at: Date },
    { collection: 'disclosure_tasks', versionKey: false },
  ).index({ department: 1, at: -1 }),
)

/** What staff enter for the annual report: `_id` = `department:year`. */
export interface DisclosureReportEntryDoc {
  _id: string
  reconsiderations: number
  lawsuits: number
  complaints: number
  updatedBy: DisclosureActorRef
  updatedAt: Date
}
export const DisclosureReportEntryModel = mongoose.model<DisclosureReportEntryDoc>(
  'DisclosureReportEntry',
  new Schema<DisclosureReportEntryDoc>({ _id: String, reconsiderations: Number, lawsuits: Number, complaints: Number, updatedBy: actorRef, updatedAt: Date }, { collection: 'disclosure_report_entries', versionKey: false }),
)
