import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { residentIdCheckChar, type ApiClient, type DisclosureApplicationBody, type DisclosureRegistrationBody } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { CitizenAccountModel } from '../../server/src/auth/citizenModel'
import { FeePaymentOpener } from '../../server/src/disclosure/feePaymentOpener'
import { ApplicationWithdrawer } from '../../server/src/disclosure/applicationWithdrawer'
import { FeeRefunder } from '../../server/src/disclosure/feeRefunder'
import { CalendarYearModel, DisclosureApplicationModel, DisclosureReportEntryModel, DisclosureTaskModel } from '../../server/src/disclosure/model'
import type { FeePayments, FeeRefund } from '../../server/src/disclosure/feePayments'
import { startTestApp, type TestApp } from '../support/app'
import { outcome, refusedFields, staffSession } from '../support/staff'
import { uploaded } from '../support/disclosureFiles'
import { applicationForm, residentIdNumber } from '../support/disclosure'

const DEPT = 'guiyang-hrss'
const OTHER = 'xinxiang-gov-office'
/** The disclosure domain's clock: a Beijing calendar day, moved by the tests. */
let today = '2026-11-02'
const refunds: FeeRefund[] = []
const payments: FeePayments = {
  open: async (o) => ({ appId: 'wxtest', timeStamp: '1', nonceStr: 'n', package: `prepay_id=${o.outTradeNo}`, signType: 'RSA', paySign: 'sig' }),
  refund: async (r) => (refunds.push(r), { refundId: `RF-${r.outRefundNo}`, status: 'SUCCESS' }),
}
let t: TestApp
let n = 0
beforeAll(async () => {
  t = await startTestApp({ citizenDevLogIn: true, disclosure: { now: () => new Date(`${today}T10:00:00+08:00`), payments } })
})
afterAll(() => t.close())

const idNumber = (birth = '19800101', serial = 100 + (++n % 800)) => residentIdNumber(birth, serial)
const form = (over: Partial<DisclosureApplicationBody> = {}): DisclosureApplicationBody => applicationForm(idNumber(), over)
const registration = (over: Partial<DisclosureRegistrationBody> = {}): DisclosureRegistrationBody => ({ ...form(), channel: 'letter', receivedOn: today, ...over })
async function citizen(name: string): Promise<ApiClient> {
  const session = await t.api.call('citizenDevLogIn', { body: { name } })
  return t.asStaff(session.accessToken)
}
const desk = async () => {
  const handler = await staffSession(t, `dis-handler-${++n}`, DEPT, ['editor'])
  return {
    handler: handler.api,
    handlerToken: handler.session.accessToken,
    reviewer: (await staffSession(t, `dis-reviewer-${++n}`, DEPT, ['reviewer'])).api,
    admin: (await staffSession(t, `dis-admin-${++n}`, DEPT, ['department-admin'])).api,
    platform: (await staffSession(t, `dis-platform-${++n}`, DEPT, ['platform-admin'])).api,
    outsider: (await staffSession(t, `dis-other-${++n}`, OTHER, ['editor'])).api,
  }
}

