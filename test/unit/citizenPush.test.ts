import { describe, expect, it } from 'vitest'
import { ApiClientError, MAX_SUBSCRIPTIONS, subscribeRequestError, subscriptionsBodySchema, type ConsentStatus, type TopicCode } from '@zw/shared'
import {
  addSubscriptions,
  areaText,
  consentButtonLabel,
  consentOutcome,
  consentResults,
  draftsFrom,
  frequencyText,
  minuteOptions,
  MORE_TOPICS,
  splitTime,
  subscribeFailureMessage,
  subscribeRequests,
  subscriptionErrors,
  subscriptionsBody,
  THEME_TOPICS,
  type SubscriptionDraft,
} from '../../miniapp/src/lib/citizenPush'
import { appendMessages, linkTarget, unreadText, withRead } from '../../miniapp/src/lib/inbox'

const XINXIANG = '410700000000'
const XINXIANG_COUNTY = '410721000000'

const draft = (topic: TopicCode, region: string | null, more: Partial<SubscriptionDraft> = {}): SubscriptionDraft => ({ topic, region, frequency: 'immediate', digestAt: null, fresh: false, ...more })

describe('the topics of 我的订阅', () => {
  it('puts the 精准推送 themes first, in the catalogue’s order, and the other topics behind 更多主题', () => {
    expect(THEME_TOPICS.map((t) => t.code)).toEqual([
      'land-acquisition-compensation',
      'demolition-resettlement',
      'affordable-housing',
      'rural-dilapidated-housing',
      'rural-revitalisation',
      'agricultural-subsidies',
      'employment-subsidies',
    ])
    expect(THEME_TOPICS[0]!.name).toBe('征地补偿')
    expect(MORE_TOPICS.some((t) => t.pushTheme)).toBe(false)
    expect(MORE_TOPICS.map((t) => t.name)).toContain('就业')
    expect(THEME_TOPICS.length + MORE_TOPICS.length).toBe(new Set([...THEME_TOPICS, ...MORE_TOPICS].map((t) => t.code)).size)
  })
})

