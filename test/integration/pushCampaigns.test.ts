import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient, CampaignBody } from '@zw/shared'
import { CitizenAccountModel } from '../../server/src/auth/citizenModel'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { CampaignModel } from '../../server/src/push/model'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft, published } from '../support/content'
import { outcome, refusedFields, staffSession } from '../support/staff'

const DEPT = 'xinxiang-gov-office'
const NOTICE = 'TPL-NOTICE-LONG'
let t: TestApp
let itemId: string
let n = 0
beforeAll(async () => {
  t = await startTestApp({ citizenDevLogIn: true, pushTemplates: { 'policy-notice': { templateId: NOTICE, longTerm: true } } })
  itemId = await published(policyDraft({ department: DEPT, title: '新乡市征地补偿标准调整的通知' }), new Date())
  await t.services.content.readModel.syncNow()
})
afterAll(() => t.close())

const people = async () => ({
  editor: (await staffSession(t, `camp-editor-${++n}`, DEPT, ['editor'])).api,
  reviewer: (await staffSession(t, `camp-reviewer-${++n}`, DEPT, ['reviewer'])).api,
  admin: (await staffSession(t, `camp-admin-${++n}`, DEPT, ['department-admin'])).api,
  both: (await staffSession(t, `camp-both-${++n}`, DEPT, ['editor', 'reviewer'])).api,
})
const body = (over: Partial<CampaignBody> = {}): CampaignBody => ({
  name: '征地补偿标准调整提醒',
  audience: { topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: ['410700000000'], groups: [] },
  itemId,
  message: { title: '征地补偿标准调整', text: '新乡市调整了征地补偿标准，请点开查看。' },
  channels: { wechat: true, sms: true },
  sendAt: null,
  ...over,
})