describe('bad input', () => {
  it('refuses an application with a message per field and writes nothing', async () => {
    const me = await citizen('dis-bad-1')
    const before = await DisclosureApplicationModel.countDocuments()
    const wrongCheck = idNumber().slice(0, 17) + 'Y'
    expect(await refusedFields(me.call('submitDisclosure', { body: form({ idNumber: wrongCheck, description: '短', delivery: 'email', phone: 'abc' }) }))).toEqual({
      idNumber: '身份证号码应为 18 位（最后一位可以是 X）',
      description: '请描述所需的政府信息（至少 5 个字）',
      phone: '联系电话格式不正确',
      email: '选择电子邮件获取时请填写电子邮箱',
    })
    const badCheck = idNumber().slice(0, 17)
    const off = badCheck + (residentIdCheckChar(badCheck) === '1' ? '2' : '1')
    expect(await refusedFields(me.call('submitDisclosure', { body: form({ idNumber: off }) }))).toEqual({ idNumber: '身份证号码校验位不对，请核对' })
    expect(await refusedFields(me.call('submitDisclosure', { body: form({ department: 'nowhere' as never }) }))).toEqual({ department: '请选择向哪个机关申请' })
    expect(await refusedFields(me.call('submitDisclosure', { body: form({ idNumber: idNumber('19800230') }) }))).toEqual({ idNumber: '身份证号码中的出生日期不正确' })
    const { handler } = await desk()
    expect(await refusedFields(handler.call('registerDisclosure', { body: registration({ channel: 'online', receivedOn: '2026-02-30' }) }))).toEqual({
      channel: '网络申请由申请人在小程序提交，这里登记当面、信函、传真申请',
      receivedOn: '收到日期不是有效日期',
    })
    expect(await refusedFields(handler.call('registerDisclosure', { body: registration({ receivedOn: '2026-11-03' }) }))).toEqual({ receivedOn: '收到日期不能晚于今天' })
    expect(await DisclosureApplicationModel.countDocuments()).toBe(before)
  })

  it('refuses bad steps with a message per field and changes nothing', async () => {
    const { handler, reviewer } = await desk()
    const app = await handler.call('registerDisclosure', { body: registration() })
    const stored = JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())
    expect(await refusedFields(handler.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'launch' as never } }))).toEqual({ action: '未知的操作' })
    expect(await refusedFields(reviewer.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'extend', days: 25, reason: '' } }))).toEqual({ days: '延长不得超过 20 个工作日', reason: '请填写延期理由' })
    expect(await refusedFields(handler.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'requestCorrection', items: '', days: 0 } }))).toEqual({ items: '请填写需要补正的内容', days: '补正期限至少 1 个工作日' })
    expect(await refusedFields(handler.call('getDisclosure', { params: { id: 'nope' } }))).toEqual({ 'params.id': '申请编号格式不正确' })
    await handler.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'assign', department: DEPT } })
    const assigned = JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())
    // Past the schema: the fee method is one, never both; free volumes are not charged.
    expect(await refusedFields(handler.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'proposeFee', method: 'per-application', pages: 250, reason: '数量较大' } }))).toEqual({ pages: '按件计收不按页数计算：两种方式不能同时使用' })
    expect(await refusedFields(handler.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'proposeFee', method: 'per-page', pages: 30, reason: '数量较大' } }))).toEqual({ method: '30 页在免费范围内（30 页以下不收费）' })
    expect(await refusedFields(handler.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'reply', type: 'already-public', reasons: '已公开', legalBasis: '第三十六条', letter: '答复书' } }))).toEqual({ where: '请写明获取该信息的方式和途径' })
    expect(JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())).toBe(assigned)
    expect(assigned).not.toBe(stored)
  })
})

