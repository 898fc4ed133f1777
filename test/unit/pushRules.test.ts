import { describe, expect, it } from 'vitest'
import { audienceIncludes, regionCovers, subscribeMessageFieldErrors, CITIZEN_GROUP_CODES, DEFAULT_DAILY_PUSH_CAP, inQuietHours, pushDayOf, quietHoursOver, type AudienceRule, grantOf, subscribeRequestError, consentStanding, consentText } from '@zw/shared'

const beijing = (local: string) => new Date(`${local}+08:00`)

describe('quiet hours (22:00–08:00 Beijing time by default)', () => {
  it('holds pushes from 22:00 to 08:00 in Beijing, whatever the UTC date', () => {
    expect(inQuietHours(beijing('2026-11-22T21:59:00'))).toBe(false)
    expect(inQuietHours(beijing('2026-11-22T22:00:00'))).toBe(true)
    expect(inQuietHours('2026-11-22T16:30:00Z')).toBe(true) // 00:30 on the 23rd in Beijing
    expect(inQuietHours(beijing('2026-11-23T07:59:00'))).toBe(true)
    expect(inQuietHours(beijing('2026-11-23T08:00:00'))).toBe(false)
  })
  it('says when a held push may go: the end of the quiet hours, today or tomorrow', () => {
    expect(quietHoursOver(beijing('2026-11-22T23:30:00'))).toEqual(beijing('2026-11-23T08:00:00'))
    expect(quietHoursOver(beijing('2026-11-23T03:00:00'))).toEqual(beijing('2026-11-23T08:00:00'))
    expect(quietHoursOver(beijing('2026-12-31T22:15:00'))).toEqual(beijing('2027-01-01T08:00:00'))
    const noon = beijing('2026-11-23T12:00:00')
    expect(quietHoursOver(noon)).toEqual(noon)
  })
  it('takes a configured window, within a day or none at all, and refuses a malformed one', () => {
    const lunch = { start: '12:00', end: '13:30' }
    expect(inQuietHours(beijing('2026-11-23T12:45:00'), lunch)).toBe(true)
    expect(inQuietHours(beijing('2026-11-23T13:30:00'), lunch)).toBe(false)
    expect(quietHoursOver(beijing('2026-11-23T12:10:00'), lunch)).toEqual(beijing('2026-11-23T13:30:00'))
    expect(inQuietHours(beijing('2026-11-23T03:00:00'), { start: '00:00', end: '00:00' })).toBe(false)
    expect(() => inQuietHours(new Date(), { start: '22:00', end: '8:00' })).toThrow('HH:mm')
  })
  it('counts the daily cap by the Beijing calendar day', () => {
    expect(DEFAULT_DAILY_PUSH_CAP).toBe(2)
    expect(pushDayOf('2026-11-22T15:59:59Z')).toBe('2026-11-22')
    expect(pushDayOf('2026-11-22T16:00:00Z')).toBe('2026-11-23')
  })
})

describe('who a campaign reaches', () => {
  const county = '520102000000' // 贵阳市南明区
  const otherCounty = '520103000000'
  const city = '520100000000' // 贵阳市
  const province = '520000000000'
  const rule = (o: Partial<AudienceRule> = {}): AudienceRule => ({ topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: [city], groups: [], ...o })
  const citizen = (subscriptions: { topic: string; region: string }[], groups: string[] = []) => ({ subscriptions, groups })
  it('reaches subscribers of its topic in any place its regions cover, not beyond', () => {
    expect(audienceIncludes(rule(), citizen([{ topic: 'land-acquisition-compensation', region: county }]))).toBe(true)
    expect(audienceIncludes(rule(), citizen([{ topic: 'land-acquisition-compensation', region: '520102001001' }]))).toBe(true) // a village in it
    expect(audienceIncludes(rule({ regions: [county] }), citizen([{ topic: 'land-acquisition-compensation', region: otherCounty }]))).toBe(false)
    expect(audienceIncludes(rule({ regions: [county] }), citizen([{ topic: 'land-acquisition-compensation', region: province }]))).toBe(false)
    expect(audienceIncludes(rule({ regions: [] }), citizen([{ topic: 'land-acquisition-compensation', region: '410700000000' }]))).toBe(true)
    // Subscribed to another topic, or to this one for another place: not reached.
    expect(audienceIncludes(rule(), citizen([{ topic: 'employment-subsidies', region: county }, { topic: 'land-acquisition-compensation', region: '410700000000' }]))).toBe(false)
  })
  it('with "all", needs a subscription to every topic; with groups, one of them', () => {
    const both = rule({ topics: ['land-acquisition-compensation', 'demolition-resettlement'], topicMatch: 'all' })
    expect(audienceIncludes(both, citizen([{ topic: 'land-acquisition-compensation', region: county }]))).toBe(false)
    expect(audienceIncludes(both, citizen([{ topic: 'land-acquisition-compensation', region: county }, { topic: 'demolition-resettlement', region: city }]))).toBe(true)
    expect(audienceIncludes(rule({ topicMatch: 'all', topics: [] }), citizen([{ topic: 'land-acquisition-compensation', region: county }]))).toBe(false)
    const farmers = rule({ groups: ['farmer', 'land-expropriated'] })
    expect(audienceIncludes(farmers, citizen([{ topic: 'land-acquisition-compensation', region: county }], ['graduate']))).toBe(false)
    expect(audienceIncludes(farmers, citizen([{ topic: 'land-acquisition-compensation', region: county }], ['land-expropriated']))).toBe(true)
    expect(CITIZEN_GROUP_CODES).toContain('land-expropriated')
  })
})