describe('a department writes a campaign and a second person approves it', () => {
  it('refuses bad campaigns with a message per field and writes nothing', async () => {
    const { editor } = await people()
    const before = await CampaignModel.countDocuments()
    const refused = await refusedFields(
      editor.call('createCampaign', {
        body: body({
          name: '',
          itemId: '0123456789abcdef01234567',
          message: { title: '这是一个超过二十个字的微信提醒标题会被微信拒绝的', text: '内容' },
          sendAt: new Date(Date.now() - 60_000).toISOString(),
          audience: { topics: [], topicMatch: 'any', regions: ['999999999999'], groups: [] },
        }),
      }),
    )
    expect(refused).toEqual({
      name: '请填写推送名称',
      'audience.topics': '至少选择一个主题',
      'audience.regions.0': '请从地区列表中选择地区',
      'message.title': expect.stringMatching(/^微信提醒的标题.*20/),
    })
    // Past the schema: the item must be public, the time ahead.
    expect(await refusedFields(editor.call('createCampaign', { body: body({ itemId: '0123456789abcdef01234567', sendAt: new Date(Date.now() - 60_000).toISOString() }) }))).toEqual({
      itemId: '请选择已发布、公众可以看到的内容',
      sendAt: '发送时间须晚于现在',
    })
    expect(await CampaignModel.countDocuments()).toBe(before)
  })

  it('on every other campaign endpoint too: a message per field, nothing written', async () => {
    const { editor } = await people()
    const c = await editor.call('createCampaign', { body: body() })
    const before = JSON.stringify(await CampaignModel.findById(c.id).lean())
    expect(await refusedFields(editor.call('updateCampaign', { params: { id: c.id }, body: body({ name: ' ', channels: undefined as never }) }))).toEqual({ name: '请填写推送名称', channels: '请选择推送渠道' })
    expect(await refusedFields(editor.call('actOnCampaign', { params: { id: c.id }, body: { action: 'launch' as never } }))).toEqual({ action: '未知的操作' })
    expect(await refusedFields(editor.call('actOnCampaign', { params: { id: c.id }, body: { action: 'cancel', reason: '长'.repeat(201) } }))).toEqual({ reason: '说明最多 200 字' })
    expect(await refusedFields(editor.call('getCampaign', { params: { id: 'not-an-id' } }))).toEqual({ 'params.id': '推送编号格式不正确' })
    expect(JSON.stringify(await CampaignModel.findById(c.id).lean())).toBe(before)
    expect(
      await refusedFields(editor.call('previewAudience', { body: { audience: { topics: ['land-acquisition-compensation'], topicMatch: 'some' as never, regions: [], groups: ['aliens' as never] }, channels: { wechat: true, sms: false } } })),
    ).toEqual({ 'audience.topicMatch': '请选择“任一主题”或“全部主题”', 'audience.groups.0': '未知的身份类别' })
  })

  it('maker–checker: nobody who wrote or submitted it approves it; approval is audited', async () => {
    const { editor, reviewer, both } = await people()
    const draft = await both.call('createCampaign', { body: body() })
    expect(draft).toMatchObject({ state: 'draft', stateLabel: '草稿', item: { id: itemId, title: '新乡市征地补偿标准调整的通知' }, urgent: false, approvedBy: null })
    const submitted = await both.call('actOnCampaign', { params: { id: draft.id }, body: { action: 'submit' } })
    expect(submitted.state).toBe('submitted')
    expect(submitted.actions).not.toContain('approve')
    expect(await outcome(both.call('actOnCampaign', { params: { id: draft.id }, body: { action: 'approve' } }))).toBe('FORBIDDEN')
    // An editor cannot approve at all; returning needs a reason.
    expect(await outcome(editor.call('actOnCampaign', { params: { id: draft.id }, body: { action: 'approve' } }))).toBe('FORBIDDEN')
    expect(await refusedFields(reviewer.call('actOnCampaign', { params: { id: draft.id }, body: { action: 'reject' } }))).toEqual({ reason: '请写明原因' })
    const approved = await reviewer.call('actOnCampaign', { params: { id: draft.id }, body: { action: 'approve' } })
    expect(approved).toMatchObject({ state: 'scheduled', stateLabel: '已批准，待发送', approvedBy: { name: expect.any(String) } })
    // Approving twice: the second finds it no longer waiting.
    expect(await outcome(reviewer.call('actOnCampaign', { params: { id: draft.id }, body: { action: 'approve' } }))).toBe('CONFLICT')
    const audit = await AuditRecordModel.find({ subject: `campaign:${draft.id}` }).sort({ at: 1 }).lean()
    expect(audit.map((a) => [a.action, (a.before as { state?: string } | undefined)?.state ?? null, (a.after as { state?: string }).state ?? null])).toEqual([
      ['campaign.create', null, null],
      ['campaign.submit', 'draft', 'submitted'],
      ['campaign.approve', 'submitted', 'scheduled'],
    ])
  })

  it('a returned campaign is edited and resubmitted; only an admin flags it urgent; pause, resume and cancel', async () => {
    const { editor, reviewer, admin } = await people()
    const c = await editor.call('createCampaign', { body: body() })
    await editor.call('actOnCampaign', { params: { id: c.id }, body: { action: 'submit' } })
    const returned = await reviewer.call('actOnCampaign', { params: { id: c.id }, body: { action: 'reject', reason: '标题请写明调整后的标准' } })
    expect(returned.rejection).toMatchObject({ reason: '标题请写明调整后的标准' })
    const edited = await editor.call('updateCampaign', { params: { id: c.id }, body: body({ message: { title: '征地补偿标准提高', text: '新标准从下月起执行。' } }) })
    expect(edited).toMatchObject({ state: 'draft', message: { title: '征地补偿标准提高' } })
    expect(await outcome(editor.call('actOnCampaign', { params: { id: c.id }, body: { action: 'markUrgent', reason: '涉及群众切身利益' } }))).toBe('FORBIDDEN')
    expect((await admin.call('actOnCampaign', { params: { id: c.id }, body: { action: 'markUrgent', reason: '涉及群众切身利益' } })).urgent).toBe(true)
    expect((await editor.call('actOnCampaign', { params: { id: c.id }, body: { action: 'submit' } })).rejection).toBeNull()
    await reviewer.call('actOnCampaign', { params: { id: c.id }, body: { action: 'approve' } })
    expect(await outcome(editor.call('updateCampaign', { params: { id: c.id }, body: body() }))).toBe('CONFLICT')
    expect((await editor.call('actOnCampaign', { params: { id: c.id }, body: { action: 'pause' } })).state).toBe('paused')
    expect((await reviewer.call('actOnCampaign', { params: { id: c.id }, body: { action: 'resume' } })).state).toBe('scheduled')
    expect(await refusedFields(editor.call('actOnCampaign', { params: { id: c.id }, body: { action: 'cancel' } }))).toEqual({ reason: '请写明原因' })
    expect((await editor.call('actOnCampaign', { params: { id: c.id }, body: { action: 'cancel', reason: '标准有误，暂不推送' } })).state).toBe('cancelled')
    expect(await outcome(editor.call('actOnCampaign', { params: { id: c.id }, body: { action: 'resume' } }))).toBe('CONFLICT')
    const list = await reviewer.call('listCampaigns', {})
    expect(list.campaigns.find((x) => x.id === c.id)?.stateLabel).toBe('已取消')
  })
})

