import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { residentIdCheckChar, type ApiClient, type DisclosureApplicationBody } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { DISCLOSURE_FEE } from '../../server/src/disclosure/wechatPayFees'
import { startTestApp, type TestApp } from '../support/app'
import { FakeWeChatPay } from '../support/fakeWeChatPay'
import { staffSession } from '../support/staff'

/**
 * The processing fee of 依申请公开 paid with WeChat Pay, end to end against the fake:
 * the applicant gets the pay parameters, pays, WeChat Pay notifies the server, and the
 * application carries on; an application that ends unpaid closes its order; a payment
 * that crossed the end is refunded.
 */
const DEPT = 'guiyang-hrss'
let fake: FakeWeChatPay
let t: TestApp
let n = 0
/** The disclosure domain's day (Beijing), moved by the tests. */
let today = '2026-11-23'
beforeAll(async () => {
  fake = await new FakeWeChatPay().start()
  t = await startTestApp({
    citizenDevLogIn: true,
    pay: { ...fake.settings('https://zw.example.gov.cn/api/v1/pay/notify'), reconcileAfterMinutes: 0 },
    // The disclosure clock on a fixed working day; WeChat Pay's signatures use the real time.
    disclosure: { now: () => new Date(`${today}T10:00:00+08:00`) },
  })
  fake.notifyUrlOverride = `${t.url}/api/v1/pay/notify`
  // Deadlines here run into 2027: a platform admin has loaded its arrangement, as they are asked to from November.
  const platform = (await staffSession(t, 'fee-platform', DEPT, ['platform-admin'])).api
  await platform.call('loadWorkingCalendarYear', { params: { year: 2027 }, body: { holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'], workdays: ['2027-02-06'], source: '国务院办公厅关于 2027 年部分节假日安排的通知（测试数据）' } })
})
afterAll(async () => {
  await t.close()
  await fake.stop()
})

const idNumber = () => {
  const first17 = `520102198001011${String(10 + (++n % 80)).padStart(2, '0')}`
  return first17 + residentIdCheckChar(first17)
}
const form = (): DisclosureApplicationBody => ({ department: DEPT, applicantKind: 'citizen', name: '李四', idType: 'resident-id', idNumber: idNumber(), phone: '13800000000', description: '2025 年贵阳市就业补贴资金发放明细', form: 'paper', delivery: 'post', address: '贵州省贵阳市云岩区中华北路 1 号' } as DisclosureApplicationBody)

/** An application by a citizen, with a ¥10 per-page fee (31 pages) approved and notified. */
async function feeNotified(): Promise<{ me: ApiClient; id: string; handler: ApiClient; notice: string }> {
  const me = t.asStaff((await t.api.call('citizenDevLogIn', { body: { name: `fee-payer-${++n}` } })).accessToken)
  const app = await me.call('submitDisclosure', { body: form() })
  const handler = (await staffSession(t, `fee-handler-${++n}`, DEPT, ['editor'])).api
  const reviewer = (await staffSession(t, `fee-reviewer-${++n}`, DEPT, ['reviewer'])).api
  const step = (who: ApiClient, body: object) => who.call('actOnDisclosure', { params: { id: app.id }, body: body as never })
  await step(handler, { action: 'assign', department: DEPT })
  await step(handler, { action: 'proposeFee', method: 'per-page', pages: 31, reason: '复制 31 页' })
  const approved = await step(reviewer, { action: 'approveFee' })
  return { me, id: app.id, handler, notice: approved.fee!.notice!.outTradeNo }
}
const ledgerOrder = async (notice: string) => (await t.services.pay.payments.orderOf(DISCLOSURE_FEE, notice))!

describe('paying the processing fee with WeChat Pay', () => {
  it('the applicant pays ¥10 in the mini-program; the notification moves the application on, once', async () => {
    const { me, id, handler, notice } = await feeNotified()
    const params = await me.call('payDisclosureFee', { params: { id } })
    expect(params).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) })
    const order = await ledgerOrder(notice)
    expect(order).toMatchObject({ amountFen: 1000, state: 'created' })
    // Asking again (two taps) answers the same order.
    await me.call('payDisclosureFee', { params: { id } })
    expect(fake.requestsOf('jsapi')).toHaveLength(1)

    const answers = await fake.pay(order.outTradeNo, { deliveries: 2 })
    expect(answers.map((a) => a.status)).toEqual([200, 200])
    expect(await handler.call('getDisclosure', { params: { id } })).toMatchObject({ state: 'processing', fee: { paidAt: expect.any(String) } })
    expect(await AuditRecordModel.countDocuments({ subject: `disclosure:${id}`, action: 'disclosure.feePaid' })).toBe(1)
    // Paid: nothing more to pay.
    await expect(me.call('payDisclosureFee', { params: { id } })).rejects.toMatchObject({ status: 409 })
  })

  it('an application abandoned unpaid closes its order at WeChat Pay, and it can no longer be paid', async () => {
    const { me, id, notice } = await feeNotified()
    await me.call('payDisclosureFee', { params: { id } })
    const order = await ledgerOrder(notice)
    const deadline = (await me.call('getMyDisclosure', { params: { id } })).fee!.notice!.paymentDeadline
    expect(deadline > '2026-12-01').toBe(true) // 20 working days from the day after the notice
    expect((await t.services.disclosure.sweep.run(new Date(`${deadline}T08:00:00+08:00`))).abandoned).not.toContain(id)
    const dayAfter = new Date(Date.parse(`${deadline}T08:00:00+08:00`) + 86_400_000)
    today = dayAfter.toISOString().slice(0, 10)
    try {
      expect((await t.services.disclosure.sweep.run(dayAfter)).abandoned).toContain(id)
    } finally {
      today = '2026-11-23'
    }
    expect((await ledgerOrder(notice)).state).toBe('closed')
    expect(fake.requestsOf('close').some((r) => r.path.includes(order.outTradeNo))).toBe(true)
    await expect(me.call('payDisclosureFee', { params: { id } })).rejects.toMatchObject({ status: 409 })
  })

  it('a payment that crossed the end of the application is refunded, not kept', async () => {
    const { me, id, notice } = await feeNotified()
    await me.call('payDisclosureFee', { params: { id } })
    const order = await ledgerOrder(notice)
    fake.markPaid(order.outTradeNo) // paid at WeChat Pay; the notification has not come yet
    await me.call('withdrawMyDisclosure', { params: { id } })
    const refund = await t.services.pay.payments.refundOf(order.outTradeNo)
    expect(refund).toMatchObject({ amountFen: 1000 })
    expect(fake.requestsOf('refund')).not.toHaveLength(0)
    expect((await me.call('getMyDisclosure', { params: { id } })).state).toBe('withdrawn')
  })
})
