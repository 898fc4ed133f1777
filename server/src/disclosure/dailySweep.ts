import { CalendarGapError, decideDisclosure, DISCLOSURE_FINAL_STATES, disclosureClock, formatShanghaiDate, type DisclosureAction } from '@zw/shared'
import { recordAudit } from '../platform/audit/auditTrail'
import { createOnce } from '../platform/db'
import type { Logger } from '../platform/logger'
import { clockEventsOf } from './applicationView'
import type { CalendarYears } from './calendarYears'
import { SYSTEM_ACTOR, SYSTEM_REF, type DisclosureContext } from './context'
import { DisclosureApplicationModel, DisclosureTaskModel, type DisclosureApplicationDoc } from './model'
import { closeUnpaidFeeOrder } from './feePayments'
import type { FileStorage } from '../content/attachments/fileStorage'
import { eraseUnsentFiles } from './fileEraser'

export const REMIND_WORKING_DAYS_BEFORE = 3

export interface SweepResult {
  abandoned: string[]
  reminders: string[]
  overdue: string[]
  calendarGaps: number[]
  /** Uploads erased because nobody sent them (ids). */
  erasedFiles: string[]
}

/**
 * The daily run of the disclosure clock, for a day (Beijing date of the slot): closes as
 * abandoned what was not corrected or not paid in time, records a reminder 3 working
 * days before an answer is due and an escalation when it is overdue (each once, as a
 * workbench task with an audit record), and warns admins from November when next year's
 * calendar is missing, and erases uploads nobody sent within a week. Safe to run twice for
 * a day: every record has a unique id.
 */
export class DailySweep {
  constructor(
    private readonly ctx: DisclosureContext,
    private readonly years: CalendarYears,
    private readonly logger: Logger,
    private readonly files: FileStorage,
  ) {}

  async run(at: Date): Promise<SweepResult> {
    await this.years.start() // years another instance loaded
    const today = formatShanghaiDate(at)
    const result: SweepResult = { abandoned: [], reminders: [], overdue: [], calendarGaps: [], erasedFiles: [] }
    const open = await DisclosureApplicationModel.find({ state: { $nin: DISCLOSURE_FINAL_STATES } }).lean<DisclosureApplicationDoc[]>()
    for (const doc of open) {
      const id = doc._id.toString()
      try {
        const clock = disclosureClock(clockEventsOf(doc), today, this.ctx.settings, this.ctx.calendar)
        if (doc.state === 'correction' && clock.correctionDeadline && today > clock.correctionDeadline) {
          if (await this.abandon(doc, 'abandonUncorrected', at, `逾期未补正（补正期限 ${clock.correctionDeadline}），视为放弃申请。`)) result.abandoned.push(id)
          continue
        }
        if (doc.state === 'fee-notified' && clock.paymentDeadline && today > clock.paymentDeadline) {
          if (await this.abandon(doc, 'abandonUnpaid', at, `逾期未缴纳信息处理费（缴费期限 ${clock.paymentDeadline}），视为放弃申请。`)) result.abandoned.push(id)
          continue
        }
        if (clock.state !== 'running' || !clock.dueDate) continue
        if (clock.overdue) {
          if (await this.task(doc, 'overdue', clock.dueDate, at, `申请 ${doc.trackingNumber} 已超过答复期限（${clock.dueDate}），请督办`)) {
            result.overdue.push(id)
            await recordAudit({ at, actor: SYSTEM_ACTOR, action: 'disclosure.overdue', subject: `disclosure:${id}`, after: { dueDate: clock.dueDate, department: doc.department } })
          }
        } else if (clock.daysLeft <= REMIND_WORKING_DAYS_BEFORE) {
          if (await this.task(doc, 'reminder', clock.dueDate, at, `申请 ${doc.trackingNumber} 将于 ${clock.dueDate} 到期（还有 ${clock.daysLeft} 个工作日）`)) result.reminders.push(id)
        }
      } catch (err) {
        if (!(err instanceof CalendarGapError)) throw err
        if (await createOnce(DisclosureTaskModel, { _id: `calendar:${err.year}`, kind: 'calendar', department: null, applicationId: null, trackingNumber: null, dueDate: null, text: err.message, at })) result.calendarGaps.push(err.year)
        this.logger.warn({ application: id, year: err.year }, 'disclosure clock reaches a year without calendar data')
      }
    }
    const warning = this.years.missingNextYear()
    const nextYear = Number(today.slice(0, 4)) + 1
    if (warning && (await createOnce(DisclosureTaskModel, { _id: `calendar:${nextYear}`, kind: 'calendar', department: null, applicationId: null, trackingNumber: null, dueDate: null, text: warning, at }))) result.calendarGaps.push(nextYear)
    result.erasedFiles = await eraseUnsentFiles(at, this.files)
    return result
  }

  private async task(doc: DisclosureApplicationDoc, kind: 'reminder' | 'overdue', dueDate: string, at: Date, text: string): Promise<boolean> {
    return createOnce(DisclosureTaskModel, { _id: `${doc._id.toString()}:${kind}:${dueDate}`, kind, department: doc.department, applicationId: doc._id.toString(), trackingNumber: doc.trackingNumber, dueDate, text, at })
  }

  private async abandon(doc: DisclosureApplicationDoc, action: DisclosureAction, at: Date, text: string): Promise<boolean> {
    const d = decideDisclosure({ state: doc.state, department: doc.department }, action, { kind: 'system' })
    if (!d.ok) return false
    const on = formatShanghaiDate(at)
    const moved = await DisclosureApplicationModel.findOneAndUpdate(
      { _id: doc._id, state: doc.state },
      { $set: { state: d.to, updatedAt: at }, $push: { events: { kind: 'abandoned', on, at, by: SYSTEM_REF, note: text }, notices: { at, title: '申请已终止', text } } },
      { new: true },
    ).lean<DisclosureApplicationDoc>()
    if (!moved) return false
    await recordAudit({ at, actor: SYSTEM_ACTOR, action: `disclosure.${action}`, subject: `disclosure:${doc._id.toString()}`, before: { state: doc.state }, after: { state: moved.state }, reason: text })
    // An unpaid fee's order is closed so it can no longer be paid (a payment that crossed the close is refunded).
    await closeUnpaidFeeOrder(this.ctx.payments, doc.fee, text, (err) => this.logger.warn({ err, application: doc._id.toString() }, 'closing the fee order of an abandoned application failed; the reconciliation job closes it after its deadline'))
    return true
  }
}