describe('受众预估', () => {
  async function citizen(name: string, region: string, subs: { topic: string; region?: string }[], groups: string[] = []): Promise<{ api: ApiClient; id: string }> {
    const s = await t.api.call('citizenDevLogIn', { body: { name } })
    const api = t.asStaff(s.accessToken)
    await api.call('updateCitizenProfile', { body: { region, groups: groups as never } })
    await api.call('setSubscriptions', { body: { subscriptions: subs.map((x) => ({ topic: x.topic as never, region: x.region, frequency: 'immediate' as const })) } })
    return { api, id: s.citizen.id }
  }

  it('counts exactly who matches (area below the rule’s, any or all topics, groups) and how each is reached', async () => {
    const a = await citizen('aud-a', '410721000000', [{ topic: 'land-acquisition-compensation' }], ['land-expropriated'])
    await a.api.call('recordConsents', { body: { results: [{ templateId: NOTICE, result: 'accept' }] } })
    const b = await citizen('aud-b', '410702000000', [{ topic: 'land-acquisition-compensation', region: '410700000000' }, { topic: 'employment-subsidies' }])
    await b.api.call('recordConsents', { body: { results: [{ templateId: NOTICE, result: 'accept' }] } })
    await b.api.call('recordConsents', { body: { results: [{ templateId: NOTICE, result: 'ban' }] } })
    await citizen('aud-c', '410721000000', [{ topic: 'employment-subsidies' }])
    await citizen('aud-d', '520102000000', [{ topic: 'land-acquisition-compensation' }])
    const e = await citizen('aud-e', '410725000000', [{ topic: 'land-acquisition-compensation' }])
    await CitizenAccountModel.updateOne({ _id: e.id }, { $set: { mobile: '13800000000' } })
    await citizen('aud-f', '410700000000', [])

    const { editor, reviewer } = await people()
    const rule = body().audience
    expect(await editor.call('previewAudience', { body: { audience: rule, channels: { wechat: true, sms: true } } })).toEqual({ matching: 3, wechat: 1, sms: 1, inboxOnly: 1 })
    expect(await reviewer.call('previewAudience', { body: { audience: rule, channels: { wechat: false, sms: false } } })).toEqual({ matching: 3, wechat: 0, sms: 0, inboxOnly: 3 })
    expect(await editor.call('previewAudience', { body: { audience: { ...rule, groups: ['land-expropriated'] }, channels: { wechat: true, sms: true } } })).toEqual({ matching: 1, wechat: 1, sms: 0, inboxOnly: 0 })
    expect(
      await editor.call('previewAudience', { body: { audience: { ...rule, topics: ['land-acquisition-compensation', 'employment-subsidies'], topicMatch: 'all' }, channels: { wechat: true, sms: true } } }),
    ).toEqual({ matching: 1, wechat: 0, sms: 0, inboxOnly: 1 })
    // A county's rule does not reach the city-wide subscriber of another county, nor Guiyang.
    expect(await editor.call('previewAudience', { body: { audience: { ...rule, regions: ['410721000000'] }, channels: { wechat: true, sms: false } } })).toEqual({ matching: 1, wechat: 1, sms: 0, inboxOnly: 0 })
  })
})
