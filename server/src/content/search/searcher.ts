import type { SearchQuery, SearchResult } from '@zw/shared'
import { ServiceUnavailableError } from '../../platform/errors'
import { decodeCursor, encodeCursor } from '../cursor'
import { matchesFilters } from '../filters'
import { FIELD } from '../model'
import type { ContentReadModel, ReadItem } from '../readModel'
import { toSummary } from '../summary'
import { findRanges, snippetAround } from './highlight'
import { STOPWORDS } from './stopwords'
import { queryTerms } from './tokenizer'

const HAN = /^\p{Script=Han}$/u
/** One-character queries look at the indexed words containing the character, most common first. */
const SINGLE_CHAR_EXPANSION = 200
const WEIGHT = (mask: number) => (mask & FIELD.title ? 8 : mask & FIELD.summary ? 3 : mask & FIELD.extra ? 2 : 1)

interface Hit {
  item: ReadItem
  matched: number
  titleAll: boolean
  score: number
}

type SearchCursor = { o: number; g: number }
const isSearchCursor = (v: unknown): v is SearchCursor =>
  typeof v === 'object' && v !== null && Number.isInteger((v as SearchCursor).o) && (v as SearchCursor).o >= 0 && typeof (v as SearchCursor).g === 'number'

/** The words a query is searched for: precise segmentation, stopwords dropped unless nothing else is left. */
export function searchWords(q: string): string[] {
  const terms = queryTerms(q)
  const meaningful = terms.filter((t) => !STOPWORDS.has(t))
  return meaningful.length ? meaningful : terms
}

/**
 * Chinese full-text search over the read model's postings. An item must contain every
 * word (or, when none does, at least half of them). Ranking: title contains every word
 * first, then valid documents (repealed or expired policies after), then a tf-idf-like
 * score weighting title > summary > Q&A/guide fields > body, then newest.
 */
export function searchItems(model: ContentReadModel, query: SearchQuery): SearchResult {
  if (!model.ready) throw new ServiceUnavailableError('内容服务正在启动，请稍后再试')
  const words = searchWords(query.q)
  if (!words.length) return { items: [], nextCursor: null, terms: [], total: 0 }

  const total = model.size || 1
  // word → (num → best field mask), a word of one Han character widened to the words containing it
  const perWord = words.map((w) => {
    const variants = w.length === 1 && HAN.test(w) ? [w, ...model.termsContaining(w, SINGLE_CHAR_EXPANSION)] : [w]
    const hits = new Map<number, number>()
    let df = 0
    for (const v of variants) {
      const list = model.postingsOf(v)
      if (!list) continue
      df = Math.max(df, list.length)
      for (let i = 0; i < list.length; i++) {
        const packed = list.at(i)
        const num = packed >>> 4
        hits.set(num, (hits.get(num) ?? 0) | (packed & 15))
      }
    }
    return { hits, idf: Math.log(1 + total / (1 + df)) }
  })

  const collected = new Map<number, Hit>()
  for (const { hits, idf } of perWord) {
    for (const [num, mask] of hits) {
      const item = model.itemByNum(num)
      if (!item) continue // a replaced version
      let hit = collected.get(num)
      if (!hit) {
        if (!matchesFilters(item, query)) continue
        collected.set(num, (hit = { item, matched: 0, titleAll: true, score: 0 }))
      }
      hit.matched += 1
      hit.score += idf * WEIGHT(mask)
    }
  }
  for (const [num, hit] of collected) {
    hit.titleAll = perWord.every(({ hits }) => ((hits.get(num) ?? 0) & FIELD.title) !== 0)
  }
  let hits = [...collected.values()].filter((h) => h.matched === words.length)
  if (!hits.length) hits = [...collected.values()].filter((h) => h.matched * 2 >= words.length && h.matched > 0)
  const valid = (h: Hit) => (h.item.type !== 'policy' || h.item.validity === 'valid' ? 1 : 0)
  hits.sort(
    (a, b) =>
      Number(b.titleAll) - Number(a.titleAll) ||
      valid(b) - valid(a) ||
      b.matched - a.matched ||
      b.score - a.score ||
      b.item.publishedAtMs - a.item.publishedAtMs,
  )

  const cursor = query.cursor ? decodeCursor(query.cursor, isSearchCursor) : { o: 0, g: model.generation }
  const page = hits.slice(cursor.o, cursor.o + query.limit)
  const highlightWords = words.filter((w) => w.length > 0)
  return {
    items: page.map((h) => {
      const part = h.item.snippetParts.find((p) => findRanges(p.x, highlightWords).length > 0)
      const snip = part ? snippetAround(part.x, highlightWords) : null
      return {
        ...toSummary(h.item),
        score: Math.round(h.score * 1000) / 1000,
        titleHighlights: findRanges(h.item.title, highlightWords),
        snippet: snip && part ? { field: part.f, ...snip } : null,
      }
    }),
    nextCursor: cursor.o + query.limit < hits.length ? encodeCursor({ o: cursor.o + query.limit, g: model.generation }) : null,
    terms: words,
    total: hits.length,
  }
}
