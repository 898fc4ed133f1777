import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '@zw/shared'
import { CitizenAccountModel } from '../../server/src/auth/citizenModel'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { ConsentUseModel, PushDeliveryModel, PushMarkModel } from '../../server/src/push/model'
import { startTestApp, type TestApp } from '../support/app'
import { refusedFields } from '../support/staff'

const NOTICE = 'TPL-POLICY-NOTICE-ONCE'
const CORRECTION = 'TPL-CORRECTION-LONG'
const XINXIANG_COUNTY = '410721000000' // 新乡县
const XINXIANG = '410700000000'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({
    citizenDevLogIn: true,
    pushTemplates: { 'policy-notice': { templateId: NOTICE, longTerm: false }, correction: { templateId: CORRECTION, longTerm: true } },
  })
})
afterAll(() => t.close())

async function citizen(name: string, region: string | null = XINXIANG_COUNTY): Promise<{ api: ApiClient; id: string }> {
  const session = await t.api.call('citizenDevLogIn', { body: { name } })
  const api = t.asStaff(session.accessToken)
  if (region) await api.call('updateCitizenProfile', { body: { region, groups: ['land-expropriated'] } })
  return { api, id: session.citizen.id }
}

describe('我的订阅', () => {
  it('saves topics for areas (own area by default), immediate or a daily digest, and audits the count only', async () => {
    const c = await citizen('push-sub-1')
    const saved = await c.api.call('setSubscriptions', {
      body: {
        subscriptions: [
          { topic: 'land-acquisition-compensation', frequency: 'immediate' },
          { topic: 'employment-subsidies', region: XINXIANG, frequency: 'digest', digestAt: '19:30' },
        ],
      },
    })
    expect(saved.subscriptions).toEqual([
      { topic: 'land-acquisition-compensation', region: XINXIANG_COUNTY, frequency: 'immediate', digestAt: null },
      { topic: 'employment-subsidies', region: XINXIANG, frequency: 'digest', digestAt: '19:30' },
    ])
    expect((await c.api.call('getSubscriptions', {})).subscriptions).toEqual(saved.subscriptions)
    const audit = await AuditRecordModel.findOne({ action: 'citizen.subscriptions-set', subject: `citizen:${c.id}` }).lean()
    expect(audit?.after).toEqual({ count: 2 })
    expect(JSON.stringify(audit)).not.toContain(XINXIANG_COUNTY)
  })

  it('refuses bad entries with a message per field and writes nothing', async () => {
    const c = await citizen('push-sub-2')
    await c.api.call('setSubscriptions', { body: { subscriptions: [{ topic: 'agricultural-subsidies', frequency: 'immediate' }] } })
    const refused = await refusedFields(
      c.api.call('setSubscriptions', {
        body: {
          subscriptions: [
            { topic: 'land-acquisition-compensation', frequency: 'immediate' },
            { topic: 'land-acquisition-compensation', region: XINXIANG_COUNTY, frequency: 'digest', digestAt: '08:00' },
            { topic: 'employment-subsidies', frequency: 'digest' },
            { topic: 'no-such-topic' as never, frequency: 'immediate' },
            { topic: 'employment-subsidies', region: '999999999999', frequency: 'immediate' },
          ],
        },
      }),
    )
    expect(refused).toEqual({
      'subscriptions.2.digestAt': '每天汇总需要选择汇总时间',
      'subscriptions.3.topic': '请从主题列表中选择',
      'subscriptions.4.region': '请从地区列表中选择地区',
    })
    const duplicate = await refusedFields(
      c.api.call('setSubscriptions', {
        body: { subscriptions: [{ topic: 'land-acquisition-compensation', frequency: 'immediate' }, { topic: 'land-acquisition-compensation', region: XINXIANG_COUNTY, frequency: 'digest', digestAt: '08:00' }] },
      }),
    )
    expect(duplicate).toEqual({ 'subscriptions.1.topic': '与第 1 项重复：征地补偿（河南省 新乡市 新乡县）' })
    const noArea = await citizen('push-sub-3', null)
    expect(await refusedFields(noArea.api.call('setSubscriptions', { body: { subscriptions: [{ topic: 'employment-subsidies', frequency: 'immediate' }] } }))).toEqual({
      'subscriptions.0.region': '请先在“我的”里选择所在地区，或为这项订阅选择地区',
    })
    const stored = await CitizenAccountModel.findById(c.id).lean()
    expect(stored?.subscriptions?.map((s) => s.topic)).toEqual(['agricultural-subsidies'])
  })
})

