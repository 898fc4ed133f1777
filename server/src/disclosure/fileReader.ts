import mongoose from 'mongoose'
import { can } from '@zw/shared'
import { auditActorOf } from '../auth/principal'
import type { FileStorage } from '../content/attachments/fileStorage'
import { recordAudit } from '../platform/audit/auditTrail'
import { NotFoundError } from '../platform/errors'
import type { DisclosureContext } from './context'
import type { Uploader } from './fileUploader'
import { DisclosureApplicationModel, DisclosureFileModel, type DisclosureApplicationDoc, type DisclosureFileDoc } from './model'

const GONE = '文件不存在'

const handles = (who: Uploader & { kind: 'staff' }, department: string | null) =>
  department !== null && (can(who.staff, 'disclosure.handle', department) || can(who.staff, 'disclosure.approve', department))

/**
 * Who may download a private disclosure file. Bound to an application: its applicant (the
 * file is one of the application's or its reply's) and staff who may handle the
 * application's department now (after 分办, the new department's, not the old one's).
 * Not bound yet: whoever uploaded it — the citizen, or staff of the uploader's department.
 * Everyone else is told it does not exist (404, never 403). Staff downloads are audited.
 */
export class DisclosureFileReader {
  constructor(
    private readonly ctx: DisclosureContext,
    private readonly storage: FileStorage,
  ) {}

  private async allowed(who: Uploader, file: DisclosureFileDoc): Promise<boolean> {
    const uploadedByCitizen = file.uploaderKind === 'citizen' && who.kind === 'citizen' && file.uploaderId === who.citizen.id
    if (!file.applicationId) return uploadedByCitizen || (who.kind === 'staff' && file.uploaderKind === 'staff' && handles(who, file.uploaderDepartment))
    const app = mongoose.isObjectIdOrHexString(file.applicationId) ? await DisclosureApplicationModel.findById(file.applicationId, { citizenId: 1, department: 1, attachments: 1, reply: 1 }).lean<DisclosureApplicationDoc>() : null
    if (!app) return false
    if (who.kind === 'staff') return handles(who, app.department)
    if (uploadedByCitizen) return true
    // The applicant sees what the application and its reply show (not a file a reply in progress has just taken).
    const id = file._id.toString()
    const shown = [...(app.attachments ?? []), ...(app.reply?.attachments ?? [])].some((r) => typeof r === 'object' && r?.id === id)
    return app.citizenId === who.citizen.id && shown
  }

  async read(who: Uploader, id: string): Promise<{ name: string; mime: string; data: Buffer }> {
    const file = mongoose.isObjectIdOrHexString(id) ? await DisclosureFileModel.findById(id).lean<DisclosureFileDoc>() : null
    if (!file || !(await this.allowed(who, file))) throw new NotFoundError(GONE)
    const data = await this.storage.get(file.storageKey)
    if (!data) throw new NotFoundError(GONE)
    if (who.kind === 'staff') {
      await recordAudit({ at: this.ctx.now(), actor: auditActorOf(who.staff), action: 'disclosure.file-downloaded', subject: `disclosure-file:${id}`, after: { applicationId: file.applicationId, attachedAs: file.attachedAs, department: who.staff.department } })
    }
    return { name: file.name, mime: file.mime, data }
  }
}
