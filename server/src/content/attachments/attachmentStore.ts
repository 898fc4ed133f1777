import { createHash } from 'node:crypto'
import type { z } from '@zw/shared'
import type { attachmentSchema } from '@zw/shared'
import { ValidationError } from '../../platform/errors'
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, attachmentTypeOf } from './attachmentTypes'
import type { FileStorage } from './fileStorage'

export type Attachment = z.infer<typeof attachmentSchema>

/** Public address of a stored file. */
export const fileUrl = (key: string) => `/api/v1/files/${key}`
/** The storage key in a file URL, if it is one of ours (the shape is shared: consultation drafts check it too). */
export { publicFileKeyOf as fileKeyOf } from '@zw/shared'

/** A checked file as stored: its storage key (the hash of its content and its extension), the name given, the MIME type of its kind, its size. */
export interface StoredFile {
  key: string
  name: string
  mime: string
  size: number
}

/**
 * Checks and stores an attachment: allowed type (extension, MIME type and content agree),
 * not empty, not over 20 MB. Stored under the hash of its content, so the same file
 * uploaded twice is stored once and its address never changes.
 */
export async function storeAttachment(storage: FileStorage, file: { name: string; mime: string; data: Buffer }): Promise<Attachment> {
  const stored = await storeCheckedFile(storage, file)
  return { name: stored.name, url: fileUrl(stored.key), mime: stored.mime, size: stored.size }
}

/** The checks and storage of storeAttachment, answering the storage key instead of a public address (private files keep theirs to themselves). */
export async function storeCheckedFile(storage: FileStorage, file: { name: string; mime: string; data: Buffer }): Promise<StoredFile> {
  const name = file.name.trim()
  const type = attachmentTypeOf(name)
  const allowed = [...new Set(ATTACHMENT_TYPES.map((t) => t.ext))].join('、')
  if (!name || name.length > 200) throw new ValidationError([{ path: 'name', message: '文件名不能为空，且不超过 200 个字' }])
  if (!type) throw new ValidationError([{ path: 'name', message: `不支持的附件类型，只能上传 ${allowed}` }])
  if (file.mime && file.mime !== type.mime && file.mime !== 'application/octet-stream') {
    throw new ValidationError([{ path: 'mime', message: `文件类型（${file.mime}）与扩展名 .${type.ext} 不符` }])
  }
  if (file.data.length === 0) throw new ValidationError([{ path: 'data', message: '文件是空的' }])
  if (file.data.length > MAX_ATTACHMENT_BYTES) {
    throw new ValidationError([{ path: 'data', message: `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` }])
  }
  if (!type.magic.every((b, i) => file.data[i] === b)) {
    throw new ValidationError([{ path: 'data', message: `文件内容不是有效的 ${type.label} 文件` }])
  }
  const key = `${createHash('sha256').update(file.data).digest('hex')}.${type.ext}`
  if (!(await storage.has(key))) await storage.put(key, file.data)
  return { key, name, mime: type.mime, size: file.data.length }
}
