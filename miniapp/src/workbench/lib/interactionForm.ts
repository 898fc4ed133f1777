/**
 * Pure helpers of the workbench's 互动交流 pages (no Taro): which fields each step on a
 * message asks for, the body built from what was typed, and the opinions of a feedback
 * report written one per block.
 */
import { formatShanghaiDateTime, type ConsultationBody, type MessageAction, type MessageActionBody, type StaffConsultation } from '@zw/shared'

export interface StepField {
  key: string
  label: string
  kind: 'text' | 'area'
}

export const MESSAGE_STEP_FIELDS: Record<MessageAction, StepField[]> = {
  approveContent: [{ key: 'note', label: '审核说明（可不填）', kind: 'text' }],
  rejectContent: [{ key: 'reason', label: '不予受理的理由（留言人可见）', kind: 'area' }],
  assign: [],
  reply: [{ key: 'text', label: '答复内容', kind: 'area' }],
  approveReply: [],
  returnReply: [{ key: 'reason', label: '退回理由', kind: 'area' }],
  markNotPublic: [{ key: 'reason', label: '不公开的理由', kind: 'area' }],
}

/** The body of a step from the typed values (`assign` takes the chosen handler). */
export function messageStepBody(action: MessageAction, values: Record<string, string>): MessageActionBody {
  const body: Record<string, unknown> = { action }
  for (const f of MESSAGE_STEP_FIELDS[action]) body[f.key] = (values[f.key] ?? '').trim()
  if (action === 'assign') body.assigneeId = values.assigneeId ?? ''
  return body as MessageActionBody
}

export interface OpinionRow {
  opinion: string
  adopted: boolean
  reason: string
}

export type ConsultationForm = Required<Omit<ConsultationBody, 'department'>> & { attachments: StaffConsultation['attachments'] }

/**
 * The form of a draft for comment from what the department has stored (times back in
 * Beijing wall-clock); it is sent as it stands. Its files are the uploads, kept as the
 * upload answered them; an address typed in before uploads existed shows as a file to
 * remove (the server refuses to save it again).
 */
export function consultationForm(c?: StaffConsultation): ConsultationForm {
  if (!c) return { title: '', background: '', draftText: '', attachments: [], startAt: '', endAt: '' }
  return { title: c.title, background: c.background, draftText: c.draftText, attachments: c.attachments, startAt: formatShanghaiDateTime(c.startAt), endAt: formatShanghaiDateTime(c.endAt) }
}
