import { describe, expect, it } from 'vitest'
import { ApiClientError, campaignBodySchema, type CampaignStats } from '@zw/shared'
import {
  addArea,
  audienceSummary,
  campaignBodyOf,
  campaignErrors,
  campaignFormOf,
  failureRows,
  fieldOf,
  newCampaignForm,
  previewText,
  sendTimeNote,
  sendTimeText,
  statsSummary,
  titleCheck,
  worthRefreshing,
} from '../../miniapp/src/workbench/lib/campaignForm'

const XINXIANG = '410700000000'
const XINXIANG_COUNTY = '410721000000'
const HONGQI = '410702000000'
const HENAN = '410000000000'
const NOW = new Date('2026-11-22T08:00:00Z') // 16:00 in Beijing
const emptyStatsForTest = (): CampaignStats => ({ targeted: 0, sent: { wechat: 0, sms: 0, inbox: 0 }, failed: {}, skipped: { cap: 0, noConsent: 0 }, unconfirmed: 0, inboxRead: 0, linkOpened: 0 })

describe('the campaign builder’s form', () => {
  it('builds the body the server’s schema takes: trimmed text, catalogue order, Beijing time as an instant', () => {
    const form = {
      ...newCampaignForm(NOW),
      name: ' 征地补偿标准调整提醒 ',
      topics: ['employment-subsidies', 'land-acquisition-compensation'] as const,
      regions: [XINXIANG],
      groups: ['land-expropriated', 'farmer'] as const,
      itemId: 'item-1',
      title: ' 征地补偿标准调整 ',
      text: '新乡市调整了征地补偿标准，请点开查看。',
      timing: 'at' as const,
      sendAtText: '2026-11-23 09:00',
    }
    const built = campaignBodyOf({ ...form, topics: [...form.topics], groups: [...form.groups] })
    expect(built.ok).toBe(true)
    if (!built.ok) return
    expect(built.body).toEqual({
      name: '征地补偿标准调整提醒',
      audience: { topics: ['land-acquisition-compensation', 'employment-subsidies'], topicMatch: 'any', regions: [XINXIANG], groups: ['farmer', 'land-expropriated'] },
      itemId: 'item-1',
      message: { title: '征地补偿标准调整', text: '新乡市调整了征地补偿标准，请点开查看。' },
      channels: { wechat: true, sms: false },
      sendAt: '2026-11-23T01:00:00.000Z',
    })
    expect(campaignBodySchema.safeParse(built.body).success).toBe(true)
    // 立即: null, whatever is in the time box.
    const now = campaignBodyOf({ ...form, topics: [...form.topics], groups: [...form.groups], timing: 'now', sendAtText: 'garbage' })
    expect(now.ok && now.body.sendAt).toBeNull()
  })

  it('says what is wrong with a time it cannot read, before asking the server', () => {
    const built = campaignBodyOf({ ...newCampaignForm(NOW), timing: 'at', sendAtText: '明天上午' })
    expect(built).toEqual({ ok: false, errors: { sendAt: expect.stringContaining('2026-12-01 09:00') } })
    expect(campaignBodyOf({ ...newCampaignForm(NOW), timing: 'at', sendAtText: '2026-02-30 09:00' }).ok).toBe(false)
  })

  it('starts with WeChat on, SMS off, 立即, and tomorrow 09:00 suggested; an existing campaign fills it back', () => {
    const form = newCampaignForm(NOW)
    expect(form).toMatchObject({ wechat: true, sms: false, timing: 'now', sendAtText: '2026-11-23 09:00', topicMatch: 'any' })
    const back = campaignFormOf(
      {
        id: 'c', name: 'n', department: 'xinxiang-gov-office', state: 'draft', stateLabel: '草稿',
        audience: { topics: ['land-acquisition-compensation'], topicMatch: 'all', regions: [XINXIANG], groups: [] },
        item: { id: 'i', title: '通知' }, message: { title: 't', text: 'x' }, channels: { wechat: false, sms: true },
        sendAt: '2026-11-23T01:30:00.000Z', urgent: false, createdBy: { id: 'a', name: 'A' }, approvedBy: null, actions: [], stats: emptyStatsForTest(),
        createdAt: '', updatedAt: '', waitingUntil: null, rejection: null, sentAt: null,
      },
      NOW,
    )
    expect(back).toMatchObject({ topicMatch: 'all', itemId: 'i', itemTitle: '通知', wechat: false, sms: true, timing: 'at', sendAtText: '2026-11-23 09:30' })
  })
})

