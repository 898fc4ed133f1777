import type { FileStorage } from '../content/attachments/fileStorage'
import { DisclosureFileModel, type DisclosureFileDoc } from './model'

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
    await DisclosureFileModel.deleteOne({ _id: file._id, applicationId: null })
    if (!(await DisclosureFileModel.exists({ storageKey: file.storageKey }))) await storage.delete(file.storageKey)
  }
}
