import { describe, expect, it } from 'vitest'
import {
  acceptsComments,
  addCalendarDays,
  CalendarGapError,
  consultationActionsFor,
  consultationPhase,
  decideComment,
  decideConsultation,
  decideMessage,
  DEFAULT_SENSITIVE_WORDS,
  findSensitiveWords,
  maskPersonalData,
  messageActionsFor,
  messageClock,
  messageStatsRow,
  moderationVerdictOf,
  parseShanghaiDateTime,
  personalDataKindsIn,
  personalDataWarning,
  residentIdCheckChar,
  WorkingCalendar,
  type ConsultationFacts,
  type MessageFacts,
} from '@zw/shared'

const calendar = new WorkingCalendar()
const staff = (roles: ('editor' | 'reviewer' | 'department-admin' | 'platform-admin')[], department = 'guiyang-hrss', id = 's1') => ({ id, roles, department })

describe('messageClock: answer deadlines in working days (official 调休 calendar)', () => {
  it('counts 5 working days for a 咨询 from the day after it arrived, over the National Day holiday', () => {
    // Arrived Wednesday 2026-09-30: 10-01..10-07 are holidays and Saturday 10-10 is a 调休 working day:
    // 10-08, 10-09, 10-10, 10-12, 10-13.
    const c = messageClock({ receivedOn: '2026-09-30', answerDays: 5, answeredOn: null }, '2026-10-08', calendar)
    expect(c.dueDate).toBe('2026-10-13')
    expect(c.daysLeft).toBe(4)
    expect(c.overdue).toBe(false)
    expect(c.remind).toBe(false)
  })

  it('uses a 调休 Sunday as a working day', () => {
    // Friday 2026-09-18 + 1 working day is Sunday 09-20 (调休).
    expect(messageClock({ receivedOn: '2026-09-18', answerDays: 1, answeredOn: null }, '2026-09-18', calendar).dueDate).toBe('2026-09-20')
  })

  it('reminds when 2 working days or fewer are left, is overdue the day after the due date, and counts negative days', () => {
    const m = { receivedOn: '2026-11-02', answerDays: 5, answeredOn: null } // Monday → due Monday 11-09
    expect(messageClock(m, '2026-11-04', calendar)).toMatchObject({ dueDate: '2026-11-09', daysLeft: 3, remind: false, overdue: false })
    expect(messageClock(m, '2026-11-05', calendar)).toMatchObject({ daysLeft: 2, remind: true, overdue: false })
    expect(messageClock(m, '2026-11-09', calendar)).toMatchObject({ daysLeft: 0, remind: true, overdue: false })
    expect(messageClock(m, '2026-11-10', calendar)).toMatchObject({ daysLeft: -1, remind: false, overdue: true })
    // A weekend does not add overdue days.
    expect(messageClock(m, '2026-11-15', calendar)).toMatchObject({ daysLeft: -4, overdue: true })
  })

  it('raises the hard alarm 60 calendar days after arrival, well before three months', () => {
    const m = { receivedOn: '2026-09-01', answerDays: 15, answeredOn: null }
    expect(addCalendarDays('2026-09-01', 60)).toBe('2026-10-31')
    expect(messageClock(m, '2026-10-30', calendar)).toMatchObject({ alarm: false, alarmOn: '2026-10-31', ageDays: 59 })
    expect(messageClock(m, '2026-10-31', calendar)).toMatchObject({ alarm: true, ageDays: 60 })
  })

  it('stops at the answer: on time or late, with working days of handling', () => {
    const onTime = messageClock({ receivedOn: '2026-11-02', answerDays: 5, answeredOn: '2026-11-09' }, '2026-12-20', calendar)
    expect(onTime).toMatchObject({ answeredOnTime: true, handlingDays: 5, overdue: false, alarm: false, remind: false })
    const late = messageClock({ receivedOn: '2026-11-02', answerDays: 5, answeredOn: '2026-11-11' }, '2026-12-20', calendar)
    expect(late).toMatchObject({ answeredOnTime: false, handlingDays: 7 })
  })

  it('refuses to guess a due date in a year without calendar data', () => {
    expect(() => messageClock({ receivedOn: '2026-12-24', answerDays: 15, answeredOn: null }, '2026-12-24', calendar)).toThrow(CalendarGapError)
  })

  it('sums a department: received, on time, overdue (late answers and open ones past due), open, mean handling days', () => {
    const today = '2026-11-20'
    const clocks = [
      messageClock({ receivedOn: '2026-11-02', answerDays: 5, answeredOn: '2026-11-09' }, today, calendar), // on time, 5
      messageClock({ receivedOn: '2026-11-02', answerDays: 5, answeredOn: '2026-11-12' }, today, calendar), // late, 8
      messageClock({ receivedOn: '2026-11-02', answerDays: 5, answeredOn: null }, today, calendar), // open, overdue
      messageClock({ receivedOn: '2026-11-19', answerDays: 15, answeredOn: null }, today, calendar), // open, in time
    ]
    expect(messageStatsRow('guiyang-hrss', clocks)).toEqual({ department: 'guiyang-hrss', received: 4, answered: 2, answeredOnTime: 1, overdue: 2, open: 2, averageHandlingDays: 6.5 })
    expect(messageStatsRow('x', []).averageHandlingDays).toBeNull()
  })
})

