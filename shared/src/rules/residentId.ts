import { isResidentIdNumber, residentIdCheckChar } from './personalData'

/**
 * A resident ID number (居民身份证号码, GB 11643) as an applicant types it: what is wrong
 * with it, in plain words, or undefined when it is valid. `today` bounds the birth date.
 */
export function residentIdProblem(value: string, today: Date = new Date()): string | undefined {
  const v = value.trim()
  if (!/^\d{17}[\dXx]$/.test(v)) return '身份证号码应为 18 位（最后一位可以是 X）'
  if (v[0] === '0') return '身份证号码的地区码不正确'
  const year = Number(v.slice(6, 10))
  const month = Number(v.slice(10, 12))
  const day = Number(v.slice(12, 14))
  const birth = new Date(Date.UTC(year, month - 1, day))
  if (year < 1900 || month < 1 || month > 12 || day < 1 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day || birth.getTime() > today.getTime()) {
    return '身份证号码中的出生日期不正确'
  }
  if (residentIdCheckChar(v) !== v[17]!.toUpperCase()) return '身份证号码校验位不对，请核对'
  return isResidentIdNumber(v, today) ? undefined : '身份证号码不正确'
}

/** The ID number with a capital X, as it is stored and counted (the same person typed `x` or `X`). */
export const normalisedIdNumber = (value: string) => value.trim().toUpperCase()

/**
 * An ID number as it may be shown anywhere (lists, details, exports): the first 3 and
 * last 4 characters, the rest (region, birth date) as `*`. Shorter numbers (other
 * documents) keep one character at each end.
 */
export function maskIdNumber(value: string): string {
  const v = value.trim()
  if (v.length >= 15) return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`
  if (v.length <= 2) return '*'.repeat(v.length)
  return `${v[0]}${'*'.repeat(v.length - 2)}${v.at(-1)}`
}
