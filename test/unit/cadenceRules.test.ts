import { describe, expect, it } from 'vitest'
import { addWeeks, columnCondition, countWeek, DEFAULT_STALE_AFTER_DAYS, interpretationShortfalls, isNearDuplicate, quarterOf, textSimilarity, weekBounds, weekKey, yearOf, type CadenceEntry, type CoveragePolicy } from '@zw/shared'

describe('weekKey: ISO weeks in Asia/Shanghai', () => {
  it('numbers weeks across year ends: 2026 has 53 weeks and 2027-01-01 is in 2026-W53', () => {
    expect(weekKey('2026-01-01T04:00:00Z')).toBe('2026-W01') // a Thursday: week 1 of 2026
    expect(weekKey('2025-12-29T04:00:00Z')).toBe('2026-W01') // the Monday of that week, still in 2025
    expect(weekKey('2026-12-31T04:00:00Z')).toBe('2026-W53')
    expect(weekKey('2027-01-01T04:00:00Z')).toBe('2026-W53')
    expect(weekKey('2027-01-03T04:00:00Z')).toBe('2026-W53') // Sunday
    expect(weekKey('2027-01-04T04:00:00Z')).toBe('2027-W01')
    expect(weekKey('2026-11-22T04:00:00Z')).toBe('2026-W47')
    expect(weekKey('2020-12-31T04:00:00Z')).toBe('2020-W53')
    expect(weekKey('2021-01-01T04:00:00Z')).toBe('2020-W53')
    expect(weekKey('2024-12-30T04:00:00Z')).toBe('2025-W01')
  })

  it('turns the week at Monday 00:00 Beijing time (Sunday 16:00 UTC), not at UTC midnight', () => {
    expect(weekKey('2026-11-22T15:59:59.999Z')).toBe('2026-W47') // Sunday 23:59:59 in Beijing
    expect(weekKey('2026-11-22T16:00:00Z')).toBe('2026-W48') // Monday 00:00 in Beijing, still Sunday in UTC
    expect(weekKey(new Date('2026-11-23T00:30:00+08:00'))).toBe('2026-W48')
  })

  it('gives each week its Beijing bounds, and steps through the weeks', () => {
    expect(weekBounds('2026-W48')).toEqual({ start: new Date('2026-11-22T16:00:00Z'), end: new Date('2026-11-29T16:00:00Z') })
    expect(weekBounds('2026-W53').start).toEqual(new Date('2026-12-27T16:00:00Z'))
    expect(() => weekBounds('2025-W53')).toThrow(RangeError) // 2025 has 52 weeks
    expect(() => weekBounds('2026-48')).toThrow(RangeError)
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53')
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01')
    expect(addWeeks('2027-W01', -2)).toBe('2026-W52')
    // Every week of 2020–2030 round-trips.
    for (let key = '2020-W01'; key !== '2031-W01'; key = addWeeks(key, 1)) expect(weekKey(weekBounds(key).start)).toBe(key)
  })
})

describe('what counts toward the weekly minimum', () => {
  const entry = (at: string, o: Partial<CadenceEntry> = {}): CadenceEntry => ({ at, state: 'published', minor: false, unpublishedInError: false, duplicateOf: null, ...o })
  it('counts updates published in the week, and scheduled ones as forecast; not minor changes, takedowns for error, or re-posts', () => {
    const week = '2026-W48'
    const entries = [
      entry('2026-11-23T01:00:00Z'),
      entry('2026-11-24T01:00:00Z', { minor: true }),
      entry('2026-11-25T01:00:00Z', { unpublishedInError: true }),
      entry('2026-11-26T01:00:00Z', { duplicateOf: 'other-item' }),
      entry('2026-11-27T01:00:00Z', { state: 'scheduled' }),
      entry('2026-11-28T01:00:00Z', { state: 'scheduled', minor: true }),
      entry('2026-11-22T15:00:00Z'), // Sunday 23:00 Beijing: the week before
      entry('2026-11-29T16:00:00Z'), // Monday 00:00 Beijing: the week after
    ]
    expect(countWeek(entries, week)).toEqual({ published: 1, forecast: 1 })
    expect(countWeek(entries, '2026-W47')).toEqual({ published: 1, forecast: 0 })
  })
})

describe('near-duplicate text', () => {
  const notice = '<p>关于开展2026年度就业创业补贴申领工作的通知：符合条件的人员可于12月31日前到户籍所在地社区服务中心提出申请，逾期不予受理。</p>'
  it('finds a re-post with different markup, spacing and punctuation, or a changed date, but not a different notice', () => {
    expect(textSimilarity(notice, notice)).toBe(1)
    expect(isNearDuplicate(notice, '关于开展2026年度就业创业补贴申领工作的通知 符合条件的人员可于12月31日前，到户籍所在地社区服务中心提出申请。逾期不予受理')).toBe(true)
    expect(isNearDuplicate(notice, notice.replace('12月31日', '12月30日'))).toBe(true)
    expect(isNearDuplicate(notice, '关于2026年冬季城乡居民医疗保险集中参保缴费的公告：请参保人员于12月31日前通过微信或银行网点缴纳下一年度保费。')).toBe(false)
    expect(textSimilarity('', '')).toBe(1)
    expect(textSimilarity('通知', '公告')).toBe(0)
  })
})