describe('the form of 我的订阅', () => {
  it('adds one entry per chosen topic for the chosen area and frequency, leaving out what is already there', () => {
    const held = [draft('land-acquisition-compensation', XINXIANG_COUNTY)]
    const result = addSubscriptions(held, { topics: ['land-acquisition-compensation', 'employment-subsidies'], region: null, frequency: 'digest', digestAt: '19:30' }, XINXIANG_COUNTY)
    expect(result).toEqual({
      ok: true,
      drafts: [held[0], { topic: 'employment-subsidies', region: null, frequency: 'digest', digestAt: '19:30', fresh: true }],
      added: ['就业创业补贴'],
      already: ['征地补偿'],
    })
    // The same topic for another area is another subscription.
    const city = addSubscriptions(held, { topics: ['land-acquisition-compensation'], region: XINXIANG, frequency: 'immediate', digestAt: '08:00' }, XINXIANG_COUNTY)
    expect(city.ok && city.drafts[1]).toEqual({ topic: 'land-acquisition-compensation', region: XINXIANG, frequency: 'immediate', digestAt: null, fresh: true })
  })

  it('says what is missing: a topic, an area (none of their own and none picked), or room', () => {
    expect(addSubscriptions([], { topics: [], region: null, frequency: 'immediate', digestAt: '08:00' }, XINXIANG)).toEqual({ ok: false, field: 'topics', message: '请至少选一个主题' })
    const noArea = addSubscriptions([], { topics: ['employment-subsidies'], region: null, frequency: 'immediate', digestAt: '08:00' }, null)
    expect(noArea).toMatchObject({ ok: false, field: 'region' })
    expect(!noArea.ok && noArea.message).toContain('我的')
    const full = Array.from({ length: MAX_SUBSCRIPTIONS }, (_, i) => draft('employment-subsidies', `4107${String(i).padStart(2, '0')}000000`))
    expect(addSubscriptions(full, { topics: ['agricultural-subsidies'], region: null, frequency: 'immediate', digestAt: '08:00' }, XINXIANG)).toMatchObject({ ok: false, field: 'count' })
  })

  it('builds the body setSubscriptions takes: own area as null, a time only for a digest', () => {
    const body = subscriptionsBody([
      draft('land-acquisition-compensation', null, { fresh: true }),
      draft('employment-subsidies', XINXIANG, { frequency: 'digest', digestAt: '19:30' }),
      draft('agricultural-subsidies', XINXIANG, { frequency: 'immediate', digestAt: '07:00' }),
    ])
    expect(body).toEqual({
      subscriptions: [
        { topic: 'land-acquisition-compensation', region: null, frequency: 'immediate', digestAt: null },
        { topic: 'employment-subsidies', region: XINXIANG, frequency: 'digest', digestAt: '19:30' },
        { topic: 'agricultural-subsidies', region: XINXIANG, frequency: 'immediate', digestAt: null },
      ],
    })
    expect(subscriptionsBodySchema.safeParse(body).success).toBe(true)
    expect(draftsFrom([{ topic: 'employment-subsidies', region: XINXIANG, frequency: 'digest', digestAt: '19:30' }])).toEqual([draft('employment-subsidies', XINXIANG, { frequency: 'digest', digestAt: '19:30' })])
  })

  it('describes an entry in plain words', () => {
    expect(frequencyText('immediate', null)).toBe('有消息就提醒')
    expect(frequencyText('digest', '19:30')).toBe('每天 19:30 汇总一次')
    expect(areaText(null, XINXIANG_COUNTY)).toBe('我所在的地区（河南省 新乡市 新乡县）')
    expect(areaText(XINXIANG_COUNTY, XINXIANG_COUNTY)).toBe('我所在的地区（河南省 新乡市 新乡县）')
    expect(areaText(XINXIANG, XINXIANG_COUNTY)).toBe('河南省 新乡市')
    expect(areaText(null, null)).toBe('我所在的地区（还没有设置）')
    expect(areaText('410799999000', null)).toContain('不在列表中')
  })

  it('offers the quarters as minutes, plus an odd minute already chosen', () => {
    expect(minuteOptions('30').map((o) => o.value)).toEqual(['00', '15', '30', '45'])
    expect(minuteOptions('35').map((o) => o.value)).toEqual(['00', '15', '30', '35', '45'])
    expect(splitTime('19:30')).toEqual({ hour: '19', minute: '30' })
    expect(splitTime('bad')).toEqual({ hour: '08', minute: '00' })
  })

  it('places the server’s refusals by entry and field', () => {
    const refused = new ApiClientError(400, 'VALIDATION_FAILED', '提交的内容有误', [
      { path: 'subscriptions.2.digestAt', message: '每天汇总需要选择汇总时间' },
      { path: 'body.subscriptions.3.topic', message: '请从主题列表中选择' },
      { path: 'subscriptions.4', message: '订阅内容格式不正确' },
      { path: 'subscriptions', message: '最多订阅 30 项' },
    ])
    expect(subscriptionErrors(refused)).toEqual({
      entries: { 2: { digestAt: '每天汇总需要选择汇总时间' }, 3: { topic: '请从主题列表中选择' }, 4: { entry: '订阅内容格式不正确' } },
      other: '最多订阅 30 项',
    })
    expect(subscriptionErrors(new ApiClientError(503, 'SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后再试'))).toEqual({ entries: {}, other: '服务暂时不可用，请稍后再试' })
  })
})

const consent = (kind: ConsentStatus['kind'], templateId: string, templateKind: ConsentStatus['templateKind'], state: ConsentStatus['state'] = 'none'): ConsentStatus => ({
  kind,
  name: kind === 'policy-notice' ? '政策推送提醒' : '信息更正通知',
  templateId,
  templateKind,
  state,
  remaining: state === 'remaining' ? 1 : 0,
  text: '',
})

