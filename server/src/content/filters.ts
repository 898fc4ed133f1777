import { regionMatches, type ListQuery } from '@zw/shared'
import type { ReadItem } from './readModel'

export type ContentFilters = Pick<ListQuery, 'type' | 'topic' | 'department' | 'region' | 'validity' | 'from' | 'to'>

/** Whether an item passes the list/search filters (dates are Beijing dates, inclusive). */
export function matchesFilters(item: ReadItem, f: ContentFilters): boolean {
  if (f.type && item.type !== f.type) return false
  if (f.topic && !item.topics.includes(f.topic)) return false
  if (f.department && item.department !== f.department) return false
  if (f.validity && item.validity !== f.validity) return false
  if (f.from && item.publishedOn < f.from) return false
  if (f.to && item.publishedOn > f.to) return false
  if (f.region && !regionMatches(item.regions, f.region)) return false
  return true
}
