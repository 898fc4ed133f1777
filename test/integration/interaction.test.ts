import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError, residentIdCheckChar, type ApiClient, type ConsultationBody, type MessageBody } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { JobScheduler } from '../../server/src/platform/jobs/scheduler'
import { Setting } from '../../server/src/platform/settings'
import { ContentScreener } from '../../server/src/interaction/contentScreener'
import { CommentModel, ConsultationModel, InteractionDayCountModel, InteractionTaskModel, MessageModel } from '../../server/src/interaction/model'
import { startTestApp, type TestApp } from '../support/app'
import { FakeWeChat } from '../support/fakeWeChat'
import { outcome, refusedFields, staffSession } from '../support/staff'

const DEPT = 'guiyang-hrss'
const STATS_DEPT = 'sanyuan-hrss'
const REPLY_TEMPLATE = 'TPL-INTERACTION-REPLY'
/** The interaction domain's clock (Beijing times below), moved by the tests. */
let clock = new Date('2026-09-30T10:00:00+08:00')
const at = (beijing: string) => new Date(`${beijing}+08:00`)
let fake: FakeWeChat
let t: TestApp
let n = 0

beforeAll(async () => {
  fake = await new FakeWeChat({ templates: [REPLY_TEMPLATE] }).start()
  t = await startTestApp({
    wechat: { baseUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret },
    pushTemplates: { 'interaction-reply': { templateId: REPLY_TEMPLATE, longTerm: true } },
    interaction: { now: () => clock },
  })
})
afterAll(async () => {
  await t.close()
  await fake.stop()
})

/** A citizen logged in with WeChat (the fake's openid), optionally consenting to 互动回复通知. */
async function citizen(consent = false): Promise<{ api: ApiClient; id: string; openid: string }> {
  const openid = `o-msg-writer-${++n}`
  const session = await t.api.call('citizenLogIn', { body: { code: fake.loginCode(openid) } })
  const api = t.asStaff(session.accessToken)
  if (consent) {
    fake.grant(openid, REPLY_TEMPLATE, 'long-term')
    await api.call('recordConsents', { body: { results: [{ templateId: REPLY_TEMPLATE, result: 'accept' }] } })
  }
  return { api, id: session.citizen.id, openid }
}
const desk = async (department = DEPT) => ({
  editor: await staffSession(t, `ia-editor-${++n}`, department, ['editor']),
  reviewer: await staffSession(t, `ia-reviewer-${++n}`, department, ['reviewer']),
  admin: await staffSession(t, `ia-admin-${++n}`, department, ['department-admin']),
  platform: await staffSession(t, `ia-platform-${++n}`, department, ['platform-admin']),
  outsider: await staffSession(t, `ia-other-${++n}`, 'xinxiang-gov-office', ['reviewer']),
})
const message = (over: Partial<MessageBody> = {}): MessageBody => ({ department: DEPT, category: 'consultation', title: '就业见习补贴怎么申请', text: `请问高校毕业生就业见习补贴需要哪些材料？（${++n}）`, public: true, ...over })
const first17 = '52010219800101123'
const ID = first17 + residentIdCheckChar(first17)

describe('bad input', () => {
  it('refuses a message with a Chinese message per field and writes nothing', async () => {
    const c = await citizen()
    const before = await MessageModel.countDocuments()
    expect(await refusedFields(c.api.call('submitMessage', { body: { department: 'nowhere' as never, category: 'praise' as never, title: '', text: '短', itemId: 'xyz' } }))).toEqual({
      department: '请选择留言的部门',
      category: '请选择留言类型（咨询、建议或投诉）',
      title: '标题至少 2 个字',
      text: '留言内容至少 5 个字',
      itemId: '相关内容编号格式不正确',
    })
    // Past the schema: an item that is not published.
    expect(await refusedFields(c.api.call('submitMessage', { body: message({ itemId: '0123456789abcdef01234567' }) }))).toEqual({ itemId: '没有找到相关的公开内容' })
    expect(await MessageModel.countDocuments()).toBe(before)
    expect(fake.securityChecks.filter((b) => b.content.includes('短'))).toHaveLength(0)
  })

  it('refuses bad staff steps, settings and drafts per field and changes nothing', async () => {
    const { editor, admin } = await desk()
    const c = await citizen()
    const m = await c.api.call('submitMessage', { body: message() })
    const stored = JSON.stringify(await MessageModel.findById(m.id).lean())
    expect(await refusedFields(editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'reply', text: '好' } }))).toEqual({ text: '答复内容至少 5 个字' })
    expect(await refusedFields(editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'assign', assigneeId: 'me' } }))).toEqual({ assigneeId: '办理人格式不正确' })
    expect(await refusedFields(editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'assign', assigneeId: '0123456789abcdef01234567' } }))).toEqual({ assigneeId: '办理人应为本部门可以办理留言的工作人员' })
    expect(await refusedFields(editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'shout' as never } }))).toEqual({ action: '未知的操作' })
    expect(JSON.stringify(await MessageModel.findById(m.id).lean())).toBe(stored)
    expect(await refusedFields(admin.api.call('putInteractionSettings', { body: { replyReview: true, answerDays: { consultation: 0, suggestion: 61, complaint: 1.5 } } }))).toEqual({
      'answerDays.consultation': '至少 1 个工作日',
      'answerDays.suggestion': '最多 60 个工作日',
      'answerDays.complaint': '应为整数个工作日',
    })
    const draft = { title: '征求意见稿', background: '起草背景说明不少于十个字。', draftText: '征求意见稿全文不少于十个字。', startAt: '2026-12-01 9:00', endAt: '2026-11-30 09:00' }
    expect(await refusedFields(editor.api.call('createConsultation', { body: draft as ConsultationBody }))).toEqual({ startAt: '开始时间格式应为 YYYY-MM-DD HH:mm（北京时间）' })
    expect(await refusedFields(editor.api.call('createConsultation', { body: { ...draft, startAt: '2026-12-01 09:00' } }))).toEqual({ endAt: '结束时间应晚于开始时间' })
    expect(await ConsultationModel.countDocuments({ title: '征求意见稿' })).toBe(0)
  })
})