describe('asking WeChat for reminders (wx.requestSubscribeMessage)', () => {
  it('never mixes one-time and long-term templates in a call, and asks at most three at a time', () => {
    const requests = subscribeRequests([consent('policy-notice', 'A', 'one-time'), consent('correction', 'B', 'long-term')])
    expect(requests).toEqual([
      { kind: 'one-time', templateIds: ['A'], names: ['政策推送提醒'] },
      { kind: 'long-term', templateIds: ['B'], names: ['信息更正通知'] },
    ])
    const many = subscribeRequests(['1', '2', '3', '4'].map((id) => consent('policy-notice', id, 'one-time')))
    expect(many.map((r) => r.templateIds)).toEqual([['1', '2', '3'], ['4']])
    for (const r of [...requests, ...many]) expect(subscribeRequestError(r.templateIds.map(() => ({ kind: r.kind })))).toBeNull()
  })

  it('asks again for one-time templates (each acceptance is one more message) but not for long-term ones already on', () => {
    expect(subscribeRequests([consent('policy-notice', 'A', 'one-time', 'remaining'), consent('correction', 'B', 'long-term', 'on')])).toEqual([{ kind: 'one-time', templateIds: ['A'], names: ['政策推送提醒'] }])
    expect(subscribeRequests([])).toEqual([])
  })

  it('reports WeChat’s answer per template, leaving out what it did not answer', () => {
    expect(consentResults(['A', 'B', 'C'], { errMsg: 'requestSubscribeMessage:ok', A: 'accept', B: 'reject', C: 'something-new' })).toEqual([
      { templateId: 'A', result: 'accept' },
      { templateId: 'B', result: 'reject' },
    ])
    expect(consentOutcome([{ templateId: 'A', result: 'accept' }])).toContain('已开启')
    expect(consentOutcome([{ templateId: 'A', result: 'ban' }])).toContain('微信设置里关掉了')
    expect(consentOutcome([{ templateId: 'A', result: 'reject' }])).toContain('这次没有开启')
  })

  it('names the button and the failures in plain words', () => {
    expect(consentButtonLabel([consent('policy-notice', 'A', 'one-time')])).toBe('开启微信提醒')
    expect(consentButtonLabel([consent('policy-notice', 'A', 'one-time', 'remaining')])).toBe('继续接收提醒')
    expect(subscribeFailureMessage({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })).toContain('打开“订阅消息”')
    expect(subscribeFailureMessage(new Error('x'))).toContain('没有开启成功')
  })
})

const message = (id: string, read = false) => ({ id, title: id, text: '', link: null, department: '', at: '2026-11-22T02:00:00Z', read, correction: false })

describe('我的消息', () => {
  it('joins pages without repeating a message, and marks one read once', () => {
    expect(appendMessages([message('a'), message('b')], [message('b'), message('c')]).map((m) => m.id)).toEqual(['a', 'b', 'c'])
    const once = withRead([message('a'), message('b')], 2, 'b')
    expect(once.unread).toBe(1)
    expect(once.messages.map((m) => m.read)).toEqual([false, true])
    expect(withRead(once.messages, once.unread, 'b').unread).toBe(1)
    expect(withRead(once.messages, 0, 'a').unread).toBe(0)
  })

  it('opens a page of the mini-program or a web page, and nothing else', () => {
    expect(linkTarget('/pages/policy/index?id=abc&c=tok')).toEqual({ kind: 'page', url: '/pages/policy/index?id=abc&c=tok' })
    expect(linkTarget('pages/guide/index?id=1')).toEqual({ kind: 'page', url: '/pages/guide/index?id=1' })
    expect(linkTarget('https://www.gov.cn/zhengce/')).toEqual({ kind: 'web', url: 'https://www.gov.cn/zhengce/' })
    expect(linkTarget(null)).toBeNull()
    expect(linkTarget('javascript:alert(1)')).toBeNull()
    expect(linkTarget('/workbench/pages/index/index')).toBeNull()
  })

  it('says the unread count in words', () => {
    expect(unreadText(2)).toBe('2 条未读')
    expect(unreadText(120)).toBe('99+ 条未读')
    expect(unreadText(0)).toBeUndefined()
    expect(unreadText(null)).toBeUndefined()
  })
})
