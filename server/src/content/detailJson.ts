import { contentDetailSchema, departmentByCode, type ContentDetail } from '@zw/shared'
import type { ContentItemDoc } from './model'

/**
 * Placeholders in a stored detail for what changes without the item changing: its view
 * count and its links to other items (resolved when served).
 */
export const SLOT = {
  views: '"@@views@@"',
  interpretations: '"@@interpretations@@"',
  policies: '"@@policies@@"',
  superseded: ',"supersededByItem":"@@superseded@@"',
} as const

/**
 * The public detail of a document as JSON with placeholders, validated against the
 * contract once, here, so serving it needs no further checks. Only fields the contract
 * names survive the parse.
 */
export function buildDetailJson(doc: ContentItemDoc): string {
  const common = {
    id: doc._id.toString(),
    title: doc.title,
    summary: doc.summary,
    department: doc.department,
    departmentName: departmentByCode(doc.department)?.name ?? doc.department,
    topics: doc.topics,
    regions: doc.regions,
    body: doc.body,
    attachments: doc.attachments,
    links: doc.links,
    publishedAt: doc.publishedAt!.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    views: 0,
  }
  const relatedPlaceholder = { id: '000000000000000000000000', type: 'policy', title: '' }
  const candidate =
    doc.type === 'policy'
      ? { type: 'policy', ...common, policy: { ...doc.policy, supersededByItem: relatedPlaceholder }, interpretations: [] }
      : doc.type === 'interpretation'
        ? { type: 'interpretation', ...common, interpretation: doc.interpretation, policies: [] }
        : { type: 'guide', ...common, guide: doc.guide }
  const detail: ContentDetail = contentDetailSchema.parse(candidate)
  const withSlots = {
    ...detail,
    views: '@@views@@',
    ...(detail.type === 'policy' ? { policy: { ...detail.policy, supersededByItem: '@@superseded@@' }, interpretations: '@@interpretations@@' } : {}),
    ...(detail.type === 'interpretation' ? { policies: '@@policies@@' } : {}),
  }
  return JSON.stringify(withSlots)
}

/** Fills the placeholders of a stored detail. */
export function fillDetailJson(
  json: string,
  values: { views: number; interpretations?: unknown[]; policies?: unknown[]; supersededByItem?: unknown },
): string {
  let out = json.replace(SLOT.views, String(values.views))
  if (values.interpretations) out = out.replace(SLOT.interpretations, JSON.stringify(values.interpretations))
  if (values.policies) out = out.replace(SLOT.policies, JSON.stringify(values.policies))
  out = out.replace(SLOT.superseded, values.supersededByItem ? `,"supersededByItem":${JSON.stringify(values.supersededByItem)}` : '')
  return out
}