describe('what the builder says', () => {
  it('counts the WeChat title as WeChat does and gives the shared rule’s message when over', () => {
    expect(titleCheck(' 征地补偿标准调整 ')).toEqual({ count: 8, limit: 20, over: false, message: undefined })
    const long = titleCheck('这是一个超过二十个字的微信提醒标题会被微信拒绝的')
    expect(long.over).toBe(true)
    expect(long.count).toBe(24)
    expect(long.message).toBe('微信提醒的标题不超过 20 个字')
    expect(titleCheck('').message).toBeUndefined()
  })

  it('puts the server’s refusals under their fields', () => {
    const refused = new ApiClientError(400, 'VALIDATION_FAILED', '提交的内容有误', [
      { path: 'name', message: '请填写推送名称' },
      { path: 'audience.topics', message: '至少选择一个主题' },
      { path: 'audience.regions.0', message: '请从地区列表中选择地区' },
      { path: 'audience.regions.3', message: '第二条同一字段的消息不覆盖第一条' },
      { path: 'body.message.title', message: '微信提醒的标题不超过 20 个字' },
      { path: 'channels.sms', message: '请选择推送渠道' },
      { path: 'itemId', message: '请选择已发布、公众可以看到的内容' },
      { path: 'sendAt', message: '发送时间须晚于现在' },
      { path: 'somethingElse', message: '别的问题' },
    ])
    expect(campaignErrors(refused)).toEqual({
      name: '请填写推送名称',
      'audience.topics': '至少选择一个主题',
      'audience.regions': '请从地区列表中选择地区',
      'message.title': '微信提醒的标题不超过 20 个字',
      channels: '请选择推送渠道',
      itemId: '请选择已发布、公众可以看到的内容',
      sendAt: '发送时间须晚于现在',
      other: '别的问题',
    })
    expect(campaignErrors(new ApiClientError(409, 'CONFLICT', '推送状态已被他人改变，请刷新后重试'))).toEqual({ other: '推送状态已被他人改变，请刷新后重试' })
    expect(campaignErrors(new Error('boom'), '保存失败')).toEqual({ other: '保存失败' })
    expect(fieldOf('reason')).toBe('reason')
    expect(fieldOf('audience.groups.2')).toBe('audience.groups')
  })

  it('tells the quiet hours: 立即 waits for 08:00 at night, a time inside them is moved, urgent ones go anyway', () => {
    expect(sendTimeNote({ timing: 'now', sendAtText: '' }, false).text).toContain('22:00–08:00 为免打扰时段')
    const night = sendTimeNote({ timing: 'at', sendAtText: '2026-11-23 23:30' }, false)
    expect(night).toEqual({ warn: true, text: '所选时间在免打扰时段（22:00–08:00）内：非紧急推送将顺延到 2026-11-24 08:00 开始发送。' })
    expect(sendTimeNote({ timing: 'at', sendAtText: '2026-11-23 09:00' }, false).warn).toBe(false)
    expect(sendTimeNote({ timing: 'at', sendAtText: '2026-11-23 23:30' }, true)).toEqual({ warn: false, text: expect.stringContaining('紧急') })
  })

  it('says the preview, the audience, the time and the figures in words', () => {
    expect(previewText({ matching: 3, wechat: 1, sms: 1, inboxOnly: 1 })).toBe('符合条件 3 人，其中微信可达 1 人、短信 1 人、仅站内消息 1 人')
    expect(audienceSummary({ topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: [XINXIANG, '520100000000'], groups: [] })).toBe('主题：征地补偿；地区：河南省 新乡市；贵州省 贵阳市；身份：不限身份')
    expect(audienceSummary({ topics: ['land-acquisition-compensation', 'demolition-resettlement'], topicMatch: 'all', regions: [], groups: ['land-expropriated'] })).toBe(
      '主题：征地补偿、拆迁安置（同时订阅全部主题）；地区：不限地区；身份：被征地农民',
    )
    expect(sendTimeText({ sendAt: null, urgent: false })).toBe('立即（批准后发送）')
    expect(sendTimeText({ sendAt: '2026-11-23T01:00:00.000Z', urgent: true })).toBe('北京时间 2026-11-23 09:00，紧急（免打扰时段也发送）')
    const stats = { ...emptyStatsForTest(), targeted: 5, sent: { wechat: 2, sms: 1, inbox: 5 }, failed: { '47003': 1, '99999': 2 }, skipped: { cap: 1, noConsent: 1 } }
    expect(failureRows(stats.failed)).toEqual([
      { code: '99999', label: '错误码 99999', count: 2 },
      { code: '47003', label: '模板参数不正确（47003）', count: 1 },
    ])
    expect(statsSummary(stats)).toEqual({ sent: '微信 2、短信 1、站内 5', failed: 3, skipped: 2 })
  })

  it('refreshes while sending, or approved and due; not before, not after', () => {
    expect(worthRefreshing({ state: 'sending', sendAt: null }, NOW)).toBe(true)
    expect(worthRefreshing({ state: 'scheduled', sendAt: null }, NOW)).toBe(true)
    expect(worthRefreshing({ state: 'scheduled', sendAt: '2026-11-23T01:00:00.000Z' }, NOW)).toBe(false)
    expect(worthRefreshing({ state: 'sent', sendAt: null }, NOW)).toBe(false)
    expect(worthRefreshing({ state: 'submitted', sendAt: null }, NOW)).toBe(false)
  })
})

describe('choosing several areas', () => {
  it('adds areas, ignores one inside a chosen area, and lets a wider area replace the ones it covers', () => {
    let r = addArea([], XINXIANG_COUNTY)
    expect(r.regions).toEqual([XINXIANG_COUNTY])
    r = addArea(r.regions, HONGQI)
    expect(r.regions).toEqual([XINXIANG_COUNTY, HONGQI])
    expect(addArea(r.regions, HONGQI)).toEqual({ regions: [XINXIANG_COUNTY, HONGQI], note: '这个地区已经选了' })
    const wider = addArea(r.regions, XINXIANG)
    expect(wider.regions).toEqual([XINXIANG])
    expect(wider.note).toContain('已合并')
    expect(addArea([HENAN], XINXIANG_COUNTY)).toEqual({ regions: [HENAN], note: '已包含在“河南省”中' })
  })
})