describe('sensitive words and the moderation verdict', () => {
  const list = [
    { word: '代开发票', level: 'risky' as const, note: '' },
    { word: '加微信', level: 'review' as const, note: '' },
    { word: '发票', level: 'review' as const, note: '' },
  ]
  it('finds words through spaces, punctuation and full-width letters, with offsets into the original text', () => {
    const text = '有人在群里说可以代 开*发.票，还让加ＱＱ或加 微 信'
    const found = findSensitiveWords(text, [...list, { word: '加QQ', level: 'review', note: '' }])
    expect(found.map((f) => f.word)).toEqual(['代开发票', '加QQ', '加微信'])
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('代 开*发.票')
    // 发票 inside 代开发票 is reported once, as the longer word.
    expect(found.filter((f) => f.word === '发票')).toHaveLength(0)
    expect(findSensitiveWords('申请发票报销', list).map((f) => f.word)).toEqual(['发票'])
    expect(findSensitiveWords('请问就业补贴怎么申请', DEFAULT_SENSITIVE_WORDS)).toEqual([])
  })

  it('takes the stricter of WeChat and the list', () => {
    expect(moderationVerdictOf('pass', [])).toBe('pass')
    expect(moderationVerdictOf('pass', [{ level: 'review' }])).toBe('review')
    expect(moderationVerdictOf('review', [{ level: 'risky' }, { level: 'review' }])).toBe('risky')
    expect(moderationVerdictOf('risky', [{ level: 'review' }])).toBe('risky')
  })
})

describe('masking personal data for publication', () => {
  const first17 = '52010219800101123'
  const id = first17 + residentIdCheckChar(first17)
  it('masks ID numbers, mobile numbers and bank cards, leaving other numbers alone', () => {
    const text = `我的身份证号是${id}，电话 138 0013 8000，卡号6222021234567890128。文号黔人社发〔2026〕12号，电话0851-1234567`
    const masked = maskPersonalData(text, new Date('2026-11-20'))
    expect(masked).toContain(`${id.slice(0, 3)}***********${id.slice(-4)}`)
    expect(masked).toContain('138****8000')
    expect(masked).toContain('***************0128')
    expect(masked).not.toContain(id)
    expect(masked).toContain('0851-1234567')
    expect(masked).toContain('〔2026〕12号')
  })
  it('warns the writer in plain words', () => {
    const kinds = personalDataKindsIn(`电话13800138000，身份证${id}`, new Date('2026-11-20'))
    expect(kinds).toEqual(['mobile', 'id-card'])
    expect(personalDataWarning(kinds)).toBe('内容中有手机号码、身份证号码。公开时这些号码会被隐去（只显示部分数字），工作人员办理时可以看到。')
    expect(personalDataWarning([])).toBeNull()
  })
})

