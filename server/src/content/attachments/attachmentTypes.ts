/**
 * The file types a government page may attach, each recognised by its extension, its
 * MIME type and the bytes it starts with (so a renamed executable or web page is not
 * accepted as a PDF).
 */
export interface AttachmentType {
  ext: string
  mime: string
  label: string
  /** Leading bytes of a genuine file. */
  magic: number[]
}

const PDF = [0x25, 0x50, 0x44, 0x46] // %PDF
const ZIP = [0x50, 0x4b, 0x03, 0x04] // docx, xlsx, pptx, ofd are zip containers
const OLE = [0xd0, 0xcf, 0x11, 0xe0] // doc, xls
const PNG = [0x89, 0x50, 0x4e, 0x47]
const JPG = [0xff, 0xd8, 0xff]

export const ATTACHMENT_TYPES: AttachmentType[] = [
  { ext: 'pdf', mime: 'application/pdf', label: 'PDF', magic: PDF },
  { ext: 'ofd', mime: 'application/ofd', label: 'OFD 版式文件', magic: ZIP },
  { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', magic: ZIP },
  { ext: 'doc', mime: 'application/msword', label: 'Word', magic: OLE },
  { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel', magic: ZIP },
  { ext: 'xls', mime: 'application/vnd.ms-excel', label: 'Excel', magic: OLE },
  { ext: 'png', mime: 'image/png', label: 'PNG 图片', magic: PNG },
  { ext: 'jpg', mime: 'image/jpeg', label: 'JPEG 图片', magic: JPG },
  { ext: 'jpeg', mime: 'image/jpeg', label: 'JPEG 图片', magic: JPG },
]

/** Largest attachment accepted, in bytes. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

export function attachmentTypeOf(fileName: string): AttachmentType | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase()
  return ATTACHMENT_TYPES.find((t) => t.ext === ext)
}
