import type { SearchQuery, SearchResult } from '@zw/shared'
import { ServiceUnavailableError } from '../../platform/errors'
import { decodeCursor, encodeCursor } from '../cursor'
import { filterFor } from '../filters'
import { FIELD } from '../model'
import type { ContentReadModel } from '../readModel'
import { toSummary } from '../summary'
import { findRanges, snippetAround } from './highlight'
import { STOPWORDS } from './stopwords'
import { queryTerms } from './tokenizer'

const HAN = /^\p{Script=Han}$/u
/** One-character queries look at the indexed words containing the character, most common first. */
const SINGLE_CHAR_EXPANSION = 200
const weightOf = (mask: number) => (mask & FIELD.title ? 8 : mask & FIELD.summary ? 3 : mask & FIELD.extra ? 2 : 1)

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
 * Scratch space reused by every search (searches run one at a time on the event loop):
 * per item number, the words matched, the words matched in the title, the score.
 */
class Scratch {
  matched = new Uint8Array(0)
  inTitle = new Uint8Array(0)
  wordMask = new Uint8Array(0)
  score = new Float64Array(0)
  /** Rank key of a candidate: title has every word, valid, words matched (bigger first). */
  rank = new Float64Array(0)
  touched = new Int32Array(0)
  wordTouched = new Int32Array(0)
  ensure(size: number) {
    if (this.matched.length >= size) return
    const n = Math.max(size, this.matched.length * 2, 1024)
    this.matched = new Uint8Array(n)
    this.inTitle = new Uint8Array(n)
    this.wordMask = new Uint8Array(n)
    this.score = new Float64Array(n)
    this.rank = new Float64Array(n)
    this.touched = new Int32Array(n)
    this.wordTouched = new Int32Array(n)
  }
}
const scratch = new Scratch()

/** The best `k` of `candidates` by `better`, best first (a bounded binary heap, worst on top). */
function topK(candidates: readonly number[], k: number, better: (a: number, b: number) => boolean): number[] {
  const heap = new Int32Array(Math.min(k, candidates.length))
  let size = 0
  const worse = (i: number, j: number) => better(heap[j]!, heap[i]!)
  const swap = (i: number, j: number) => {
    const t = heap[i]!
    heap[i] = heap[j]!
    heap[j] = t
  }
  for (const num of candidates) {
    if (size < heap.length) {
      heap[size] = num
      for (let i = size++; i > 0; ) {
        const p = (i - 1) >> 1
        if (!worse(i, p)) break
        swap(i, p)
        i = p
      }
    } else if (size > 0 && better(num, heap[0]!)) {
      heap[0] = num
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < size && worse(l, m)) m = l
        if (r < size && worse(r, m)) m = r
        if (m === i) break
        swap(i, m)
        i = m
      }
    }
  }
  return Array.from(heap.subarray(0, size)).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
}

/** Results of recent searches, valid while the public content is unchanged (same change number). */
class ResultCache {
  private seq = -1
  private readonly entries = new Map<string, SearchResult>()
  constructor(private readonly max: number) {}
  get(seq: number, key: string): SearchResult | undefined {
    if (seq !== this.seq) {
      this.entries.clear()
      this.seq = seq
      return undefined
    }
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
    }
    return hit
  }
  set(seq: number, key: string, value: SearchResult): void {
    if (seq !== this.seq) return
    this.entries.set(key, value)
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!)
  }
}
const cache = new ResultCache(2000)

/**
 * Searches, answering a repeated search from the result cache. Popular queries repeat
 * (the same few policies are asked about by many people); any content change empties it.
 */
export function searchItems(model: ContentReadModel, query: SearchQuery): SearchResult {
  if (!model.ready) throw new ServiceUnavailableError('内容服务正在启动，请稍后再试')
  const words = searchWords(query.q)
  const { q: _q, ...rest } = query
  const key = JSON.stringify([words, rest])
  const hit = cache.get(model.seq, key)
  if (hit) return hit
  const result = rankSearch(model, query, words)
  cache.set(model.seq, key, result)
  return result
}

