import { departmentByCode, formatShanghaiDate, type ContentDraft, type ContentDraftInput, type TopicCode } from '@zw/shared'
import { bodyOfLines, linesOfBody } from './typedDrafts'
import type { UploadedAttachment } from './upload'

/** What the simple policy form edits. */
export interface PolicyForm {
  title: string
  summary: string
  /** Plain text; each line becomes a paragraph. */
  bodyText: string
  topic: TopicCode
  docNumber: string
  /** 成文日期, YYYY-MM-DD (today for a new policy). */
  writtenOn: string
  /** 发布机构 as printed on the document. */
  issuer: string
  /** 三同步: publish only with an approved interpretation. */
  needsInterpretation: boolean
  /** 重要政策措施: to be interpreted at least twice a year. */
  important: boolean
  attachments: UploadedAttachment[]
}

/** An empty policy form for the department: written today, issued by the department. */
export function newPolicyForm(department: string): PolicyForm {
  return { title: '', summary: '', bodyText: '', topic: 'employment-subsidies', docNumber: '', writtenOn: formatShanghaiDate(new Date()), issuer: departmentByCode(department)?.name ?? '', needsInterpretation: false, important: false, attachments: [] }
}

/** The policy draft a form describes, for the staff member's department. */
export function policyDraftOf(form: PolicyForm, department: string, existing?: ContentDraft): ContentDraftInput {
  const dept = departmentByCode(department)
  const body = bodyOfLines(form.bodyText)
  const policy = existing?.type === 'policy' ? existing.policy : undefined
  return {
    type: 'policy',
    title: form.title.trim(),
    department: department as ContentDraftInput['department'],
    topics: [form.topic],
    regions: existing?.regions ?? [dept?.region ?? '000000000000'],
    summary: form.summary.trim(),
    body,
    // What the form does not edit is kept as it was (attachments, links, the source notes).
    attachments: form.attachments,
    links: existing?.links ?? [],
    policy: {
      ...policy,
      needsInterpretation: form.needsInterpretation,
      important: form.important,
      docNumber: form.docNumber.trim() || null,
      writtenOn: form.writtenOn.trim() || null,
      issuer: form.issuer.trim() || dept?.name || department,
      validity: policy?.validity ?? { status: 'valid' },
      disclosure: 'proactive',
    },
  }
}

/** The form for an existing policy draft (paragraphs back to lines). */
export function formOf(draft: ContentDraft): PolicyForm {
  const text = linesOfBody(draft.body)
  return { title: draft.title, summary: draft.summary, bodyText: text, topic: draft.topics[0]!, docNumber: draft.type === 'policy' ? (draft.policy.docNumber ?? '') : '', writtenOn: draft.type === 'policy' ? (draft.policy.writtenOn ?? '') : '', issuer: draft.type === 'policy' ? draft.policy.issuer : '', needsInterpretation: draft.type === 'policy' && draft.policy.needsInterpretation, important: draft.type === 'policy' && draft.policy.important, attachments: draft.attachments }
}