describe('answer deadlines in working days', () => {
  it('gives a 咨询 5 working days and a 建议 15, over the National Day holiday and its 调休 Saturday', async () => {
    clock = at('2026-09-30T10:00:00')
    const c = await citizen()
    const question = await c.api.call('submitMessage', { body: message({ category: 'consultation' }) })
    // 10-01..10-07 are holidays, Saturday 10-10 is a working day: 10-08, 10-09, 10-10, 10-12, 10-13.
    expect(question).toMatchObject({ receivedOn: '2026-09-30', dueDate: '2026-10-13', state: 'received', stateLabel: '已受理' })
    expect(question.trackingNumber).toMatch(/^LY2026-\d{5}$/)
    const suggestion = await c.api.call('submitMessage', { body: message({ category: 'suggestion', title: '建议延长办事大厅时间' }) })
    expect(suggestion.dueDate).toBe('2026-10-27')
    // Received on a Friday in the evening Beijing time (still Friday in Beijing, though Friday noon in UTC).
    clock = at('2026-11-06T23:30:00')
    const friday = await c.api.call('submitMessage', { body: message() })
    expect(friday).toMatchObject({ receivedOn: '2026-11-06', dueDate: '2026-11-13' })
  })

  it('uses the department\'s own days for messages received after it sets them; earlier ones keep theirs', async () => {
    clock = at('2026-11-02T09:00:00')
    const { admin, editor } = await desk('shandong-hrss')
    const c = await citizen()
    const before = await c.api.call('submitMessage', { body: message({ department: 'shandong-hrss' }) })
    expect(before.dueDate).toBe('2026-11-09')
    expect(await outcome(editor.api.call('putInteractionSettings', { body: { replyReview: false, answerDays: { consultation: 3, suggestion: 10, complaint: 10 } } }))).toBe('FORBIDDEN')
    const set = await admin.api.call('putInteractionSettings', { body: { replyReview: false, answerDays: { consultation: 3, suggestion: 10, complaint: 10 } } })
    expect(set).toMatchObject({ department: 'shandong-hrss', answerDays: { consultation: 3 }, isDefault: false })
    const after = await c.api.call('submitMessage', { body: message({ department: 'shandong-hrss' }) })
    expect(after.dueDate).toBe('2026-11-05')
    expect((await c.api.call('getMyMessage', { params: { id: before.id } })).dueDate).toBe('2026-11-09')
    const audit = await AuditRecordModel.findOne({ action: 'interaction.settings-changed', subject: 'interaction-settings:shandong-hrss' }).lean()
    expect(audit).toMatchObject({ before: { answerDays: { consultation: 5 } }, after: { answerDays: { consultation: 3 } } })
  })
})

describe('moderation paths: WeChat msg_sec_check v2 and the word list', () => {
  it('pass: straight into the department\'s queue; WeChat got version 2, the scene, the openid, title and text', async () => {
    clock = at('2026-11-02T09:00:00')
    const c = await citizen()
    const m = await c.api.call('submitMessage', { body: message({ title: '社保卡补办', text: '社保卡丢了在哪里补办？' }) })
    expect(m.state).toBe('received')
    const sent = fake.securityChecks.find((b) => b.content === '社保卡丢了在哪里补办？')
    expect(sent).toMatchObject({ version: 2, scene: 3, openid: c.openid, title: '社保卡补办' })
    const { editor } = await desk()
    const view = await editor.api.call('getStaffMessage', { params: { id: m.id } })
    expect(view.screening).toMatchObject({ verdict: 'pass', platform: { suggest: 'pass', label: '100', error: null }, words: [] })
  })

  it('review: held for a reviewer (not an editor), who accepts it into the queue', async () => {
    fake.judgeText('需要人工看看', 'review', 21000)
    const c = await citizen()
    const m = await c.api.call('submitMessage', { body: message({ text: '这段话需要人工看看再说。' }) })
    expect(m).toMatchObject({ state: 'moderation', stateLabel: '正在审核' })
    const { editor, reviewer } = await desk()
    expect((await editor.api.call('getStaffMessage', { params: { id: m.id } })).screening.platform).toEqual({ suggest: 'review', label: '21000', error: null })
    expect(await outcome(editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'approveContent', note: '' } }))).toBe('FORBIDDEN')
    expect(await outcome(editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'reply', text: '先答复了再说吧。' } }))).toBe('CONFLICT')
    const accepted = await reviewer.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'approveContent', note: '正常咨询' } })
    expect(accepted).toMatchObject({ state: 'received', moderation: { decision: 'approved', note: '正常咨询' } })
    expect(await AuditRecordModel.findOne({ action: 'interaction.approveContent', subject: `message:${m.id}` }).lean()).toMatchObject({ before: { state: 'moderation' }, after: { state: 'received', verdict: 'review' } })
    // The public listing never had it, and the audit trail never has the words.
    expect(JSON.stringify(await AuditRecordModel.find({ subject: `message:${m.id}` }).lean())).not.toContain('需要人工看看')
  })

  it('risky: held as risky; rejected with the reason the writer reads', async () => {
    fake.judgeText('违法的内容', 'risky', 20006)
    const c = await citizen()
    const m = await c.api.call('submitMessage', { body: message({ text: '这里有一些违法的内容。' }) })
    expect(m.state).toBe('moderation')
    const { reviewer } = await desk()
    expect((await reviewer.api.call('getStaffMessage', { params: { id: m.id } })).screening).toMatchObject({ verdict: 'risky', platform: { suggest: 'risky', label: '20006' } })
    const rejected = await reviewer.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'rejectContent', reason: '含有违法信息，不予受理' } })
    expect(rejected.state).toBe('rejected')
    expect(await c.api.call('getMyMessage', { params: { id: m.id } })).toMatchObject({ state: 'rejected', stateLabel: '未予受理', rejection: '含有违法信息，不予受理', dueDate: null })
  })

  it('the word list holds what WeChat passes, even written with spaces between the characters', async () => {
    const c = await citizen()
    const m = await c.api.call('submitMessage', { body: message({ text: '本人可以代 开 发 票，价格优惠。' }) })
    expect(m.state).toBe('moderation')
    const { reviewer, platform } = await desk()
    expect((await reviewer.api.call('getStaffMessage', { params: { id: m.id } })).screening).toMatchObject({ verdict: 'risky', platform: { suggest: 'pass' }, words: [{ word: '代开发票', level: 'risky' }] })
    // A platform admin's list replaces the default one.
    await platform.api.call('putSensitiveWords', { body: { words: [{ word: '插队', level: 'review', note: '测试' }] } })
    const held = await c.api.call('submitMessage', { body: message({ text: '有人插队办理业务，请管一管。' }) })
    const free = await c.api.call('submitMessage', { body: message({ text: '本人可以代开发票（测试：旧词已不在表中）。' }) })
    expect([held.state, free.state]).toEqual(['moderation', 'received'])
    await platform.api.call('putSensitiveWords', { body: { words: (await import('@zw/shared')).DEFAULT_SENSITIVE_WORDS.map((w) => ({ ...w })) } })
  })

  it('a check WeChat could not make counts as review, never as a pass', async () => {
    const c = await citizen()
    fake.failNext('/wxa/msg_sec_check', -1)
    const busy = await c.api.call('submitMessage', { body: message({ text: '系统繁忙时提交的留言。' }) })
    fake.failNextWith('/wxa/msg_sec_check', { httpStatus: 502 })
    const gateway = await c.api.call('submitMessage', { body: message({ text: '网关出错时提交的留言。' }) })
    expect([busy.state, gateway.state]).toEqual(['moderation', 'moderation'])
    const { reviewer } = await desk()
    expect((await reviewer.api.call('getStaffMessage', { params: { id: busy.id } })).screening.platform).toEqual({ suggest: 'review', label: '0', error: '微信内容安全检查失败（-1），需人工审核' })
    expect((await reviewer.api.call('getStaffMessage', { params: { id: gateway.id } })).screening.platform.error).toBe('微信内容安全检查失败（-2），需人工审核')
    // Without WeChat configured at all: review too.
    const screener = new ContentScreener(undefined, new Setting('interaction-sensitive-words', () => []), () => clock, t.logger)
    expect(await screener.screen({ text: '普通的留言内容', openid: 'o-any', scene: 3 })).toMatchObject({ verdict: 'review', platform: { suggest: 'review', error: '未配置微信内容安全检查，需人工审核' } })
  })
})

