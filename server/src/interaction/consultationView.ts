import mongoose from 'mongoose'
import {
  consultationActionsFor,
  consultationPhase,
  CONSULTATION_STATE_LABELS,
  CONSULTATION_TRANSITIONS,
  departmentNameOf,
  formatShanghaiDateTime,
  maskPersonalData,
  type Consultation,
  type StaffConsultation,
} from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { NotFoundError } from '../platform/errors'
import { CommentModel, ConsultationModel, type CommentDoc, type ConsultationAttachmentDoc, type ConsultationDoc } from './model'

export async function loadConsultation(id: string): Promise<ConsultationDoc> {
  const doc = mongoose.isObjectIdOrHexString(id) ? await ConsultationModel.findById(id).lean<ConsultationDoc>() : null
  if (!doc) throw new NotFoundError('没有这次征求意见')
  return doc
}

/** A typed-in address saved before files were uploaded, read as a file named after its last part (type and size unknown). */
function legacyAttachmentOf(url: string): ConsultationAttachmentDoc {
  const last = url.split(/[/?#]/).filter(Boolean).pop() ?? ''
  let name = last
  try {
    name = decodeURIComponent(last)
  } catch {
    // not percent-encoded text: keep it as written
  }
  return { name: name.trim() || url, url, mime: '', size: 0 }
}

/** The files a consultation shows, whether saved as uploads or (older consultations) as typed-in addresses. */
export const consultationAttachmentsOf = (doc: Pick<ConsultationDoc, 'attachments'>): ConsultationAttachmentDoc[] => (doc.attachments ?? []).map((a) => (typeof a === 'string' ? legacyAttachmentOf(a) : a))

/** The comments of a consultation, oldest first. */
export const commentsOf = (consultationId: string) => CommentModel.find({ consultationId }).sort({ createdAt: 1 }).lean<CommentDoc[]>()

/** The consultation as the public reads it at `now`: its phase by the clock, accepted public comments masked, the feedback report once published. */
export function publicConsultationOf(doc: ConsultationDoc, comments: readonly CommentDoc[], now: Date): Consultation {
  const status = consultationPhase(doc, now)
  const accepted = comments.filter((c) => c.state === 'accepted')
  const r = doc.report
  return {
    id: doc._id.toString(),
    department: doc.department,
    departmentName: departmentNameOf(doc.department),
    title: doc.title,
    background: doc.background,
    draftText: doc.draftText,
    attachments: consultationAttachmentsOf(doc),
    startAt: doc.startAt.toISOString(),
    endAt: doc.endAt.toISOString(),
    startAtText: formatShanghaiDateTime(doc.startAt),
    endAtText: formatShanghaiDateTime(doc.endAt),
    status,
    statusLabel: CONSULTATION_STATE_LABELS[status],
    commentCount: accepted.length,
    publicComments: accepted.filter((c) => c.public).map((c) => ({ id: c._id.toString(), text: maskPersonalData(c.text, now), at: c.createdAt.toISOString() })),
    report: r ? { summary: r.summary, comments: r.comments, participants: r.participants, opinions: r.opinions, adopted: r.opinions.filter((o) => o.adopted).length, publishedAt: r.publishedAt.toISOString() } : null,
  }
}

const EVENT_LABELS: Record<string, string> = { created: '起草', edited: '修改', ...Object.fromEntries(Object.entries(CONSULTATION_TRANSITIONS).map(([a, t]) => [a, t.label])) }

/** The consultation as its department works on it, with the steps the person may take now. */
export function staffConsultationOf(doc: ConsultationDoc, comments: readonly CommentDoc[], staff: StaffPrincipal, now: Date): StaffConsultation {
  const count = (state: CommentDoc['state']) => comments.filter((c) => c.state === state).length
  return {
    ...publicConsultationOf(doc, comments, now),
    state: doc.state,
    createdBy: doc.createdBy.name,
    commentsByState: { moderation: count('moderation'), accepted: count('accepted'), rejected: count('rejected') },
    actions: consultationActionsFor(doc, staff, now),
    history: doc.events.map((e) => ({ at: e.at.toISOString(), action: e.kind, label: EVENT_LABELS[e.kind] ?? e.kind, by: e.by.name, note: e.note ?? '' })),
  }
}

export function consultationSummaryOf(doc: ConsultationDoc, commentCount: number, now: Date) {
  const status = consultationPhase(doc, now)
  return { id: doc._id.toString(), title: doc.title, departmentName: departmentNameOf(doc.department), status, statusLabel: CONSULTATION_STATE_LABELS[status], startAtText: formatShanghaiDateTime(doc.startAt), endAtText: formatShanghaiDateTime(doc.endAt), commentCount }
}

/** The mini-program page of a consultation. */
export const consultationPagePath = (id: string) => `interaction/pages/consultation/index?id=${id}`
