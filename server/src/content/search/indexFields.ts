import type { ContentDraft } from '@zw/shared'
import { FIELD, type ContentItemDoc, type SnippetPart } from '../model'
import { plainText } from '../sanitize'
import { documentTerms } from './tokenizer'

/** How much plain text per item is kept for snippets. */
export const SNIPPET_BUDGET = 600

/** The searchable text of an item, by field: title, summary, the type's extra fields, body. */
export function searchableText(draft: ContentDraft & { body: string }): { title: string; summary: string; extra: { f: SnippetPart['f']; x: string }[]; body: string } {
  const extra: { f: SnippetPart['f']; x: string }[] = []
  if (draft.type === 'interpretation') {
    const i = draft.interpretation
    if (i.qa.length) extra.push({ f: 'qa', x: i.qa.map((p) => `${p.q} ${p.a}`).join('\n') })
    if (i.media) extra.push({ f: 'body', x: i.media.transcript })
    if (i.images.length) extra.push({ f: 'body', x: i.images.map((im) => `${im.alt} ${im.caption ?? ''}`).join('\n') })
  }
  if (draft.type === 'guide') {
    const g = draft.guide
    extra.push({
      f: 'guide',
      x: [g.legalBasis, ...g.conditions, ...g.materials.map((m) => `${m.name} ${m.notes ?? ''}`), ...g.steps.map((s) => `${s.title} ${s.description}`), ...g.faq.map((p) => `${p.q} ${p.a}`), g.place].join('\n'),
    })
  }
  if (draft.type === 'policy' && draft.policy.docNumber) extra.push({ f: 'body', x: draft.policy.docNumber })
  return { title: draft.title, summary: draft.summary, extra, body: plainText(draft.body) }
}

/** The item's search terms with the fields each occurs in (see ContentItemDoc.searchTerms), and its snippet text. */
export function indexFields(draft: ContentDraft & { body: string }): { searchTerms: string[]; termFields: string; snippetParts: SnippetPart[] } {
  const text = searchableText(draft)
  const masks = new Map<string, number>()
  const add = (terms: string[], bit: number) => {
    for (const t of terms) masks.set(t, (masks.get(t) ?? 0) | bit)
  }
  add(documentTerms(text.title), FIELD.title)
  add(documentTerms(text.summary), FIELD.summary)
  for (const e of text.extra) add(documentTerms(e.x), e.f === 'body' ? FIELD.body : FIELD.extra)
  add(documentTerms(text.body), FIELD.body)

  const parts: SnippetPart[] = []
  let budget = SNIPPET_BUDGET
  const take = (f: SnippetPart['f'], x: string) => {
    const clean = x.replace(/\s+/g, ' ').trim()
    if (!clean || budget <= 0) return
    parts.push({ f, x: clean.slice(0, budget) })
    budget -= Math.min(clean.length, budget)
  }
  take('summary', text.summary)
  for (const e of text.extra) if (e.f !== 'body') take(e.f, e.x)
  take('body', [text.body, ...text.extra.filter((e) => e.f === 'body').map((e) => e.x)].join(' '))
  return { searchTerms: [...masks.keys()], termFields: [...masks.values()].map((f) => f.toString(16)).join(''), snippetParts: parts }
}

/** Calls `visit` with each search term of a stored item and the fields it occurs in (either stored shape). */
export function forEachSearchTerm(doc: Pick<ContentItemDoc, 'searchTerms' | 'termFields'>, visit: (term: string, fields: number) => void): void {
  const terms = doc.searchTerms ?? []
  const fields = doc.termFields ?? ''
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!
    if (typeof term === 'string') visit(term, parseInt(fields[i] ?? '8', 16))
    else visit(term.t, term.f)
  }
}