describe('handling: assign, reply with a second person\'s review, notice to the writer', () => {
  it('a reviewed reply: the drafter cannot approve it, a reviewer returns it, then sends it out; the writer is told in the inbox and by WeChat', async () => {
    clock = at('2026-11-02T09:00:00')
    const { editor, reviewer, admin } = await desk()
    await admin.api.call('putInteractionSettings', { body: { replyReview: true, answerDays: { consultation: 5, suggestion: 15, complaint: 15 } } })
    const c = await citizen(true)
    const m = await c.api.call('submitMessage', { body: message({ title: '失业金申领', text: '失业金可以在网上申领吗？' }) })
    const taken = await editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'assign', assigneeId: editor.id } })
    expect(taken).toMatchObject({ state: 'assigned', assignee: { id: editor.id } })
    expect(taken.handlers.map((h) => h.id)).toEqual(expect.arrayContaining([editor.id, reviewer.id, admin.id]))
    const drafted = await editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'reply', text: '可以，在小程序“办事”中申领。' } })
    expect(drafted).toMatchObject({ state: 'reply-review', replyReview: true, replyDraft: { text: '可以，在小程序“办事”中申领。' } })
    expect((await c.api.call('getMyMessage', { params: { id: m.id } })).reply).toBeNull()
    // The drafter may be a reviewer too, but never approves their own reply.
    const reviewingEditor = await staffSession(t, `ia-editor-reviewer-${++n}`, DEPT, ['editor', 'reviewer'])
    const m2 = await c.api.call('submitMessage', { body: message() })
    await reviewingEditor.api.call('actOnMessage', { params: { id: m2.id }, body: { action: 'reply', text: '这是自己起草的答复。' } })
    expect(await outcome(reviewingEditor.api.call('actOnMessage', { params: { id: m2.id }, body: { action: 'approveReply' } }))).toBe('FORBIDDEN')
    const returned = await reviewer.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'returnReply', reason: '请写明具体入口' } })
    expect(returned).toMatchObject({ state: 'assigned', replyDraft: { returned: '请写明具体入口' } })
    await editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'reply', text: '可以。打开小程序“我的—办事—失业保险金申领”即可在网上申领。' } })
    clock = at('2026-11-04T15:00:00')
    const answered = await reviewer.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'approveReply' } })
    expect(answered.state).toBe('answered')
    expect(await c.api.call('getMyMessage', { params: { id: m.id } })).toMatchObject({ state: 'answered', reply: { text: '可以。打开小程序“我的—办事—失业保险金申领”即可在网上申领。', answeredOn: '2026-11-04' } })
    // Told: 我的消息, and a WeChat subscription message opening the message's page.
    const inbox = await c.api.call('getInbox', { query: {} })
    expect(inbox.messages.find((x) => x.title === '您的留言已答复')).toMatchObject({ link: `interaction/pages/message/index?id=${m.id}`, department: '贵阳市人力资源和社会保障局' })
    const wx = fake.delivered.filter((d) => d.touser === c.openid)
    expect(wx).toHaveLength(1)
    expect(wx[0]).toMatchObject({ template_id: REPLY_TEMPLATE, page: expect.stringContaining(`interaction/pages/message/index?id=${m.id}`) })
    expect((await MessageModel.findById(m.id).lean())!.notifiedAt).not.toBeNull()
    // Every step audited with the state before and after.
    const steps = (await AuditRecordModel.find({ subject: `message:${m.id}` }).sort({ at: 1, _id: 1 }).lean()).map((a) => [a.action, (a.before as { state?: string } | null)?.state ?? null, (a.after as { state: string }).state])
    expect(steps).toEqual([
      ['interaction.message-received', null, 'received'],
      ['interaction.assign', 'received', 'assigned'],
      ['interaction.reply', 'assigned', 'reply-review'],
      ['interaction.returnReply', 'reply-review', 'assigned'],
      ['interaction.reply', 'assigned', 'reply-review'],
      ['interaction.approveReply', 'reply-review', 'answered'],
    ])
    // The daily sweep does not tell them again.
    await t.services.interaction.sweep.run(at('2026-11-05T08:00:00'))
    expect(fake.delivered.filter((d) => d.touser === c.openid)).toHaveLength(1)
    await admin.api.call('putInteractionSettings', { body: { replyReview: false, answerDays: { consultation: 5, suggestion: 15, complaint: 15 } } })
  })

  it('a notice that could not be sent with the answer is sent by the daily sweep, once', async () => {
    clock = at('2026-11-03T09:00:00')
    const { editor } = await desk()
    const c = await citizen(true)
    const m = await c.api.call('submitMessage', { body: message({ title: '通知重试测试' }) })
    const context = t.services.interaction.context
    const notify = context.notify
    context.notify = async () => {
      throw new Error('database unreachable (test)')
    }
    try {
      expect((await editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'reply', text: '答复已发出，通知稍后补发。' } })).state).toBe('answered')
    } finally {
      context.notify = notify
    }
    expect((await MessageModel.findById(m.id).lean())!.notifiedAt).toBeNull()
    expect((await c.api.call('getInbox', { query: {} })).messages).toHaveLength(0)
    expect((await t.services.interaction.sweep.run(at('2026-11-04T08:00:00'))).notified).toContain(m.id)
    expect((await t.services.interaction.sweep.run(at('2026-11-05T08:00:00'))).notified).not.toContain(m.id)
    expect((await c.api.call('getInbox', { query: {} })).messages.map((x) => x.title)).toEqual(['您的留言已答复'])
    expect(fake.delivered.filter((d) => d.touser === c.openid)).toHaveLength(1)
    // Asked again with the same key, the notifier sends nothing.
    expect(await t.services.push.notifier.notify({ key: `message-reply:${m.id}`, department: DEPT, citizenIds: [c.id], title: '您的留言已答复', text: '重复', link: null })).toBe(0)
  })

  it('two people acting on the same message at once: one gets CONFLICT', async () => {
    const { editor, reviewer } = await desk()
    const c = await citizen()
    const m = await c.api.call('submitMessage', { body: message() })
    const results = await Promise.all([editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'reply', text: '第一位办理人的答复。' } }).then(() => 'OK', (e: ApiClientError) => e.code), reviewer.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'reply', text: '第二位办理人的答复。' } }).then(() => 'OK', (e: ApiClientError) => e.code)])
    expect(results.sort()).toEqual(['CONFLICT', 'OK'])
  })
})

