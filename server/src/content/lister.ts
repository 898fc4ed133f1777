import type { ListQuery } from '@zw/shared'
import { ServiceUnavailableError } from '../platform/errors'
import { decodeCursor, encodeCursor } from '../platform/http/cursor'
import { filterFor } from './filters'
import { answerWriter } from '../platform/http/jsonWriter'
import type { ContentReadModel, ReadItem } from './readModel'

type ListCursor = [number, string]
const isListCursor = (v: unknown): v is ListCursor => Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string'

/** Position of the first item after the cursor in newest-first order. */
function startAfter(sorted: ReadItem[], [ms, id]: ListCursor): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const it = sorted[mid]!
    const before = it.publishedAtMs > ms || (it.publishedAtMs === ms && it.id > id)
    if (before || (it.publishedAtMs === ms && it.id === id)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Lists public items with filters, newest or oldest first, a page at a time; answers the JSON to send. */
export function listItemsJson(model: ContentReadModel, query: ListQuery): Buffer {
  if (!model.ready) throw new ServiceUnavailableError('内容服务正在启动，请稍后再试')
  const newestFirst = model.sorted()
  const cursor = query.cursor ? decodeCursor(query.cursor, isListCursor) : undefined
  const matches = filterFor(query)
  const items: ReadItem[] = []
  let more = false
  if (query.sort === 'newest') {
    for (let i = cursor ? startAfter(newestFirst, cursor) : 0; i < newestFirst.length; i++) {
      const it = newestFirst[i]!
      if (!matches(it)) continue
      if (items.length === query.limit) {
        more = true
        break
      }
      items.push(it)
    }
  } else {
    for (let i = (cursor ? startAfter(newestFirst, cursor) : newestFirst.length) - 1; i >= 0; i--) {
      const it = newestFirst[i]!
      if (cursor && (it.publishedAtMs < cursor[0] || (it.publishedAtMs === cursor[0] && it.id <= cursor[1]))) continue
      if (!matches(it)) continue
      if (items.length === query.limit) {
        more = true
        break
      }
      items.push(it)
    }
  }
  const last = items[items.length - 1]
  const nextCursor = more && last ? encodeCursor([last.publishedAtMs, last.id]) : null
  // The cards are stored as UTF-8 JSON already (built field by field when the item was published).
  const out = answerWriter.begin().text('{"items":[')
  items.forEach((item, i) => {
    if (i > 0) out.text(',')
    out.bytes(model.cardJsonOf(item))
  })
  return out.text(`],"nextCursor":${JSON.stringify(nextCursor)}}`).done()
}
