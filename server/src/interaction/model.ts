import mongoose, { Schema } from 'mongoose'
import type { CommentState, ConsultationState, MessageCategory, MessageState, ModerationVerdict, PersonalDataKind, SensitiveLevel } from '@zw/shared'

/** Who did something: a member of staff, the writer (`citizen:<id>`), or the system (a job). */
export interface InteractionActorRef {
  id: string
  name: string
}
const actorRef = { id: String, name: String }

/** What the content check found in a text (docs/adr/0022): WeChat's msg_sec_check, the word list, personal data. */
export interface ScreeningDoc {
  verdict: ModerationVerdict
  /** WeChat's answer; `review` with `error` set when the check could not be made. */
  platform: { suggest: ModerationVerdict; label: number; error: string | null; traceId: string | null }
  words: { word: string; level: SensitiveLevel }[]
  personalData: PersonalDataKind[]
}
const screeningSchema = new Schema<ScreeningDoc>(
  {
    verdict: String,
    platform: { suggest: String, label: Number, error: { type: String, default: null }, traceId: { type: String, default: null } },
    words: [{ _id: false, word: String, level: String }],
    personalData: [String],
  },
  { _id: false },
)

/** A moderator's decision on held text. */
export interface ModerationDoc {
  decision: 'approved' | 'rejected'
  by: InteractionActorRef
  at: Date
  note: string
}

/** One step in a message's or consultation's life, for the history staff read. */
export interface InteractionEventDoc {
  kind: string
  at: Date
  by: InteractionActorRef
  note?: string
}
const eventsSchema = [{ _id: false, kind: String, at: Date, by: actorRef, note: String }]

/**
 * A citizen message (留言). Its answer clock is computed from `receivedOn`, `answerDays`
 * (the department's setting when it arrived) and the answer day, never stored
 * (rules/messageDeadlines.ts).
 */
export interface MessageDoc {
  _id: mongoose.Types.ObjectId
  /** 留言编号 shown to the writer, e.g. `LY2026-00012`. */
  trackingNumber: string
  /** The writer's account (null once the account is deleted: the message is the department's record). */
  citizenId: string | null
  department: string
  category: MessageCategory
  title: string
  text: string
  item: { id: string; title: string; type: string } | null
  /** The writer agreed to publication with the answer. */
  wantsPublic: boolean
  notPublic: { reason: string; by: InteractionActorRef; at: Date } | null
  state: MessageState
  receivedAt: Date
  receivedOn: string
  answerDays: number
  screening: ScreeningDoc
  moderation: ModerationDoc | null
  assignee: InteractionActorRef | null
  /** A reply waiting for review (departments that review replies), or returned. */
  replyDraft: { text: string; draftedBy: InteractionActorRef; draftedAt: Date; returned: string | null } | null
  reply: { text: string; answeredAt: Date; answeredOn: string; by: InteractionActorRef; approvedBy: InteractionActorRef | null } | null
  /** When the writer was told of the answer (null: not yet; the daily sweep tries again). */
  notifiedAt: Date | null
  events: InteractionEventDoc[]
  createdAt: Date
  updatedAt: Date
}
export const MessageModel = mongoose.model<MessageDoc>(
  'InteractionMessage',
  new Schema<MessageDoc>(
    {
      trackingNumber: { type: String, required: true, unique: true },
      citizenId: { type: String, default: null },
      department: { type: String, required: true },
      category: { type: String, required: true },
      title: String,
      text: String,
      item: { type: Schema.Types.Mixed, default: null },
      wantsPublic: Boolean,
      notPublic: { type: Schema.Types.Mixed, default: null },
      state: { type: String, required: true },
      receivedAt: Date,
      receivedOn: { type: String, required: true },
      answerDays: Number,
      screening: screeningSchema,
      moderation: { type: Schema.Types.Mixed, default: null },
      assignee: { type: Schema.Types.Mixed, default: null },
      replyDraft: { type: Schema.Types.Mixed, default: null },
      reply: { type: Schema.Types.Mixed, default: null },
      notifiedAt: { type: Date, default: null },
      events: eventsSchema,
      createdAt: Date,
      updatedAt: Date,
    },
    { collection: 'interaction_messages', versionKey: false, minimize: false },
  )
    .index({ department: 1, state: 1 })
    .index({ citizenId: 1, createdAt: -1 })
    .index({ state: 1, receivedOn: 1 }),
)

/**
 * A reminder, escalation, alarm or report-due task the jobs recorded, once:
 * `_id` = `messageId:kind:dueDate`, `consultationId:report-due`, `calendar:<year>`.
 */