describe('an application from submission to reply', () => {
  it('keeps the ID number encrypted at rest, masked everywhere, never in the audit trail or logs', async () => {
    const me = await citizen('dis-id-1')
    const id = idNumber('19750615')
    const app = await me.call('submitDisclosure', { body: form({ idNumber: id }) })
    expect(app.trackingNumber).toMatch(/^YSQ2026-\d{5}$/)
    expect(app.applicant.idMasked).toBe(`${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`)
    const raw = JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())
    expect(raw).not.toContain(id)
    expect(raw).not.toContain('19750615')
    const stored = await DisclosureApplicationModel.findById(app.id).lean()
    expect(t.services.disclosure.context.cipher.reveal(stored!.applicant.idCipher)).toBe(id)
    // The tag is checked: an altered cipher text does not decrypt.
    const [v, iv, tag, ct] = stored!.applicant.idCipher.split(':')
    const flipped = Buffer.from(ct!, 'base64url')
    flipped[0] = flipped[0]! ^ 1
    expect(() => t.services.disclosure.context.cipher.reveal([v, iv, tag, flipped.toString('base64url')].join(':'))).toThrow()
    const audits = JSON.stringify(await AuditRecordModel.find({ subject: `disclosure:${app.id}` }).lean())
    expect(audits).toContain('disclosure.receive')
    expect(audits).not.toContain(id)
    expect(audits).not.toContain('19750615')
    expect(t.rawLogs()).not.toContain(id)
  })

  it('补正 restarts the clock, the extension is approved once and told, consultation is not counted, the fee stops the clock until paid, and the applicant reads the reply', async () => {
    today = '2026-11-02'
    const { handler, handlerToken, reviewer } = await desk()
    const me = await citizen('dis-life-1')
    const app = await me.call('submitDisclosure', { body: form({ description: '2025 年贵阳市失业保险金发放情况统计表' }) })
    expect(app).toMatchObject({ state: 'received', receivedOn: '2026-11-02', channel: 'online', clock: { dueDate: '2026-11-30', correctionNoticeDue: '2026-11-11' } })
    expect((await me.call('listMyDisclosures', {})).applications.map((a) => a.id)).toContain(app.id)
    const step = (who: ApiClient, body: object) => who.call('actOnDisclosure', { params: { id: app.id }, body: body as never })

    expect((await step(handler, { action: 'assign', department: DEPT })).state).toBe('processing')
    today = '2026-11-04'
    const asked = await step(handler, { action: 'requestCorrection', items: '请写明所需信息的年份范围和地区', days: 10 })
    expect(asked).toMatchObject({ state: 'correction', correction: { deadline: '2026-11-18' }, clock: { state: 'awaiting-correction', dueDate: null } })
    today = '2026-11-10'
    expect(await refusedFields(step(handler, { action: 'recordCorrection', arrivedOn: '2026-11-03' }))).toEqual({ arrivedOn: '补正材料收到日期应在 2026-11-04 至今天之间' })
    const corrected = await step(handler, { action: 'recordCorrection', arrivedOn: '2026-11-09' })
    // 20 working days from the corrected application's arrival (Monday 11-09), not from the first receipt.
    expect(corrected).toMatchObject({ state: 'processing', clock: { countsFrom: '2026-11-09', dueDate: '2026-12-07', usedDays: 1 } })

    expect(await outcome(step(handler, { action: 'extend', days: 10, reason: '需要调取档案' }))).toBe('FORBIDDEN') // approval is a reviewer's
    const extended = await step(reviewer, { action: 'extend', days: 10, reason: '需要调取多个年度的档案' })
    expect(extended.clock).toMatchObject({ dueDate: '2026-12-21', extended: true, allowedDays: 30 })
    expect(extended.extension).toMatchObject({ days: 10, approvedOn: '2026-11-10' })
    expect(await outcome(step(reviewer, { action: 'extend', days: 5, reason: '再延一次' }))).toBe('CONFLICT')

    today = '2026-11-16'
    expect((await step(handler, { action: 'startConsultation', party: '贵阳市某人力资源公司' })).clock).toMatchObject({ state: 'paused', consultationDue: '2026-12-07' })
    today = '2026-11-20'
    // 11-17 … 11-20: four working days not counted.
    expect((await step(handler, { action: 'endConsultation', outcome: '第三方同意公开' })).clock).toMatchObject({ state: 'running', dueDate: '2026-12-25' })

    today = '2026-11-23'
    // Proposed by someone who may also approve: the approval must still be someone else's.
    const both = (await staffSession(t, `dis-both-${++n}`, DEPT, ['editor', 'reviewer'])).api
    const proposed = await step(both, { action: 'proposeFee', method: 'per-page', pages: 250, reason: '申请内容需复制 250 页' })
    expect(proposed.fee).toMatchObject({ method: 'per-page', amountYuan: 4700, notice: null, approvedBy: null })
    expect(proposed.actions).not.toContain('approveFee')
    expect((await me.call('getMyDisclosure', { params: { id: app.id } })).fee).toBeNull() // not the applicant's until approved
    expect(await outcome(step(both, { action: 'approveFee' }))).toBe('FORBIDDEN')
    const notified = await step(reviewer, { action: 'approveFee' })
    expect(notified).toMatchObject({ state: 'fee-notified', fee: { amountYuan: 4700, notice: { issuedOn: '2026-11-23', paymentDeadline: '2026-12-21' } }, clock: { state: 'paused' } })
    const seen = await me.call('getMyDisclosure', { params: { id: app.id } })
    expect(seen.fee?.notice).toMatchObject({ basis: expect.stringContaining('国办函〔2020〕109号'), standard: expect.stringContaining('按量计收'), howToPay: expect.stringContaining('微信支付'), paymentDeadline: '2026-12-21' })
    expect(seen.fee?.amountYuan).toBe(4700)
    const pay = await me.call('payDisclosureFee', { params: { id: app.id } })
    expect(pay.package).toBe(`prepay_id=${notified.fee!.notice!.outTradeNo}`)

    // The payment notification (verified by the WeChat Pay module) reports the payment: recorded once.
    const outTradeNo = notified.fee!.notice!.outTradeNo
    expect(await t.services.disclosure.payments.order(outTradeNo)).toEqual({ applicationId: app.id, amountFen: 470000, awaitingPayment: true })
    expect(await t.services.disclosure.payments.recordFeePaid(outTradeNo, new Date('2026-11-25T10:00:00+08:00'), 'TX-1')).toEqual({ changed: true, applicationId: app.id })
    const afterPay = JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())
    expect(await t.services.disclosure.payments.recordFeePaid(outTradeNo, new Date('2026-11-25T10:00:05+08:00'), 'TX-1')).toMatchObject({ changed: false, reason: 'already-paid' })
    expect(await t.services.disclosure.payments.recordFeePaid('D-unknown', new Date(), 'TX-2')).toEqual({ changed: false, reason: 'unknown-order' })
    expect(JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())).toBe(afterPay)
    today = '2026-11-25'
    // 11-24 and 11-25 were in the payment window: two more days.
    expect(await handler.call('getDisclosure', { params: { id: app.id } })).toMatchObject({ state: 'processing', clock: { state: 'running', dueDate: '2026-12-29' }, fee: { paidAt: expect.any(String) } })

    today = '2026-11-26'
    const replied = await step(handler, { action: 'reply', type: 'provided', reasons: '经审查，所申请信息可以公开', legalBasis: '《政府信息公开条例》第三十六条第（二）项', letter: '张三：您申请的 2025 年失业保险金发放情况统计表予以公开，见附件。', attachments: [(await uploaded(t, 'staff', handlerToken, '2025年失业保险金发放情况统计表.pdf')).id] })
    expect(replied).toMatchObject({ state: 'replied', clock: { state: 'ended' } })
    const mine = await me.call('getMyDisclosure', { params: { id: app.id } })
    expect(mine).toMatchObject({ state: 'replied', stateLabel: '已答复', reply: { type: 'provided', letter: expect.stringContaining('予以公开'), attachments: [{ name: '2025年失业保险金发放情况统计表.pdf', mime: 'application/pdf', url: expect.stringMatching(/^\/api\/v1\/disclosure\/files\/[0-9a-f]{24}$/) }], repliedOn: '2026-11-26' } })
    expect(mine.notices.map((x) => x.title)).toEqual(['申请已收到', '请补正申请', '已收到补正材料', '答复期限延长', '正在征求第三方意见', '信息处理费缴费通知', '已收到信息处理费', '申请已答复'])
    expect(mine.notices[3]!.text).toContain('2026-12-21')
    const audited = (await AuditRecordModel.find({ subject: `disclosure:${app.id}` }).sort({ at: 1, _id: 1 }).lean()).map((a) => a.action)
    expect(audited).toEqual(['disclosure.receive', 'disclosure.assign', 'disclosure.requestCorrection', 'disclosure.recordCorrection', 'disclosure.extend', 'disclosure.startConsultation', 'disclosure.endConsultation', 'disclosure.proposeFee', 'disclosure.approveFee', 'disclosure.feePaid', 'disclosure.reply'])
    // Someone else's application is not found; another department's staff may not see it.
    expect(await outcome((await citizen('dis-life-2')).call('getMyDisclosure', { params: { id: app.id } }))).toBe('NOT_FOUND')
  })
})

