import { formatShanghaiDate, SHANGHAI_OFFSET_MS, toShanghaiParts } from '../time'

/** A daily window (Beijing wall clock, `HH:mm`) in which pushes wait; it may span midnight. */
export interface QuietHours {
  start: string
  end: string
}

/** 22:00–08:00 Beijing time, unless configured otherwise. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '08:00' }

const DAY_MS = 86_400_000
const minutesOf = (hhmm: string) => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  if (!m) throw new RangeError(`not a time of day (HH:mm): ${hhmm}`)
  return Number(m[1]) * 60 + Number(m[2])
}

/** Whether `instant` falls in the quiet hours (Asia/Shanghai); an empty window (start = end) never does. */
export function inQuietHours(instant: Date | string, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const p = toShanghaiParts(instant)
  const now = p.hour * 60 + p.minute
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  if (start === end) return false
  return start < end ? now >= start && now < end : now >= start || now < end
}

/** The first moment at or after `instant` outside the quiet hours: `instant` itself, or when they end. */
export function quietHoursOver(instant: Date | string, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  const at = new Date(instant)
  if (!inQuietHours(at, quiet)) return at
  const p = toShanghaiParts(at)
  const end = minutesOf(quiet.end)
  const todayMidnight = Date.UTC(p.year, p.month - 1, p.day) - SHANGHAI_OFFSET_MS
  const endToday = todayMidnight + end * 60_000
  return new Date(endToday > at.getTime() ? endToday : endToday + DAY_MS)
}

/** At most this many pushes reach one citizen in a Beijing calendar day, across all departments. */
export const DEFAULT_DAILY_PUSH_CAP = 2

/** The Beijing calendar day a push counts against (`2026-11-22`). */
export const pushDayOf = (instant: Date | string): string => formatShanghaiDate(instant)
