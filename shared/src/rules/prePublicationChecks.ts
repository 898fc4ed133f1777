import type { WordingRule } from '../catalogue/wordingRules'
import type { ContentDraft } from '../content/schemas'
import { findPersonalData, type PersonalDataKind } from './personalData'

/** Where each wrong wording occurs in `text` (offsets into it), with its correction. */
export function findWordingErrors(text: string, rules: readonly WordingRule[]): { start: number; end: number; rule: WordingRule }[] {
  const found: { start: number; end: number; rule: WordingRule }[] = []
  for (const rule of rules) {
    if (!rule.wrong || rule.wrong === rule.right) continue
    for (let at = text.indexOf(rule.wrong); at !== -1; at = text.indexOf(rule.wrong, at + rule.wrong.length)) {
      const next = text[at + rule.wrong.length]
      if (next !== undefined && rule.notFollowedBy?.includes(next)) continue
      found.push({ start: at, end: at + rule.wrong.length, rule })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

export type CheckKind = 'personal-data' | 'wording' | 'disclosure' | 'attachment' | 'interpretation'

/** One finding of the pre-publication checks, shown to author and reviewer. */
export interface CheckFinding {
  check: CheckKind
  /** The field, dotted: `body`, `interpretation.qa.2.a`, `attachments.0.name`. */
  field: string
  /** Offsets into that field's text (absent for whole-item findings). */
  start?: number
  end?: number
  message: string
  suggestion?: string
  /** Publishing waits until it is fixed… */
  blocking: boolean
  /** …or a reviewer records a reason for publishing anyway. */
  overridable: boolean
}

const PERSONAL_DATA_NAMES: Record<PersonalDataKind, string> = { 'id-card': '身份证号码', mobile: '手机号码', 'bank-card': '银行卡号' }

/** Every text field of a draft that citizens would read, with its dotted name. */
export function publishedTextFields(draft: ContentDraft): [string, string][] {
  const fields: [string, string][] = [
    ['title', draft.title],
    ['summary', draft.summary],
    ['body', draft.body],
  ]
  draft.attachments.forEach((a, i) => fields.push([`attachments.${i}.name`, a.name]))
  draft.links.forEach((l, i) => fields.push([`links.${i}.title`, l.title]))
  if (draft.type === 'interpretation') {
    const p = draft.interpretation
    p.qa.forEach((qa, i) => fields.push([`interpretation.qa.${i}.q`, qa.q], [`interpretation.qa.${i}.a`, qa.a]))
    p.images.forEach((im, i) => fields.push([`interpretation.images.${i}.alt`, im.alt], [`interpretation.images.${i}.caption`, im.caption ?? '']))
    if (p.media) fields.push(['interpretation.media.transcript', p.media.transcript])
  }
  if (draft.type === 'guide') {
    const g = draft.guide
    fields.push(['guide.legalBasis', g.legalBasis], ['guide.place', g.place], ['guide.hours', g.hours])
    g.conditions.forEach((c, i) => fields.push([`guide.conditions.${i}`, c]))
    g.materials.forEach((m, i) => fields.push([`guide.materials.${i}.name`, m.name], [`guide.materials.${i}.notes`, m.notes ?? '']))
    g.steps.forEach((s, i) => fields.push([`guide.steps.${i}.title`, s.title], [`guide.steps.${i}.description`, s.description]))
    g.faq.forEach((qa, i) => fields.push([`guide.faq.${i}.q`, qa.q], [`guide.faq.${i}.a`, qa.a]))
  }
  if (draft.type === 'policy') fields.push(['policy.issuer', draft.policy.issuer])
  return fields.filter(([, text]) => text)
}

/**
 * The text checks run before submission and again at publication: personal data
 * (blocking until masked, or a reviewer overrides with a reason), wrong wordings
 * (blocking until corrected or confirmed by a reviewer), and 公开属性 (only 主动公开 may be
 * published; not overridable). `today` dates the ID-number check.
 */
export function checkDraftText(draft: ContentDraft, rules: readonly WordingRule[], today: Date = new Date()): CheckFinding[] {
  const findings: CheckFinding[] = []
  for (const [field, text] of publishedTextFields(draft)) {
    for (const p of findPersonalData(text, today)) {
      findings.push({
        check: 'personal-data',
        field,
        start: p.start,
        end: p.end,
        message: `发现疑似${PERSONAL_DATA_NAMES[p.kind]}，公开前须去标识化处理`,
        suggestion: mask(text.slice(p.start, p.end)),
        blocking: true,
        overridable: true,
      })
    }
    for (const w of findWordingErrors(text, rules)) {
      findings.push({ check: 'wording', field, start: w.start, end: w.end, message: `「${w.rule.wrong}」有误${w.rule.note ? `（${w.rule.note}）` : ''}`, suggestion: w.rule.right, blocking: true, overridable: true })
    }
  }
  if (draft.type === 'policy' && draft.policy.disclosure !== 'proactive') {
    findings.push({ check: 'disclosure', field: 'policy.disclosure', message: '只有公开属性为「主动公开」的文件才能发布', blocking: true, overridable: false })
  }
  return findings
}

/** A masked form: first and last few characters kept, the middle starred (110105********1234). */
export function mask(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length)
  const keep = value.length >= 15 ? 6 : 3
  return value.slice(0, keep) + '*'.repeat(value.length - keep - 4) + value.slice(-4)
}
