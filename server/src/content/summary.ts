import { departmentByCode, type ContentSummary } from '@zw/shared'
import type { ReadItem } from './readModel'

/** The list/search card of an item. */
export function toSummary(item: ReadItem): ContentSummary {
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    summary: item.summary,
    department: item.department as ContentSummary['department'],
    departmentName: departmentByCode(item.department)?.name ?? item.department,
    topics: item.topics as ContentSummary['topics'],
    regions: item.regions,
    publishedAt: new Date(item.publishedAtMs).toISOString(),
    ...(item.type === 'policy' ? { indexNumber: item.indexNumber, docNumber: item.docNumber ?? null, validity: item.validity as ContentSummary['validity'] } : {}),
    ...(item.type === 'interpretation' ? { form: item.form as ContentSummary['form'] } : {}),
  }
}
