import mongoose from 'mongoose'
import {
  CalendarGapError,
  departmentNameOf,
  DISCLOSURE_REPLY_TYPES,
  DISCLOSURE_STATE_LABELS,
  DISCLOSURE_TRANSITIONS,
  disclosureActionsFor,
  disclosureClock,
  FEE_METHOD_LABELS,
  type ClockEvent,
  type ClockSettings,
  type Disclosure,
  type DisclosureAction,
  type MyDisclosure,
  type WorkingCalendar,
} from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { NotFoundError } from '../platform/errors'
import { attachmentViews } from './fileBinder'
import { DisclosureApplicationModel, type DisclosureApplicationDoc } from './model'

const CLOCK_KINDS = new Set<string>(['received', 'correction-requested', 'corrected', 'extended', 'consultation-started', 'consultation-ended', 'fee-notice-issued', 'fee-paid', 'replied', 'withdrawn', 'abandoned'])

/** The clock events of an application, in the order they were recorded. */
export function clockEventsOf(doc: Pick<DisclosureApplicationDoc, 'events'>): ClockEvent[] {
  return doc.events.filter((e) => CLOCK_KINDS.has(e.kind)).map((e) => ({ kind: e.kind, date: e.on, days: e.days ?? 0 }) as ClockEvent)
}

const CLOCK_STATE_LABELS = { 'not-received': '未开始', running: '计时中', 'awaiting-correction': '等待补正（暂停计时）', paused: '暂停计时', ended: '已结束' } as const

/** What the clock says today; a year missing from the calendar is reported, never guessed. */
export function clockViewOf(doc: Pick<DisclosureApplicationDoc, 'events'>, today: string, calendar: WorkingCalendar, settings: ClockSettings): MyDisclosure['clock'] {
  try {
    const c = disclosureClock(clockEventsOf(doc), today, settings, calendar)
    const label = c.state === 'paused' ? `暂停计时（${c.pausedFor.map((p) => (p === 'fee' ? '等待缴费' : '征求第三方意见')).join('、')}）` : CLOCK_STATE_LABELS[c.state]
    return { ...c, stateLabel: label, calendarGap: null }
  } catch (err) {
    if (!(err instanceof CalendarGapError)) throw err
    return { state: 'running', stateLabel: '无法计算期限', countsFrom: null, allowedDays: 0, usedDays: 0, daysLeft: 0, dueDate: null, overdue: false, extended: false, correctionNoticeDue: null, correctionDeadline: null, consultationDue: null, paymentDeadline: null, calendarGap: err.message }
  }
}

export async function loadApplication(id: string): Promise<DisclosureApplicationDoc> {
  const doc = mongoose.isObjectIdOrHexString(id) ? await DisclosureApplicationModel.findById(id).lean<DisclosureApplicationDoc>() : null
  if (!doc) throw new NotFoundError('没有这件申请')
  return doc
}

/** The application as its applicant sees it (ID number masked; nothing of the handling inside the agency). */
export function myViewOf(doc: DisclosureApplicationDoc, clock: MyDisclosure['clock']): MyDisclosure {
  const fee = doc.fee
  return {
    id: doc._id.toString(),
    trackingNumber: doc.trackingNumber,
    department: doc.department,
    departmentName: departmentNameOf(doc.department),
    channel: doc.channel,
    receivedOn: doc.receivedOn,
    state: doc.state,
    stateLabel: DISCLOSURE_STATE_LABELS[doc.state],
    applicant: { kind: doc.applicant.kind, name: doc.applicant.name, idType: doc.applicant.idType as MyDisclosure['applicant']['idType'], idMasked: doc.applicant.idMasked, phone: doc.applicant.phone },
    description: doc.description,
    form: doc.form,
    delivery: doc.delivery,
    attachments: attachmentViews(doc.attachments),
    clock,
    correction: doc.correction && doc.state === 'correction' ? { items: doc.correction.items, deadline: doc.correction.deadline } : null,
    extension: doc.extension ? { days: doc.extension.days, reason: doc.extension.reason, approvedOn: doc.extension.approvedOn } : null,
    // The applicant sees a fee once it is decided (a notice), not while it is proposed.
    fee: fee && fee.notice ? feeViewOf(fee, 'applicant') : null,
    reply: doc.reply ? { type: doc.reply.type, typeLabel: DISCLOSURE_REPLY_TYPES[doc.reply.type].label, reasons: doc.reply.reasons, legalBasis: doc.reply.legalBasis, where: doc.reply.where, letter: doc.reply.letter, attachments: attachmentViews(doc.reply.attachments), repliedOn: doc.reply.repliedOn } : null,
    notices: doc.notices.map((n) => ({ at: n.at.toISOString(), title: n.title, text: n.text })),
  }
}

/** A fee as shown: to the applicant without who proposed and approved it, to staff with them. */
function feeViewOf(fee: NonNullable<DisclosureApplicationDoc['fee']>, to: 'applicant' | 'staff'): NonNullable<MyDisclosure['fee']> {
  return {
    method: fee.method,
    methodLabel: FEE_METHOD_LABELS[fee.method],
    pages: fee.pages,
    ordinalInMonth: fee.ordinalInMonth,
    amountYuan: fee.amountYuan,
    reason: fee.reason,
    proposedBy: to === 'staff' ? fee.proposedBy.name : '',
    approvedBy: to === 'staff' ? (fee.approvedBy?.name ?? null) : null,
    notice: fee.notice,
    paidAt: fee.paid ? fee.paid.at.toISOString() : null,
    refundedAt: fee.refund ? fee.refund.at.toISOString() : null,
  }
}

const EVENT_LABELS: Record<string, string> = {
  received: '收到申请',
  registered: '登记申请',
  assigned: '分办',
  'correction-requested': '通知补正',
  corrected: '收到补正材料（重新计时）',
  extended: '批准延期',
  'consultation-started': '征求第三方意见（暂停计时）',
  'consultation-ended': '收到第三方意见（恢复计时）',
  'fee-proposed': '提出收费',
  'fee-rejected': '不同意收费',
  'fee-notice-issued': '发出缴费通知',
  'fee-paid': '已缴费',
  'fee-refunded': '退还费用',
  replied: '答复',
  withdrawn: '申请人撤回',
  abandoned: '视为放弃申请',
}

/** The application as staff handle it, with the steps the person may take now. */
export function staffViewOf(doc: DisclosureApplicationDoc, clock: MyDisclosure['clock'], staff: StaffPrincipal): Disclosure {
  const mine = myViewOf(doc, clock)
  const fee = doc.fee
  return {
    ...mine,
    correction: doc.correction ? { items: doc.correction.items, deadline: doc.correction.deadline } : null,
    fee: fee ? feeViewOf(fee, 'staff') : null,
    contactPerson: doc.applicant.contactPerson,
    address: doc.applicant.address,
    email: doc.applicant.email,
    purpose: doc.purpose,
    consultations: doc.consultations,
    history: doc.events.map((e) => ({ at: e.at.toISOString(), on: e.on, action: e.kind, label: EVENT_LABELS[e.kind] ?? e.kind, by: e.by.name, note: e.note ?? '' })),
    actions: disclosureActionsFor({ state: doc.state, department: doc.department, feeProposedBy: fee?.proposedBy.id ?? null }, staff).filter((a: DisclosureAction) => a !== 'refundFee' || Boolean(fee?.paid && !fee.refund)) as DisclosureAction[],
  }
}

export const transitionLabel = (action: DisclosureAction) => DISCLOSURE_TRANSITIONS[action].label
