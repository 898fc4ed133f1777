import { findPersonalData, type PersonalDataKind } from './personalData'
import { maskIdNumber } from './residentId'

/** A number as it may be shown in public: an ID number's first 3 and last 4, a mobile's first 3 and last 4, a card's last 4. */
function maskNumber(kind: PersonalDataKind, written: string): string {
  const digits = written.replace(/[\s-]/g, '')
  if (kind === 'id-card') return maskIdNumber(digits)
  if (kind === 'mobile') {
    const local = digits.replace(/^\+?86(?=1\d{10}$)/, '')
    return `${local.slice(0, 3)}****${local.slice(-4)}`
  }
  return `${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`
}

/**
 * `text` with its personal data masked (resident ID numbers, mobile numbers, bank card
 * numbers, as `findPersonalData` finds them): what the public Q&A and public comments
 * show, so a writer who put their number in a message is not exposed.
 */
export function maskPersonalData(text: string, today: Date = new Date()): string {
  const found = findPersonalData(text, today)
  if (!found.length) return text
  let out = ''
  let from = 0
  for (const f of found) {
    out += text.slice(from, f.start) + maskNumber(f.kind, text.slice(f.start, f.end))
    from = f.end
  }
  return out + text.slice(from)
}

/** The kinds of personal data in a text, each once, for a warning to the writer. */
export function personalDataKindsIn(text: string, today: Date = new Date()): PersonalDataKind[] {
  return [...new Set(findPersonalData(text, today).map((f) => f.kind))]
}

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = { 'id-card': '身份证号码', mobile: '手机号码', 'bank-card': '银行卡号' }

/** The warning a writer sees when their text holds personal data and may be made public. */
export function personalDataWarning(kinds: readonly PersonalDataKind[]): string | null {
  if (!kinds.length) return null
  return `内容中有${kinds.map((k) => PERSONAL_DATA_LABELS[k]).join('、')}。公开时这些号码会被隐去（只显示部分数字），工作人员办理时可以看到。`
}