describe('a correction sent online', () => {
  it('restarts the clock from the day it arrives; only the applicant, only when asked, with a message when empty', async () => {
    today = '2026-11-02'
    const { handler } = await desk()
    const me = await citizen('dis-correct-1')
    const app = await me.call('submitDisclosure', { body: form() })
    expect(await outcome(me.call('correctMyDisclosure', { params: { id: app.id }, body: { text: '补充：2025 年全年' } }))).toBe('CONFLICT') // not asked for
    await handler.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'requestCorrection', items: '请写明年份', days: 10 } })
    expect((await me.call('getMyDisclosure', { params: { id: app.id } })).correction).toEqual({ items: '请写明年份', deadline: '2026-11-16' })
    expect(await refusedFields(me.call('correctMyDisclosure', { params: { id: app.id }, body: { text: ' ' } }))).toEqual({ text: '请填写补正内容' })
    expect(await outcome((await citizen('dis-correct-2')).call('correctMyDisclosure', { params: { id: app.id }, body: { text: '不是我的申请' } }))).toBe('NOT_FOUND')
    today = '2026-11-05'
    const corrected = await me.call('correctMyDisclosure', { params: { id: app.id }, body: { text: '所需信息为 2025 年全年数据' } })
    expect(corrected).toMatchObject({ state: 'processing', correction: null, clock: { state: 'running', countsFrom: '2026-11-05', dueDate: '2026-12-03' } })
    const handled = await handler.call('getDisclosure', { params: { id: app.id } })
    expect(handled.history.at(-1)).toMatchObject({ action: 'corrected', on: '2026-11-05', note: '所需信息为 2025 年全年数据' })
    const audit = await AuditRecordModel.findOne({ subject: `disclosure:${app.id}`, action: 'disclosure.correct' }).lean()
    expect(JSON.stringify(audit)).not.toContain('2025 年全年数据')
  })
})

describe('a deleted citizen account', () => {
  it('loses the link to its applications, which stay with the agency', async () => {
    const me = await citizen('dis-delete-1')
    const app = await me.call('submitDisclosure', { body: form() })
    await me.call('deleteCitizenAccount', {})
    const kept = await DisclosureApplicationModel.findById(app.id).lean()
    expect(kept).toMatchObject({ citizenId: null, trackingNumber: app.trackingNumber, state: 'received' })
  })
})

