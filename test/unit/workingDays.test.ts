import { describe, expect, it } from 'vitest'
import { isWorkday } from 'chinese-days'
import { CalendarGapError, isPastWorkingDays, OFFICIAL_ARRANGEMENTS, WorkingCalendar } from '@zw/shared'

const calendar = new WorkingCalendar()
const everyDayOf = (year: number) => {
  const out: string[] = []
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

describe('working days (official calendar with 调休)', () => {
  it('agrees with an independent source (the chinese-days package) on every day of each bundled year', () => {
    expect(OFFICIAL_ARRANGEMENTS.map((a) => a.year)).toEqual([2025, 2026])
    for (const { year } of OFFICIAL_ARRANGEMENTS) {
      const differ = everyDayOf(year).filter((d) => calendar.isWorkingDay(d) !== isWorkday(d))
      expect(differ, `${year}`).toEqual([])
    }
  })

  it('knows the 2026 facts: 调休 Saturday 02-14 and Sunday 09-20 are working days; 10-01 to 10-07 are not', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true)
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true)
    for (let d = 1; d <= 7; d++) expect(calendar.isWorkingDay(`2026-10-0${d}`)).toBe(false)
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true)
    expect(calendar.isWorkingDay('2026-11-21')).toBe(false) // a Saturday
  })

  it('counts from the day after: Friday + 1 is Monday, and holidays are skipped', () => {
    expect(calendar.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23')
    expect(calendar.addWorkingDays('2026-11-20', 0)).toBe('2026-11-20')
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08')
    // 20 working days after receipt on 2026-09-21 (a 依申请公开 deadline): the National Day week does not count.
    expect(calendar.addWorkingDays('2026-09-21', 20)).toBe('2026-10-26')
    expect(calendar.workingDaysBetween('2026-09-21', '2026-10-26')).toBe(20)
    expect(calendar.workingDaysBetween('2026-10-26', '2026-09-21')).toBe(0)
  })

  it('refuses, naming the year, rather than guess past the data it has', () => {
    expect(() => calendar.addWorkingDays('2026-12-30', 5)).toThrow(CalendarGapError)
    expect(() => calendar.addWorkingDays('2026-12-30', 5)).toThrow('缺少 2027 年的节假日安排')
    expect(() => calendar.isWorkingDay('2024-05-06')).toThrow(CalendarGapError)
    // A loaded year is used as given.
    const with2027 = new WorkingCalendar([...OFFICIAL_ARRANGEMENTS, { year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'test' }])
    expect(with2027.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04')
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError)
  })

  it('flags a wait longer than one working day in Beijing dates', () => {
    // Submitted Friday 2026-11-20 16:00 Beijing (08:00 UTC): due Monday, late from Tuesday 00:00 Beijing.
    const since = '2026-11-20T08:00:00Z'
    expect(isPastWorkingDays(calendar, since, '2026-11-23T15:59:00Z', 1)).toBe(false) // Monday 23:59 Beijing
    expect(isPastWorkingDays(calendar, since, '2026-11-23T16:00:00Z', 1)).toBe(true) // Tuesday 00:00 Beijing
    // Submitted the evening before the National Day holiday: not late until 10-09.
    expect(isPastWorkingDays(calendar, '2026-09-30T12:00:00Z', '2026-10-08T12:00:00Z', 1)).toBe(false)
    expect(isPastWorkingDays(calendar, '2026-09-30T12:00:00Z', '2026-10-08T16:00:00Z', 1)).toBe(true)
  })
})
