import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatShanghaiDateTime, weekKey } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { ensureMiniProgramAccount } from '../../server/src/cadence/publishingAccounts'
import { CadenceWarningModel } from '../../server/src/cadence/model'
import { policyDraft } from '../support/content'
import { startTestApp, type TestApp } from '../support/app'
import { outcome, refusedFields, staffSession } from '../support/staff'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const DEPT = 'shandong-hrss'
const WEIBO = `weibo:${DEPT}`

describe('accounts on other channels (微信公众号, 微博, 客户端)', () => {
  it('a department admin registers one per channel; editors record its posts, which count like the mini-program’s', async () => {
    const admin = await staffSession(t, 'ch-admin', DEPT, ['department-admin'])
    const editor = await staffSession(t, 'ch-editor', DEPT, ['editor'])
    const reviewer = await staffSession(t, 'ch-reviewer', DEPT, ['reviewer'])
    expect(await outcome(editor.api.call('registerPublishingAccount', { body: { channel: 'weibo', name: '山东人社微博', minPerWeek: 2 } }))).toBe('FORBIDDEN')
    const dash = await admin.api.call('registerPublishingAccount', { body: { channel: 'weibo', name: '山东人社微博', minPerWeek: 2 } })
    const weibo = dash.accounts.find((a) => a.id === WEIBO)!
    expect(weibo).toMatchObject({ channel: 'weibo', name: '山东人社微博', minPerWeek: 2, maxGapDays: 14, daysSinceUpdate: null })
    expect(weibo.columns.map((c) => [c.name, c.condition, c.staleAfterDays])).toEqual([
      ['动态要闻', 'blank', 14],
      ['通知公告', 'blank', 183],
    ])
    expect(await outcome(admin.api.call('registerPublishingAccount', { body: { channel: 'weibo', name: '另一个微博', minPerWeek: 1 } }))).toBe('CONFLICT')

    const minuteAgo = new Date(Date.now() - 60_000)
    const when = formatShanghaiDateTime(minuteAgo)
    const post = (title: string, o: { text?: string; minor?: boolean; column?: string } = {}) =>
      editor.api.call('recordChannelPost', { params: { id: WEIBO }, body: { column: o.column ?? 'news', title, url: 'https://weibo.com/sdhrss/1', publishedAt: when, text: o.text ?? `${title}的正文，各不相同。`, minor: o.minor ?? false } })
    const text = '全省2026年高校毕业生就业服务月活动即将启动，各地人社部门将举办线上线下招聘会三百余场，提供岗位五万余个。'
    await post('高校毕业生就业服务月启动', { text })
    await post('社保卡线上申领指南', { column: 'notice' })
    // The same news posted again a minute later, and a correction marked minor: neither counts.
    await post('【转】高校毕业生就业服务月启动', { text: `${text}` })
    const last = await post('更正：招聘会场次', { minor: true })
    const week = last.accounts.find((a) => a.id === WEIBO)!.weeks.find((w) => w.week === weekKey(minuteAgo))!
    expect(week).toMatchObject({ published: 2, compliant: true })
    expect(last.accounts.find((a) => a.id === WEIBO)!.columns.map((c) => [c.name, c.condition, c.liveItems])).toEqual([
      ['动态要闻', 'ok', 3],
      ['通知公告', 'ok', 1],
    ])
    const audit = await AuditRecordModel.find({ action: 'cadence.post-recorded', subject: `account:${WEIBO}` }).sort({ at: 1 }).lean()
    expect(audit.map((r) => [(r.after as { title: string }).title, (r.after as { counts: boolean }).counts])).toEqual([
      ['高校毕业生就业服务月启动', true],
      ['社保卡线上申领指南', true],
      ['【转】高校毕业生就业服务月启动', false],
      ['更正：招聘会场次', false],
    ])

    // Who may, and what is refused.
    expect(await outcome(reviewer.api.call('recordChannelPost', { params: { id: WEIBO }, body: { column: 'news', title: '审核员登记', url: 'https://weibo.com/x', publishedAt: when, text: '', minor: false } }))).toBe('FORBIDDEN')
    const refused = refusedFields
    const tomorrow = formatShanghaiDateTime(new Date(Date.now() + 86_400_000))
    expect(await refused(editor.api.call('recordChannelPost', { params: { id: WEIBO }, body: { column: 'news', title: '明天的', url: 'https://weibo.com/x', publishedAt: tomorrow, text: '', minor: false } }))).toEqual({ publishedAt: '发布时间不能晚于现在' })
    expect(await refused(editor.api.call('recordChannelPost', { params: { id: WEIBO }, body: { column: 'video', title: '没有的栏目', url: 'https://weibo.com/x', publishedAt: when, text: '', minor: false } }))).toEqual({ column: '该账号没有这个栏目' })
    expect(await refused(editor.api.call('recordChannelPost', { params: { id: WEIBO }, body: { column: 'news', title: '格式', url: 'ftp://weibo.com/x', publishedAt: '昨天', text: '', minor: false } }))).toEqual({
      url: '请填写以 http:// 或 https:// 开头的链接',
      publishedAt: '发布时间格式应为 YYYY-MM-DD HH:mm',
    })
    await ensureMiniProgramAccount(DEPT, new Date())
    expect(await refused(editor.api.call('recordChannelPost', { params: { id: `miniprogram:${DEPT}` }, body: { column: 'policy', title: '小程序', url: 'https://x.cn', publishedAt: when, text: '', minor: false } }))).toEqual({ 'params.id': '小程序上的发布由系统自动记录，无需登记' })
    expect(await refused(admin.api.call('registerPublishingAccount', { body: { channel: 'miniprogram' as never, name: '小', minPerWeek: 9 } }))).toEqual({
      channel: '请选择渠道：微信公众号、微博或客户端',
      name: '账号名称至少 2 个字',
      minPerWeek: '每周最多要求 7 次',
    })
    expect(await AuditRecordModel.countDocuments({ action: 'cadence.post-recorded' })).toBe(4)

    // Short at mid-week: the mini-program account's warning lists the editions in review that
    // could close its gap; the client app's does not (they do not publish there).
    await admin.api.call('registerPublishingAccount', { body: { channel: 'app', name: '山东人社客户端', minPerWeek: 1 } })
    const draft = await editor.api.call('createItemDraft', { body: policyDraft({ title: '山东省就业见习补贴办法', department: DEPT }) as never })
    await editor.api.call('submitEdition', { params: { id: draft.id }, body: {} })
    await t.services.cadence.warner.midWeek(new Date())
    const warnings = await CadenceWarningModel.find({ kind: 'weekly-forecast', department: DEPT }).lean()
    const inReviewOf = (accountId: string) => warnings.find((w) => w.accountId === accountId)?.details.inReview?.map((e) => e.title)
    expect(inReviewOf(`miniprogram:${DEPT}`)).toEqual(['山东省就业见习补贴办法'])
    expect(inReviewOf(`app:${DEPT}`)).toEqual([])
    expect(await AuditRecordModel.countDocuments({ action: 'cadence.account-registered' })).toBe(2) // 微博 and 客户端
  })
})
