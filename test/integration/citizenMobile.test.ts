import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { CampaignModel } from '../../server/src/push/model'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft, published } from '../support/content'
import { FakeSms } from '../support/fakeSms'
import { outcome, refusedFields, staffSession } from '../support/staff'

const VERIFY = '2000001'
const PUSH = '2000002'
let sms: FakeSms
let t: TestApp
beforeAll(async () => {
  sms = await new FakeSms().start()
  sms.templates.set(PUSH, 1)
  t = await startTestApp({
    citizenDevLogIn: true,
    sms: { baseUrl: sms.url, secretId: sms.secretId, secretKey: sms.secretKey, smsSdkAppId: sms.smsSdkAppId, signName: '政务服务测试', verifyTemplateId: VERIFY, pushTemplateId: PUSH },
    pushRetry: { baseMs: 5, capMs: 20, maxAttempts: 3 },
  })
})
afterAll(async () => {
  await t.close()
  await sms.stop()
})

async function citizen(name: string): Promise<{ api: ApiClient; id: string }> {
  const s = await t.api.call('citizenDevLogIn', { body: { name } })
  return { api: t.asStaff(s.accessToken), id: s.citizen.id }
}
const codeSentTo = (phone: string) => sms.sent.filter((m) => m.phone.endsWith(phone) && m.templateId === VERIFY).at(-1)!.params[0]!

describe('a citizen binds a mobile number for SMS', () => {
  it('by a 6-digit code sent to it: wrong codes counted, one code a minute, the number never in the audit trail', async () => {
    const c = await citizen('mobile-1')
    expect(await refusedFields(c.api.call('sendMobileCode', { body: { mobile: '12345' } }))).toEqual({ mobile: '请填写 11 位手机号' })
    expect(await c.api.call('sendMobileCode', { body: { mobile: '13800138000' } })).toEqual({ ok: true, expiresInSeconds: 300 })
    const code = codeSentTo('13800138000')
    expect(code).toMatch(/^\d{6}$/)
    expect(await outcome(c.api.call('sendMobileCode', { body: { mobile: '13800138000' } }))).toBe('RATE_LIMITED')
    const wrong = code === '000000' ? '111111' : '000000'
    expect(await refusedFields(c.api.call('verifyMobile', { body: { code: wrong } }))).toEqual({ code: '验证码不对，还可以再试 4 次' })
    expect((await c.api.call('getCitizenMe', {})).hasMobile).toBe(false)
    expect((await c.api.call('verifyMobile', { body: { code } })).hasMobile).toBe(true)
    // Used once: the same code again is not accepted.
    expect(await refusedFields(c.api.call('verifyMobile', { body: { code } }))).toEqual({ code: '验证码已过期，请重新获取' })
    const audit = await AuditRecordModel.find({ subject: `citizen:${c.id}` }).lean()
    expect(audit.map((a) => a.action)).toContain('citizen.mobile-verified')
    expect(JSON.stringify(audit)).not.toContain('13800138000')
    expect((await c.api.call('removeMobile', {})).hasMobile).toBe(false)
  })

  it('a campaign reaches a citizen without WeChat by SMS when the campaign chose it', async () => {
    const c = await citizen('mobile-2')
    await c.api.call('updateCitizenProfile', { body: { region: '410721000000', groups: [] } })
    await c.api.call('setSubscriptions', { body: { subscriptions: [{ topic: 'agricultural-subsidies', frequency: 'immediate' }] } })
    await c.api.call('sendMobileCode', { body: { mobile: '13900139000' } })
    await c.api.call('verifyMobile', { body: { code: codeSentTo('13900139000') } })
    const itemId = await published(policyDraft({ department: 'xinxiang-gov-office', title: '耕地地力保护补贴发放公告' }), new Date())
    await t.services.content.readModel.syncNow()
    const editor = (await staffSession(t, 'sms-editor', 'xinxiang-gov-office', ['editor'])).api
    const reviewer = (await staffSession(t, 'sms-reviewer', 'xinxiang-gov-office', ['reviewer'])).api
    const campaign = await editor.call('createCampaign', {
      body: { name: '补贴发放提醒', audience: { topics: ['agricultural-subsidies'], topicMatch: 'any', regions: ['410700000000'], groups: [] }, itemId, message: { title: '耕地地力保护补贴已发放', text: '请留意银行卡到账。' }, channels: { wechat: true, sms: true }, sendAt: null },
    })
    await editor.call('actOnCampaign', { params: { id: campaign.id }, body: { action: 'submit' } })
    await reviewer.call('actOnCampaign', { params: { id: campaign.id }, body: { action: 'approve' } })
    await t.services.push.sender.sendDue()
    expect(sms.sent.filter((m) => m.phone.endsWith('13900139000') && m.templateId === PUSH).map((m) => m.params)).toEqual([['耕地地力保护补贴已发放']])
    expect((await CampaignModel.findById(campaign.id).lean())!.stats).toMatchObject({ targeted: 1, sent: { wechat: 0, sms: 1, inbox: 1 } })
  })
})
