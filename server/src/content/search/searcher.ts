import type { SearchQuery } from '@zw/shared'
import { ServiceUnavailableError } from '../../platform/errors'
import { decodeCursor, encodeCursor } from '../../platform/http/cursor'
import { answerWriter } from '../../platform/http/jsonWriter'
import { eachSnippetPart, type ContentReadModel } from '../readModel'
import { findRanges, snippetAround } from './highlight'
import { rank, type Postings, type QueryWord } from './ranker'
import { STOPWORDS } from './stopwords'
import { queryTerms } from './tokenizer'

const HAN = /^\p{Script=Han}$/u
/** One-character queries look at the indexed words containing the character, most common first. */
const SINGLE_CHAR_EXPANSION = 200

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
 * Results of recent searches as the UTF-8 JSON sent, valid while the public content is
 * unchanged (same change number); bounded by bytes, least recently used out first.
 *
 * What gets in is decided by how often a search is asked for (TinyLFU: a small table of
 * counts per search hash, halved now and then so that old popularity fades): never on
 * its first asking, and, once the cache is full, only when asked for more often than the
 * search it would push out. Popular searches (the same few policies asked about by many
 * people) get in and stay; a stream of different searches, each asked once or twice,
 * leaves the cache alone. Admitting those used to turn the cache over every fraction of a
 * second: each result (~15 KB outside the JavaScript heap) lived long enough to be
 * promoted, and V8 counts such memory towards the old generation, which was then
 * collected about once a second under load (ADR 0007).
 */
export class ResultCache {
  private seq = -1
  private bytes = 0
  private readonly entries = new Map<string, Buffer>()
  /** How often each search hash was asked for lately (saturating; a collision shares a count). */
  private readonly counts = new Uint8Array(1 << 16)
  private asked = 0

  constructor(private readonly maxBytes: number) {}

  /** A search is being asked for: its answer if kept (the count of its asking goes up either way). */
  get(seq: number, key: string): Buffer | undefined {
    this.count(key)
    if (seq !== this.seq) {
      this.entries.clear()
      this.bytes = 0
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

  /** Keeps a search just computed if it has earned its place (see the class comment); answers whether it was kept. */
  offer(seq: number, key: string, value: Buffer): boolean {
    if (seq !== this.seq || this.entries.has(key)) return false
    const asked = this.countOf(key)
    if (asked < 2) return false
    const size = value.length + key.length
    if (this.bytes + size > this.maxBytes) {
      // Full: it must be wanted more than what it would push out, least recently used first.
      let freed = 0
      for (const k of this.entries.keys()) {
        if (this.bytes - freed + size <= this.maxBytes) break
        if (this.countOf(k) >= asked) return false
        freed += this.entries.get(k)!.length + k.length
      }
      for (const [k, v] of this.entries) {
        if (this.bytes + size <= this.maxBytes) break
        this.entries.delete(k)
        this.bytes -= v.length + k.length
      }
    }
    this.entries.set(key, value)
    this.bytes += size
    return true
  }

  private slotOf(key: string): number {
    let h = 0x811c9dc5
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
    return (h ^ (h >>> 16)) & (this.counts.length - 1)
  }

  private countOf(key: string): number {
    return this.counts[this.slotOf(key)]!
  }

  private count(key: string): void {
    const slot = this.slotOf(key)
    if (this.counts[slot]! < 255) this.counts[slot]! += 1
    // Every so many askings all counts are halved: what was popular an hour ago gives way.
    if (++this.asked >= this.counts.length * 2) {
      this.asked = 0
      for (let i = 0; i < this.counts.length; i++) this.counts[i]! >>>= 1
    }
  }
}
/** 8 MB: about five hundred result pages. */
const cache = new ResultCache(8 * 1024 * 1024)

/**
 * Searches and answers with the JSON to send, from the result cache for a repeated search.
 * Popular queries repeat (the same few policies are asked about by many people); any
 * content change empties it.
 */
export function searchItemsJson(model: ContentReadModel, query: SearchQuery): Buffer {
  if (!model.ready) throw new ServiceUnavailableError('内容服务正在启动，请稍后再试')
  const words = searchWords(query.q)
  const { q: _q, ...rest } = query
  const key = JSON.stringify([words, rest])
  const hit = cache.get(model.seq, key)
  if (hit) return hit
  const json = searchResultJson(model, query, words)
  cache.offer(model.seq, key, json)
  return json
}

/**
 * Chinese full-text search over the read model's postings, answered as SearchResult
 * JSON. An item must contain every word (or, when none does, at least half of them);
 * ranking is the ranker's (title has every word, valid, words matched, tf-idf-like
 * score, newest). Each result is its stored card JSON with score, highlights and
 * snippet added (the card is never parsed).
 */
export function searchResultJson(model: ContentReadModel, query: SearchQuery, words: string[] = searchWords(query.q)): Buffer {
  if (!words.length) return Buffer.from('{"items":[],"nextCursor":null,"terms":[],"total":0}')
  const size = model.size || 1
  const queryWords: QueryWord[] = words.map((w) => {
    const variants = w.length === 1 && HAN.test(w) ? [w, ...model.termsContaining(w, SINGLE_CHAR_EXPANSION)] : [w]
    const postings = variants.map((v) => model.postingsOf(v)).filter((l) => l !== undefined && l.length > 0)
    const lists: Postings[] = postings.map((l) => l!.masks() ?? l!.values())
    const df = postings.reduce((m, l) => Math.max(m, l!.length), 0)
    return { lists, idf: Math.log(1 + size / (1 + df)) }
  })
  const cursor = query.cursor ? decodeCursor(query.cursor, isSearchCursor) : { o: 0, g: model.generation }
  const { best, total, scores } = rank(queryWords, model.passing(query), model.columns, model.capacity, cursor.o + query.limit)
  const page = best.slice(cursor.o, cursor.o + query.limit)
  const out = answerWriter.begin().text('{"items":[')
  page.forEach((num, i) => {
    const item = model.itemByNum(num)!
    const { card, snippets } = model.resultPartsOf(item)
    if (i > 0) out.text(',')
    // The card is a JSON object (UTF-8, copied as stored): its closing brace makes way for the result's own fields.
    out.bytes(card, card.length - 1)
    const score = Math.round(scores[cursor.o + i]! * 1000) / 1000
    out.text(`,"score":${score},"titleHighlights":${JSON.stringify(findRanges(item.title, words))},"snippet":`)
    let snippet: string = 'null'
    eachSnippetPart(snippets, (field, from, to) => {
      const snip = snippetAround(snippets, words, 80, from, to)
      if (snip) snippet = `{"field":"${field}","text":${JSON.stringify(snip.text)},"highlights":${JSON.stringify(snip.highlights)}}`
      return !!snip
    })
    out.text(snippet).text('}')
  })
  const nextCursor = cursor.o + query.limit < total ? JSON.stringify(encodeCursor({ o: cursor.o + query.limit, g: model.generation })) : 'null'
  return out.text(`],"nextCursor":${nextCursor},"terms":${JSON.stringify(words)},"total":${total}}`).done()
}
