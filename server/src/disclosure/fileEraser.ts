import type { FileStorage } from '../content/attachments/fileStorage'
import { recordAudit } from '../platform/audit/auditTrail'
import { SYSTEM_ACTOR } from './context'
import { DisclosureFileModel, type DisclosureFileDoc } from './model'

/** How long an upload never sent with an application or a reply is kept (it may hold an ID copy): then it is erased. */
export const UNSENT_FILE_KEEP_DAYS = 7

/**
 * A deleted citizen account's files: those never sent with an application are erased —
 * the record, and the bytes unless another record holds the same content (storage is by
 * content hash) —; those that came with an application are the agency's record and stay,
 * no longer linked to the account.
 */
export async function eraseCitizenFiles(citizenId: string, storage: FileStorage): Promise<void> {
  const files = await DisclosureFileModel.find({ uploaderKind: 'citizen', uploaderId: citizenId }).lean<DisclosureFileDoc[]>()
  for (const file of files) {
    if (file.applicationId) {
      await DisclosureFileModel.updateOne({ _id: file._id }, { $set: { uploaderId: null } })
      continue
    }
    await eraseUnbound(file, storage)
  }
}

/**
 * Uploads nobody sent within UNSENT_FILE_KEEP_DAYS (a form left half-filled, a reply never
 * given): erased like a deleted account's, once per daily sweep, with one audit record
 * naming the files by id (never by name: a name may be personal). A file bound at the
 * same moment keeps its application: the erasure is conditional on it being unbound.
 */
export async function eraseUnsentFiles(at: Date, storage: FileStorage): Promise<string[]> {
  const before = new Date(at.getTime() - UNSENT_FILE_KEEP_DAYS * 24 * 3600_000)
  const stale = await DisclosureFileModel.find({ applicationId: null, createdAt: { $lt: before } }).lean<DisclosureFileDoc[]>()
  const erased: string[] = []
  for (const file of stale) if (await eraseUnbound(file, storage)) erased.push(file._id.toString())
  if (erased.length) await recordAudit({ at, actor: SYSTEM_ACTOR, action: 'disclosure.eraseUnsentFiles', subject: 'disclosure-files', before: { files: erased }, after: { files: [] }, reason: `上传后 ${UNSENT_FILE_KEEP_DAYS} 天内未随申请或答复提交的文件` })
  return erased
}

/** The record, if still unbound, and the bytes unless another record holds the same content (storage is by content hash). */
async function eraseUnbound(file: DisclosureFileDoc, storage: FileStorage): Promise<boolean> {
  const gone = await DisclosureFileModel.deleteOne({ _id: file._id, applicationId: null })
  if (!gone.deletedCount) return false
  if (!(await DisclosureFileModel.exists({ storageKey: file.storageKey }))) await storage.delete(file.storageKey)
  return true
}
