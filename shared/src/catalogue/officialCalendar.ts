/**
 * 全国年节假日安排 as the State Council publishes it each year: the days off (holidays,
 * including the weekend days inside a holiday block) and the 调休 days (a Saturday or
 * Sunday that is a working day). Every other Monday–Friday is a working day, every other
 * Saturday and Sunday is not. A year missing here is unknown — never assumed ordinary
 * (see rules/workingDays.ts); a platform admin loads a new year when it is published.
 */
export interface YearArrangement {
  year: number
  /** Days off that would otherwise be working days or weekends inside a holiday (YYYY-MM-DD). */
  holidays: readonly string[]
  /** Saturdays and Sundays that are working days (调休). */
  workdays: readonly string[]
  /** Where the arrangement comes from. */
  source: string
}

const range = (from: string, to: string): string[] => {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

export const OFFICIAL_ARRANGEMENTS: readonly YearArrangement[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    holidays: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'), // 春节
      ...range('2025-04-04', '2025-04-06'), // 清明节
      ...range('2025-05-01', '2025-05-05'), // 劳动节
      ...range('2025-05-31', '2025-06-02'), // 端午节
      ...range('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    holidays: [
      ...range('2026-01-01', '2026-01-03'), // 元旦
      ...range('2026-02-15', '2026-02-23'), // 春节
      ...range('2026-04-04', '2026-04-06'), // 清明节
      ...range('2026-05-01', '2026-05-05'), // 劳动节
      ...range('2026-06-19', '2026-06-21'), // 端午节
      ...range('2026-09-25', '2026-09-27'), // 中秋节
      ...range('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
]
