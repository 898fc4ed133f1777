import { ApiClientError, disclosureAttachmentSchema, DISCLOSURE_FILE_UPLOAD_PATHS, type DisclosureAttachment } from '@zw/shared'
import { hasCitizenSession, withCitizenToken } from '@/lib/citizenSession'
import { chooseAndUpload, openPrivateFile } from '@/lib/fileTransfer'

/** 添加附件: the applicant picks a file, which is uploaded as their private file; its id goes with the application. Undefined when nothing was picked. */
export async function chooseAndUploadMyFile(): Promise<DisclosureAttachment | undefined> {
  if (!hasCitizenSession()) throw new ApiClientError(401, 'UNAUTHENTICATED', '请先在“我的”页面登录，再添加附件。')
  const answer = await chooseAndUpload(DISCLOSURE_FILE_UPLOAD_PATHS.citizen, withCitizenToken)
  return answer === undefined ? undefined : disclosureAttachmentSchema.parse(answer)
}

/** Opens a file of the applicant's application or of its reply with their log-in. */
export function openMyFile(file: DisclosureAttachment): Promise<void> {
  return withCitizenToken((token) => openPrivateFile(file, token))
}