describe('the WeChat consent ledger', () => {
  it('counts one-time acceptances, a send uses one, and says plainly how many are left', async () => {
    const c = await citizen('push-consent-1')
    const none = await c.api.call('getConsents', {})
    expect(none.wechatConfigured).toBe(true)
    expect(none.consents.map((x) => [x.kind, x.templateKind, x.state, x.remaining])).toEqual([
      ['policy-notice', 'one-time', 'none', 0],
      ['correction', 'long-term', 'none', 0],
    ])
    await c.api.call('recordConsents', { body: { results: [{ templateId: NOTICE, result: 'accept' }] } })
    await c.api.call('recordConsents', { body: { results: [{ templateId: NOTICE, result: 'reject' }] } })
    const two = await c.api.call('recordConsents', { body: { results: [{ templateId: NOTICE, result: 'accept' }] } })
    expect(two.consents[0]).toMatchObject({ state: 'remaining', remaining: 2, text: '还可以在微信里收到 2 条提醒' })

    const ledger = t.services.push.consentLedger
    const entry = async () => (await CitizenAccountModel.findById(c.id).lean())!.consents!.find((e) => e.templateId === NOTICE)
    // Two sends at once (two instances): each takes a different acceptance; the third finds none.
    const [a, b] = await Promise.all([ledger.take(c.id, await entry()), ledger.take(c.id, await entry())])
    expect([a, b]).toEqual([true, true])
    expect(await ledger.take(c.id, await entry())).toBe(false)
    expect(await ConsentUseModel.countDocuments({ citizenId: c.id })).toBe(2)
    const left = await c.api.call('getConsents', {})
    expect(left.consents[0]).toMatchObject({ state: 'none', remaining: 0 })
    expect(left.consents[0]!.text).toContain('已用完')
    // The count starts from where it got to last time.
    expect((await entry())!.usedFloor).toBe(2)
    // Renewing: one more acceptance, one more send.
    const renewed = await c.api.call('recordConsents', { body: { results: [{ templateId: NOTICE, result: 'accept' }] } })
    expect(renewed.consents[0]).toMatchObject({ state: 'remaining', remaining: 1 })
  })

  it('43101 marks it used up, long-term consent included, until the citizen accepts again', async () => {
    const c = await citizen('push-consent-2')
    await c.api.call('recordConsents', { body: { results: [{ templateId: NOTICE, result: 'accept' }] } })
    await c.api.call('recordConsents', { body: { results: [{ templateId: NOTICE, result: 'accept' }] } })
    const on = await c.api.call('recordConsents', { body: { results: [{ templateId: CORRECTION, result: 'accept' }] } })
    expect(on.consents.map((x) => x.state)).toEqual(['remaining', 'on'])
    const ledger = t.services.push.consentLedger
    const entries = (await CitizenAccountModel.findById(c.id).lean())!.consents!
    for (const e of entries) await ledger.markUsedUp(c.id, e)
    const off = await c.api.call('getConsents', {})
    expect(off.consents.map((x) => [x.state, x.remaining])).toEqual([
      ['none', 0],
      ['none', 0],
    ])
    expect(await ledger.take(c.id, entries.find((e) => e.templateId === CORRECTION))).toBe(false)
    const again = await c.api.call('recordConsents', { body: { results: [{ templateId: CORRECTION, result: 'accept' }] } })
    expect(again.consents[1]!.state).toBe('on')
    // Turning the template off in WeChat's settings ('ban') ends it too.
    const banned = await c.api.call('recordConsents', { body: { results: [{ templateId: CORRECTION, result: 'ban' }] } })
    expect(banned.consents[1]!.state).toBe('none')
  })

  it('refuses unknown templates, more than three, and one-time mixed with long-term, writing nothing', async () => {
    const c = await citizen('push-consent-3')
    expect(await refusedFields(c.api.call('recordConsents', { body: { results: [{ templateId: 'TPL-UNKNOWN', result: 'accept' }] } }))).toEqual({ 'results.0.templateId': '不是本小程序的消息模板' })
    expect(
      await refusedFields(
        c.api.call('recordConsents', {
          body: {
            results: [
              { templateId: NOTICE, result: 'accept' },
              { templateId: CORRECTION, result: 'accept' },
            ],
          },
        }),
      ),
    ).toEqual({ results: '一次性订阅和长期订阅的模板不能在同一次请求中' })
    expect(await refusedFields(c.api.call('recordConsents', { body: { results: ['a', 'b', 'c', 'd'].map((x) => ({ templateId: x, result: 'accept' as const })) } }))).toEqual({ results: '一次最多订阅 3 个消息模板' })
    expect((await CitizenAccountModel.findById(c.id).lean())!.consents ?? []).toEqual([])
  })
})

