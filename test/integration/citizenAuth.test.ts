import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError } from '@zw/shared'
import { CitizenAccountModel, CitizenSessionModel, CitizenStatModel } from '../../server/src/auth/citizenModel'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { refusedFields } from '../support/staff'
import { startTestApp, type TestApp } from '../support/app'
import { FakeWeChat } from '../support/fakeWeChat'
import { staffSession } from '../support/staff'

let fake: FakeWeChat
let t: TestApp
let noDev: TestApp
beforeAll(async () => {
  fake = await new FakeWeChat().start()
  t = await startTestApp({ wechat: { baseUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, miniprogramState: 'trial' }, citizenDevLogIn: true })
  noDev = await startTestApp()
})
afterAll(async () => {
  await t.close()
  await noDev.close()
  await fake.stop()
})

const statusOf = async (call: Promise<unknown>) => {
  try {
    await call
    return 200
  } catch (err) {
    return (err as ApiClientError).status
  }
}

describe('citizens log in', () => {
  it('with the wx.login code: one account per openid, a token for the citizen endpoints, the openid never in an answer or a log line', async () => {
    const first = await t.api.call('citizenLogIn', { body: { code: fake.loginCode('o-citizen-0001') } })
    expect(first.citizen).toEqual({ id: expect.any(String), region: null, groups: [], hasMobile: false })
    const again = await t.api.call('citizenLogIn', { body: { code: fake.loginCode('o-citizen-0001') } })
    expect(again.citizen.id).toBe(first.citizen.id)
    expect(await CitizenAccountModel.countDocuments({ openid: 'o-citizen-0001' })).toBe(1)
    const me = await t.asStaff(again.accessToken).call('getCitizenMe', {})
    expect(me.id).toBe(first.citizen.id)
    expect(JSON.stringify([first, again, me])).not.toContain('o-citizen-0001')
    expect(t.rawLogs()).not.toContain('o-citizen-0001')
    // A used or unknown code is refused by WeChat (40029): no session.
    expect(await statusOf(t.api.call('citizenLogIn', { body: { code: 'not-a-code' } }))).toBe(401)
    // No code at all: a 400 naming the field, and no account or session written.
    const before = [await CitizenAccountModel.countDocuments(), await CitizenSessionModel.countDocuments()]
    expect(await refusedFields(t.api.call('citizenLogIn', { body: { code: '  ' } }))).toEqual({ code: '缺少微信登录凭证' })
    expect([await CitizenAccountModel.countDocuments(), await CitizenSessionModel.countDocuments()]).toEqual(before)
  })

  it('keeps citizen and staff tokens apart, and a revoked session ends its token at once', async () => {
    const citizen = await t.api.call('citizenLogIn', { body: { code: fake.loginCode('o-citizen-0002') } })
    const staff = await staffSession(t, 'citizen-auth-editor', 'guiyang-hrss', ['editor'])
    expect(await statusOf(t.asStaff(staff.session.accessToken).call('getCitizenMe', {}))).toBe(401)
    expect(await statusOf(t.asStaff(citizen.accessToken).call('getStaffMe', {}))).toBe(401)
    expect(await statusOf(t.api.call('getCitizenMe', {}))).toBe(401)
    await CitizenSessionModel.updateMany({ citizenId: citizen.citizen.id }, { $set: { revokedAt: new Date() } })
    expect(await statusOf(t.asStaff(citizen.accessToken).call('getCitizenMe', {}))).toBe(401)
  })

  it('in a browser by name only where CITIZEN_DEV_LOGIN enables it', async () => {
    const dev = await t.api.call('citizenDevLogIn', { body: { name: 'tester-1' } })
    expect((await t.asStaff(dev.accessToken).call('getCitizenMe', {})).id).toBe(dev.citizen.id)
    expect(await statusOf(noDev.api.call('citizenDevLogIn', { body: { name: 'tester-1' } }))).toBe(403)
    const bad = (await noDev.api.call('citizenDevLogIn', { body: { name: 'Tester One' } }).catch((e: unknown) => e)) as ApiClientError
    expect(bad.status).toBe(400)
    expect(bad.fields).toEqual([{ path: 'name', message: '测试账号名为 2–32 位小写字母、数字或连字符' }])
    // Without WeChat configured, the WeChat log-in says so.
    expect(await statusOf(noDev.api.call('citizenLogIn', { body: { code: 'x' } }))).toBe(503)
  })

  it('keep their own profile — an area from the region table and the groups they declare — and can delete their account', async () => {
    const session = await t.api.call('citizenLogIn', { body: { code: fake.loginCode('o-citizen-0003') } })
    const me = t.asStaff(session.accessToken)
    expect(await me.call('updateCitizenProfile', { body: { region: '520102000000', groups: ['land-expropriated', 'farmer'] } })).toEqual({ id: session.citizen.id, region: '520102000000', groups: ['land-expropriated', 'farmer'], hasMobile: false })
    expect(await refusedFields(me.call('updateCitizenProfile', { body: { region: '520102999000', groups: ['farmer', 'farmer'] } }))).toEqual({ region: '请从地区列表中选择所在地区', groups: '身份类别不能重复' })
    expect(await refusedFields(me.call('updateCitizenProfile', { body: { region: null, groups: ['astronaut' as never] } }))).toEqual({ 'groups.0': '未知的身份类别' })
    expect((await me.call('getCitizenMe', {})).region).toBe('520102000000')
    // The audit trail says which fields changed, not what they are.
    const audit = await AuditRecordModel.find({ subject: `citizen:${session.citizen.id}` }).lean()
    expect(audit.map((r) => [r.action, r.after])).toEqual([['citizen.profile-updated', { changed: ['region', 'groups'] }]])
    expect(JSON.stringify(audit)).not.toContain('520102000000')

    expect(await me.call('deleteCitizenAccount', {})).toEqual({ ok: true })
    expect(await CitizenAccountModel.countDocuments({ _id: session.citizen.id })).toBe(0)
    expect(await CitizenAccountModel.countDocuments({ openid: 'o-citizen-0003' })).toBe(0)
    expect(await statusOf(me.call('getCitizenMe', {}))).toBe(401)
    expect((await CitizenStatModel.findById('deleted-accounts').lean())!.count).toBe(1)
    // Coming back is a new account.
    const back = await t.api.call('citizenLogIn', { body: { code: fake.loginCode('o-citizen-0003') } })
    expect(back.citizen).toMatchObject({ region: null, groups: [] })
    expect(back.citizen.id).not.toBe(session.citizen.id)
  })
})