describe('reminders, overdue escalation and the 60-day alarm (the daily job)', () => {
  it('reminds 2 working days before, escalates once overdue (once per due date), and alarms at 60 days for platform admins too', async () => {
    const { editor, platform } = await desk()
    const c = await citizen()
    clock = at('2026-11-02T09:00:00')
    const m = await c.api.call('submitMessage', { body: message({ title: '逾期测试' }) }) // due Monday 11-09
    clock = at('2026-09-01T09:00:00')
    const old = await c.api.call('submitMessage', { body: message({ category: 'complaint', title: '六十天测试' }) })
    const sweep = t.services.interaction.sweep

    // The complaint of 09-01 (15 working days, due 09-23) has been overdue since; on 10-31, 60 days: the alarm.
    expect((await sweep.run(at('2026-10-30T08:00:00'))).alarms).not.toContain(old.id)
    expect((await sweep.run(at('2026-10-31T08:00:00'))).alarms).toContain(old.id)
    expect((await sweep.run(at('2026-11-01T08:00:00'))).alarms).not.toContain(old.id)

    const day3 = await sweep.run(at('2026-11-04T08:00:00'))
    expect(day3.reminders).not.toContain(m.id)
    const day4 = await sweep.run(at('2026-11-05T08:00:00'))
    expect(day4.reminders).toContain(m.id)
    expect(await InteractionTaskModel.findById(`${m.id}:reminder:2026-11-09`).lean()).toMatchObject({ kind: 'reminder', department: DEPT, text: expect.stringContaining('还有 2 个工作日') })
    expect((await sweep.run(at('2026-11-09T08:00:00'))).overdue).not.toContain(m.id)

    const overdue = await sweep.run(at('2026-11-10T08:00:00'))
    expect(overdue.overdue).toContain(m.id)
    expect((await sweep.run(at('2026-11-10T08:00:00'))).overdue).not.toContain(m.id)
    expect(await AuditRecordModel.countDocuments({ action: 'interaction.message-overdue', subject: `message:${m.id}` })).toBe(1)
    const staffView = await editor.api.call('getStaffMessage', { params: { id: m.id } })
    expect(staffView.history.map((h) => h.label)).toContain('逾期督办')
    const tasks = (await editor.api.call('listInteractionTasks', {})).tasks
    expect(tasks.find((x) => x.messageId === m.id && x.kind === 'overdue')).toMatchObject({ dueDate: '2026-11-09', text: expect.stringContaining('请部门负责人督办') })

    expect((await platform.api.call('listInteractionTasks', {})).tasks.find((x) => x.messageId === old.id)).toMatchObject({ kind: 'alarm', department: DEPT, text: expect.stringContaining('超过三个月未答复将被一票否决') })
    expect(await AuditRecordModel.countDocuments({ action: 'interaction.message-alarm', subject: `message:${old.id}` })).toBe(1)
    clock = at('2026-11-10T10:00:00')
    const listed = (await editor.api.call('listStaffMessages', { query: { state: 'open' } })).messages.find((x) => x.id === old.id)
    expect(listed).toMatchObject({ overdue: true, alarm: true })

    // Answered: its tasks leave the list.
    await editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'reply', text: '已答复，谢谢您的留言。' } })
    expect((await editor.api.call('listInteractionTasks', {})).tasks.some((x) => x.messageId === m.id)).toBe(false)
  })

  it('runs through the job scheduler: the daily slot runs once across instances', async () => {
    const job = t.services.interaction.jobs.find((j) => j.name === 'interaction-daily')!
    expect(job.cron).toBe('0 8 * * *')
    const slot = new Date('2026-11-11T00:00:00Z') // 08:00 Beijing
    const a = new JobScheduler([job], t.logger, () => slot)
    const b = new JobScheduler([job], t.logger, () => slot)
    expect(await a.runSlot(job, slot, 'schedule')).toBe(true)
    expect(await b.runSlot(job, slot, 'schedule')).toBe(false)
  })
})

