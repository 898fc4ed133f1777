import { attachmentSchema, disclosureAttachmentSchema, DISCLOSURE_FILE_UPLOAD_PATHS, type DisclosureAttachment, type z } from '@zw/shared'
import { chooseAndUpload, openPrivateFile } from '@/lib/fileTransfer'
import { withStaffToken } from './session'

export type UploadedAttachment = z.infer<typeof attachmentSchema>

/**
 * 上传附件: the person picks a file (from a chat in the mini-program, from disk in a
 * browser); it is sent to `POST /api/v1/staff/files` as multipart, which checks and stores
 * it. Answers the attachment to add to the draft, or undefined when nothing was picked.
 */
export async function chooseAndUploadAttachment(): Promise<UploadedAttachment | undefined> {
  const answer = await chooseAndUpload('/api/v1/staff/files', withStaffToken)
  return answer === undefined ? undefined : attachmentSchema.parse(answer)
}

/** 依申请公开: a reply letter, the information provided or a scan, uploaded as a private file of the department (its id goes into the reply or the registration). */
export async function chooseAndUploadDisclosureFile(): Promise<DisclosureAttachment | undefined> {
  const answer = await chooseAndUpload(DISCLOSURE_FILE_UPLOAD_PATHS.staff, withStaffToken)
  return answer === undefined ? undefined : disclosureAttachmentSchema.parse(answer)
}

/** Opens a private 依申请公开 file with the staff member's log-in. */
export function openDisclosureFile(file: DisclosureAttachment): Promise<void> {
  return withStaffToken((token) => openPrivateFile(file, token))
}
