import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError, type ContentDraftInput } from '@zw/shared'
import { StaffConsentModel } from '../../server/src/auth/staffWeChat'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { AccessTokenSource } from '../../server/src/platform/wechat/accessTokenSource'
import { ReviewerNotificationModel } from '../../server/src/review/reviewerNotifier'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { FakeWeChat } from '../support/fakeWeChat'
import { outcome, staffSession } from '../support/staff'

type Session = Awaited<ReturnType<typeof staffSession>>
const TEMPLATE = 'TPL-REVIEW-REMINDER'
const DEPT = 'shandong-hrss'
let fake: FakeWeChat
let t: TestApp
let editor: Session
let reviewerA: Session
let reviewerB: Session
let reviewerC: Session

beforeAll(async () => {
  fake = await new FakeWeChat().start()
  t = await startTestApp({ wechat: { baseUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, reviewTemplateId: TEMPLATE, miniprogramState: 'trial' } })
  editor = await staffSession(t, 'wx-editor', DEPT, ['editor'])
  reviewerA = await staffSession(t, 'wx-reviewer-a', DEPT, ['reviewer'])
  reviewerB = await staffSession(t, 'wx-reviewer-b', DEPT, ['reviewer'])
  reviewerC = await staffSession(t, 'wx-reviewer-c', DEPT, ['reviewer'])
})
afterAll(async () => {
  await t.close()
  await fake.stop()
})

const errorOf = async (call: Promise<unknown>) => {
  try {
    await call
  } catch (err) {
    if (err instanceof ApiClientError) return { status: err.status, code: err.code, message: err.message }
  }
  throw new Error('expected the call to fail')
}
const submitNew = async (title: string) => {
  const e = await editor.api.call('createItemDraft', { body: policyDraft({ title, department: DEPT }) as ContentDraftInput })
  await editor.api.call('submitEdition', { params: { id: e.id }, body: {} })
  return e.id
}
const settle = async (editionId: string) => {
  await t.services.review.notifier.deliverDue()
  return Object.fromEntries((await ReviewerNotificationModel.find({ editionId }).lean()).map((n) => [n.staffId, n.state]))
}

describe('staff bind their WeChat and log in with it', () => {
  it('binds the openid of a wx.login code, refuses a used code or an openid bound elsewhere, and logs in by WeChat until unbound', async () => {
    expect((await reviewerA.api.call('getStaffWeChat', {})).bound).toBe(false)
    const code = fake.loginCode('o-reviewer-a-0001')
    const bound = await reviewerA.api.call('bindStaffWeChat', { body: { code } })
    expect(bound).toMatchObject({ available: true, bound: true, reviewTemplateId: TEMPLATE, reviewTemplateLongTerm: false })
    expect(await errorOf(reviewerB.api.call('bindStaffWeChat', { body: { code } }))).toMatchObject({ status: 401, message: '微信登录凭证无效或已使用，请重试' })
    expect(await errorOf(reviewerB.api.call('bindStaffWeChat', { body: { code: fake.loginCode('o-reviewer-a-0001') } }))).toMatchObject({ status: 409, message: '该微信已绑定其他工作台账号' })

    const session = await t.api.call('staffLogInWithWeChat', { body: { code: fake.loginCode('o-reviewer-a-0001') } })
    expect(session.staff.username).toBe('wx-reviewer-a')
    expect((await t.asStaff(session.accessToken).call('getStaffMe', {})).username).toBe('wx-reviewer-a')
    const login = await AuditRecordModel.findOne({ action: 'staff.login-succeeded', subject: `staff:${reviewerA.id}`, 'after.method': 'wechat' }).lean()
    expect(login).not.toBeNull()
    // Neither session_key nor openid is in the answer or the logs.
    expect(JSON.stringify(session)).not.toContain('o-reviewer-a-0001')
    expect(t.rawLogs()).not.toContain('o-reviewer-a-0001')
    expect(fake.received.filter((r) => r.path === '/sns/jscode2session').every((r) => r.query.appid === fake.appId && r.query.grant_type === 'authorization_code')).toBe(true)

    expect(await errorOf(t.api.call('staffLogInWithWeChat', { body: { code: fake.loginCode('o-stranger-0001') } }))).toMatchObject({ status: 401, message: expect.stringContaining('尚未绑定工作台账号') })
    await reviewerA.api.call('unbindStaffWeChat', {})
    expect(await outcome(t.api.call('staffLogInWithWeChat', { body: { code: fake.loginCode('o-reviewer-a-0001') } }))).toBe('UNAUTHENTICATED')
    await reviewerA.api.call('bindStaffWeChat', { body: { code: fake.loginCode('o-reviewer-a-0001') } })
  })

  it("passes on WeChat's rate limit (45011) as RATE_LIMITED", async () => {
    // 100 log-ins a minute are allowed for one user; this one has had them.
    fake.exhaustLoginQuota('o-reviewer-a-0001')
    expect(await errorOf(t.api.call('staffLogInWithWeChat', { body: { code: fake.loginCode('o-reviewer-a-0001') } }))).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: '微信登录过于频繁，请稍后再试' })
  })
})

