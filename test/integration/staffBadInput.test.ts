import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EditionModel } from '../../server/src/review/model'
import { ContentItem } from '../../server/src/content/model'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { refusedFields, staffSession } from '../support/staff'

let t: TestApp
let editor: Awaited<ReturnType<typeof staffSession>>
let reviewer: Awaited<ReturnType<typeof staffSession>>
let admin: Awaited<ReturnType<typeof staffSession>>
beforeAll(async () => {
  t = await startTestApp()
  editor = await staffSession(t, 'bad-editor', 'guiyang-hrss', ['editor'])
  reviewer = await staffSession(t, 'bad-reviewer', 'guiyang-hrss', ['reviewer'])
  admin = await staffSession(t, 'bad-admin', 'guiyang-hrss', ['platform-admin'])
})
afterAll(() => t.close())

const refused = refusedFields

describe('bad input on the staff endpoints: a 400 with a Chinese message per field, and nothing written', () => {
  it('a draft without a title, topics or regions creates no item and no edition', async () => {
    const before = [await EditionModel.countDocuments(), await ContentItem.countDocuments()]
    const fields = await refused(editor.api.call('createItemDraft', { body: { ...policyDraft({}), title: '', topics: [], regions: ['12'] } as never }))
    expect(Object.keys(fields)).toEqual(['title', 'topics', 'regions.0'])
    expect(fields.topics).toBe('至少选择一个主题分类')
    expect(fields['regions.0']).toBe('地区代码应为 12 位统计用区划代码')
    expect([await EditionModel.countDocuments(), await ContentItem.countDocuments()]).toEqual(before)
  })

  it('an edit with a bad body leaves the draft as it was', async () => {
    const e = await editor.api.call('createItemDraft', { body: policyDraft({ title: '原来的标题' }) as never })
    await refused(editor.api.call('updateEdition', { params: { id: e.id }, body: { ...policyDraft({}), title: '' } as never }))
    expect((await editor.api.call('getEdition', { params: { id: e.id } })).content.title).toBe('原来的标题')
    expect(await refused(editor.api.call('getEdition', { params: { id: 'not-an-id' } }))).toEqual({ 'params.id': '编号格式不正确' })
  })

  it('a schedule time that is not a time, a refresh token that cannot be one, an audit page of 0', async () => {
    const e = await editor.api.call('createItemDraft', { body: policyDraft({ title: '定时格式测试' }) as never })
    await editor.api.call('submitEdition', { params: { id: e.id }, body: {} })
    await reviewer.api.call('approveEdition', { params: { id: e.id }, body: { checklist: { political: true, legal: true, secrecy: true, wording: true } } })
    expect(await refused(reviewer.api.call('scheduleEdition', { params: { id: e.id }, body: { at: '明天上午九点' } }))).toEqual({ at: '请选择发布时间' })
    expect((await reviewer.api.call('getEdition', { params: { id: e.id } })).state).toBe('approved')
    expect(await refused(t.api.call('staffRefresh', { body: { refreshToken: 'short' } }))).toEqual({ refreshToken: '刷新令牌无效' })
    expect(await refused(admin.api.call('listAudit', { query: { limit: 0 } }))).toEqual({ 'query.limit': '每页至少 1 条' })
    const csv = await fetch(`${t.url}/api/v1/audit/export.csv?from=2026-13-01`, { headers: { authorization: `Bearer ${admin.session.accessToken}` } })
    expect(csv.status).toBe(400)
    expect(((await csv.json()) as { error: { details: { fields: { path: string; message: string }[] } } }).error.details.fields).toEqual([{ path: 'query.from', message: '日期格式应为 YYYY-MM-DD' }])
  })

  it('on the endpoints of revisions, reviews after the fact, WeChat, accounts and cadence: a message per field, nothing written', async () => {
    const { AuditRecordModel } = await import('../../server/src/platform/audit/auditTrail')
    const { StaffAccountModel } = await import('../../server/src/auth/model')
    const { AccountColumnModel, PublishingAccountModel } = await import('../../server/src/cadence/model')
    const { ensureMiniProgramAccount } = await import('../../server/src/cadence/publishingAccounts')
    const deptAdmin = await staffSession(t, 'bad-dept-admin', 'guiyang-hrss', ['department-admin'])
    await ensureMiniProgramAccount('guiyang-hrss', new Date())
    const e = await editor.api.call('createItemDraft', { body: policyDraft({ title: '错误输入测试' }) as never })
    const before = [await AuditRecordModel.countDocuments(), await EditionModel.countDocuments()]

    expect(await refused(editor.api.call('startItemEdition', { params: { id: e.itemId }, body: { changeNote: '改'.repeat(501), minor: 'yes' as never } }))).toEqual({
      changeNote: '修改说明不能超过 500 字',
      minor: '应为 true 或 false',
    })
    expect(await refused(editor.api.call('submitEdition', { params: { id: e.id }, body: { minor: 1 as never } }))).toEqual({ minor: '应为 true 或 false' })
    expect(await refused(reviewer.api.call('completeRetrospectiveReview', { params: { id: e.id }, body: { outcome: 'fine' as never } }))).toEqual({ outcome: '请选择审核结论' })
    expect(await refused(editor.api.call('bindStaffWeChat', { body: { code: '  ' } }))).toEqual({ code: '缺少微信登录凭证' })
    expect(await refused(editor.api.call('recordStaffMessageConsent', { body: { results: [] } }))).toEqual({ results: '没有订阅结果' })
    expect(await refused(editor.api.call('recordStaffMessageConsent', { body: { results: [{ templateId: 'T', result: 'maybe' as never, kind: 'once' as never }] } }))).toEqual({
      'results.0.result': '未知的订阅结果',
      'results.0.kind': '应为 one-time 或 long-term',
    })
    expect(await refused(deptAdmin.api.call('setStaffDisabled', { params: { id: editor.id }, body: { disabled: 'no' as never } }))).toEqual({ disabled: '应为 true 或 false' })
    expect(await refused(deptAdmin.api.call('setStaffRoles', { params: { id: editor.id }, body: { roles: ['editor', 'boss' as never] } }))).toEqual({ 'roles.1': '未知的角色' })
    expect(await refused(deptAdmin.api.call('pausePublishingAccount', { params: { id: 'miniprogram:guiyang-hrss' }, body: { reason: '停' } }))).toEqual({ reason: '请写明暂停考核的原因（至少 4 个字）' })
    expect(await refused(deptAdmin.api.call('pausePublishingAccount', { params: { id: 'not an account' }, body: { reason: '账号注销中' } }))).toEqual({ 'params.id': '账号编号格式不正确' })
    expect(await refused(editor.api.call('getCadenceDashboard', { query: { department: 'nowhere' as never } }))).toEqual({ 'query.department': '未知的部门' })
    expect(await refused(editor.api.call('getCadenceOverview', { query: { department: 'nowhere' as never } }))).toEqual({ 'query.department': '未知的部门' })
    expect(await refused(editor.api.call('getCadenceReport', { query: { department: 'guiyang-hrss', week: '2026年第47周' } }))).toEqual({ 'query.week': '周的格式应为 2026-W47' })
    expect(await refused(deptAdmin.api.call('updateAccountColumn', { params: { id: 'miniprogram:guiyang-hrss:guide' }, body: { staleAfterDays: 0, active: 'yes' as never } }))).toEqual({
      staleAfterDays: '至少 1 天',
      active: '请说明是否开设此栏目',
    })
    expect(await refused(deptAdmin.api.call('updateAccountColumn', { params: { id: 'miniprogram:guiyang-hrss:guide' }, body: { staleAfterDays: 1.5, active: true } }))).toEqual({ staleAfterDays: '天数须为整数' })
    expect(await refused(deptAdmin.api.call('setPublishingAccountRule', { params: { id: 'miniprogram:guiyang-hrss' }, body: { minPerWeek: 0, maxGapDays: 15 } }))).toEqual({
      minPerWeek: '每周至少 1 次',
      maxGapDays: '不能超过全国要求的 14 天',
    })
    expect(await refused(deptAdmin.api.call('setPublishingAccountRule', { params: { id: 'miniprogram:guiyang-hrss' }, body: { minPerWeek: 2.5, maxGapDays: '十四' as never } }))).toEqual({
      minPerWeek: '次数须为整数',
      maxGapDays: '请填写最长间隔天数',
    })
    expect(await refused(deptAdmin.api.call('updateAccountColumn', { params: { id: 'guide' }, body: { staleAfterDays: 30, active: true } }))).toEqual({ 'params.id': '栏目编号格式不正确' })
    expect(await refused(editor.api.call('listStaffItems', { query: { status: 'gone' as never } }))).toEqual({ 'query.status': '未知的内容状态' })
    expect(await refused(reviewer.api.call('forcePublishEdition', { params: { id: e.id }, body: {} as never }))).toHaveProperty('reason')

    expect([await AuditRecordModel.countDocuments(), await EditionModel.countDocuments()]).toEqual(before)
    expect((await StaffAccountModel.findById(editor.id).lean())).toMatchObject({ disabled: false, roles: ['editor'] })
    expect((await PublishingAccountModel.findById('miniprogram:guiyang-hrss').lean())!.paused ?? null).toBeNull()
    expect(await AccountColumnModel.findById('miniprogram:guiyang-hrss:guide').lean()).toMatchObject({ staleAfterDays: 183, active: true })
    expect(await PublishingAccountModel.findById('miniprogram:guiyang-hrss').lean()).toMatchObject({ minPerWeek: 2, maxGapDays: 14 })
  })
})