describe('我的消息', () => {
  it('lists the citizen’s own messages newest first, pages, and marks read once', async () => {
    const c = await citizen('push-inbox-1')
    const other = await citizen('push-inbox-2')
    const base = Date.parse('2026-11-20T02:00:00Z')
    await PushDeliveryModel.insertMany([
      ...[0, 1, 2].map((i) => ({ _id: `camp-${i}:${c.id}`, campaignId: `camp-${i}`, citizenId: c.id, at: new Date(base + i * 3600_000), own: { title: `通知 ${i}`, text: `正文 ${i}`, link: null } })),
      { _id: `camp-0:${other.id}`, campaignId: 'camp-0', citizenId: other.id, at: new Date(base), own: { title: '别人的', text: '', link: null } },
    ])
    const first = await c.api.call('getInbox', { query: { limit: 2 } })
    expect(first.messages.map((m) => m.title)).toEqual(['通知 2', '通知 1'])
    expect(first.unread).toBe(3)
    const second = await c.api.call('getInbox', { query: { limit: 2, cursor: first.nextCursor! } })
    expect(second.messages.map((m) => m.title)).toEqual(['通知 0'])
    expect(second.nextCursor).toBeNull()

    await c.api.call('markInboxRead', { params: { id: `camp-1:${c.id}` } })
    await c.api.call('markInboxRead', { params: { id: `camp-1:${c.id}` } })
    const after = await c.api.call('getInbox', { query: {} })
    expect(after.unread).toBe(2)
    expect(after.messages.map((m) => m.read)).toEqual([false, true, false])
    expect(await PushMarkModel.countDocuments({ citizenId: c.id })).toBe(1)
    // Someone else's message is not there for them.
    await expect(other.api.call('markInboxRead', { params: { id: `camp-1:${c.id}` } })).rejects.toMatchObject({ status: 404 })

    // Bad input: a message per field, nothing marked.
    expect(await refusedFields(c.api.call('getInbox', { query: { limit: 0 } }))).toEqual({ 'query.limit': '每页至少 1 条' })
    expect(await refusedFields(c.api.call('getInbox', { query: { cursor: 'garbage' } }))).toEqual({ 'query.cursor': '分页游标无效，请从第一页重新开始' })
    expect(await refusedFields(c.api.call('markInboxRead', { params: { id: 'bad id!' } }))).toEqual({ 'params.id': '消息编号格式不正确' })
    expect(await PushMarkModel.countDocuments({ citizenId: c.id })).toBe(1)

    // Deleting the account takes the messages, marks and consent uses with it.
    await c.api.call('deleteCitizenAccount', {})
    expect(await PushDeliveryModel.countDocuments({ citizenId: c.id })).toBe(0)
    expect(await PushMarkModel.countDocuments({ citizenId: c.id })).toBe(0)
    expect(await PushDeliveryModel.countDocuments({ citizenId: other.id })).toBe(1)
  })
})
