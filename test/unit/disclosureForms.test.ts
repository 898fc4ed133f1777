import { describe, expect, it } from 'vitest'
import { ApiClientError, disclosureActionBodySchema, DISCLOSURE_STAFF_ACTIONS, type MyDisclosure } from '@zw/shared'
import { STEP_FIELDS, stepBody } from '../../miniapp/src/workbench/lib/disclosureForm'
import { deadlineLines, fieldMessages } from '../../miniapp/src/disclosure/lib/form'

const clock = (over: Partial<MyDisclosure['clock']>): MyDisclosure['clock'] => ({
  state: 'running', stateLabel: '计时中', countsFrom: '2026-11-02', allowedDays: 20, usedDays: 0, daysLeft: 20, dueDate: '2026-11-30', overdue: false, extended: false,
  correctionNoticeDue: null, correctionDeadline: null, consultationDue: null, paymentDeadline: null, calendarGap: null, ...over,
})

describe('the workbench step forms', () => {
  it('builds a body the contract accepts for every staff step (numbers as numbers, the uploaded files by id)', () => {
    const typed: Record<string, string> = { department: 'guiyang-hrss', items: '请写明年份', days: '10', arrivedOn: '2026-11-09', reason: '需要调取档案', party: '某公司', outcome: '同意', method: 'per-page', pages: '250', type: 'provided', reasons: '可以公开', legalBasis: '', where: '', letter: '答复书', attachments: '/files/typed-is-ignored.pdf' }
    const files = ['65a000000000000000000001', '65a000000000000000000002']
    for (const action of DISCLOSURE_STAFF_ACTIONS) {
      const body = stepBody(action, typed, files)
      const parsed = disclosureActionBodySchema.safeParse(body)
      expect(parsed.success, `${action}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true)
    }
    expect(stepBody('extend', typed)).toEqual({ action: 'extend', days: 10, reason: '需要调取档案' })
    expect(stepBody('reply', typed, files)).toMatchObject({ type: 'provided', attachments: files, legalBasis: expect.stringContaining('第三十六条第（二）项') })
    expect(stepBody('reply', typed)).toMatchObject({ attachments: [] })
    expect(stepBody('extend', typed, files)).not.toHaveProperty('attachments')
    expect(stepBody('reply', typed)).not.toHaveProperty('where')
    expect(STEP_FIELDS.approveFee).toEqual([])
  })
})

describe('the applicant’s pages', () => {
  it('says the deadlines in plain words for each state of the clock', () => {
    expect(deadlineLines({ state: 'processing', clock: clock({}) })).toEqual(['最迟在 2026-11-30 前答复您。'])
    expect(deadlineLines({ state: 'correction', clock: clock({ state: 'awaiting-correction', dueDate: null, correctionDeadline: '2026-11-18' }) })).toEqual(['请在 2026-11-18 前补正，补正后重新计算答复期限。'])
    expect(deadlineLines({ state: 'fee-notified', clock: clock({ state: 'paused', stateLabel: '暂停计时（等待缴费）', daysLeft: 15, paymentDeadline: '2026-12-21' }) })).toEqual(['请在 2026-12-21 前缴费。', '答复期限暂停计算（等待缴费），还剩 15 个工作日。'])
    expect(deadlineLines({ state: 'replied', clock: clock({ state: 'ended' }) })).toEqual([])
    expect(deadlineLines({ state: 'received', clock: clock({ calendarGap: '缺少 2027 年的节假日安排' }) })[0]).toContain('暂时无法计算')
  })

  it('keeps the first message per field of a refused application', () => {
    const err = new ApiClientError(400, 'VALIDATION_FAILED', '提交的内容有误', [{ path: 'idNumber', message: '身份证号码校验位不对，请核对' }, { path: 'idNumber', message: '第二条' }, { path: 'phone', message: '联系电话格式不正确' }])
    expect(fieldMessages(err)).toEqual({ idNumber: '身份证号码校验位不对，请核对', phone: '联系电话格式不正确' })
    expect(fieldMessages(new Error('x'))).toEqual({ other: '提交失败，请稍后再试' })
  })
})
