import mongoose from 'mongoose'
import {
  CalendarGapError,
  departmentNameOf,
  maskPersonalData,
  MESSAGE_CATEGORIES,
  MESSAGE_FINAL_STATES,
  MESSAGE_STATE_LABELS,
  MESSAGE_STATE_LABELS_FOR_WRITER,
  MESSAGE_TRANSITIONS,
  messageActionsFor,
  messageClock,
  PERSONAL_DATA_LABELS,
  personalDataWarning,
  type MessageAction,
  type MyMessage,
  type StaffMessage,
  type WorkingCalendar,
} from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { NotFoundError } from '../platform/errors'
import { MessageModel, type MessageDoc } from './model'

export async function loadMessage(id: string): Promise<MessageDoc> {
  const doc = mongoose.isObjectIdOrHexString(id) ? await MessageModel.findById(id).lean<MessageDoc>() : null
  if (!doc) throw new NotFoundError('没有这条留言')
  return doc
}

export type MessageClockView = StaffMessage['clock']
const NO_CLOCK: MessageClockView = { dueDate: null, daysLeft: 0, overdue: false, remind: false, alarm: false, alarmOn: null, calendarGap: null }

/** The answer clock today; none once rejected; a year the calendar lacks is reported, never guessed. */
export function clockViewOf(doc: Pick<MessageDoc, 'state' | 'receivedOn' | 'answerDays' | 'reply'>, today: string, calendar: WorkingCalendar): MessageClockView {
  if (doc.state === 'rejected') return NO_CLOCK
  try {
    const c = messageClock({ receivedOn: doc.receivedOn, answerDays: doc.answerDays, answeredOn: doc.reply?.answeredOn ?? null }, today, calendar)
    return { dueDate: c.dueDate, daysLeft: c.daysLeft, overdue: c.overdue, remind: c.remind, alarm: c.alarm, alarmOn: c.alarmOn, calendarGap: null }
  } catch (err) {
    if (!(err instanceof CalendarGapError)) throw err
    return { ...NO_CLOCK, calendarGap: err.message }
  }
}

/**
 * Whether the message is in the public Q&A: answered, the writer agreed, staff did not
 * mark it otherwise, and its text passed the content check or a moderator accepted it
 * as ordinary (text held as risky is handled but never published).
 */
export const isShownInPublic = (doc: Pick<MessageDoc, 'state' | 'wantsPublic' | 'notPublic' | 'screening'>) =>
  doc.state === 'answered' && doc.wantsPublic && !doc.notPublic && doc.screening.verdict !== 'risky'

/** The message as its writer follows it. */
export function myMessageOf(doc: MessageDoc, clock: MessageClockView): MyMessage {
  const answered = MESSAGE_FINAL_STATES.includes(doc.state)
  return {
    id: doc._id.toString(),
    trackingNumber: doc.trackingNumber,
    department: doc.department,
    departmentName: departmentNameOf(doc.department),
    category: doc.category,
    categoryLabel: MESSAGE_CATEGORIES[doc.category],
    title: doc.title,
    text: doc.text,
    item: doc.item,
    public: doc.wantsPublic,
    shownInPublic: isShownInPublic(doc),
    state: doc.state,
    stateLabel: MESSAGE_STATE_LABELS_FOR_WRITER[doc.state],
    receivedOn: doc.receivedOn,
    dueDate: answered ? null : clock.dueDate,
    reply: doc.reply ? { text: doc.reply.text, answeredOn: doc.reply.answeredOn, department: departmentNameOf(doc.department) } : null,
    rejection: doc.state === 'rejected' ? (doc.moderation?.note ?? '') : null,
    personalDataWarning: doc.wantsPublic ? personalDataWarning(doc.screening.personalData) : null,
    createdAt: doc.createdAt.toISOString(),
  }
}

const EVENT_LABELS: Record<string, string> = {
  received: '收到留言',
  held: '内容安全检查未通过，待人工审核',
  ...Object.fromEntries(Object.entries(MESSAGE_TRANSITIONS).map(([a, t]) => [a, t.label])),
  'reply-submitted': '提交答复待审核',
  overdue: '逾期督办',
  alarm: '60 天告警',
}

/** The message as staff handle it, with the steps the person may take now. */
export function staffMessageOf(doc: MessageDoc, clock: MessageClockView, staff: StaffPrincipal, replyReview: boolean, handlers: { id: string; name: string }[]): StaffMessage {
  return {
    ...myMessageOf(doc, clock),
    stateLabel: MESSAGE_STATE_LABELS[doc.state],
    personalDataWarning: personalDataWarning(doc.screening.personalData),
    clock,
    answerDays: doc.answerDays,
    screening: {
      verdict: doc.screening.verdict,
      platform: { suggest: doc.screening.platform.suggest, label: String(doc.screening.platform.label), error: doc.screening.platform.error },
      words: doc.screening.words,
      personalData: doc.screening.personalData.map((k) => PERSONAL_DATA_LABELS[k]),
    },
    moderation: doc.moderation ? { decision: doc.moderation.decision, by: doc.moderation.by.name, at: doc.moderation.at.toISOString(), note: doc.moderation.note } : null,
    assignee: doc.assignee,
    replyDraft: doc.replyDraft ? { text: doc.replyDraft.text, draftedBy: doc.replyDraft.draftedBy.name, draftedAt: doc.replyDraft.draftedAt.toISOString(), returned: doc.replyDraft.returned } : null,
    notPublic: doc.notPublic ? { reason: doc.notPublic.reason, by: doc.notPublic.by.name, at: doc.notPublic.at.toISOString() } : null,
    replyReview,
    history: doc.events.map((e) => ({ at: e.at.toISOString(), action: e.kind, label: EVENT_LABELS[e.kind] ?? e.kind, by: e.by.name, note: e.note ?? '' })),
    actions: messageActionsFor(factsOf(doc, replyReview), staff),
    handlers,
  }
}

/** What the workflow table needs to know about a message. */
export const factsOf = (doc: MessageDoc, replyReview: boolean) => ({ state: doc.state, department: doc.department, replyReview, replyDraftedBy: doc.state === 'reply-review' ? (doc.replyDraft?.draftedBy.id ?? null) : null, notPublic: Boolean(doc.notPublic) })

export const transitionLabel = (a: MessageAction) => MESSAGE_TRANSITIONS[a].label

/** A message of the public Q&A: no writer, personal data masked in the text and the reply. */
export function publicMessageOf(doc: MessageDoc, now: Date) {
  return {
    id: doc._id.toString(),
    departmentName: departmentNameOf(doc.department),
    categoryLabel: MESSAGE_CATEGORIES[doc.category],
    title: maskPersonalData(doc.title, now),
    text: maskPersonalData(doc.text, now),
    reply: maskPersonalData(doc.reply?.text ?? '', now),
    receivedOn: doc.receivedOn,
    answeredOn: doc.reply?.answeredOn ?? '',
  }
}
