import {
  CONTENT_TYPES,
  DEPARTMENT_CODES,
  TOPICS,
  VALIDITY_STATUSES,
  departmentByCode,
  departmentNameOf,
  formatShanghaiDateCn,
  topicName,
  type ContentType,
  type DepartmentCode,
  type TopicCode,
  type ValidityStatus,
} from '@zw/shared'

/** `2018-03-01` (a calendar date in Beijing) as `2018年3月1日`. */
export function formatDateOnlyCn(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}

/** An instant (ISO string) as the Beijing calendar date, `2026年11月22日`. */
export function formatPublished(instant: string): string {
  try {
    return formatShanghaiDateCn(instant)
  } catch {
    return ''
  }
}

/** The department's short name for tight spaces, else the name the server sent. */
export function departmentShortName(code: string, fallback: string): string {
  return departmentByCode(code)?.shortName ?? fallback
}

export const departmentFullName = departmentNameOf

export function topicNames(codes: readonly string[]): string {
  return codes.map((c) => topicName(c) ?? c).join('、')
}

/** `120 KB`, `1.5 MB` */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A file kind a person recognises, from the MIME type. */
export function fileKind(mime: string, name: string): string {
  const m = mime.toLowerCase()
  const ext = name.split('.').pop()?.toLowerCase() ?? ''
  if (m.includes('pdf') || ext === 'pdf') return 'PDF 文件'
  if (m.includes('word') || ext === 'doc' || ext === 'docx') return 'Word 文件'
  if (m.includes('sheet') || m.includes('excel') || ext === 'xls' || ext === 'xlsx') return 'Excel 表格'
  if (m.startsWith('image/')) return '图片'
  return '文件'
}

/** Names of fields the source did not give, in plain Chinese (unknown names pass through). */
const FIELD_LABELS: Record<string, string> = {
  docNumber: '文号',
  writtenOn: '成文日期',
  issuer: '发布机构',
  indexNumber: '索引号',
  publishedOn: '发布日期',
  publishedAt: '发布日期',
  validity: '效力状态',
  disclosure: '公开属性',
  topics: '主题分类',
  source: '来源',
}
export function fieldLabel(name: string): string {
  return FIELD_LABELS[name] ?? name
}

/** Working days as a person says them; 0 means it is done on the spot. */
export function workingDays(days: number): string {
  return days === 0 ? '即时办结' : `${days} 个工作日`
}

/**
 * Phone numbers in a free-text field ("0598-1234 5605（演示号码）", "0951-1234567，12345"):
 * `text` as written (for reading aloud), `number` reduced to digits and '-' (for dialling).
 * Only list separators split numbers: spaces inside a number ("1234 5605") belong to it.
 */
export function phoneNumbers(raw: string): { text: string; number: string }[] {
  return raw
    .split(/[,，、;；/]+|或/)
    .map((text) => ({ text: text.trim(), number: text.replace(/[^\d-]/g, '').replace(/^-+|-+$/g, '') }))
    .filter((p) => p.number.replace(/-/g, '').length >= 3)
}

// ---------- reading page parameters into the contract's types ----------

export function asContentType(v: string | undefined): ContentType | undefined {
  return (CONTENT_TYPES as readonly string[]).includes(v ?? '') ? (v as ContentType) : undefined
}
export function asTopicCode(v: string | undefined): TopicCode | undefined {
  return TOPICS.some((t) => t.code === v) ? (v as TopicCode) : undefined
}
export function asValidity(v: string | undefined): ValidityStatus | undefined {
  return (VALIDITY_STATUSES as readonly string[]).includes(v ?? '') ? (v as ValidityStatus) : undefined
}
export function asDepartmentCode(v: string | undefined): DepartmentCode | undefined {
  return (DEPARTMENT_CODES as readonly string[]).includes(v ?? '') ? (v as DepartmentCode) : undefined
}

/** How long something has waited, in words: `不到 1 小时`, `5 小时`, `2 天 3 小时`. */
export function formatWaited(since: string, now: Date = new Date()): string {
  const hours = Math.floor((now.getTime() - new Date(since).getTime()) / 3_600_000)
  if (hours < 1) return '不到 1 小时'
  if (hours < 24) return `${hours} 小时`
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  return rest ? `${days} 天 ${rest} 小时` : `${days} 天`
}
