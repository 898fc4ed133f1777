import { departmentByCode, type ContentDraftInput } from '@zw/shared'

export type InterpretationDraft = Extract<ContentDraftInput, { type: 'interpretation' }>
export type GuideDraft = Extract<ContentDraftInput, { type: 'guide' }>

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Lines of plain text as the body's paragraphs (the only markup the editor makes; the server sanitises anyway). */
export const bodyOfLines = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')

/** The body's paragraphs back to lines of plain text. */
export const linesOfBody = (html: string | undefined) =>
  (html ?? '')
    .replace(/<\/p>\s*<p>/g, '\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

const regionOf = (department: string) => departmentByCode(department)?.region ?? '000000000000'

/** A new 政策解读 of the department, in Q&A form (the form most interpretations take). */
export function newInterpretation(department: string): InterpretationDraft {
  return {
    type: 'interpretation',
    title: '',
    department: department as InterpretationDraft['department'],
    topics: ['employment-subsidies'],
    regions: [regionOf(department)],
    summary: '',
    body: '',
    interpretation: { policyIds: [], form: 'qa', interpreter: { department: department as InterpretationDraft['department'], isHead: false }, qa: [{ q: '', a: '' }], images: [] },
  }
}

/** A new 办事指南 of the department, with one row of each list to fill in. */
export function newGuide(department: string): GuideDraft {
  return {
    type: 'guide',
    title: '',
    department: department as GuideDraft['department'],
    topics: ['employment-subsidies'],
    regions: [regionOf(department)],
    summary: '',
    body: '',
    guide: {
      legalBasis: '',
      conditions: [''],
      materials: [{ name: '', form: 'original', count: 1 }],
      steps: [{ title: '', description: '' }],
      timeLimit: { statutoryDays: 20, promisedDays: 10 },
      fee: { charged: false },
      place: '',
      hours: '工作日 9:00-12:00，13:30-17:00',
      phone: '',
      online: { level: 'info' },
      faq: [],
      complaintPhone: '12345',
    },
  }
}
