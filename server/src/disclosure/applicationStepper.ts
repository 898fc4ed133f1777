import {
  CalendarGapError,
  decideDisclosure,
  departmentNameOf,
  DISCLOSURE_REPLY_TYPES,
  FEE_BASIS,
  feeStandardText,
  perApplicationFee,
  perPageFee,
  PAYMENT_WORKING_DAYS,
  type Disclosure,
  type disclosureActionBodySchema,
  type z,
} from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, ValidationError } from '../platform/errors'
import { clockViewOf, loadApplication, staffViewOf } from './applicationView'
import { todayOf, type DisclosureContext } from './context'
import type { FeeRefunder } from './feeRefunder'
import type { FileBinder } from './fileBinder'
import { DisclosureApplicationModel, type DisclosureApplicationDoc, type DisclosureEventDoc, type DisclosureFileDoc, type DisclosureFileRef } from './model'

type ActionBody = z.output<typeof disclosureActionBodySchema>

export const HOW_TO_PAY = '在小程序“我的申请”中打开本申请，点击“缴费”用微信支付；也可到受理窗口缴纳。信息处理费为行政事业性收费，全额上缴国库。'

/** The working-day date `n` after `date`, or a 400 naming the missing year (never a guess). */
function addDays(ctx: DisclosureContext, date: string, n: number, path: string): string {
  try {
    return ctx.calendar.addWorkingDays(date, n)
  } catch (err) {
    if (err instanceof CalendarGapError) throw new ValidationError([{ path, message: err.message }])
    throw err
  }
}

/** The applicant's n-th application in the natural month of this one's receipt, counted by the verified ID (not the WeChat account). */
async function ordinalInMonth(doc: DisclosureApplicationDoc): Promise<number> {
  return DisclosureApplicationModel.countDocuments({
    'applicant.idHash': doc.applicant.idHash,
    month: doc.month,
    $or: [{ receivedOn: { $lt: doc.receivedOn } }, { receivedOn: doc.receivedOn, _id: { $lte: doc._id } }],
  })
}

/**
 * Takes one step of handling an application for a member of staff: the workflow table
 * decides who may, the application moves only if it is still in the state it was read in
 * (two people acting at once: one gets CONFLICT), the step is recorded as a dated event
 * (the clock is computed from them), the applicant is told what concerns them, and the
 * step is audited with the state before and after.
 */
export class ApplicationStepper {
  constructor(
    private readonly ctx: DisclosureContext,
    private readonly refunder: FeeRefunder,
    private readonly binder: FileBinder,
  ) {}

  /** A fee notice goes out within the answering period (国办函〔2020〕109号): not once the answer is overdue. */
  private withinAnsweringPeriod(doc: DisclosureApplicationDoc, today: string): void {
    const clock = clockViewOf(doc, today, this.ctx.calendar, this.ctx.settings)
    if (clock.overdue) throw new ConflictError(`已超过答复期限（${clock.dueDate}），不能再收取信息处理费`)
  }

