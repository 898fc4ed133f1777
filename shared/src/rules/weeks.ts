import { SHANGHAI_OFFSET_MS, toShanghaiParts } from '../time'

const DAY_MS = 86_400_000

/**
 * The ISO week of an instant in Asia/Shanghai, `YYYY-Www` (`2026-W47`). Weeks run Monday
 * 00:00 to Sunday 24:00 Beijing time; a week belongs to the year of its Thursday, so
 * 2026 has 53 weeks and 2027-01-01 is in 2026-W53.
 */
export function weekKey(instant: Date | string): string {
  const p = toShanghaiParts(instant)
  const day = Date.UTC(p.year, p.month - 1, p.day) / DAY_MS
  const thursday = day + (4 - p.weekday)
  const isoYear = new Date(thursday * DAY_MS).getUTCFullYear()
  const week = Math.floor((thursday - Date.UTC(isoYear, 0, 1) / DAY_MS) / 7) + 1
  return `${isoYear}-W${String(week).padStart(2, '0')}`
}

const WEEK_KEY = /^(\d{4})-W(\d{2})$/

/** When a week starts (Monday 00:00 Beijing) and ends (the next Monday 00:00), as UTC instants. */
export function weekBounds(key: string): { start: Date; end: Date } {
  const m = WEEK_KEY.exec(key)
  if (!m) throw new RangeError(`not a week key (YYYY-Www): ${key}`)
  const year = Number(m[1])
  const week = Number(m[2])
  // The Monday of week 1 is the Monday on or before 4 January.
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS
  const jan4Weekday = ((new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7) + 1
  const monday = jan4 - (jan4Weekday - 1) + (week - 1) * 7
  const start = new Date(monday * DAY_MS - SHANGHAI_OFFSET_MS)
  if (week < 1 || weekKey(start) !== key) throw new RangeError(`no such week: ${key}`)
  return { start, end: new Date(start.getTime() + 7 * DAY_MS) }
}

/** The week `n` weeks after (or, negative, before) `key`. */
export function addWeeks(key: string, n: number): string {
  return weekKey(new Date(weekBounds(key).start.getTime() + n * 7 * DAY_MS))
}

/** The quarter of an instant in Asia/Shanghai (`2026-Q4`) and its bounds as UTC instants. */
export function quarterOf(instant: Date | string): { key: string; start: Date; end: Date } {
  const p = toShanghaiParts(instant)
  const q = Math.floor((p.month - 1) / 3)
  const start = new Date(Date.UTC(p.year, q * 3, 1) - SHANGHAI_OFFSET_MS)
  const end = new Date(Date.UTC(p.year, q * 3 + 3, 1) - SHANGHAI_OFFSET_MS)
  return { key: `${p.year}-Q${q + 1}`, start, end }
}

/** The calendar year of an instant in Asia/Shanghai and its bounds as UTC instants. */
export function yearOf(instant: Date | string): { year: number; start: Date; end: Date } {
  const { year } = toShanghaiParts(instant)
  return { year, start: new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS), end: new Date(Date.UTC(year + 1, 0, 1) - SHANGHAI_OFFSET_MS) }
}
