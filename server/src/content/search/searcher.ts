import type { SearchQuery } from '@zw/shared'
import { ServiceUnavailableError } from '../../platform/errors'
import { decodeCursor, encodeCursor } from '../../platform/http/cursor'
import { JsonWriter } from '../../platform/http/jsonWriter'
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
 * unchanged (same change number); bounded by bytes, least recently used out first. A
 * search is kept only when it is asked for the second time recently (`admit`): one-off
 * searches would each hold ~15 KB for the time it takes to push them out, long enough
 * to outlive the young generation, and the old generation then filled with them and was
 * collected every half second under load.
 */
export class ResultCache {
  private seq = -1
  private bytes = 0
  private readonly entries = new Map<string, Buffer>()
  /** Hashes of searches asked for once, recently (a slot per hash; a collision forgets one). */
  private readonly seenOnce = new Int32Array(1 << 14)
  constructor(private readonly maxBytes: number) {}

  /** Whether a search just computed should be kept: it was asked for before, recently. */
  admit(key: string): boolean {
    let h = 0x811c9dc5
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
    const slot = h & (this.seenOnce.length - 1)
    if (this.seenOnce[slot] === h) return true
    this.seenOnce[slot] = h
    return false
  }
  get(seq: number, key: string): Buffer | undefined {
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
  set(seq: number, key: string, value: Buffer): void {
    if (seq !== this.seq || this.entries.has(key)) return
    this.entries.set(key, value)
    this.bytes += value.length + key.length
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(k)
      this.bytes -= v.length + k.length
    }
  }
}
/** 8 MB: about a thousand result pages. */
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
  if (cache.admit(key)) cache.set(model.seq, key, json)
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
  const out = writer.begin().text('{"items":[')
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

/** Search answers are written here, one at a time (synchronously). */
const writer = new JsonWriter()