  async take(staff: StaffPrincipal, id: string, body: ActionBody): Promise<Disclosure> {
    await this.ctx.freshCalendar()
    const doc = await loadApplication(id)
    const decision = decideDisclosure({ state: doc.state, department: doc.department, feeProposedBy: doc.fee?.proposedBy.id ?? null }, body.action, { kind: 'staff', actor: staff })
    if (!decision.ok) throw new AppError(decision.code, decision.message)
    if (body.action === 'refundFee') {
      const refunded = await this.refunder.refund(doc, body.reason, auditActorOf(staff), { id: staff.id, name: staff.displayName })
      return staffViewOf(refunded, clockViewOf(refunded, todayOf(this.ctx), this.ctx.calendar, this.ctx.settings), staff)
    }
    const now = this.ctx.now()
    const today = todayOf(this.ctx)
    const by = { id: staff.id, name: staff.displayName }
    const event = (kind: DisclosureEventDoc['kind'], extra: Partial<DisclosureEventDoc> = {}): DisclosureEventDoc => ({ kind, on: today, at: now, by, ...extra })
    const $set: Record<string, unknown> = { state: decision.to, updatedAt: now }
    const events: DisclosureEventDoc[] = []
    const notices: { at: Date; title: string; text: string }[] = []
    let reason: string | undefined
    /** Of a reply: its files, checked (bound just before the application moves). */
    let replyFiles: DisclosureFileDoc[] = []

    switch (body.action) {
      case 'assign':
        $set.department = body.department
        events.push(event('assigned', { note: `${departmentNameOf(doc.department)} → ${departmentNameOf(body.department)}${body.note ? `：${body.note}` : ''}` }))
        break
      case 'requestCorrection': {
        const deadline = addDays(this.ctx, today, body.days, 'days')
        $set.correction = { items: body.items, days: body.days, requestedOn: today, deadline }
        events.push(event('correction-requested', { days: body.days, note: body.items }))
        notices.push({ at: now, title: '请补正申请', text: `您的申请需要补正：${body.items}。请在 ${deadline} 前补正；逾期未补正视为放弃申请。收到补正后重新计算答复期限。` })
        break
      }
      case 'recordCorrection': {
        const requestedOn = doc.correction?.requestedOn ?? doc.receivedOn
        if (body.arrivedOn < requestedOn || body.arrivedOn > today) throw new ValidationError([{ path: 'arrivedOn', message: `补正材料收到日期应在 ${requestedOn} 至今天之间` }])
        events.push(event('corrected', { on: body.arrivedOn, note: body.note }))
        notices.push({ at: now, title: '已收到补正材料', text: `已收到您的补正材料（${body.arrivedOn}），答复期限自该日起重新计算。` })
        break
      }
      case 'extend': {
        if (doc.extension) throw new ConflictError('答复期限只能延长一次')
        $set.extension = { days: body.days, reason: body.reason, approvedBy: by, approvedOn: today }
        events.push(event('extended', { days: body.days, note: body.reason }))
        reason = body.reason
        break
      }
      case 'startConsultation':
        $set.consultations = [...doc.consultations, { party: body.party, startedOn: today, endedOn: null, outcome: '' }]
        events.push(event('consultation-started', { note: body.party }))
        notices.push({ at: now, title: '正在征求第三方意见', text: '您申请的信息涉及第三方，正在征求其意见，征求意见的时间不计入答复期限。' })
        break
      case 'endConsultation': {
        const consultations = doc.consultations.map((c, i) => (i === doc.consultations.length - 1 && !c.endedOn ? { ...c, endedOn: today, outcome: body.outcome } : c))
        $set.consultations = consultations
        events.push(event('consultation-ended', { note: body.outcome }))
        break
      }
      case 'proposeFee': {
        this.withinAnsweringPeriod(doc, today)
        if (body.method === 'per-page' && !body.pages) throw new ValidationError([{ path: 'pages', message: '按量计收请填写页数' }])
        if (body.method === 'per-application' && body.pages) throw new ValidationError([{ path: 'pages', message: '按件计收不按页数计算：两种方式不能同时使用' }])
        const ordinal = body.method === 'per-application' ? await ordinalInMonth(doc) : null
        const amountYuan = body.method === 'per-page' ? perPageFee(body.pages!) : perApplicationFee(ordinal!)
        if (amountYuan === 0) throw new ValidationError([{ path: 'method', message: body.method === 'per-page' ? `${body.pages} 页在免费范围内（30 页以下不收费）` : `这是申请人本月第 ${ordinal} 件申请，在免费范围内（10 件以下不收费）` }])
        $set.fee = { method: body.method, pages: body.pages ?? null, ordinalInMonth: ordinal, amountYuan, reason: body.reason, proposedBy: by, approvedBy: null, notice: null, paid: null, refund: null }
        events.push(event('fee-proposed', { note: `${amountYuan} 元` }))
        reason = body.reason
        break
      }
      case 'approveFee': {
        this.withinAnsweringPeriod(doc, today)
        const fee = doc.fee!
        const paymentDeadline = addDays(this.ctx, today, PAYMENT_WORKING_DAYS, 'action')
        $set.fee = { ...fee, approvedBy: by, notice: { issuedOn: today, paymentDeadline, basis: FEE_BASIS, standard: feeStandardText(fee.method), howToPay: HOW_TO_PAY, outTradeNo: `D${doc._id.toString()}` } }
        events.push(event('fee-notice-issued', { note: `${fee.amountYuan} 元，缴费期限 ${paymentDeadline}` }))
        notices.push({ at: now, title: '信息处理费缴费通知', text: `依据${FEE_BASIS}，您的申请需缴纳信息处理费 ${fee.amountYuan} 元。请在 ${paymentDeadline} 前缴纳（自通知次日起 20 个工作日）；逾期未缴视为放弃申请。${HOW_TO_PAY}` })
        break
      }
      case 'rejectFee':
        $set.fee = null
        events.push(event('fee-rejected', { note: body.reason }))
        reason = body.reason
        break
      case 'reply': {
        const needs = DISCLOSURE_REPLY_TYPES[body.type].needs
        if (needs === 'where' && !body.where) throw new ValidationError([{ path: 'where', message: body.type === 'already-public' ? '请写明获取该信息的方式和途径' : '请写明负责公开该信息的机关' }])
        if (needs === 'attachment' && body.attachments.length === 0 && doc.form === 'electronic' && doc.delivery === 'online') throw new ValidationError([{ path: 'attachments', message: '予以公开且在线获取时，请附上公开的信息' }])
        replyFiles = await this.binder.check(body.attachments, { kind: 'staff', department: doc.department })
        $set.reply = { type: body.type, reasons: body.reasons, legalBasis: body.legalBasis, where: body.where, letter: body.letter, attachments: [], repliedOn: today, by }
        events.push(event('replied', { note: body.type }))
        notices.push({ at: now, title: '申请已答复', text: `您的申请已答复（${DISCLOSURE_REPLY_TYPES[body.type].label}），请在“我的申请”中查看答复书。` })
        break
      }
    }
    if (body.action === 'extend') {
      const preview = clockViewOf({ events: [...doc.events, ...events] }, today, this.ctx.calendar, this.ctx.settings)
      notices.push({ at: now, title: '答复期限延长', text: `因${body.reason}，经批准答复期限延长 ${body.days} 个工作日${preview.dueDate ? `，最迟于 ${preview.dueDate} 答复` : ''}。` })
    }

    const bound = await this.binder.bind(replyFiles, doc._id.toString(), 'reply', now)
    if (body.action === 'reply') ($set.reply as { attachments: DisclosureFileRef[] }).attachments = bound
    const moved = await DisclosureApplicationModel.findOneAndUpdate(
      { _id: doc._id, state: doc.state, updatedAt: doc.updatedAt },
      { $set, $push: { events: { $each: events }, notices: { $each: notices } } },
      { new: true },
    ).lean<DisclosureApplicationDoc>()
    if (!moved) {
      await this.binder.release(bound, doc._id.toString())
      throw new ConflictError('申请已被他人办理，请刷新后重试')
    }
    await recordAudit({
      at: now,
      actor: auditActorOf(staff),
      action: `disclosure.${body.action}`,
      subject: `disclosure:${id}`,
      before: { state: doc.state, department: doc.department, extension: doc.extension ? doc.extension.days : null, fee: doc.fee ? { amountYuan: doc.fee.amountYuan, approved: Boolean(doc.fee.approvedBy) } : null },
      after: { state: moved.state, department: moved.department, event: events.map((e) => ({ kind: e.kind, on: e.on, days: e.days })), extension: moved.extension ? moved.extension.days : null, fee: moved.fee ? { method: moved.fee.method, amountYuan: moved.fee.amountYuan, approved: Boolean(moved.fee.approvedBy) } : null, reply: moved.reply ? moved.reply.type : null, ...(bound.length ? { attachments: bound.map((a) => a.id) } : {}) },
      ...(reason ? { reason } : {}),
    })
    return staffViewOf(moved, clockViewOf(moved, today, this.ctx.calendar, this.ctx.settings), staff)
  }
}