describe('fees counted by the verified ID', () => {
  it('per application: the 11th application of the natural month by the same ID costs ¥100, whoever registered it; last month’s do not count', async () => {
    today = '2026-11-30'
    const { handler, reviewer } = await desk()
    const person = idNumber('19660606', 901)
    // October's application, then ten in November (online and on paper, the ID typed with a small x or not).
    await handler.call('registerDisclosure', { body: registration({ idNumber: person, receivedOn: '2026-10-30' }) })
    const ids: string[] = []
    for (let i = 0; i < 11; i++) {
      const body = registration({ idNumber: i % 2 ? person.toLowerCase() : person, receivedOn: `2026-11-${String(10 + i).padStart(2, '0')}`, channel: i % 3 ? 'letter' : 'in-person' })
      ids.push((await handler.call('registerDisclosure', { body })).id)
    }
    const step = (id: string, body: object, who: ApiClient = handler) => who.call('actOnDisclosure', { params: { id }, body: body as never })
    await step(ids[9]!, { action: 'assign', department: DEPT })
    expect(await refusedFields(step(ids[9]!, { action: 'proposeFee', method: 'per-application', reason: '本月申请较多' }))).toEqual({ method: '这是申请人本月第 10 件申请，在免费范围内（10 件以下不收费）' })
    await step(ids[10]!, { action: 'assign', department: DEPT })
    const fee = await step(ids[10]!, { action: 'proposeFee', method: 'per-application', reason: '本月申请较多' })
    expect(fee.fee).toMatchObject({ method: 'per-application', ordinalInMonth: 11, amountYuan: 100, pages: null })
    expect((await step(ids[10]!, { action: 'approveFee' }, reviewer)).fee?.notice?.standard).toContain('按件计收')
  })

  it('is not charged once the answer is overdue: the notice goes out within the answering period', async () => {
    today = '2026-11-30'
    const { handler } = await desk()
    const late = await handler.call('registerDisclosure', { body: registration({ receivedOn: '2026-10-26' }) })
    expect(late.clock).toMatchObject({ dueDate: '2026-11-23', overdue: true })
    await handler.call('actOnDisclosure', { params: { id: late.id }, body: { action: 'assign', department: DEPT } })
    const err = await handler.call('actOnDisclosure', { params: { id: late.id }, body: { action: 'proposeFee', method: 'per-page', pages: 250, reason: '复制 250 页' } }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'CONFLICT', message: '已超过答复期限（2026-11-23），不能再收取信息处理费' })
    expect((await DisclosureApplicationModel.findById(late.id).lean())?.fee).toBeNull()
  })
})

describe('the daily sweep', () => {
  it('closes as abandoned what was not corrected in time, once', async () => {
    today = '2026-11-02'
    const { handler } = await desk()
    const app = await handler.call('registerDisclosure', { body: registration({ channel: 'in-person' }) })
    await handler.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'requestCorrection', items: '请提供所需信息的具体名称', days: 5 } })
    expect((await t.services.disclosure.sweep.run(new Date('2026-11-09T08:00:00+08:00'))).abandoned).not.toContain(app.id) // the last day
    expect((await t.services.disclosure.sweep.run(new Date('2026-11-10T08:00:00+08:00'))).abandoned).toContain(app.id)
    expect((await t.services.disclosure.sweep.run(new Date('2026-11-10T08:00:00+08:00'))).abandoned).not.toContain(app.id)
    expect(await handler.call('getDisclosure', { params: { id: app.id } })).toMatchObject({ state: 'abandoned', stateLabel: '视为放弃申请' })
    expect(await AuditRecordModel.countDocuments({ subject: `disclosure:${app.id}`, action: 'disclosure.abandonUncorrected', 'actor.id': 'system' })).toBe(1)
  })

  it('closes as abandoned what was not paid in the 20 working days; a payment arriving after changes nothing', async () => {
    today = '2026-11-02'
    const { handler, reviewer } = await desk()
    const app = await handler.call('registerDisclosure', { body: registration() })
    const step = (who: ApiClient, body: object) => who.call('actOnDisclosure', { params: { id: app.id }, body: body as never })
    await step(handler, { action: 'assign', department: DEPT })
    await step(handler, { action: 'proposeFee', method: 'per-page', pages: 31, reason: '复制 31 页' })
    const notice = (await step(reviewer, { action: 'approveFee' })).fee!.notice!
    expect(notice).toMatchObject({ issuedOn: '2026-11-02', paymentDeadline: '2026-11-30' })
    expect((await t.services.disclosure.sweep.run(new Date('2026-11-30T08:00:00+08:00'))).abandoned).not.toContain(app.id)
    expect((await t.services.disclosure.sweep.run(new Date('2026-12-01T08:00:00+08:00'))).abandoned).toContain(app.id)
    const closed = JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())
    expect(await t.services.disclosure.payments.recordFeePaid(notice.outTradeNo, new Date('2026-12-01T09:00:00+08:00'), 'TX-LATE')).toMatchObject({ changed: false, reason: 'not-awaiting-payment', state: 'abandoned' })
    expect(JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())).toBe(closed)
  })

  it('reminds 3 working days before the answer is due and escalates when it is overdue, each once, on the workbench task list', async () => {
    today = '2026-11-02'
    const { handler, admin } = await desk()
    const app = await handler.call('registerDisclosure', { body: registration({ receivedOn: '2026-11-02' }) })
    expect(app.clock.dueDate).toBe('2026-11-30')
    expect((await t.services.disclosure.sweep.run(new Date('2026-11-24T08:00:00+08:00'))).reminders).not.toContain(app.id) // 4 working days left
    expect((await t.services.disclosure.sweep.run(new Date('2026-11-25T08:00:00+08:00'))).reminders).toContain(app.id)
    expect((await t.services.disclosure.sweep.run(new Date('2026-11-26T08:00:00+08:00'))).reminders).not.toContain(app.id)
    expect((await t.services.disclosure.sweep.run(new Date('2026-11-30T08:00:00+08:00'))).overdue).not.toContain(app.id)
    expect((await t.services.disclosure.sweep.run(new Date('2026-12-01T08:00:00+08:00'))).overdue).toContain(app.id)
    expect((await t.services.disclosure.sweep.run(new Date('2026-12-02T08:00:00+08:00'))).overdue).not.toContain(app.id)
    expect(await DisclosureTaskModel.countDocuments({ applicationId: app.id })).toBe(2)
    const tasks = (await admin.call('listDisclosureTasks', {})).tasks.filter((x) => x.applicationId === app.id)
    expect(tasks.map((x) => [x.kind, x.dueDate])).toEqual([
      ['overdue', '2026-11-30'],
      ['reminder', '2026-11-30'],
    ])
    expect(await AuditRecordModel.countDocuments({ subject: `disclosure:${app.id}`, action: 'disclosure.overdue' })).toBe(1)
    // Another department's staff see none of it.
    expect((await (await desk()).outsider.call('listDisclosureTasks', {})).tasks.filter((x) => x.applicationId === app.id)).toEqual([])
  })
})

