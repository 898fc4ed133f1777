import { disclosureAttachmentSchema, DISCLOSURE_FILE_UPLOAD_PATHS, type DisclosureAttachment } from '@zw/shared'
import { withCitizenToken } from '@/lib/citizenSession'
import { openPrivateFile, pickFile, uploadPicked } from '@/lib/fileTransfer'

/** 添加附件: the applicant picks a file, which is uploaded as their private file; its id goes with the application. Undefined when nothing was picked. */
export async function chooseAndUploadMyFile(): Promise<DisclosureAttachment | undefined> {
  const picked = await pickFile()
  if (!picked) return undefined
  return disclosureAttachmentSchema.parse(await withCitizenToken((token) => uploadPicked(DISCLOSURE_FILE_UPLOAD_PATHS.citizen, picked, token)))
}

/** Opens a file of the applicant's application or of its reply with their log-in. */
export function openMyFile(file: DisclosureAttachment): Promise<void> {
  return withCitizenToken((token) => openPrivateFile(file, token))
}