export interface InteractionTaskDoc {
  _id: string
  kind: 'reminder' | 'overdue' | 'alarm' | 'report-due' | 'calendar'
  department: string | null
  /** Platform admins see it too (the 60-day alarm). */
  platform: boolean
  messageId: string | null
  consultationId: string | null
  dueDate: string | null
  text: string
  at: Date
}
export const InteractionTaskModel = mongoose.model<InteractionTaskDoc>(
  'InteractionTask',
  new Schema<InteractionTaskDoc>(
    {
      _id: String,
      kind: String,
      department: { type: String, default: null },
      platform: { type: Boolean, default: false },
      messageId: { type: String, default: null },
      consultationId: { type: String, default: null },
      dueDate: { type: String, default: null },
      text: String,
      at: Date,
    },
    { collection: 'interaction_tasks', versionKey: false },
  ).index({ department: 1, at: -1 }),
)

/** A department's interaction settings (`_id` = department code); none stored: the defaults. */
export interface InteractionSettingsDoc {
  _id: string
  replyReview: boolean
  answerDays: Record<MessageCategory, number>
  updatedBy: InteractionActorRef
  updatedAt: Date
}
export const InteractionSettingsModel = mongoose.model<InteractionSettingsDoc>(
  'InteractionSettings',
  new Schema<InteractionSettingsDoc>(
    { _id: String, replyReview: Boolean, answerDays: { consultation: Number, suggestion: Number, complaint: Number }, updatedBy: actorRef, updatedAt: Date },
    { collection: 'interaction_settings', versionKey: false },
  ),
)

/** A file a consultation shows: what the staff upload answered (`url` is `/api/v1/files/<key>`). */
export interface ConsultationAttachmentDoc {
  name: string
  url: string
  mime: string
  size: number
}

/** A draft for comment (征求意见). Times stored in UTC, entered and shown in Beijing time. */
export interface ConsultationDoc {
  _id: mongoose.Types.ObjectId
  department: string
  title: string
  background: string
  draftText: string
  /** Uploaded files; consultations saved before uploads hold typed-in addresses (strings): read them with `consultationAttachmentsOf`. */
  attachments: (ConsultationAttachmentDoc | string)[]
  startAt: Date
  endAt: Date
  /** The stored state; the phase people see is computed with the clock (`consultationPhase`). */
  state: ConsultationState
  createdBy: InteractionActorRef
  report: {
    summary: string
    comments: number
    participants: number
    opinions: { opinion: string; adopted: boolean; reason: string }[]
    publishedAt: Date
    publishedBy: InteractionActorRef
    /** When the participants were told (null: not yet; the daily sweep tries again). */
    notifiedAt: Date | null
  } | null
  events: InteractionEventDoc[]
  createdAt: Date
  updatedAt: Date
}
export const ConsultationModel = mongoose.model<ConsultationDoc>(
  'Consultation',
  new Schema<ConsultationDoc>(
    {
      department: { type: String, required: true },
      title: String,
      background: String,
      draftText: String,
      attachments: { type: Schema.Types.Mixed, default: [] },
      startAt: Date,
      endAt: Date,
      state: { type: String, required: true },
      createdBy: actorRef,
      report: { type: Schema.Types.Mixed, default: null },
      events: eventsSchema,
      createdAt: Date,
      updatedAt: Date,
    },
    { collection: 'consultations', versionKey: false, minimize: false },
  )
    .index({ department: 1, createdAt: -1 })
    .index({ state: 1 }),
)

/** A citizen's comment on a consultation; one person may write several. */
export interface CommentDoc {
  _id: mongoose.Types.ObjectId
  consultationId: string
  department: string
  citizenId: string | null
  text: string
  /** The writer's choice: shown under the draft (masked), or for the department only. */
  public: boolean
  state: CommentState
  screening: ScreeningDoc
  moderation: ModerationDoc | null
  createdAt: Date
}
export const CommentModel = mongoose.model<CommentDoc>(
  'ConsultationComment',
  new Schema<CommentDoc>(
    {
      consultationId: { type: String, required: true },
      department: String,
      citizenId: { type: String, default: null },
      text: String,
      public: Boolean,
      state: { type: String, required: true },
      screening: screeningSchema,
      moderation: { type: Schema.Types.Mixed, default: null },
      createdAt: Date,
    },
    { collection: 'consultation_comments', versionKey: false, minimize: false },
  )
    .index({ consultationId: 1, createdAt: 1 })
    .index({ citizenId: 1 }),
)

/**
 * How many messages or comments a citizen sent in one Beijing day (`_id` =
 * `kind:citizenId:YYYY-MM-DD`), for the daily limits: counted in the database, so every
 * server instance sees the same count. Never pruned (one small document per citizen and
 * day of writing); removed with the citizen's account.
 */
export interface InteractionDayCountDoc {
  _id: string
  kind: 'message' | 'comment'
  citizenId: string
  day: string
  count: number
}
export const InteractionDayCountModel = mongoose.model<InteractionDayCountDoc>(
  'InteractionDayCount',
  new Schema<InteractionDayCountDoc>({ _id: String, kind: String, citizenId: String, day: String, count: Number }, { collection: 'interaction_day_counts', versionKey: false }).index({ citizenId: 1 }),
)