describe('the public Q&A and statistics', () => {
  it('lists answered messages the writers agreed to publish, personal data masked, searchable; not-for-publication and risky ones never', async () => {
    clock = at('2026-11-16T09:00:00')
    const { editor, reviewer } = await desk()
    const c = await citizen()
    const shown = await c.api.call('submitMessage', { body: message({ title: '灵活就业社保补贴', text: `我的电话 13800138000，身份证 ${ID}，请问灵活就业社保补贴怎么领？` }) })
    const notAgreed = await c.api.call('submitMessage', { body: message({ title: '灵活就业社保补贴（不公开）', public: false }) })
    const hidden = await c.api.call('submitMessage', { body: message({ title: '灵活就业社保补贴（设为不公开）' }) })
    fake.judgeText('有风险的说法', 'risky')
    const risky = await c.api.call('submitMessage', { body: message({ title: '灵活就业社保补贴（高风险）', text: '这是有风险的说法。' }) })
    await reviewer.api.call('actOnMessage', { params: { id: risky.id }, body: { action: 'approveContent', note: '可以办理' } })
    for (const m of [shown, notAgreed, hidden, risky]) await editor.api.call('actOnMessage', { params: { id: m.id }, body: { action: 'reply', text: '请携带身份证到社保窗口办理，咨询电话 0851-12345678。' } })
    await editor.api.call('actOnMessage', { params: { id: hidden.id }, body: { action: 'markNotPublic', reason: '涉及个人具体情况' } })
    expect(await AuditRecordModel.findOne({ action: 'interaction.markNotPublic', subject: `message:${hidden.id}` }).lean()).toMatchObject({ reason: '涉及个人具体情况', before: { notPublic: false }, after: { notPublic: true } })
    expect(await c.api.call('getMyMessage', { params: { id: shown.id } })).toMatchObject({ shownInPublic: true, personalDataWarning: expect.stringContaining('手机号码、身份证号码') })

    const page = await t.api.call('listPublicMessages', { query: { q: '灵活就业' } })
    expect(page.messages.map((m) => m.id)).toEqual([shown.id])
    expect(page.messages[0]!.text).toBe(`我的电话 138****8000，身份证 ${ID.slice(0, 3)}***********${ID.slice(-4)}，请问灵活就业社保补贴怎么领？`)
    expect(page.messages[0]!.reply).toContain('0851-12345678')
    expect(JSON.stringify(page)).not.toContain(ID)
    // Searching a masked number finds nothing; other filters work.
    expect((await t.api.call('listPublicMessages', { query: { q: '13800138000' } })).total).toBe(0)
    expect((await t.api.call('listPublicMessages', { query: { q: '灵活就业', category: 'complaint' } })).total).toBe(0)
    expect((await t.api.call('listPublicMessages', { query: { q: '灵活就业', department: DEPT, category: 'consultation' } })).total).toBe(1)
    expect(await refusedFields(t.api.call('listPublicMessages', { query: { page: 0 } }))).toEqual({ 'query.page': '页码从 1 开始' })
  })

  it('counts received, answered on time, overdue and average handling days per department, as JSON and CSV', async () => {
    const { editor, platform, outsider } = await desk(STATS_DEPT)
    const c = await citizen()
    clock = at('2026-11-02T09:00:00') // 咨询 due 11-09
    const onTime = await c.api.call('submitMessage', { body: message({ department: STATS_DEPT }) })
    const late = await c.api.call('submitMessage', { body: message({ department: STATS_DEPT }) })
    await c.api.call('submitMessage', { body: message({ department: STATS_DEPT }) }) // never answered
    clock = at('2026-11-06T10:00:00')
    await editor.api.call('actOnMessage', { params: { id: onTime.id }, body: { action: 'reply', text: '按期答复的内容。' } }) // 4 working days
    clock = at('2026-11-12T10:00:00')
    await editor.api.call('actOnMessage', { params: { id: late.id }, body: { action: 'reply', text: '逾期答复的内容。' } }) // 8 working days
    clock = at('2026-11-20T10:00:00')
    const stats = await editor.api.call('getMessageStats', { query: { from: '2026-11-01', to: '2026-11-30' } })
    expect(stats.rows).toEqual([{ department: STATS_DEPT, departmentName: '三明市三元区人力资源和社会保障局', received: 3, answered: 2, answeredOnTime: 1, overdue: 2, open: 1, averageHandlingDays: 6 }])
    expect(await outcome(outsider.api.call('getMessageStats', { query: { department: STATS_DEPT } }))).toBe('FORBIDDEN')
    const all = await platform.api.call('getMessageStats', { query: { from: '2026-11-01', to: '2026-11-30' } })
    expect(all.rows.map((r) => r.department)).toContain(DEPT)
    expect(all.rows.find((r) => r.department === STATS_DEPT)!.received).toBe(3)
    const res = await fetch(`${t.url}/api/v1/staff/interaction/stats.csv?from=2026-11-01&to=2026-11-30`, { headers: { authorization: `Bearer ${editor.session.accessToken}` } })
    expect(res.headers.get('content-type')).toContain('text/csv')
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())
    expect(csv.startsWith('\uFEFF"部门","收到","已答复","按期答复","逾期","未答复","平均办理工作日"\r\n')).toBe(true)
    expect(csv).toContain('"三明市三元区人力资源和社会保障局","3","2","1","2","1","6"\r\n')
    expect((await fetch(`${t.url}/api/v1/staff/interaction/stats.csv?from=2026-13-01`, { headers: { authorization: `Bearer ${editor.session.accessToken}` } })).status).toBe(400)
  })
})

