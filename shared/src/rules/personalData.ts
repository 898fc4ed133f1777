/**
 * Personal data in text that must not be published (de-identification, yinchuan-2018 and
 * 国办发〔2018〕123号 保密关): resident ID numbers (GB 11643), mobile numbers and bank card
 * numbers (Luhn). Pure functions, used by the pre-publication checks and the disclosure
 * forms.
 */

export type PersonalDataKind = 'id-card' | 'mobile' | 'bank-card'

export interface PersonalDataFinding {
  kind: PersonalDataKind
  /** Offsets into the text (UTF-16 code units), `end` exclusive. */
  start: number
  end: number
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** The GB 11643 check character of the first 17 digits of a resident ID number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!
  return ID_CHECK[sum % 11]!
}

/**
 * A well-formed 18-character resident ID number: region code not starting with 0, a real
 * birth date from 1900 to `today`, and the right check character (0–9 or X).
 */
export function isResidentIdNumber(value: string, today: Date = new Date()): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(value)) return false
  const year = Number(value.slice(6, 10))
  const month = Number(value.slice(10, 12))
  const day = Number(value.slice(12, 14))
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false
  const birth = new Date(Date.UTC(year, month - 1, day))
  if (birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false
  if (birth.getTime() > today.getTime()) return false
  return residentIdCheckChar(value) === value[17]!.toUpperCase()
}

/** The Luhn check used by bank card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** Full-width digits and letters as ASCII (same length, so offsets stay valid). */
function halfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/**
 * A run of digits that may be split by single spaces or hyphens (as people write phone
 * and card numbers), not touching other letters or digits: a number inside a longer code
 * (索引号, 文号, a credit code) is part of that code, not personal data.
 */
const NUMBER_RUN = /(?<![0-9A-Za-z])\+?\d(?:[ -]?[\dXx])*(?![0-9A-Za-z])/g

/** What kind of personal data a number is, written without separators ('' if none). */
function kindOf(compact: string, today: Date): PersonalDataKind | undefined {
  if (compact.length === 18 && isResidentIdNumber(compact, today)) return 'id-card'
  if (!/^\+?\d+$/.test(compact)) return undefined
  if (/^(?:\+?86)?1[3-9]\d{9}$/.test(compact)) return 'mobile'
  if (!compact.startsWith('+') && compact.length >= 16 && compact.length <= 19 && passesLuhn(compact)) return 'bank-card'
  return undefined
}

/**
 * Where personal data occurs in `text`, in order, without overlaps: 18-character resident
 * ID numbers (valid date and check character), mainland mobile numbers (11 digits from
 * 13–19, optionally written with +86) and bank card numbers (16–19 digits passing the
 * Luhn check), each possibly written in groups split by spaces or hyphens. Two numbers
 * separated by one space are found as two.
 */
export function findPersonalData(text: string, today: Date = new Date()): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = []
  for (const m of halfWidth(text).matchAll(NUMBER_RUN)) {
    // The run's groups (split at spaces and hyphens) with their offsets; the longest
    // sequence of groups from each position that is personal data wins.
    const groups = [...m[0].matchAll(/[^ -]+/g)].map((g) => ({ text: g[0], start: m.index! + g.index!, end: m.index! + g.index! + g[0].length }))
    let i = 0
    while (i < groups.length) {
      let matched = false
      for (let j = groups.length - 1; j >= i; j--) {
        const kind = kindOf(groups.slice(i, j + 1).map((g) => g.text).join(''), today)
        if (kind) {
          found.push({ kind, start: groups[i]!.start, end: groups[j]!.end })
          i = j + 1
          matched = true
          break
        }
      }
      if (!matched) i += 1
    }
  }
  return found
}
