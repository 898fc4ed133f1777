import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  CalendarGapError,
  decideDisclosure,
  disclosureActionsFor,
  disclosureClock,
  DISCLOSURE_REPLY_TYPES,
  isWorkingDay,
  maskIdNumber,
  OFFICIAL_ARRANGEMENTS,
  perApplicationFee,
  perPageFee,
  residentIdCheckChar,
  residentIdProblem,
  WorkingCalendar,
  type ClockEvent,
} from '@zw/shared'

describe('addWorkingDays / isWorkingDay (exported from @zw/shared, the bundled official calendar)', () => {
  it('knows 调休 Saturdays and Sundays are working days and the National Day week is not', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true) // Saturday, 调休
    expect(isWorkingDay('2026-09-20')).toBe(true) // Sunday, 调休
    expect(isWorkingDay('2026-02-21')).toBe(false) // Saturday inside 春节
    expect(isWorkingDay('2026-11-21')).toBe(false) // ordinary Saturday
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`), `10-0${d}`).toBe(false)
    expect(isWorkingDay('2026-10-08')).toBe(true)
  })

  it('counts from the day after, skipping holidays and using 调休 days', () => {
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08')
    expect(addWorkingDays('2026-09-18', 1)).toBe('2026-09-20') // Friday → the 调休 Sunday
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14') // Friday → the 调休 Saturday
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24') // over 春节 (02-15..02-23)
    expect(addWorkingDays('2026-11-20', 0)).toBe('2026-11-20')
    expect(addWorkingDays('2026-09-21', 20)).toBe('2026-10-26')
  })

  it('crosses a year boundary it knows (2025 → 2026) and refuses, naming the year, one it does not', () => {
    // 2026-01-01..03 are 元旦 holidays and Sunday 01-04 is a 调休 working day.
    expect(OFFICIAL_ARRANGEMENTS.map((a) => a.year)).toContain(2025)
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-04')
    expect(addWorkingDays('2025-12-30', 2)).toBe('2026-01-04')
    expect(addWorkingDays('2025-12-31', 2)).toBe('2026-01-05')
    const gap = (() => {
      try {
        addWorkingDays('2026-12-24', 10)
      } catch (e) {
        return e
      }
    })()
    expect(gap).toBeInstanceOf(CalendarGapError)
    expect((gap as CalendarGapError).year).toBe(2027)
    expect((gap as Error).message).toContain('2027')
    expect(() => isWorkingDay('2027-03-01')).toThrow(/缺少 2027 年/)
    expect(() => isWorkingDay('2024-12-31')).toThrow(CalendarGapError)
  })
})

describe('信息处理费 (国办函〔2020〕109号)', () => {
  it('per application: band edges 10/11/30/31/40/41 and beyond', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map(perApplicationFee)).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400])
    expect(() => perApplicationFee(0)).toThrow(RangeError)
    expect(() => perApplicationFee(2.5)).toThrow(RangeError)
  })

  it('per page: each band only for its own pages (30/31/100/101/200/201, 250 = ¥4,700)', () => {
    expect(perPageFee(0)).toBe(0)
    expect(perPageFee(30)).toBe(0)
    expect(perPageFee(31)).toBe(10)
    expect(perPageFee(100)).toBe(700)
    expect(perPageFee(101)).toBe(720)
    expect(perPageFee(200)).toBe(2700)
    expect(perPageFee(201)).toBe(2740)
    expect(perPageFee(250)).toBe(4700)
    expect(() => perPageFee(-1)).toThrow(RangeError)
  })
})

describe('resident ID numbers (GB 11643)', () => {
  const valid = (first17: string) => first17 + residentIdCheckChar(first17)
  const id = valid('11010519491231002') // check character X

  it('accepts a correct number, with x or X', () => {
    expect(id.endsWith('X')).toBe(true)
    expect(residentIdProblem(id)).toBeUndefined()
    expect(residentIdProblem(id.toLowerCase())).toBeUndefined()
  })

  it('names what is wrong: length, birth date, check character', () => {
    expect(residentIdProblem('1101051949123100')).toBe('身份证号码应为 18 位（最后一位可以是 X）')
    expect(residentIdProblem(valid('11010519490230002'))).toBe('身份证号码中的出生日期不正确') // 02-30
    expect(residentIdProblem(valid('11010520990101002'), new Date('2026-11-22'))).toBe('身份证号码中的出生日期不正确') // future
    const wrongCheck = id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
    expect(residentIdProblem(wrongCheck)).toBe('身份证号码校验位不对，请核对')
  })

  it('masks the birth date and region: only the first 3 and last 4 characters show', () => {
    expect(maskIdNumber(id)).toBe('110***********002X')
    expect(maskIdNumber(id)).not.toContain('1949')
    expect(maskIdNumber('E12345678')).toBe('E*******8')
  })
})

describe('the disclosure clock', () => {
  const at = (events: ClockEvent[], today: string, feePausesClock = true) => disclosureClock(events, today, { feePausesClock })

  it('is due 20 working days after receipt, not counting the National Day week; warns when overdue', () => {
    const c = at([{ kind: 'received', date: '2026-09-21' }], '2026-10-09')
    expect(c).toMatchObject({ state: 'running', dueDate: '2026-10-26', overdue: false, correctionNoticeDue: '2026-10-08' })
    // 09-21 → 10-09: 09-22..24 and 09-28..30 (中秋 09-25..27 off) = 6, then 10-08 and 10-09 = 8
    expect(c.usedDays).toBe(8)
    expect(c.daysLeft).toBe(12)
    expect(at([{ kind: 'received', date: '2026-09-21' }], '2026-10-27')).toMatchObject({ overdue: true, daysLeft: -1 })
  })

  it('补正: the clock stops, and starts again from nothing when the correction arrives', () => {
    const asked: ClockEvent[] = [
      { kind: 'received', date: '2026-03-02' },
      { kind: 'correction-requested', date: '2026-03-05', days: 10 },
    ]
    expect(at(asked, '2026-04-30')).toMatchObject({ state: 'awaiting-correction', dueDate: null, correctionDeadline: '2026-03-19', overdue: false, correctionNoticeDue: null })
    const restarted = at([...asked, { kind: 'corrected', date: '2026-03-16' }], '2026-03-16')
    expect(restarted).toMatchObject({ state: 'running', countsFrom: '2026-03-16', dueDate: '2026-04-14', usedDays: 0, correctionDeadline: null })
  })

  it('an extension adds its days once', () => {
    const events: ClockEvent[] = [
      { kind: 'received', date: '2026-03-02' },
      { kind: 'extended', date: '2026-03-20', days: 20 },
      { kind: 'extended', date: '2026-03-21', days: 20 },
    ]
    // 20 + 20 working days after 03-02 (清明 04-04..06 is a weekend + Monday off).
    expect(at(events, '2026-03-25')).toMatchObject({ extended: true, allowedDays: 40, dueDate: new WorkingCalendar().addWorkingDays('2026-03-02', 40) })
    expect(at(events, '2026-03-25').dueDate).toBe('2026-04-28')
  })

  it('third-party consultation is not counted: the due date moves by the working days it took', () => {
    const base: ClockEvent[] = [{ kind: 'received', date: '2026-11-02' }]
    expect(at(base, '2026-11-02').dueDate).toBe('2026-11-30')
    const consulting: ClockEvent[] = [...base, { kind: 'consultation-started', date: '2026-11-06' }]
    const paused = at(consulting, '2026-11-13')
    expect(paused).toMatchObject({ state: 'paused', pausedFor: ['consultation'], consultationDue: '2026-11-27', usedDays: 4, excludedDays: 5 })
    // Ended on 11-13 (Friday): 5 working days (11-09..13) not counted.
    const after = at([...consulting, { kind: 'consultation-ended', date: '2026-11-13' }], '2026-11-16')
    expect(after).toMatchObject({ state: 'running', excludedDays: 5, dueDate: '2026-12-07', consultationDue: null, usedDays: 5 })
  })

  it('the fee window stops the clock by default, and not when the setting says so; payment deadline is 20 working days after the notice', () => {
    const events: ClockEvent[] = [
      { kind: 'received', date: '2026-11-02' },
      { kind: 'fee-notice-issued', date: '2026-11-09' },
    ]
    expect(at(events, '2026-11-20')).toMatchObject({ state: 'paused', pausedFor: ['fee'], paymentDeadline: '2026-12-07' })
    expect(at(events, '2026-11-20', false)).toMatchObject({ state: 'running', dueDate: '2026-11-30', paymentDeadline: '2026-12-07' })
    const paid = at([...events, { kind: 'fee-paid', date: '2026-11-16' }], '2026-11-16')
    expect(paid).toMatchObject({ state: 'running', excludedDays: 5, dueDate: '2026-12-07', paymentDeadline: null })
  })

  it('ends with the reply; an unknown year on the way is an error naming it', () => {
    expect(at([{ kind: 'received', date: '2026-11-02' }, { kind: 'replied', date: '2026-11-10' }], '2027-06-01')).toMatchObject({ state: 'ended', overdue: false, usedDays: 6 })
    expect(() => at([{ kind: 'received', date: '2026-12-10' }], '2026-12-10')).toThrow(/2027/)
  })
})

describe('the application workflow table', () => {
  const handler = { kind: 'staff' as const, actor: { id: 'h1', roles: ['editor' as const], department: 'guiyang-hrss' } }
  const reviewer = { kind: 'staff' as const, actor: { id: 'r1', roles: ['reviewer' as const], department: 'guiyang-hrss' } }
  const app = (state: Parameters<typeof decideDisclosure>[0]['state'], feeProposedBy: string | null = null) => ({ state, department: 'guiyang-hrss', feeProposedBy })

  it('staff of the department move it; other departments and the applicant cannot', () => {
    expect(decideDisclosure(app('received'), 'assign', handler)).toEqual({ ok: true, to: 'processing' })
    expect(decideDisclosure(app('received'), 'assign', { kind: 'staff', actor: { ...handler.actor, department: 'xinxiang-gov-office' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decideDisclosure(app('processing'), 'reply', { kind: 'citizen' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decideDisclosure(app('processing'), 'withdraw', { kind: 'citizen' })).toEqual({ ok: true, to: 'withdrawn' })
    expect(decideDisclosure(app('replied'), 'withdraw', { kind: 'citizen' })).toMatchObject({ ok: false, code: 'CONFLICT', message: '申请当前为「已答复」，不能撤回申请' })
  })

  it('a fee is approved by a reviewer other than who proposed it; only the system records payment and abandonment', () => {
    expect(decideDisclosure(app('fee-review', 'h1'), 'approveFee', handler)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decideDisclosure(app('fee-review', 'r1'), 'approveFee', reviewer)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '收费须由提出人以外的审核人批准' })
    expect(decideDisclosure(app('fee-review', 'h1'), 'approveFee', reviewer)).toEqual({ ok: true, to: 'fee-notified' })
    expect(decideDisclosure(app('fee-notified'), 'feePaid', reviewer)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decideDisclosure(app('fee-notified'), 'feePaid', { kind: 'system' })).toEqual({ ok: true, to: 'processing' })
    expect(decideDisclosure(app('correction'), 'abandonUncorrected', { kind: 'system' })).toEqual({ ok: true, to: 'abandoned' })
    expect(disclosureActionsFor(app('processing'), handler.actor)).toEqual(['assign', 'requestCorrection', 'startConsultation', 'proposeFee', 'reply'])
    expect(disclosureActionsFor(app('processing'), reviewer.actor)).toContain('extend')
  })

  it('lists the eight reply types of Art. 36', () => {
    expect(Object.keys(DISCLOSURE_REPLY_TYPES)).toHaveLength(8)
  })
})