describe('public consultations (征求意见)', () => {
  const body = (over: Partial<ConsultationBody> = {}): ConsultationBody => ({
    title: '贵阳市就业创业补贴实施办法（征求意见稿）',
    background: '为落实就业优先政策，起草了本办法，现公开征求意见。',
    draftText: '第一条 为促进就业创业，制定本办法。第二条 本办法适用于本市行政区域内的就业创业补贴。',
    attachments: [],
    startAt: '2026-12-01 09:00',
    endAt: '2026-12-10 18:00',
    ...over,
  })

  it('opens and closes at the Beijing start and end: right at read time, recorded by the per-minute job (caught up after downtime)', async () => {
    clock = at('2026-11-20T10:00:00')
    const { editor, reviewer } = await desk()
    const draft = await editor.api.call('createConsultation', { body: body() })
    expect(draft).toMatchObject({ state: 'draft', status: 'draft', startAt: '2026-12-01T01:00:00.000Z', endAt: '2026-12-10T10:00:00.000Z', startAtText: '2026-12-01 09:00', endAtText: '2026-12-10 18:00' })
    expect(await outcome(t.api.call('getConsultation', { params: { id: draft.id } }))).toBe('NOT_FOUND')
    expect(await outcome(editor.api.call('actOnConsultation', { params: { id: draft.id }, body: { action: 'publish' } }))).toBe('FORBIDDEN')
    const published = await reviewer.api.call('actOnConsultation', { params: { id: draft.id }, body: { action: 'publish' } })
    expect(published).toMatchObject({ state: 'scheduled', status: 'scheduled', statusLabel: '未开始' })
    const c = await citizen()
    const early = await c.api.call('commentOnConsultation', { params: { id: draft.id }, body: { text: '开始前提的意见。', public: true } }).catch((e: ApiClientError) => e)
    expect(early).toMatchObject({ code: 'CONFLICT', message: '征集尚未开始，请在开始后再提意见' })

    const job = t.services.interaction.jobs.find((j) => j.name === 'consultation-phases')!
    let now = new Date('2026-12-01T00:59:30Z') // 08:59:30 in Beijing
    const scheduler = new JobScheduler([job], t.logger, () => now)
    await scheduler.catchUp() // first sighting: nothing to catch up
    clock = now
    expect((await t.api.call('getConsultation', { params: { id: draft.id } })).status).toBe('scheduled')
    now = clock = new Date('2026-12-01T01:00:00Z') // 09:00 in Beijing: open at read time, before any job
    expect((await t.api.call('getConsultation', { params: { id: draft.id } })).statusLabel).toBe('征集中')
    expect((await ConsultationModel.findById(draft.id).lean())!.state).toBe('scheduled')
    now = new Date('2026-12-01T01:00:40Z')
    await scheduler.catchUp() // the 09:00 slot
    expect((await ConsultationModel.findById(draft.id).lean())!.state).toBe('open')
    expect(await AuditRecordModel.findOne({ action: 'interaction.consultation-opened', subject: `consultation:${draft.id}` }).lean()).toMatchObject({ at: new Date('2026-12-01T01:00:00Z'), actor: { id: 'system' }, before: { state: 'scheduled' }, after: { state: 'open' } })

    // 18:00 in Beijing on the 10th: closed at read time, and comments are refused, though the job has not run.
    clock = new Date('2026-12-10T09:59:59Z')
    await c.api.call('commentOnConsultation', { params: { id: draft.id }, body: { text: '最后一秒提的意见，请考虑。', public: true } })
    clock = new Date('2026-12-10T10:00:00Z')
    expect((await t.api.call('getConsultation', { params: { id: draft.id } })).status).toBe('closed')
    expect(await outcome(c.api.call('commentOnConsultation', { params: { id: draft.id }, body: { text: '结束后提的意见。', public: true } }))).toBe('CONFLICT')
    expect((await t.api.call('listConsultations', { query: { status: 'closed' } })).consultations.map((x) => x.id)).toContain(draft.id)
    // The server was down from 17:30 to 21:00: at start the latest missed slot closes it and asks for the report.
    now = new Date('2026-12-10T13:00:10Z')
    await scheduler.catchUp()
    expect((await ConsultationModel.findById(draft.id).lean())!.state).toBe('closed')
    expect(await AuditRecordModel.countDocuments({ action: 'interaction.consultation-closed', subject: `consultation:${draft.id}` })).toBe(1)
    expect((await editor.api.call('listInteractionTasks', {})).tasks.find((x) => x.consultationId === draft.id)).toMatchObject({ kind: 'report-due', text: expect.stringContaining('请发布意见采纳情况反馈') })
    // A second instance catching up the same slot does nothing.
    const other = new JobScheduler([job], t.logger, () => now)
    expect(await other.runSlot(job, new Date('2026-12-10T13:00:00Z'), 'catch-up')).toBe(false)
  })

  it('takes comments while open (several per person, public or private, moderated), publishes the feedback report, then archives — never before the report', async () => {
    clock = at('2026-11-20T10:00:00')
    const { editor, reviewer } = await desk()
    const created = await editor.api.call('createConsultation', { body: body({ title: '养老服务补贴办法（征求意见稿）', startAt: '2026-11-21 09:00', endAt: '2026-11-30 17:00' }) })
    const edited = await editor.api.call('updateConsultation', { params: { id: created.id }, body: body({ title: '养老服务补贴管理办法（征求意见稿）', startAt: '2026-11-21 09:00', endAt: '2026-11-30 17:00' }) })
    expect(edited.history.map((h) => h.label)).toEqual(['起草', '修改'])
    await reviewer.api.call('actOnConsultation', { params: { id: created.id }, body: { action: 'publish' } })
    expect(await outcome(editor.api.call('updateConsultation', { params: { id: created.id }, body: body() }))).toBe('CONFLICT')
    clock = at('2026-11-22T10:00:00')
    const a = await citizen(true)
    const b = await citizen(true)
    await a.api.call('commentOnConsultation', { params: { id: created.id }, body: { text: `建议补贴标准再提高一些，联系电话 13900139000。`, public: true } })
    await a.api.call('commentOnConsultation', { params: { id: created.id }, body: { text: '建议简化申领材料。', public: true } })
    await b.api.call('commentOnConsultation', { params: { id: created.id }, body: { text: '建议把高龄老人纳入。', public: false } })
    fake.judgeText('骂人的话', 'risky', 20003)
    const held = await b.api.call('commentOnConsultation', { params: { id: created.id }, body: { text: '这里有骂人的话。', public: true } })
    expect(held).toMatchObject({ state: 'moderation', stateLabel: '正在审核' })
    expect((await a.api.call('listMyConsultationComments', { params: { id: created.id } })).comments).toHaveLength(2)

    const open = await t.api.call('getConsultation', { params: { id: created.id } })
    expect(open).toMatchObject({ status: 'open', commentCount: 3 })
    expect(open.publicComments.map((x) => x.text)).toEqual(['建议补贴标准再提高一些，联系电话 139****9000。', '建议简化申领材料。'])
    const all = (await editor.api.call('listConsultationComments', { params: { id: created.id } })).comments
    expect(all.map((x) => [x.writer, x.state, x.public])).toEqual([['网友1', 'accepted', true], ['网友1', 'accepted', true], ['网友2', 'accepted', false], ['网友2', 'moderation', true]])
    expect(await outcome(editor.api.call('moderateConsultationComment', { params: { id: created.id, commentId: held.id }, body: { decision: 'reject', reason: '辱骂' } }))).toBe('FORBIDDEN')
    expect(await refusedFields(reviewer.api.call('moderateConsultationComment', { params: { id: created.id, commentId: held.id }, body: { decision: 'reject' } }))).toEqual({ reason: '请填写不予采用的理由' })
    await reviewer.api.call('moderateConsultationComment', { params: { id: created.id, commentId: held.id }, body: { decision: 'reject', reason: '含辱骂内容' } })
    expect((await CommentModel.findById(held.id).lean())!.state).toBe('rejected')

    clock = at('2026-12-01T10:00:00')
    const report = { action: 'publishReport' as const, summary: '共收到意见 3 条，经研究采纳 1 条。', opinions: [{ opinion: '简化申领材料', adopted: true, reason: '已删除户籍证明要求' }, { opinion: '提高补贴标准', adopted: false, reason: '' }] }
    expect(await refusedFields(reviewer.api.call('actOnConsultation', { params: { id: created.id }, body: report }))).toEqual({ 'opinions.1.reason': '请说明未采纳的理由' })
    // Cannot be archived without the feedback report: refused, nothing changes, nothing audited.
    const before = JSON.stringify(await ConsultationModel.findById(created.id).lean())
    const refused = await reviewer.api.call('actOnConsultation', { params: { id: created.id }, body: { action: 'archive' } }).catch((e: ApiClientError) => e)
    expect(refused).toMatchObject({ status: 409, code: 'CONFLICT', message: '须先发布意见采纳情况反馈，才能归档' })
    expect(JSON.stringify(await ConsultationModel.findById(created.id).lean())).toBe(before)
    expect(await AuditRecordModel.countDocuments({ action: 'interaction.consultation-archive', subject: `consultation:${created.id}` })).toBe(0)
    expect(await outcome(editor.api.call('actOnConsultation', { params: { id: created.id }, body: { ...report, opinions: [{ opinion: '提高补贴标准', adopted: false, reason: '财政承受能力有限' }] } }))).toBe('FORBIDDEN')

    const reported = await reviewer.api.call('actOnConsultation', { params: { id: created.id }, body: { ...report, opinions: [report.opinions[0]!, { opinion: '提高补贴标准', adopted: false, reason: '财政承受能力有限，暂按现行标准' }] } })
    expect(reported).toMatchObject({ state: 'reported', status: 'reported', statusLabel: '已反馈', report: { comments: 3, participants: 2, adopted: 1 } })
    expect((await t.api.call('getConsultation', { params: { id: created.id } })).report!.opinions[1]).toEqual({ opinion: '提高补贴标准', adopted: false, reason: '财政承受能力有限，暂按现行标准' })
    for (const p of [a, b]) expect((await p.api.call('getInbox', { query: {} })).messages.map((x) => x.title)).toContain('征求意见结果已反馈')
    expect(fake.delivered.filter((d) => d.touser === a.openid || d.touser === b.openid)).toHaveLength(2)
    expect((await ConsultationModel.findById(created.id).lean())!.report!.notifiedAt).not.toBeNull()
    // Had the notice failed, the sweep would send it — and only to those who did not get it.
    await ConsultationModel.updateOne({ _id: created.id }, { $set: { 'report.notifiedAt': null } })
    expect((await t.services.interaction.sweep.run(at('2026-12-02T08:00:00'))).notified).toContain(created.id)
    expect((await ConsultationModel.findById(created.id).lean())!.report!.notifiedAt).not.toBeNull()
    for (const p of [a, b]) expect((await p.api.call('getInbox', { query: {} })).messages.filter((x) => x.title === '征求意见结果已反馈')).toHaveLength(1)
    const archived = await reviewer.api.call('actOnConsultation', { params: { id: created.id }, body: { action: 'archive' } })
    expect(archived.state).toBe('archived')
    expect((await AuditRecordModel.find({ subject: `consultation:${created.id}`, action: /^interaction\.consultation-/ }).sort({ at: 1, _id: 1 }).lean()).map((x) => x.action)).toEqual([
      'interaction.consultation-created',
      'interaction.consultation-edit',
      'interaction.consultation-publish',
      'interaction.consultation-publishReport',
      'interaction.consultation-archive',
    ])
  })
})