/**
 * Chinese full-text search over the read model's postings. An item must contain every
 * word (or, when none does, at least half of them). Ranking: title contains every word
 * first, then valid documents (repealed or expired policies after), then a tf-idf-like
 * score weighting title > summary > Q&A/guide fields > body, then newest.
 */
export function rankSearch(model: ContentReadModel, query: SearchQuery, words: string[] = searchWords(query.q)): SearchResult {
  if (!words.length) return { items: [], nextCursor: null, terms: [], total: 0 }

  const s = scratch
  s.ensure(model.capacity)
  const total = model.size || 1
  let touchedCount = 0
  for (const w of words) {
    const variants = w.length === 1 && HAN.test(w) ? [w, ...model.termsContaining(w, SINGLE_CHAR_EXPANSION)] : [w]
    let df = 0
    let wordTouchedCount = 0
    for (const v of variants) {
      const list = model.postingsOf(v)
      if (!list) continue
      df = Math.max(df, list.length)
      for (let i = 0; i < list.length; i++) {
        const packed = list.at(i)
        const num = packed >>> 4
        if (s.wordMask[num] === 0) s.wordTouched[wordTouchedCount++] = num
        s.wordMask[num] = s.wordMask[num]! | (packed & 15) | 16 // bit 16: seen for this word
      }
    }
    const idf = Math.log(1 + total / (1 + df))
    for (let i = 0; i < wordTouchedCount; i++) {
      const num = s.wordTouched[i]!
      const mask = s.wordMask[num]!
      s.wordMask[num] = 0
      if (s.matched[num] === 0) s.touched[touchedCount++] = num
      s.matched[num]! += 1
      if (mask & FIELD.title) s.inTitle[num]! += 1
      s.score[num]! += idf * weightOf(mask & 15)
    }
  }

  // Candidates: every word matched; if no item has them all, at least half of them.
  const need = words.length
  const matches = filterFor(query)
  const full: number[] = []
  const partial: number[] = []
  for (let i = 0; i < touchedCount; i++) {
    const num = s.touched[i]!
    const item = model.itemByNum(num)
    if (item && matches(item)) {
      const titleAll = s.inTitle[num] === need ? 1 : 0
      const valid = item.type !== 'policy' || item.validity === 'valid' ? 1 : 0
      s.rank[num] = titleAll * 1_000_000 + valid * 1_000 + s.matched[num]!
      if (s.matched[num] === need) full.push(num)
      else if (s.matched[num]! * 2 >= need) partial.push(num)
    }
  }
  const candidates = full.length ? full : partial
  // rank: title has every word, valid document, words matched, then score, then newest
  const better = (a: number, b: number): boolean => {
    if (s.rank[a] !== s.rank[b]) return s.rank[a]! > s.rank[b]!
    if (s.score[a] !== s.score[b]) return s.score[a]! > s.score[b]!
    return model.itemByNum(a)!.publishedAtMs > model.itemByNum(b)!.publishedAtMs
  }

  const cursor = query.cursor ? decodeCursor(query.cursor, isSearchCursor) : { o: 0, g: model.generation }
  const ranked = topK(candidates, cursor.o + query.limit, better)
  const page = ranked.slice(cursor.o, cursor.o + query.limit).map((num) => ({ num, item: model.itemByNum(num)!, score: s.score[num]! }))
  const resultCount = candidates.length

  // reset the scratch space for the next search
  for (let i = 0; i < touchedCount; i++) {
    const num = s.touched[i]!
    s.matched[num] = 0
    s.inTitle[num] = 0
    s.score[num] = 0
    s.rank[num] = 0
  }

  return {
    items: page.map((h) => {
      const parts = model.snippetPartsOf(h.item.id)
      const part = parts.find((p) => findRanges(p.x, words).length > 0)
      const snip = part ? snippetAround(part.x, words) : null
      return {
        ...toSummary(h.item),
        score: Math.round(h.score * 1000) / 1000,
        titleHighlights: findRanges(h.item.title, words),
        snippet: snip && part ? { field: part.f, ...snip } : null,
      }
    }),
    nextCursor: cursor.o + query.limit < resultCount ? encodeCursor({ o: cursor.o + query.limit, g: model.generation }) : null,
    terms: words,
    total: resultCount,
  }
}