describe('regionCovers(ruleCode, citizenCode): 12-digit codes, trailing zero groups mean the whole area', () => {
  it('covers the area itself and everything below it, nothing beside or above it', () => {
    expect(regionCovers('520100000000', '520102000000')).toBe(true) // a city, one of its districts
    expect(regionCovers('520000000000', '520102001001')).toBe(true) // a province, a village in it
    expect(regionCovers('520102000000', '520102000000')).toBe(true)
    expect(regionCovers('520102000000', '520103000000')).toBe(false) // the district next door
    expect(regionCovers('520102000000', '520100000000')).toBe(false) // its city
    expect(regionCovers('520102001000', '520102001001')).toBe(true) // a town, one of its villages
    expect(regionCovers('520102001000', '520102002001')).toBe(false)
  })
})

describe('subscription-message fields as WeChat accepts them (else 47003)', () => {
  it('accepts what each kind allows and names what is wrong with the rest', () => {
    expect(
      subscribeMessageFieldErrors({
        thing1: '南明区征地补偿标准公示',
        phrase2: '已公示',
        time3: '2026年11月22日 15:01',
        date4: '2026年11月22日',
        amount5: '¥1200.00',
        character_string6: 'ZD-2026-0042',
        number7: '42',
        name8: '张三',
        phone_number9: '0851-12345',
      }),
    ).toEqual([])
    expect(
      subscribeMessageFieldErrors({
        thing1: '关于南明区2026年度集体土地征收补偿安置标准的公示',
        phrase2: '正在公示中',
        phrase3: 'OK',
        time4: '下午三点',
        character_string5: '征地-42',
        amount6: '一千二',
        thing7: '  ',
        colour8: '红',
        name9: '欧阳诸葛司马上官长孙慕容',
      }),
    ).toEqual([
      { field: 'thing1', message: '不超过 20 个字' },
      { field: 'phrase3', message: '只能是汉字，不超过 5 个' },
      { field: 'time4', message: '应为 24 小时制时间，例如 15:01 或 2026年11月22日 15:01' },
      { field: 'character_string5', message: '只能是数字、字母或符号，不超过 32 位' },
      { field: 'amount6', message: '应为金额，例如 ¥1200.00 或 1200元' },
      { field: 'thing7', message: '不能为空' },
      { field: 'colour8', message: '不认识的模板字段类型' },
      { field: 'name9', message: '姓名不超过 10 个汉字或 20 个字母' },
    ])
  })
})

describe('the WeChat consent rules', () => {
  it('an answer of wx.requestSubscribeMessage grants one send, standing permission, nothing, or ends it', () => {
    expect(grantOf('accept', 'one-time')).toBe('one-more')
    expect(grantOf('accept', 'long-term')).toBe('long-term')
    expect(grantOf('reject', 'one-time')).toBe('nothing')
    expect(grantOf('filter', 'long-term')).toBe('nothing')
    expect(grantOf('ban', 'one-time')).toBe('revoked')
  })

  it('one request asks for at most three templates of one kind', () => {
    expect(subscribeRequestError([{ kind: 'one-time' }, { kind: 'one-time' }, { kind: 'one-time' }])).toBeNull()
    expect(subscribeRequestError([{ kind: 'one-time' }, { kind: 'one-time' }, { kind: 'one-time' }, { kind: 'one-time' }])).toBe('一次最多订阅 3 个消息模板')
    expect(subscribeRequestError([{ kind: 'one-time' }, { kind: 'long-term' }])).toBe('一次性订阅和长期订阅的模板不能在同一次请求中')
    expect(subscribeRequestError([])).toBe('没有可订阅的消息模板')
  })

  it('what is left: acceptances less uses, none once WeChat said so; long-term is on or off', () => {
    expect(consentStanding('one-time', 3, 1, false)).toEqual({ state: 'remaining', remaining: 2 })
    expect(consentStanding('one-time', 3, 3, false)).toEqual({ state: 'none', remaining: 0 })
    expect(consentStanding('one-time', 3, 1, true)).toEqual({ state: 'none', remaining: 0 })
    expect(consentStanding('long-term', 1, 0, false)).toEqual({ state: 'on', remaining: 0 })
    expect(consentStanding('long-term', 1, 0, true)).toEqual({ state: 'none', remaining: 0 })
    expect(consentStanding('long-term', 0, 0, false)).toEqual({ state: 'none', remaining: 0 })
    expect(consentText({ state: 'remaining', remaining: 2 })).toBe('还可以在微信里收到 2 条提醒')
  })
})