describe('待审核提醒: reviewers with consent get a WeChat subscription message when an edition is submitted', () => {
  it('sends to each bound reviewer with consent left, once, and records why the others got none', async () => {
    await reviewerB.api.call('bindStaffWeChat', { body: { code: fake.loginCode('o-reviewer-b-0001') } })
    // A: one-time consent (one message); B: long-term (政务民生); C: never bound.
    fake.grant('o-reviewer-a-0001', TEMPLATE, 'one-time')
    await reviewerA.api.call('recordStaffMessageConsent', { body: { results: [{ templateId: TEMPLATE, result: 'accept', kind: 'one-time' }] } })
    fake.grant('o-reviewer-b-0001', TEMPLATE, 'long-term')
    const b = await reviewerB.api.call('recordStaffMessageConsent', { body: { results: [{ templateId: TEMPLATE, result: 'accept', kind: 'long-term' }] } })
    expect(b.consents).toEqual([{ templateId: TEMPLATE, longTerm: true, remaining: 0 }])

    const before = fake.delivered.length
    const first = await submitNew('关于开展2026年度企业职工技能提升补贴申领工作的通知')
    await expect.poll(() => settle(first)).toEqual({ [reviewerA.id]: 'sent', [reviewerB.id]: 'sent', [reviewerC.id]: 'no-binding' })
    const messages = fake.delivered.slice(before)
    expect(messages.map((m) => m.touser).sort()).toEqual(['o-reviewer-a-0001', 'o-reviewer-b-0001'])
    expect(messages[0]).toMatchObject({ template_id: TEMPLATE, page: `workbench/pages/edition/index?id=${first}`, miniprogram_state: 'trial' })
    expect([...messages[0]!.data.thing1!.value].length).toBeLessThanOrEqual(20)
    expect(messages[0]!.data.thing1!.value).toBe('关于开展2026年度企业职工技能提升补…')
    expect(messages[0]!.data.time3!.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    // Running again sends nothing twice.
    expect(await t.services.review.notifier.deliverDue()).toBe(0)
    expect(fake.delivered.length).toBe(before + 2)

    // A's one-time consent is used up; B's long-term consent goes on.
    const second = await submitNew('关于2026年度失业保险稳岗返还的公示')
    await expect.poll(() => settle(second)).toEqual({ [reviewerA.id]: 'no-consent', [reviewerB.id]: 'sent', [reviewerC.id]: 'no-binding' })
    expect((await StaffConsentModel.findById(`${reviewerA.id}:${TEMPLATE}`).lean())!.remaining).toBe(0)
  })

  it('believes WeChat over its own ledger (43101), retries when WeChat is busy (-1), and renews a rejected access_token once', async () => {
    // The ledger says A has a message left, but WeChat has no consent on file: 43101.
    await reviewerA.api.call('recordStaffMessageConsent', { body: { results: [{ templateId: TEMPLATE, result: 'accept', kind: 'one-time' }] } })
    const noConsent = await submitNew('关于稳岗返还资金拨付的通知（无授权）')
    await expect.poll(() => settle(noConsent)).toMatchObject({ [reviewerA.id]: 'no-consent' })
    expect((await StaffConsentModel.findById(`${reviewerA.id}:${TEMPLATE}`).lean())!.remaining).toBe(0)

    // -1 系统繁忙: kept, tried again later, then sent.
    fake.failNext('/cgi-bin/message/subscribe/send', -1)
    const busy = await submitNew('关于技能提升补贴复核的通知（微信繁忙）')
    await expect.poll(() => settle(busy)).toMatchObject({ [reviewerB.id]: 'pending' })
    const waiting = await ReviewerNotificationModel.findOne({ editionId: busy, staffId: reviewerB.id }).lean()
    expect(waiting).toMatchObject({ attempts: 1, lastError: expect.stringContaining('-1') })
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())
    await ReviewerNotificationModel.updateOne({ _id: waiting!._id }, { $set: { nextAttemptAt: new Date() } })
    await expect.poll(() => settle(busy)).toMatchObject({ [reviewerB.id]: 'sent' })

    // 40001: the token is renewed (forced, once) and the message goes out.
    const forcedBefore = fake.forcedRefreshes
    fake.failNext('/cgi-bin/message/subscribe/send', 40001)
    const stale = await submitNew('关于补贴申领材料的补充通知（令牌失效）')
    await expect.poll(() => settle(stale)).toMatchObject({ [reviewerB.id]: 'sent' })
    expect(fake.forcedRefreshes).toBe(forcedBefore + 1)
  })

  it('keeps one access_token for all instances: several racing for it fetch it once', async () => {
    const { PlatformTokenReset } = { PlatformTokenReset: async () => (await import('mongoose')).default.connection.db!.collection('platform_tokens').deleteMany({}) }
    await PlatformTokenReset()
    const calls = fake.received.filter((r) => r.path === '/cgi-bin/stable_token').length
    const instances = Array.from({ length: 4 }, () => new AccessTokenSource({ baseUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret }))
    fake.latencyMs = 150
    const tokens = await Promise.all(instances.map((i) => i.get()))
    fake.latencyMs = 0
    expect(new Set(tokens).size).toBe(1)
    expect(fake.received.filter((r) => r.path === '/cgi-bin/stable_token').length).toBe(calls + 1)
  })
})

describe('without WeChat configured', () => {
  it('says so plainly instead of failing obscurely', async () => {
    const plain = await startTestApp()
    try {
      const s = await staffSession(plain, 'wx-none', DEPT, ['editor'])
      expect(await s.api.call('getStaffWeChat', {})).toMatchObject({ available: false, bound: false, reviewTemplateId: null })
      expect(await errorOf(s.api.call('bindStaffWeChat', { body: { code: 'whatever' } }))).toMatchObject({ status: 503, message: '本系统未配置微信小程序，不能使用微信登录或绑定' })
    } finally {
      await plain.close()
    }
  })
})
