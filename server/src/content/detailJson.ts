import { contentDetailSchema, departmentNameOf, type ContentDetail } from '@zw/shared'
import type { ContentItemDoc } from './model'
import { publicHistoryOf, withdrawalOf } from './publicRecord'

/** What changes in a detail without the item changing: its view count and its links to other items. */
export interface DetailLive {
  views: number
  interpretations?: unknown[]
  policies?: unknown[]
  supersededByItem?: unknown
}

/** `{"a":1}` → `{"a":1` (an object left open for more fields). */
const open = (json: string) => json.slice(0, -1)

/**
 * The public detail of a document as JSON text left open at its end, validated against
 * the contract once, here, so serving it needs no further checks (only fields the contract
 * names survive the parse). A policy's `policy` object comes last and is left open too,
 * for `supersededByItem`. Served as this text followed by `detailTail`.
 */
export function buildDetailHead(doc: ContentItemDoc): string {
  const common = {
    id: doc._id.toString(),
    title: doc.title,
    summary: doc.summary,
    department: doc.department,
    departmentName: departmentNameOf(doc.department),
    topics: doc.topics,
    regions: doc.regions,
    body: doc.body,
    attachments: doc.attachments,
    links: doc.links,
    publishedAt: doc.publishedAt!.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    views: 0,
    history: publicHistoryOf(doc),
    ...(doc.status === 'withdrawn' && doc.withdrawal ? { withdrawal: withdrawalOf(doc)! } : {}),
  }
  const candidate =
    doc.type === 'policy'
      ? { type: 'policy', ...common, policy: doc.policy, interpretations: [] }
      : doc.type === 'interpretation'
        ? { type: 'interpretation', ...common, interpretation: doc.interpretation, policies: [] }
        : { type: 'guide', ...common, guide: doc.guide }
  const detail: ContentDetail = contentDetailSchema.parse(candidate)
  if (detail.type === 'policy') {
    const { views: _v, interpretations: _i, policy, ...rest } = detail
    const { supersededByItem: _s, ...policyFields } = policy
    return `${open(JSON.stringify(rest))},"policy":${open(JSON.stringify(policyFields))}`
  }
  if (detail.type === 'interpretation') {
    const { views: _v, policies: _p, ...rest } = detail
    return open(JSON.stringify(rest))
  }
  const { views: _v, ...rest } = detail
  return open(JSON.stringify(rest))
}

/** The end of a served detail: what `buildDetailHead` left out, filled in now. */
export function detailTail(type: ContentDetail['type'], live: DetailLive): string {
  const views = `,"views":${live.views}`
  if (type === 'policy') {
    const superseded = live.supersededByItem ? `,"supersededByItem":${JSON.stringify(live.supersededByItem)}` : ''
    return `${superseded}}${views},"interpretations":${JSON.stringify(live.interpretations ?? [])}}`
  }
  if (type === 'interpretation') return `${views},"policies":${JSON.stringify(live.policies ?? [])}}`
  return `${views}}`
}
