import { OFFICIAL_ARRANGEMENTS, type YearArrangement } from '../catalogue/officialCalendar'
import { formatShanghaiDate } from '../time'

/** A computation reached a year whose holiday arrangement is not loaded: it stops rather than guess. */
export class CalendarGapError extends Error {
  constructor(readonly year: number) {
    super(`缺少 ${year} 年的节假日安排，无法计算工作日，请平台管理员导入该年度的放假安排`)
    this.name = 'CalendarGapError'
  }
}

const DAY_MS = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function dayNumberOf(date: string): number {
  const m = DATE.exec(date)
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`)
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (new Date(t).toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`)
  return t / DAY_MS
}
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

/**
 * Working days in mainland China (Asia/Shanghai calendar dates): Monday to Friday, minus
 * the holidays, plus the 调休 weekend days, for the years whose arrangement it holds.
 * Asking about any other year throws CalendarGapError.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, { holidays: Set<string>; workdays: Set<string> }>()

  constructor(arrangements: readonly YearArrangement[] = OFFICIAL_ARRANGEMENTS) {
    for (const a of arrangements) this.years.set(a.year, { holidays: new Set(a.holidays), workdays: new Set(a.workdays) })
  }

  /** Adds (or replaces) a year's arrangement: a platform admin loaded the State Council's notice for it. */
  load(arrangement: YearArrangement): void {
    this.years.set(arrangement.year, { holidays: new Set(arrangement.holidays), workdays: new Set(arrangement.workdays) })
  }

  /** The years it can answer for. */
  get knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b)
  }

  covers(year: number): boolean {
    return this.years.has(year)
  }

  isWorkingDay(date: string): boolean {
    const day = dayNumberOf(date)
    const year = Number(date.slice(0, 4))
    const arrangement = this.years.get(year)
    if (!arrangement) throw new CalendarGapError(year)
    if (arrangement.workdays.has(date)) return true
    if (arrangement.holidays.has(date)) return false
    const weekday = new Date(day * DAY_MS).getUTCDay() // 0 = Sunday
    return weekday !== 0 && weekday !== 6
  }

  /**
   * The date `n` working days after `date` (counting starts the day after, as statutory
   * deadlines do: received on a Friday, 1 working day later is the next Monday).
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`)
    let day = dayNumberOf(date)
    for (let left = n; left > 0; ) {
      day += 1
      if (this.isWorkingDay(dateOf(day))) left -= 1
    }
    return dateOf(day)
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number {
    const end = dayNumberOf(to)
    let n = 0
    for (let day = dayNumberOf(from) + 1; day <= end; day++) if (this.isWorkingDay(dateOf(day))) n += 1
    return n
  }
}

/**
 * Whether something that started waiting at `since` has waited more than `days` working
 * days by `now`: it was due by the end of the `days`-th working day after the day it
 * arrived (Beijing dates). Submitted on a Friday with a one-day target: due Monday, late
 * from Tuesday.
 */
export function isPastWorkingDays(calendar: WorkingCalendar, since: Date | string, now: Date | string, days: number): boolean {
  return formatShanghaiDate(now) > calendar.addWorkingDays(formatShanghaiDate(since), days)
}

let bundled: WorkingCalendar | undefined
/** The calendar of the bundled official arrangements (the server adds the years an admin loads to its own). */
export const bundledCalendar = (): WorkingCalendar => (bundled ??= new WorkingCalendar())

/** The `n`-th working day after `date` (YYYY-MM-DD, not counting `date`) in the bundled official calendar: `addWorkingDays('2026-09-30', 1)` is `2026-10-08`. */
export function addWorkingDays(date: string, n: number): string {
  return bundledCalendar().addWorkingDays(date, n)
}

/** Whether `date` (YYYY-MM-DD) is a working day in the bundled official calendar; CalendarGapError for a year it does not hold. */
export function isWorkingDay(date: string): boolean {
  return bundledCalendar().isWorkingDay(date)
}
