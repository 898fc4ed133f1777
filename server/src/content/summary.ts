import { departmentNameOf, type ContentSummary } from '@zw/shared'
import type { ContentItemDoc } from './model'

/** The list/search card of a published item, built from its document when it is published. */
export function toSummary(doc: ContentItemDoc): ContentSummary {
  return {
    id: doc._id.toString(),
    type: doc.type,
    title: doc.title,
    summary: doc.summary,
    department: doc.department as ContentSummary['department'],
    departmentName: departmentNameOf(doc.department),
    topics: doc.topics as ContentSummary['topics'],
    regions: doc.regions,
    publishedAt: doc.publishedAt!.toISOString(),
    ...(doc.type === 'policy' && doc.policy
      ? { indexNumber: doc.policy.indexNumber, docNumber: (doc.policy.docNumber as string | null | undefined) ?? null, validity: doc.policy.validity.status as ContentSummary['validity'] }
      : {}),
    ...(doc.type === 'interpretation' && doc.interpretation ? { form: doc.interpretation.form as ContentSummary['form'] } : {}),
  }
}
