import { createHash } from 'node:crypto'
import mongoose, { Schema, type Types } from 'mongoose'

/** Who did something, and from where. */
export interface AuditActor {
  /** Staff account id, or a fixed name for the system and for command-line tools. */
  id: string
  /** Log-in name or tool name, as it was at the time. */
  name: string
  ip?: string
  userAgent?: string
}

export interface AuditRecordDoc {
  _id: Types.ObjectId
  at: Date
  actor: AuditActor
  /** What happened, `domain.verb`: `staff.login-succeeded`, `content.approved` … */
  action: string
  /** What it happened to: `staff:<id>`, `content:<id>` … */
  subject: string
  /** Before and after (personal data left out by the caller), with their SHA-256. */
  before: unknown
  after: unknown
  beforeHash: string | null
  afterHash: string | null
  /** Free-text reason where the action requires one. */
  reason?: string
}

const auditRecordSchema = new Schema<AuditRecordDoc>(
  {
    at: { type: Date, required: true },
    actor: { type: new Schema<AuditActor>({ id: String, name: String, ip: String, userAgent: String }, { _id: false }), required: true },
    action: { type: String, required: true },
    subject: { type: String, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    beforeHash: { type: String, default: null },
    afterHash: { type: String, default: null },
    reason: String,
  },
  { collection: 'audit_records', versionKey: false, minimize: false },
)
auditRecordSchema.index({ subject: 1, at: -1 })
auditRecordSchema.index({ 'actor.id': 1, at: -1 })
auditRecordSchema.index({ at: -1 })
// Append-only: this model has no update or delete paths, and the app never exposes any.
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete'] as const) {
  auditRecordSchema.pre(op, function refuse() {
    throw new Error(`audit records are append-only (${op} refused)`)
  })
}
auditRecordSchema.pre('save', function refuseChange() {
  if (!this.isNew) throw new Error('audit records are append-only (save of an existing record refused)')
})
export const AuditRecordModel = mongoose.model<AuditRecordDoc>('AuditRecord', auditRecordSchema)

/** The system as actor (jobs, notifications from platforms). */
export const SYSTEM_ACTOR: AuditActor = { id: 'system', name: '系统' }

const hashOf = (value: unknown) => (value === undefined || value === null ? null : createHash('sha256').update(JSON.stringify(value)).digest('hex'))

/** Records one state change: who, when, from where, what, before and after ("处处留痕"). */
export async function recordAudit(entry: { at: Date; actor: AuditActor; action: string; subject: string; before?: unknown; after?: unknown; reason?: string }): Promise<void> {
  await AuditRecordModel.create({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    before: entry.before ?? null,
    after: entry.after ?? null,
    beforeHash: hashOf(entry.before),
    afterHash: hashOf(entry.after),
    ...(entry.reason ? { reason: entry.reason } : {}),
  })
}
