import mongoose from 'mongoose'
import { can, type DisclosureAttachment } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { storeCheckedFile } from '../content/attachments/attachmentStore'
import type { FileStorage } from '../content/attachments/fileStorage'
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail'
import { AppError, ForbiddenError } from '../platform/errors'
import type { UploadedFile } from '../platform/http/singleFileUpload'
import { todayOf, type DisclosureContext } from './context'
import { attachmentViews, fileRefOf } from './fileBinder'
import { DisclosureFileModel, DisclosureUploadDayModel, type DisclosureFileDoc } from './model'

/** Uploads a citizen may start in one Beijing day (enough for a few applications of 5 files, with mistakes). */
export const CITIZEN_UPLOADS_PER_DAY = 30

export type Uploader = { kind: 'citizen'; citizen: CitizenPrincipal } | { kind: 'staff'; staff: StaffPrincipal }

/**
 * Stores a private disclosure file: the checks of content attachments (type by extension,
 * MIME type and leading bytes, not empty, 20 MB), the bytes in the disclosure file storage
 * — never the public one —, a disclosure_files record of who uploaded it, audited. `admit`
 * runs before the body is read: staff must handle disclosure for their department;
 * citizens may start CITIZEN_UPLOADS_PER_DAY uploads a day.
 */
export class DisclosureFileUploader {
  constructor(
    private readonly ctx: DisclosureContext,
    private readonly storage: FileStorage,
  ) {}

  async admit(who: Uploader): Promise<void> {
    if (who.kind === 'staff') {
      if (!can(who.staff, 'disclosure.handle', who.staff.department)) throw new ForbiddenError('只有本部门的依申请公开办理人员可以上传答复材料')
      return
    }
    const day = await DisclosureUploadDayModel.findOneAndUpdate({ _id: `${who.citizen.id}:${todayOf(this.ctx)}` }, { $inc: { count: 1 } }, { upsert: true, new: true }).lean()
    if ((day?.count ?? 0) > CITIZEN_UPLOADS_PER_DAY) throw new AppError('RATE_LIMITED', `每天最多上传 ${CITIZEN_UPLOADS_PER_DAY} 个附件，请明天再试`)
  }

  async upload(who: Uploader, file: UploadedFile): Promise<DisclosureAttachment> {
    const stored = await storeCheckedFile(this.storage, file)
    const now = this.ctx.now()
    const doc: DisclosureFileDoc = {
      _id: new mongoose.Types.ObjectId(),
      uploaderKind: who.kind,
      uploaderId: who.kind === 'citizen' ? who.citizen.id : who.staff.id,
      uploaderName: who.kind === 'staff' ? who.staff.displayName : '',
      uploaderDepartment: who.kind === 'staff' ? who.staff.department : null,
      name: stored.name,
      mime: stored.mime,
      size: stored.size,
      storageKey: stored.key,
      createdAt: now,
      applicationId: null,
      attachedAs: null,
      attachedAt: null,
    }
    await DisclosureFileModel.create(doc)
    const actor: AuditActor = who.kind === 'citizen' ? { id: `citizen:${who.citizen.id}`, name: 'citizen' } : auditActorOf(who.staff)
    // A citizen's file name may name them or others (身份证正面.jpg): like the application, personal data stays out of the audit trail.
    const after = { mime: doc.mime, size: doc.size, storageKey: doc.storageKey, ...(who.kind === 'staff' ? { name: doc.name, department: doc.uploaderDepartment } : {}) }
    await recordAudit({ at: now, actor, action: 'disclosure.file-uploaded', subject: `disclosure-file:${doc._id.toString()}`, after })
    return attachmentViews([fileRefOf(doc)])[0]!
  }
}
