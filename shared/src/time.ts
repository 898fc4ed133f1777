/**
 * Calendar facts in Asia/Shanghai. China has had no daylight saving since 1991, so the
 * zone is a fixed UTC+8 for every date this product handles; arithmetic on the offset
 * is exact and works in runtimes without full Intl data (the mini-program's).
 */
export const SHANGHAI_TIMEZONE = 'Asia/Shanghai'
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

export interface ShanghaiParts {
  year: number
  month: number // 1-12
  day: number
  hour: number
  minute: number
  second: number
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
}

export function toShanghaiParts(instant: Date | string): ShanghaiParts {
  const date = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid instant: ${String(instant)}`)
  const shifted = new Date(date.getTime() + SHANGHAI_OFFSET_MS)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay() === 0 ? 7 : shifted.getUTCDay(),
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `2026-11-22 03:56` for an instant, as a clock in Beijing shows it. */
export function formatShanghaiDateTime(instant: Date | string): string {
  const p = toShanghaiParts(instant)
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
}

/** `2026-11-22`: the calendar date of an instant in Beijing. */
export function formatShanghaiDate(instant: Date | string): string {
  const p = toShanghaiParts(instant)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** `2026年11月22日` for an instant, as a date in Beijing. */
export function formatShanghaiDateCn(instant: Date | string): string {
  const p = toShanghaiParts(instant)
  return `${p.year}年${p.month}月${p.day}日`
}

/** The instant a Beijing wall-clock time `YYYY-MM-DD HH:mm` names; undefined when it is not one. */
export function parseShanghaiDateTime(text: string): Date | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})\s*$/.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number]
  const utc = Date.UTC(year, month - 1, day, hour, minute) - SHANGHAI_OFFSET_MS
  const back = toShanghaiParts(new Date(utc))
  // Reject what Date.UTC would roll over (2026-02-30, 24:00 …).
  if (back.year !== year || back.month !== month || back.day !== day || back.hour !== hour || back.minute !== minute) return undefined
  return new Date(utc)
}

/** Whole days from `from` to `to` (rounded down; negative when `to` is earlier). */
export const wholeDaysBetween = (from: Date | string, to: Date | string): number => Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000)