describe('the message workflow', () => {
  const m = (over: Partial<MessageFacts> = {}): MessageFacts => ({ state: 'received', department: 'guiyang-hrss', replyReview: false, ...over })
  it('answers at once, or sends the reply to review when the department wants that', () => {
    expect(decideMessage(m(), 'reply', staff(['editor']))).toEqual({ ok: true, to: 'answered' })
    expect(decideMessage(m({ replyReview: true }), 'reply', staff(['editor']))).toEqual({ ok: true, to: 'reply-review' })
  })
  it('keeps four eyes on reviewed replies, and moderation for reviewers', () => {
    const waiting = m({ state: 'reply-review', replyReview: true, replyDraftedBy: 's1' })
    expect(decideMessage(waiting, 'approveReply', staff(['reviewer'], 'guiyang-hrss', 's1'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decideMessage(waiting, 'approveReply', staff(['reviewer'], 'guiyang-hrss', 's2'))).toEqual({ ok: true, to: 'answered' })
    expect(decideMessage(waiting, 'approveReply', staff(['editor'], 'guiyang-hrss', 's2'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decideMessage(m({ state: 'moderation' }), 'approveContent', staff(['editor']))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decideMessage(m({ state: 'moderation' }), 'reply', staff(['editor']))).toMatchObject({ ok: false, code: 'CONFLICT', message: '留言当前为「内容待审核」，不能答复' })
    expect(decideMessage(m(), 'reply', staff(['editor'], 'xinxiang-gov-office'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
  it('offers the buttons a person may press', () => {
    expect(messageActionsFor(m({ state: 'moderation' }), staff(['reviewer']))).toEqual(['approveContent', 'rejectContent', 'markNotPublic'])
    expect(messageActionsFor(m({ state: 'answered', notPublic: true }), staff(['editor']))).toEqual([])
  })
})

describe('the consultation workflow: phases by the clock (Asia/Shanghai times stored as UTC)', () => {
  const c = (over: Partial<ConsultationFacts> = {}): ConsultationFacts => ({
    state: 'scheduled',
    department: 'guiyang-hrss',
    startAt: parseShanghaiDateTime('2026-12-01 09:00')!,
    endAt: parseShanghaiDateTime('2026-12-31 18:00')!,
    ...over,
  })
  it('opens at the Beijing start and closes at the Beijing end, whatever the stored state says', () => {
    expect(c().startAt.toISOString()).toBe('2026-12-01T01:00:00.000Z')
    expect(consultationPhase(c(), new Date('2026-12-01T00:59:59Z'))).toBe('scheduled')
    expect(consultationPhase(c(), new Date('2026-12-01T01:00:00Z'))).toBe('open')
    expect(consultationPhase(c(), new Date('2026-12-31T09:59:59Z'))).toBe('open')
    expect(consultationPhase(c(), new Date('2026-12-31T10:00:00Z'))).toBe('closed')
    expect(consultationPhase(c({ state: 'open' }), new Date('2027-01-05T00:00:00Z'))).toBe('closed')
    expect(consultationPhase(c({ state: 'reported' }), new Date('2026-12-02T00:00:00Z'))).toBe('reported')
    expect(acceptsComments(c(), new Date('2026-12-15T00:00:00Z'))).toBe(true)
    expect(acceptsComments(c(), new Date('2027-01-01T00:00:00Z'))).toBe(false)
  })
  it('cannot be archived without a feedback report, which needs the consultation closed', () => {
    const reviewer = { kind: 'staff' as const, actor: staff(['reviewer']) }
    const after = new Date('2027-01-02T00:00:00Z')
    expect(decideConsultation(c(), 'archive', reviewer, after)).toEqual({ ok: false, code: 'CONFLICT', message: '须先发布意见采纳情况反馈，才能归档' })
    expect(decideConsultation(c(), 'publishReport', reviewer, new Date('2026-12-15T00:00:00Z'))).toEqual({ ok: false, code: 'CONFLICT', message: '征集尚未结束，结束后才能发布反馈' })
    expect(decideConsultation(c(), 'publishReport', reviewer, after)).toEqual({ ok: true, to: 'reported' })
    expect(decideConsultation(c({ state: 'reported' }), 'archive', reviewer, after)).toEqual({ ok: true, to: 'archived' })
    expect(decideConsultation(c(), 'publishReport', { kind: 'staff', actor: staff(['editor']) }, after)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decideConsultation(c(), 'close', { kind: 'system' }, after)).toEqual({ ok: true, to: 'closed' })
    expect(decideConsultation(c(), 'open', { kind: 'system' }, after)).toMatchObject({ ok: false })
    expect(decideConsultation(c(), 'open', { kind: 'system' }, new Date('2026-12-15T00:00:00Z'))).toEqual({ ok: true, to: 'open' })
    expect(decideConsultation(c(), 'close', { kind: 'system' }, new Date('2026-12-15T00:00:00Z'))).toMatchObject({ ok: false })
    expect(consultationActionsFor(c({ state: 'draft' }), staff(['editor']), after)).toEqual(['edit'])
    expect(consultationActionsFor(c({ state: 'draft' }), staff(['reviewer']), after)).toEqual(['edit', 'publish'])
  })
  it('moderates comments by reviewers of the department only', () => {
    expect(decideComment({ state: 'moderation', department: 'guiyang-hrss' }, 'approve', staff(['reviewer']))).toEqual({ ok: true, to: 'accepted' })
    expect(decideComment({ state: 'moderation', department: 'guiyang-hrss' }, 'approve', staff(['editor']))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decideComment({ state: 'accepted', department: 'guiyang-hrss' }, 'reject', staff(['reviewer']))).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})
