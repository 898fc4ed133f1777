import { regionMatcher, type ListQuery } from '@zw/shared'
import { dayNumber, type ReadItem } from './readModel'

export type ContentFilters = Pick<ListQuery, 'type' | 'topic' | 'department' | 'region' | 'validity' | 'from' | 'to'>

/**
 * The list/search filters as one predicate, prepared once per request (dates are Beijing
 * dates, inclusive; the cheap checks first, the region last).
 */
export function filterFor(f: ContentFilters): (item: ReadItem) => boolean {
  const inRegion = f.region ? regionMatcher(f.region) : undefined
  const from = f.from ? dayNumber(f.from) : undefined
  const to = f.to ? dayNumber(f.to) : undefined
  return (item) => {
    if (f.type && item.type !== f.type) return false
    if (f.department && item.department !== f.department) return false
    if (f.validity && item.validity !== f.validity) return false
    if (from !== undefined && item.publishedDay < from) return false
    if (to !== undefined && item.publishedDay > to) return false
    if (f.topic && !item.topics.includes(f.topic)) return false
    if (inRegion && !inRegion(item.regions)) return false
    return true
  }
}
