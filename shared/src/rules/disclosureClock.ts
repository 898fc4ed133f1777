import { bundledCalendar, type WorkingCalendar } from './workingDays'

/**
 * The statutory clock of an application for disclosure (政府信息公开条例 Arts. 30, 32, 33;
 * 国办函〔2020〕109号), computed — never stored — from what happened to the application,
 * each event dated with its Beijing calendar date (docs/adr/0017):
 *
 * - `received`: 20 working days to answer, counted from the day after;
 * - `correction-requested` (补正): the clock stops; the applicant has `days` working days;
 *   `corrected`: the clock starts again from nothing on the day the correction arrives;
 * - `extended`: once, up to 20 more working days (approved, the applicant told);
 * - `consultation-started` / `-ended` (third party or other agency): the working days in
 *   between are not counted; the third party has 15 working days to answer;
 * - `fee-notice-issued` / `fee-paid`: the applicant has 20 working days from the day after
 *   the notice; whether the payment window stops the clock is a setting (default: it does);
 * - `replied`, `withdrawn`, `abandoned`: the clock ends.
 *
 * Pauses are unions: days inside two overlapping pauses are excluded once. A pause that
 * starts on date P and ends on date E excludes the working days after P up to and
 * including E (the day the pause starts still counts, as the receipt day does not).
 */
export type ClockEvent =
  | { kind: 'received'; date: string }
  | { kind: 'correction-requested'; date: string; days: number }
  | { kind: 'corrected'; date: string }
  | { kind: 'extended'; date: string; days: number }
  | { kind: 'consultation-started'; date: string }
  | { kind: 'consultation-ended'; date: string }
  | { kind: 'fee-notice-issued'; date: string }
  | { kind: 'fee-paid'; date: string }
  | { kind: 'replied' | 'withdrawn' | 'abandoned'; date: string }

export const ANSWER_WORKING_DAYS = 20
export const MAX_EXTENSION_WORKING_DAYS = 20
export const CORRECTION_NOTICE_WORKING_DAYS = 7
export const THIRD_PARTY_WORKING_DAYS = 15
export const PAYMENT_WORKING_DAYS = 20

export type ClockState = 'not-received' | 'running' | 'awaiting-correction' | 'paused' | 'ended'

export interface ClockSettings {
  /** Whether the fee payment window stops the answer clock (unconfirmed in law: a setting, default yes). */
  feePausesClock: boolean
}
export const DEFAULT_CLOCK_SETTINGS: ClockSettings = { feePausesClock: true }

export interface DisclosureClock {
  state: ClockState
  /** What stops it now (`consultation`, `fee`), when paused. */
  pausedFor: ('consultation' | 'fee')[]
  /** The day the 20 working days count from (receipt, or the corrected application's arrival). */
  countsFrom: string | null
  /** Working days allowed: 20, plus the extension. */
  allowedDays: number
  /** Working days not counted so far (closed pauses; an open pause counts up to `today`). */
  excludedDays: number
  /** Working days used by `today`. */
  usedDays: number
  /** Working days left by `today` (negative when overdue). */
  daysLeft: number
  /** The last day to answer, as things stand on `today` (while paused: if the pause ended today). */
  dueDate: string | null
  overdue: boolean
  extended: boolean
  /** The agency's own deadline for asking for a correction (7 working days after receipt), until one is asked. */
  correctionNoticeDue: string | null
  /** The last day for the applicant's correction, while one is awaited. */
  correctionDeadline: string | null
  /** The last day for the third party's view, while consulting. */
  consultationDue: string | null
  /** The last day to pay, while a fee notice is unpaid. */
  paymentDeadline: string | null
}

type Calendar = Pick<WorkingCalendar, 'addWorkingDays' | 'workingDaysBetween'>