describe('quarters and years in Asia/Shanghai', () => {
  it('puts the first hours of a quarter (Beijing) in it, though UTC is still in the last one', () => {
    expect(quarterOf('2026-09-30T16:00:00Z')).toEqual({ key: '2026-Q4', start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') })
    expect(quarterOf('2026-09-30T15:59:59Z').key).toBe('2026-Q3')
    expect(quarterOf('2026-12-31T16:00:00Z').key).toBe('2027-Q1')
    expect(quarterOf('2026-02-10T00:00:00Z')).toMatchObject({ key: '2026-Q1', start: new Date('2025-12-31T16:00:00Z'), end: new Date('2026-03-31T16:00:00Z') })
    expect(yearOf('2026-12-31T16:30:00Z')).toEqual({ year: 2027, start: new Date('2026-12-31T16:00:00Z'), end: new Date('2027-12-31T16:00:00Z') })
  })
})

describe('stale and blank columns (开天窗)', () => {
  const now = new Date('2026-11-25T04:00:00Z')
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000)
  it('judges a column by its own threshold: news two weeks, notices and policies half a year', () => {
    expect(DEFAULT_STALE_AFTER_DAYS).toMatchObject({ news: 14, notice: 183, policy: 183 })
    const news = { liveItems: 3, staleAfterDays: DEFAULT_STALE_AFTER_DAYS.news, active: true }
    expect(columnCondition({ ...news, lastUpdateAt: daysAgo(14) }, now)).toEqual({ condition: 'ok', daysSinceUpdate: 14 })
    expect(columnCondition({ ...news, lastUpdateAt: daysAgo(15) }, now)).toEqual({ condition: 'stale', daysSinceUpdate: 15 })
    expect(columnCondition({ ...news, staleAfterDays: 183, lastUpdateAt: daysAgo(100) }, now).condition).toBe('ok')
    expect(columnCondition({ ...news, lastUpdateAt: null }, now)).toEqual({ condition: 'stale', daysSinceUpdate: null })
  })
  it('calls a column with nothing public in it blank, and does not judge one the account does not run', () => {
    expect(columnCondition({ liveItems: 0, lastUpdateAt: daysAgo(1), staleAfterDays: 14, active: true }, now).condition).toBe('blank')
    expect(columnCondition({ liveItems: 0, lastUpdateAt: undefined, staleAfterDays: 14, active: false }, now)).toEqual({ condition: 'inactive', daysSinceUpdate: null })
  })
})

describe('interpretation coverage of important policies (年内解读不少于2次)', () => {
  const now = new Date('2026-11-22T04:00:00Z') // 12:00 in Beijing; 40 days left, today included
  const policy = (id: string, o: Partial<CoveragePolicy> = {}): CoveragePolicy => ({ id, title: `政策${id}`, department: 'guiyang-hrss', validity: 'valid', publishedAt: '2025-03-01T00:00:00Z', ...o })
  const interp = (policyIds: string[], publishedAt: string) => ({ id: `i-${policyIds.join()}-${publishedAt}`, policyIds, publishedAt })
  it('lists important policies in force with fewer than two interpretations this Beijing year, with the days left', () => {
    const got = interpretationShortfalls(
      [policy('a'), policy('b'), policy('c'), policy('d', { validity: 'repealed' })],
      [
        interp(['a'], '2026-03-01T00:00:00Z'),
        interp(['a', 'b'], '2026-06-01T00:00:00Z'), // counts for both
        interp(['b'], '2025-12-31T15:59:00Z'), // 23:59 on 31 Dec 2025 in Beijing: last year
        interp(['c'], '2025-12-31T16:00:00Z'), // 00:00 on 1 Jan 2026 in Beijing: this year
      ],
      now,
    )
    expect(got).toEqual([
      { policyId: 'b', title: '政策b', department: 'guiyang-hrss', interpretedThisYear: 1, needed: 2, daysLeft: 40 },
      { policyId: 'c', title: '政策c', department: 'guiyang-hrss', interpretedThisYear: 1, needed: 2, daysLeft: 40 },
    ])
  })
  it('counts an interpretation once for a policy however often it names it, and not one published after now', () => {
    const got = interpretationShortfalls([policy('a')], [interp(['a', 'a'], '2026-02-01T00:00:00Z'), interp(['a'], '2026-12-01T00:00:00Z')], now)
    expect(got.map((s) => s.interpretedThisYear)).toEqual([1])
    expect(interpretationShortfalls([policy('a')], [], new Date('2026-12-31T15:00:00Z'))[0]!.daysLeft).toBe(1)
  })
})