describe('the working calendar', () => {
  it('names the missing year instead of guessing, warns admins from November, and uses a year a platform admin loads', async () => {
    today = '2026-12-10'
    const { handler, admin, platform } = await desk()
    const app = await handler.call('registerDisclosure', { body: registration({ receivedOn: '2026-12-10' }) })
    expect(app.clock).toMatchObject({ dueDate: null, calendarGap: expect.stringContaining('缺少 2027 年的节假日安排') })
    const status = await admin.call('getWorkingCalendar', {})
    expect(status.warning).toContain('2027')
    expect(status.years.map((y) => y.year)).toEqual([2025, 2026])
    await t.services.disclosure.sweep.run(new Date('2026-12-10T08:00:00+08:00'))
    // Recorded once (by whichever run first met the gap), for platform admins.
    expect(await DisclosureTaskModel.findById('calendar:2027').lean()).toMatchObject({ kind: 'calendar', department: null, text: expect.stringContaining('2027') })
    expect((await platform.call('listDisclosureTasks', {})).tasks.map((x) => x.kind)).toContain('calendar')

    const year2027 = { holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'], workdays: ['2027-02-06'], source: '国务院办公厅关于 2027 年部分节假日安排的通知（测试数据）' }
    expect(await outcome(admin.call('loadWorkingCalendarYear', { params: { year: 2027 }, body: year2027 }))).toBe('FORBIDDEN')
    expect(await refusedFields(platform.call('loadWorkingCalendarYear', { params: { year: 2027 }, body: { ...year2027, holidays: ['2026-12-31'], workdays: ['2027-02-08'] } }))).toEqual({
      'holidays.0': '2026-12-31 不在 2027 年',
      'workdays.0': '2027-02-08 不是周末，无需调休上班',
    })
    expect(t.services.calendar.covers(2027)).toBe(false)
    const loaded = await platform.call('loadWorkingCalendarYear', { params: { year: 2027 }, body: year2027 })
    expect(loaded).toMatchObject({ warning: null })
    expect(loaded.years.find((y) => y.year === 2027)).toMatchObject({ loaded: true, holidays: 6, workdays: 1 })
    // 12-10 + 20 working days: 12-11 … 12-31 (15), then 2027-01-04 … 01-08 (01-01 off).
    expect((await handler.call('getDisclosure', { params: { id: app.id } })).clock).toMatchObject({ dueDate: '2027-01-08', calendarGap: null })
    expect(await AuditRecordModel.countDocuments({ subject: 'calendar:2027', action: 'calendar.load-year' })).toBe(1)
  })

  it('uses a year another instance loaded once it reads the stored years again', async () => {
    await CalendarYearModel.create({ _id: 2029, holidays: ['2029-01-01'], workdays: [], source: '另一实例导入（测试）', loadedBy: { id: 'x', name: 'x' }, loadedAt: new Date() })
    expect(t.services.calendar.covers(2029)).toBe(false)
    await t.services.disclosure.calendarYears.refresh(0)
    expect(t.services.calendar.covers(2029)).toBe(true)
    expect(t.services.calendar.isWorkingDay('2029-01-01')).toBe(false)
  })
})

describe('refunds', () => {
  it('refunds a paid fee when the applicant withdraws before the reply, once', async () => {
    today = '2026-11-02'
    const { handler, reviewer } = await desk()
    const me = await citizen('dis-refund-1')
    const app = await me.call('submitDisclosure', { body: form() })
    const step = (who: ApiClient, body: object) => who.call('actOnDisclosure', { params: { id: app.id }, body: body as never })
    await step(handler, { action: 'assign', department: DEPT })
    await step(handler, { action: 'proposeFee', method: 'per-page', pages: 101, reason: '复制 101 页' })
    const notice = (await step(reviewer, { action: 'approveFee' })).fee!.notice!
    await t.services.disclosure.payments.recordFeePaid(notice.outTradeNo, new Date('2026-11-03T09:00:00+08:00'), 'TX-R')
    const withdrawn = await me.call('withdrawMyDisclosure', { params: { id: app.id } })
    expect(withdrawn).toMatchObject({ state: 'withdrawn', fee: { amountYuan: 720, refundedAt: expect.any(String) } })
    expect(refunds.filter((r) => r.outTradeNo === notice.outTradeNo)).toEqual([{ outTradeNo: notice.outTradeNo, outRefundNo: `R${app.id}`, amountFen: 72000, totalFen: 72000, reason: '申请人撤回申请' }])
    expect(await outcome(step(reviewer, { action: 'refundFee', reason: '重复退款' }))).toBe('CONFLICT')
    expect(await outcome(me.call('withdrawMyDisclosure', { params: { id: app.id } }))).toBe('CONFLICT')
    expect(refunds.filter((r) => r.outTradeNo === notice.outTradeNo)).toHaveLength(1)
  })

  it('refunds a fee charged in error on a reviewer’s decision, with a reason, and audits it', async () => {
    today = '2026-11-02'
    const { handler, reviewer } = await desk()
    const app = await handler.call('registerDisclosure', { body: registration() })
    const step = (who: ApiClient, body: object) => who.call('actOnDisclosure', { params: { id: app.id }, body: body as never })
    await step(handler, { action: 'assign', department: DEPT })
    expect(await outcome(step(reviewer, { action: 'refundFee', reason: '错收' }))).toBe('CONFLICT') // nothing paid
    await step(handler, { action: 'proposeFee', method: 'per-page', pages: 35, reason: '复制 35 页' })
    const notice = (await step(reviewer, { action: 'approveFee' })).fee!.notice!
    await t.services.disclosure.payments.recordFeePaid(notice.outTradeNo, new Date('2026-11-03T09:00:00+08:00'), 'TX-E')
    expect((await handler.call('getDisclosure', { params: { id: app.id } })).actions).not.toContain('refundFee') // a reviewer's decision
    expect(await outcome(step(handler, { action: 'refundFee', reason: '页数计算错误' }))).toBe('FORBIDDEN')
    const refunded = await step(reviewer, { action: 'refundFee', reason: '页数计算错误，实为 25 页，不应收费' })
    expect(refunded).toMatchObject({ state: 'processing', fee: { amountYuan: 50, refundedAt: expect.any(String) } })
    expect(refunds.at(-1)).toMatchObject({ outTradeNo: notice.outTradeNo, amountFen: 5000 })
    expect(await AuditRecordModel.findOne({ subject: `disclosure:${app.id}`, action: 'disclosure.refundFee' }).lean()).toMatchObject({ reason: '页数计算错误，实为 25 页，不应收费' })
  })
})

describe('without a payment provider', () => {
  it('paying and a withdrawal that needs a refund answer 503 and change nothing', async () => {
    today = '2026-11-02'
    const { handler, reviewer } = await desk()
    const session = await t.api.call('citizenDevLogIn', { body: { name: 'dis-nopay-1' } })
    const me = t.asStaff(session.accessToken)
    const app = await me.call('submitDisclosure', { body: form() })
    const step = (who: ApiClient, body: object) => who.call('actOnDisclosure', { params: { id: app.id }, body: body as never })
    await step(handler, { action: 'assign', department: DEPT })
    await step(handler, { action: 'proposeFee', method: 'per-page', pages: 40, reason: '复制 40 页' })
    const notice = (await step(reviewer, { action: 'approveFee' })).fee!.notice!
    const ctx = { ...t.services.disclosure.context, payments: undefined }
    const citizen = { id: session.citizen.id, sessionId: 's', account: (await CitizenAccountModel.findById(session.citizen.id).lean())! }
    const before = JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())
    await expect(new FeePaymentOpener(ctx).open(citizen as never, app.id)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: '暂不支持在线缴费，请按缴费通知到受理窗口缴纳' })
    await t.services.disclosure.payments.recordFeePaid(notice.outTradeNo, new Date('2026-11-02T12:00:00+08:00'), 'TX-N')
    const paid = JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())
    expect(paid).not.toBe(before)
    await expect(new ApplicationWithdrawer(ctx, new FeeRefunder(ctx)).withdraw(citizen as never, app.id)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
    expect(JSON.stringify(await DisclosureApplicationModel.findById(app.id).lean())).toBe(paid)
  })
})