/** The clock on `today` (YYYY-MM-DD, Beijing) after `events` (in the order they happened). Throws CalendarGapError past the known years. */
export function disclosureClock(events: readonly ClockEvent[], today: string, settings: ClockSettings = DEFAULT_CLOCK_SETTINGS, calendar?: Calendar): DisclosureClock {
  const cal = calendar ?? bundledCalendar()
  let state: ClockState = 'not-received'
  let countsFrom: string | null = null
  let allowed = ANSWER_WORKING_DAYS
  let excluded = 0
  let extended = false
  let correctionAsked = false
  let correctionDeadline: string | null = null
  let consultationDue: string | null = null
  let paymentDeadline: string | null = null
  let endedOn: string | null = null
  const open = new Set<'consultation' | 'fee'>()
  let pauseStart: string | null = null
  let stoppedOn: string | null = null // awaiting correction: when it stopped

  const pause = (why: 'consultation' | 'fee', date: string) => {
    if (open.size === 0) pauseStart = date
    open.add(why)
  }
  const resume = (why: 'consultation' | 'fee', date: string) => {
    if (!open.delete(why)) return
    if (open.size === 0 && pauseStart) {
      excluded += cal.workingDaysBetween(pauseStart, date)
      pauseStart = null
    }
  }

  for (const e of events) {
    if (state === 'ended') break
    switch (e.kind) {
      case 'received':
        state = 'running'
        countsFrom = e.date
        break
      case 'correction-requested':
        state = 'awaiting-correction'
        correctionAsked = true
        stoppedOn = e.date
        correctionDeadline = cal.addWorkingDays(e.date, e.days)
        break
      case 'corrected':
        // Art. 30: the time counts again from the corrected application's arrival.
        state = 'running'
        countsFrom = e.date
        allowed = ANSWER_WORKING_DAYS
        excluded = 0
        extended = false
        open.clear()
        pauseStart = null
        stoppedOn = null
        correctionDeadline = null
        break
      case 'extended':
        if (!extended) {
          allowed += Math.min(Math.max(0, e.days), MAX_EXTENSION_WORKING_DAYS)
          extended = true
        }
        break
      case 'consultation-started':
        pause('consultation', e.date)
        consultationDue = cal.addWorkingDays(e.date, THIRD_PARTY_WORKING_DAYS)
        break
      case 'consultation-ended':
        resume('consultation', e.date)
        consultationDue = null
        break
      case 'fee-notice-issued':
        paymentDeadline = cal.addWorkingDays(e.date, PAYMENT_WORKING_DAYS)
        if (settings.feePausesClock) pause('fee', e.date)
        break
      case 'fee-paid':
        paymentDeadline = null
        resume('fee', e.date)
        break
      case 'replied':
      case 'withdrawn':
      case 'abandoned':
        if (open.size && pauseStart) excluded += cal.workingDaysBetween(pauseStart, e.date)
        open.clear()
        pauseStart = null
        state = 'ended'
        endedOn = e.date
        correctionDeadline = null
        consultationDue = null
        paymentDeadline = null
        break
    }
  }
  if (state === 'running' && open.size) state = 'paused'

  const asOf = endedOn ?? (state === 'awaiting-correction' ? stoppedOn! : today)
  const openExcluded = open.size && pauseStart ? cal.workingDaysBetween(pauseStart, asOf) : 0
  const used = countsFrom ? cal.workingDaysBetween(countsFrom, asOf) - excluded - openExcluded : 0
  const dueDate = countsFrom && state !== 'awaiting-correction' ? cal.addWorkingDays(countsFrom, allowed + excluded + openExcluded) : null
  const daysLeft = allowed - used
  return {
    state,
    pausedFor: [...open],
    countsFrom,
    allowedDays: allowed,
    excludedDays: excluded + openExcluded,
    usedDays: used,
    daysLeft,
    dueDate,
    overdue: state === 'running' && dueDate !== null && today > dueDate,
    extended,
    correctionNoticeDue: countsFrom && !correctionAsked && state !== 'ended' ? cal.addWorkingDays(countsFrom, CORRECTION_NOTICE_WORKING_DAYS) : null,
    correctionDeadline,
    consultationDue,
    paymentDeadline,
  }
}