describe('files of consultations (uploaded by staff, public once published)', () => {
  const body = (over: Partial<ConsultationBody> = {}): ConsultationBody => ({
    title: '贵阳市职业技能提升补贴办法（征求意见稿）',
    background: '为规范职业技能提升补贴发放，起草了本办法，现公开征求意见。',
    draftText: '第一条 为提升劳动者职业技能，制定本办法。第二条 补贴按取得的证书等级发放。',
    startAt: '2026-12-01 09:00',
    endAt: '2026-12-10 18:00',
    ...over,
  })
  /** A PDF no other test stores (files are kept by the hash of their bytes). */
  const pdf = (text: string) => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${text} ${++n}\n`), Buffer.alloc(400, 32)])
  const upload = async (token: string, name: string, data: Buffer) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), name)
    return fetch(`${t.url}/api/v1/staff/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
  }
  const uploaded = async (token: string, name: string, data: Buffer) => {
    const res = await upload(token, name, data)
    expect(res.status).toBe(201)
    return (await res.json()) as { name: string; url: string; mime: string; size: number }
  }

  it('staff upload a PDF and save it on a draft: 404 to the public while it is a draft, 200 with the same bytes once published', async () => {
    clock = at('2026-11-20T10:00:00')
    const { editor, reviewer } = await desk()
    const bytes = pdf('职业技能提升补贴办法（征求意见稿）全文')
    const file = await uploaded(editor.session.accessToken, '补贴办法征求意见稿.pdf', bytes)
    expect(file).toEqual({ name: '补贴办法征求意见稿.pdf', url: expect.stringMatching(/^\/api\/v1\/files\/[0-9a-f]{64}\.pdf$/), mime: 'application/pdf', size: bytes.length })
    // The form may claim any type: the stored one is the type the file's key says.
    const draft = await editor.api.call('createConsultation', { body: body({ attachments: [{ ...file, mime: 'text/html' }] }) })
    expect(draft.attachments).toEqual([file])
    expect((await ConsultationModel.findById(draft.id).lean())!.attachments).toEqual([file])
    expect(await AuditRecordModel.findOne({ action: 'interaction.consultation-created', subject: `consultation:${draft.id}` }).lean()).toMatchObject({ after: { attachments: [file.url] } })

    const publicly = () => fetch(`${t.url}${file.url}`)
    expect((await publicly()).status).toBe(404)
    expect(await outcome(t.api.call('getConsultation', { params: { id: draft.id } }))).toBe('NOT_FOUND')
    // Edited while a draft (a second file added), still not public.
    const second = await uploaded(reviewer.session.accessToken, '起草说明.pdf', pdf('起草说明'))
    await editor.api.call('updateConsultation', { params: { id: draft.id }, body: body({ attachments: [file, second] }) })
    expect((await publicly()).status).toBe(404)
    expect((await fetch(`${t.url}${second.url}`)).status).toBe(404)

    await reviewer.api.call('actOnConsultation', { params: { id: draft.id }, body: { action: 'publish' } })
    const res = await publicly()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('补贴办法征求意见稿.pdf')}`)
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
    expect((await fetch(`${t.url}${second.url}`)).status).toBe(200)
    expect((await t.api.call('getConsultation', { params: { id: draft.id } })).attachments).toEqual([file, second])
    // A file no published item or consultation shows stays private, however its address is formed.
    const other = await uploaded(editor.session.accessToken, '另一份草稿.pdf', pdf('另一份草稿'))
    await editor.api.call('createConsultation', { body: body({ attachments: [other] }) })
    expect((await fetch(`${t.url}${other.url}`)).status).toBe(404)
  })

  it('refuses a foreign address, a file never uploaded or a malformed attachment, per field, and writes nothing', async () => {
    clock = at('2026-11-20T10:00:00')
    const { editor } = await desk()
    const file = await uploaded(editor.session.accessToken, '征求意见稿.pdf', pdf('征求意见稿'))
    const draft = await editor.api.call('createConsultation', { body: body({ title: '拒绝外部附件地址测试（征求意见稿）', attachments: [file] }) })
    const stored = JSON.stringify(await ConsultationModel.findById(draft.id).lean())
    const consultations = await ConsultationModel.countDocuments()
    const audits = await AuditRecordModel.countDocuments({ action: /^interaction\.consultation-/ })

    expect(await refusedFields(editor.api.call('createConsultation', { body: body({ attachments: [file, { ...file, url: 'https://example.com/files/征求意见稿.pdf' }] }) }))).toEqual({
      'attachments.1.url': '附件须是在本平台上传的文件，请移除后重新上传',
    })
    expect(await refusedFields(editor.api.call('createConsultation', { body: body({ attachments: ['/files/draft.pdf' as never, { url: file.url, size: 1 } as never] }) }))).toEqual({
      'attachments.0': '附件格式不正确，请移除后重新上传',
      'attachments.1.name': '请填写附件名称',
    })
    // Our address shape, but nothing was uploaded under it.
    expect(await refusedFields(editor.api.call('createConsultation', { body: body({ attachments: [{ ...file, url: `/api/v1/files/${'0'.repeat(64)}.pdf` }] }) }))).toEqual({
      'attachments.0.url': '找不到这个附件，请移除后重新上传',
    })
    expect(await refusedFields(editor.api.call('updateConsultation', { params: { id: draft.id }, body: body({ attachments: [{ ...file, url: 'http://evil.example/x.pdf' }] }) }))).toEqual({
      'attachments.0.url': '附件须是在本平台上传的文件，请移除后重新上传',
    })
    expect(await refusedFields(editor.api.call('updateConsultation', { params: { id: draft.id }, body: body({ attachments: Array.from({ length: 11 }, () => file) }) }))).toEqual({ attachments: '附件最多 10 个' })
    expect(JSON.stringify(await ConsultationModel.findById(draft.id).lean())).toBe(stored)
    expect(await ConsultationModel.countDocuments()).toBe(consultations)
    expect(await AuditRecordModel.countDocuments({ action: /^interaction\.consultation-/ })).toBe(audits)
  })

  it('reads consultations saved with typed-in addresses as files named after them', async () => {
    clock = at('2026-11-20T10:00:00')
    const { editor } = await desk()
    const now = new Date()
    const old = await ConsultationModel.create({ department: DEPT, title: '旧的征求意见（文字地址附件）', background: '旧数据的起草背景。', draftText: '旧数据的征求意见稿全文。', attachments: ['/files/draft.pdf', 'https://www.guiyang.gov.cn/files/%E5%8A%9E%E6%B3%95.docx'], startAt: at('2026-11-01T09:00:00'), endAt: at('2026-11-30T18:00:00'), state: 'scheduled', createdBy: { id: 'x', name: '旧数据' }, report: null, events: [], createdAt: now, updatedAt: now })
    const id = old._id.toString()
    expect((await t.api.call('getConsultation', { params: { id } })).attachments).toEqual([
      { name: 'draft.pdf', url: '/files/draft.pdf', mime: '', size: 0 },
      { name: '办法.docx', url: 'https://www.guiyang.gov.cn/files/%E5%8A%9E%E6%B3%95.docx', mime: '', size: 0 },
    ])
    expect((await editor.api.call('getStaffConsultation', { params: { id } })).attachments.map((a) => a.name)).toEqual(['draft.pdf', '办法.docx'])
    expect((await fetch(`${t.url}/api/v1/files/draft.pdf`)).status).toBe(404)
  })
})

describe('daily limits of what a citizen sends (Beijing calendar day)', () => {
  it('a citizen\'s 11th message of the day answers 429 and is not stored; another citizen is not held; the count starts again the next Beijing day', async () => {
    const c = await citizen()
    // 07:30 in Beijing is still the day before in UTC: the Beijing day counts.
    clock = at('2026-11-24T07:30:00')
    // Refused input takes no place.
    expect(await refusedFields(c.api.call('submitMessage', { body: message({ itemId: '0123456789abcdef01234567' }) }))).toEqual({ itemId: '没有找到相关的公开内容' })
    for (let i = 0; i < 10; i++) await c.api.call('submitMessage', { body: message({ title: `第 ${i + 1} 条留言` }) })
    const checks = fake.securityChecks.length
    const audits = await AuditRecordModel.countDocuments({ action: 'interaction.message-received' })
    clock = at('2026-11-24T23:59:00')
    const refused = await c.api.call('submitMessage', { body: message({ title: '第 11 条留言' }) }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiClientError)
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: '今天的留言已达 10 条，请明天再来' })
    expect(await MessageModel.countDocuments({ citizenId: c.id })).toBe(10)
    expect(await MessageModel.countDocuments({ citizenId: c.id, title: '第 11 条留言' })).toBe(0)
    expect(await AuditRecordModel.countDocuments({ action: 'interaction.message-received' })).toBe(audits)
    expect(fake.securityChecks.length).toBe(checks) // WeChat was not asked
    expect(await InteractionDayCountModel.findById(`message:${c.id}:2026-11-24`).lean()).toMatchObject({ count: 10 })
    // Someone else writes that day.
    const other = await citizen()
    expect((await other.api.call('submitMessage', { body: message() })).receivedOn).toBe('2026-11-24')
    // Midnight in Beijing: a new day.
    clock = at('2026-11-25T00:00:30')
    expect((await c.api.call('submitMessage', { body: message({ title: '第二天的留言' }) })).receivedOn).toBe('2026-11-25')
    expect(await MessageModel.countDocuments({ citizenId: c.id })).toBe(11)
  })

  it('the 21st comment of the day (on any consultation) answers 429 and is not stored; the next Beijing day takes comments again', async () => {
    clock = at('2026-11-26T08:00:00')
    const { editor, reviewer } = await desk()
    const open = async (title: string) => {
      const created = await editor.api.call('createConsultation', { body: { title, background: '为完善政策，起草了本办法，现公开征求意见。', draftText: '第一条 为完善政策制定本办法。第二条 本办法自发布之日起施行。', attachments: [], startAt: '2026-11-26 09:00', endAt: '2026-12-05 18:00' } })
      await reviewer.api.call('actOnConsultation', { params: { id: created.id }, body: { action: 'publish' } })
      return created.id
    }
    const first = await open('意见条数限制测试一（征求意见稿）')
    const second = await open('意见条数限制测试二（征求意见稿）')
    clock = at('2026-11-26T10:00:00')
    const c = await citizen()
    for (let i = 0; i < 15; i++) await c.api.call('commentOnConsultation', { params: { id: first }, body: { text: `关于第一份的第 ${i + 1} 条意见。`, public: false } })
    for (let i = 0; i < 5; i++) await c.api.call('commentOnConsultation', { params: { id: second }, body: { text: `关于第二份的第 ${i + 1} 条意见。`, public: false } })
    const refused = await c.api.call('commentOnConsultation', { params: { id: first }, body: { text: '今天的第二十一条意见。', public: true } }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: '今天提的意见已达 20 条，请明天再来' })
    expect(await CommentModel.countDocuments({ citizenId: c.id })).toBe(20)
    expect(await CommentModel.countDocuments({ text: '今天的第二十一条意见。' })).toBe(0)
    expect((await t.api.call('getConsultation', { params: { id: first } })).commentCount).toBe(15)
    clock = at('2026-11-27T09:00:00')
    expect((await c.api.call('commentOnConsultation', { params: { id: first }, body: { text: '第二天提的意见。', public: true } })).state).toBe('accepted')
    expect(await CommentModel.countDocuments({ citizenId: c.id })).toBe(21)
  })
})