describe('the annual report', () => {
  it('counts applications by channel, replies by type, fees kept, and the reconsiderations and lawsuits staff enter; CSV with a BOM', async () => {
    today = '2026-11-02'
    const dept = 'sanyuan-hrss'
    const handlerSession = await staffSession(t, `dis-sy-h-${++n}`, dept, ['editor'])
    const handler = handlerSession.api
    const reviewer = (await staffSession(t, `dis-sy-r-${++n}`, dept, ['reviewer'])).api
    const admin = await staffSession(t, `dis-sy-a-${++n}`, dept, ['department-admin'])
    const me = await citizen('dis-report-1')
    const online = await me.call('submitDisclosure', { body: form({ department: dept }) })
    const letter = await handler.call('registerDisclosure', { body: registration({ department: dept, channel: 'letter', receivedOn: '2026-10-12' }) })
    const fax = await handler.call('registerDisclosure', { body: registration({ department: dept, channel: 'fax', receivedOn: '2026-10-13' }) })
    const visit = await handler.call('registerDisclosure', { body: registration({ department: dept, channel: 'in-person', receivedOn: '2026-10-14' }) })
    await handler.call('registerDisclosure', { body: registration({ department: dept, channel: 'in-person', receivedOn: '2025-12-30' }) })
    const step = (id: string, body: object, who: ApiClient = handler) => who.call('actOnDisclosure', { params: { id }, body: body as never })
    for (const a of [online, letter, fax, visit]) await step(a.id, { action: 'assign', department: dept })
    await step(letter.id, { action: 'proposeFee', method: 'per-page', pages: 40, reason: '复制 40 页' })
    const notice = (await step(letter.id, { action: 'approveFee' }, reviewer)).fee!.notice!
    await t.services.disclosure.payments.recordFeePaid(notice.outTradeNo, new Date('2026-11-02T11:00:00+08:00'), 'TX-Y')
    const reply = (type: string, attachments: string[] = []) => ({ action: 'reply', type, reasons: '经审查', legalBasis: '《政府信息公开条例》第三十六条', where: '三元区人民政府网站', letter: '答复书', attachments })
    await step(online.id, reply('provided', [(await uploaded(t, 'staff', handlerSession.session.accessToken)).id]))
    await step(letter.id, reply('partly-provided'))
    await step(fax.id, reply('does-not-exist'))

    expect(await outcome(handler.call('getDisclosureReport', { query: { year: 2026 } }))).toBe('FORBIDDEN')
    const entered = await admin.api.call('setDisclosureReportEntries', { body: { year: 2026, reconsiderations: 2, lawsuits: 1 } })
    expect(entered).toMatchObject({ reconsiderations: 2, lawsuits: 1, complaints: 0 })
    const r = await admin.api.call('getDisclosureReport', { query: { year: 2026 } })
    expect(r.applications).toEqual({ total: 4, byChannel: { online: 1, 'in-person': 1, letter: 1, fax: 1 } })
    expect(r.replies.byAnnualRow).toEqual({ provided: 1, partly: 1, refused: 0, other: 1 })
    expect(r.replies.byType).toMatchObject({ provided: 1, 'partly-provided': 1, 'does-not-exist': 1, 'not-disclosed': 0 })
    expect(r.fees).toEqual({ count: 1, yuan: 100 })
    const row = (label: string) => r.rows.find((x) => x.label === label)
    expect(row('受理政府信息公开申请总数（件）')).toEqual({ label: '受理政府信息公开申请总数（件）', year: 4, cumulative: 5 })
    expect(row('3.信函、传真申请数')).toMatchObject({ year: 2, cumulative: 2 })
    expect(row('行政复议数')).toMatchObject({ year: 2, cumulative: 2 })
    expect(row('主动公开政府信息数（条）')).toMatchObject({ year: expect.any(Number), cumulative: expect.any(Number) })
    const res = await fetch(`${t.url}/api/v1/staff/disclosure/report.csv?year=2026`, { headers: { authorization: `Bearer ${admin.session.accessToken}` } })
    expect(res.status).toBe(200)
    const csv = Buffer.from(await res.arrayBuffer())
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.toString('utf8')).toContain('"受理政府信息公开申请总数（件）","4","5"')
    const bad = await fetch(`${t.url}/api/v1/staff/disclosure/report.csv?year=abc`, { headers: { authorization: `Bearer ${admin.session.accessToken}` } })
    expect(bad.status).toBe(400)
    // Bad input: a message per field, nothing written.
    const entries = JSON.stringify(await DisclosureReportEntryModel.find().lean())
    expect(await refusedFields(admin.api.call('setDisclosureReportEntries', { body: { year: 2026, reconsiderations: -1, lawsuits: 1.5 } }))).toEqual({ reconsiderations: '不能为负数', lawsuits: '应为整数' })
    expect(await refusedFields(admin.api.call('getDisclosureReport', { query: { year: 'abc' as never } }))).toEqual({ 'query.year': '年份应为数字' })
    expect(JSON.stringify(await DisclosureReportEntryModel.find().lean())).toBe(entries)
  })
})
