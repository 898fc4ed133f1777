/**
 * Pure helpers of the workbench's 依申请公开 pages (no Taro): which fields each handling
 * step asks for, and the request body built from what was typed.
 */
import { DEPARTMENTS, DISCLOSURE_REPLY_TYPES, FEE_METHOD_LABELS, type DisclosureAction, type DisclosureActionBody } from '@zw/shared'

export interface StepField {
  key: string
  label: string
  /** `files`: uploaded private files (their ids go into the body, not typed values). */
  kind: 'text' | 'area' | 'number' | 'date' | 'choice' | 'files'
  options?: readonly { value: string; text: string }[]
}

const reason = (label: string): StepField => ({ key: 'reason', label, kind: 'area' })

export const STEP_FIELDS: Record<DisclosureAction, StepField[]> = {
  assign: [{ key: 'department', label: '承办部门', kind: 'choice', options: DEPARTMENTS.map((d) => ({ value: d.code, text: d.name })) }],
  requestCorrection: [
    { key: 'items', label: '需要补正的内容（一次说清）', kind: 'area' },
    { key: 'days', label: '补正期限（工作日）', kind: 'number' },
  ],
  recordCorrection: [{ key: 'arrivedOn', label: '补正材料收到日期（YYYY-MM-DD）', kind: 'date' }],
  extend: [{ key: 'days', label: '延长的工作日（不超过 20）', kind: 'number' }, reason('延期理由')],
  startConsultation: [{ key: 'party', label: '征求意见的第三方或机关', kind: 'text' }],
  endConsultation: [{ key: 'outcome', label: '第三方意见', kind: 'area' }],
  proposeFee: [
    { key: 'method', label: '计收方式（只能选一种）', kind: 'choice', options: Object.entries(FEE_METHOD_LABELS).map(([value, text]) => ({ value, text })) },
    { key: 'pages', label: '页数（按量计收时填写）', kind: 'number' },
    reason('收费理由'),
  ],
  approveFee: [],
  rejectFee: [reason('不同意的理由')],
  reply: [
    { key: 'type', label: '答复类型', kind: 'choice', options: Object.entries(DISCLOSURE_REPLY_TYPES).map(([value, t]) => ({ value, text: t.label })) },
    { key: 'reasons', label: '理由', kind: 'area' },
    { key: 'legalBasis', label: '法律依据', kind: 'text' },
    { key: 'where', label: '获取途径或负责机关（已公开、非本机关时必填）', kind: 'text' },
    { key: 'letter', label: '答复书正文', kind: 'area' },
    { key: 'attachments', label: '答复书、公开的信息（上传文件，每个不超过 20 MB）', kind: 'files' },
  ],
  refundFee: [reason('退费理由')],
  withdraw: [],
  correct: [],
  feePaid: [],
  abandonUncorrected: [],
  abandonUnpaid: [],
}

/** The body of a step from the typed values (numbers parsed; empty optional fields left out) and the ids of the files uploaded for it. */
export function stepBody(action: DisclosureAction, values: Record<string, string>, fileIds: readonly string[] = []): DisclosureActionBody {
  const body: Record<string, unknown> = { action }
  for (const f of STEP_FIELDS[action]) {
    const v = (values[f.key] ?? '').trim()
    if (f.kind === 'files') body[f.key] = [...fileIds]
    else if (f.kind === 'number') {
      if (v !== '') body[f.key] = Number(v)
    } else if (v !== '' || f.key !== 'where') body[f.key] = v
  }
  if (action === 'reply' && body.type && DISCLOSURE_REPLY_TYPES[body.type as keyof typeof DISCLOSURE_REPLY_TYPES]) body.legalBasis ||= DISCLOSURE_REPLY_TYPES[body.type as keyof typeof DISCLOSURE_REPLY_TYPES].article
  return body as DisclosureActionBody
}
