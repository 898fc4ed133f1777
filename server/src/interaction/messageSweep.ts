import { CalendarGapError, departmentNameOf, formatShanghaiDate, MESSAGE_FINAL_STATES, messageClock } from '@zw/shared'
import { recordAudit, SYSTEM_ACTOR } from '../platform/audit/auditTrail'
import { createOnce } from '../platform/db'
import type { InteractionContext } from './context'
import type { ConsultationReporter } from './consultationReporter'
import type { MessageReplier } from './messageReplier'
import { ConsultationModel, InteractionTaskModel, MessageModel, type ConsultationDoc, type InteractionTaskDoc, type MessageDoc } from './model'

export interface SweepResult {
  reminders: string[]
  overdue: string[]
  alarms: string[]
  notified: string[]
  calendarGaps: number[]
}

/** Answered this long ago at most, a notice that never went out is still worth sending. */
const RENOTIFY_DAYS = 30

/**
 * The daily run of the message clocks, for a day (the Beijing date of the job's slot):
 * a reminder when at most 2 working days are left, an escalation to the department
 * (督办) once the answer is overdue, and the hard alarm at 60 days — to the department
 * and to platform admins, well before the inspection's three months. Each is recorded
 * once (a task with a unique id, an audit record, a line in the message's history), so
 * running a day twice changes nothing. It also sends the notices that failed (answers,
 * feedback reports).
 */
export class MessageSweep {
  constructor(
    private readonly ctx: InteractionContext,
    private readonly replier: MessageReplier,
    private readonly reporter: ConsultationReporter,
  ) {}

  async run(at: Date): Promise<SweepResult> {
    await this.ctx.freshCalendar()
    const today = formatShanghaiDate(at)
    const result: SweepResult = { reminders: [], overdue: [], alarms: [], notified: [], calendarGaps: [] }
    const open = await MessageModel.find({ state: { $nin: MESSAGE_FINAL_STATES } }).lean<MessageDoc[]>()
    for (const doc of open) {
      const id = doc._id.toString()
      const name = `留言 ${doc.trackingNumber}「${doc.title}」`
      try {
        const clock = messageClock({ receivedOn: doc.receivedOn, answerDays: doc.answerDays, answeredOn: null }, today, this.ctx.calendar)
        if (clock.alarm && (await this.task(doc, { _id: `${id}:alarm`, kind: 'alarm', platform: true, dueDate: clock.dueDate, at, text: `${name}（${departmentNameOf(doc.department)}）收到已 ${clock.ageDays} 天仍未答复。超过三个月未答复将被一票否决，请立即督办` }))) {
          result.alarms.push(id)
          await this.escalate(doc, 'alarm', at, `收到已 ${clock.ageDays} 天未答复`)
        }
        if (clock.overdue) {
          if (await this.task(doc, { _id: `${id}:overdue:${clock.dueDate}`, kind: 'overdue', platform: false, dueDate: clock.dueDate, at, text: `${name}已超过答复期限（${clock.dueDate}），请部门负责人督办` })) {
            result.overdue.push(id)
            await this.escalate(doc, 'overdue', at, `答复期限 ${clock.dueDate}`)
          }
        } else if (clock.remind && (await this.task(doc, { _id: `${id}:reminder:${clock.dueDate}`, kind: 'reminder', platform: false, dueDate: clock.dueDate, at, text: `${name}将于 ${clock.dueDate} 到期（还有 ${clock.daysLeft} 个工作日）` }))) {
          result.reminders.push(id)
        }
      } catch (err) {
        if (!(err instanceof CalendarGapError)) throw err
        const made = await createOnce(InteractionTaskModel, { _id: `calendar:${err.year}`, kind: 'calendar', department: null, platform: true, messageId: null, consultationId: null, dueDate: null, text: err.message, at })
        if (made) result.calendarGaps.push(err.year)
        this.ctx.logger.warn({ message: id, year: err.year }, 'message clock reaches a year without calendar data')
      }
    }
    // Answers whose notice did not go out (WeChat or the database failed at the time).
    const since = new Date(at.getTime() - RENOTIFY_DAYS * 86_400_000)
    for (const doc of await MessageModel.find({ state: 'answered', notifiedAt: null, updatedAt: { $gte: since } }).lean<MessageDoc[]>()) {
      if ((await this.replier.tell(doc)).notifiedAt) result.notified.push(doc._id.toString())
    }
    for (const doc of await ConsultationModel.find({ state: { $in: ['reported', 'archived'] }, 'report.notifiedAt': null, updatedAt: { $gte: since } }).lean<ConsultationDoc[]>()) {
      if ((await this.reporter.tellParticipants(doc)).report?.notifiedAt) result.notified.push(doc._id.toString())
    }
    return result
  }

  private task(doc: MessageDoc, t: Pick<InteractionTaskDoc, '_id' | 'kind' | 'platform' | 'dueDate' | 'at' | 'text'>): Promise<boolean> {
    return createOnce(InteractionTaskModel, { ...t, department: doc.department, messageId: doc._id.toString(), consultationId: null })
  }

  /** The escalation is part of the message's history and of the audit trail. */
  private async escalate(doc: MessageDoc, kind: 'overdue' | 'alarm', at: Date, note: string): Promise<void> {
    await MessageModel.updateOne({ _id: doc._id }, { $push: { events: { kind, at, by: { id: SYSTEM_ACTOR.id, name: SYSTEM_ACTOR.name }, note } } })
    await recordAudit({ at, actor: SYSTEM_ACTOR, action: `interaction.message-${kind}`, subject: `message:${doc._id.toString()}`, after: { state: doc.state, department: doc.department, receivedOn: doc.receivedOn, answerDays: doc.answerDays } })
  }
}
