import type { WorkingCalendar } from './workingDays'

/** Reminders go out this many working days before an answer is due (or fewer left). */
export const REMIND_WORKING_DAYS_BEFORE = 2
/**
 * A message unanswered this many calendar days after it arrived raises the hard alarm:
 * well before the national inspection's veto for a valid message left unanswered for
 * more than three months (国办秘函〔2019〕19号).
 */
export const HARD_ALARM_DAYS = 60

const DAY_MS = 86_400_000
/** The calendar date `n` days after `date` (YYYY-MM-DD). */
export function addCalendarDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}
const calendarDaysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)

/** The facts of a message the clock needs: when it arrived (Beijing date), its working days to answer, when it was answered. */
export interface MessageClockFacts {
  receivedOn: string
  answerDays: number
  answeredOn: string | null
}

export interface MessageClock {
  /** The last working day of the answer period: `answerDays` working days after the day it arrived. */
  dueDate: string
  /** Working days from today to the due date (negative once past; 0 once answered). */
  daysLeft: number
  overdue: boolean
  /** Unanswered and at most REMIND_WORKING_DAYS_BEFORE working days left. */
  remind: boolean
  /** The day of the hard alarm (HARD_ALARM_DAYS calendar days after arrival). */
  alarmOn: string
  /** Unanswered on or after that day. */
  alarm: boolean
  /** Calendar days since it arrived (to the answer, if answered). */
  ageDays: number
  answeredOnTime: boolean | null
  /** Working days from arrival to the answer. */
  handlingDays: number | null
}

/**
 * The answer clock of a citizen message on `today` (Beijing dates): due `answerDays`
 * working days after the day it arrived (counting from the next day, as statutory
 * deadlines do, with the official 调休 calendar), reminded when at most
 * `remindBefore` working days are left, overdue the day after the due date, and in hard
 * alarm from HARD_ALARM_DAYS calendar days after arrival. A year the calendar lacks
 * throws CalendarGapError (never a guessed date).
 */
export function messageClock(m: MessageClockFacts, today: string, calendar: WorkingCalendar, remindBefore = REMIND_WORKING_DAYS_BEFORE): MessageClock {
  const dueDate = calendar.addWorkingDays(m.receivedOn, m.answerDays)
  const alarmOn = addCalendarDays(m.receivedOn, HARD_ALARM_DAYS)
  if (m.answeredOn) {
    return {
      dueDate,
      daysLeft: 0,
      overdue: false,
      remind: false,
      alarmOn,
      alarm: false,
      ageDays: calendarDaysBetween(m.receivedOn, m.answeredOn),
      answeredOnTime: m.answeredOn <= dueDate,
      handlingDays: calendar.workingDaysBetween(m.receivedOn, m.answeredOn),
    }
  }
  const overdue = today > dueDate
  const daysLeft = overdue ? -calendar.workingDaysBetween(dueDate, today) : calendar.workingDaysBetween(today, dueDate)
  return { dueDate, daysLeft, overdue, remind: !overdue && daysLeft <= remindBefore, alarmOn, alarm: today >= alarmOn, ageDays: calendarDaysBetween(m.receivedOn, today), answeredOnTime: null, handlingDays: null }
}

export interface MessageStatsRow {
  department: string
  received: number
  answered: number
  answeredOnTime: number
  /** Answered after the due date, plus unanswered past it today. */
  overdue: number
  /** Still unanswered. */
  open: number
  /** Mean working days from arrival to answer, one decimal (null: none answered). */
  averageHandlingDays: number | null
}

/** Counts one department's messages (each with its clock) into a statistics row. */
export function messageStatsRow(department: string, clocks: readonly MessageClock[]): MessageStatsRow {
  const answered = clocks.filter((c) => c.answeredOnTime !== null)
  const days = answered.map((c) => c.handlingDays ?? 0)
  return {
    department,
    received: clocks.length,
    answered: answered.length,
    answeredOnTime: answered.filter((c) => c.answeredOnTime).length,
    overdue: answered.filter((c) => !c.answeredOnTime).length + clocks.filter((c) => c.overdue).length,
    open: clocks.length - answered.length,
    averageHandlingDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
  }
}
