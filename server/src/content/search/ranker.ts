import type { ItemColumns } from '../itemColumns'
import { FIELD } from '../model'
import { maskIn } from '../postings'

/**
 * Ranking of search candidates over item numbers, in typed arrays. Order: the title has
 * every word, then valid documents (repealed or expired policies after), then how many
 * words matched, then a tf-idf-like score weighting title > summary > Q&A/guide fields >
 * body (to 1/1000), then newest. The first four fold into one number per candidate.
 */

const weightOf = (mask: number) => (mask & FIELD.title ? 8 : mask & FIELD.summary ? 3 : mask & FIELD.extra ? 2 : 1)

/**
 * Postings of a term as the ranker reads them: sparse (packed `num << 4 | mask` in
 * item-number order) or dense (a 4-bit mask per item number, two per byte).
 */
export type Postings = Int32Array | Uint8Array

/** One word of a query: its postings (the word, or for one character the words containing it) and idf. */
export interface QueryWord {
  lists: Postings[]
  idf: number
}

export interface Ranked {
  /** Matching items, best first, at most k. */
  best: number[]
  /** How many items match. */
  total: number
  /** The score of each of `best`. */
  scores: number[]
}

/** Candidates that pass: the filter's bitset, or (no filter) every live item. */
export type Passes = Uint32Array | undefined

/** Scratch space reused by every search (searches run one at a time on the event loop). */
class Scratch {
  size = 0
  matched = new Uint8Array(0)
  inTitle = new Uint8Array(0)
  wordMask = new Uint8Array(0)
  score = new Float64Array(0)
  rank = new Float64Array(0)
  touched = new Int32Array(0)
  wordTouched = new Int32Array(0)
  ensure(size: number) {
    if (this.size >= size) return
    const n = Math.max(size, this.size * 2, 1024)
    this.size = n
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

const rankOf = (titleAll: boolean, valid: boolean, matched: number, score: number) =>
  ((titleAll ? 2 : 0) + (valid ? 1 : 0)) * 128 * 2 ** 32 + Math.min(matched, 127) * 2 ** 32 + Math.round(score * 1000)

/** The best `k` item numbers offered: higher rank, then newer (a bounded binary heap, worst on top). */
class BestK {
  private readonly heap: Int32Array
  private size = 0
  constructor(
    k: number,
    private readonly rank: Float64Array,
    private readonly cols: ItemColumns,
  ) {
    this.heap = new Int32Array(k)
  }

  private better(a: number, b: number): boolean {
    const ra = this.rank[a]!
    const rb = this.rank[b]!
    return ra !== rb ? ra > rb : this.cols.publishedAtMs(a) > this.cols.publishedAtMs(b)
  }

  get isFull(): boolean {
    return this.size === this.heap.length
  }

  /** The worst item kept (when any is). */
  get worst(): number {
    return this.heap[0]!
  }

  offer(num: number): void {
    const heap = this.heap
    if (this.size < heap.length) {
      heap[this.size] = num
      for (let i = this.size++; i > 0; ) {
        const p = (i - 1) >> 1
        if (!this.better(heap[p]!, heap[i]!)) break
        heap[i] = heap[p]!
        heap[p] = num
        i = p
      }
    } else if (this.size > 0 && this.better(num, heap[0]!)) {
      heap[0] = num
      const size = this.size
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < size && this.better(heap[m]!, heap[l]!)) m = l
        if (r < size && this.better(heap[m]!, heap[r]!)) m = r
        if (m === i) break
        const t = heap[i]!
        heap[i] = heap[m]!
        heap[m] = t
        i = m
      }
    }
  }

  sorted(): number[] {
    return Array.from(this.heap.subarray(0, this.size)).sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0))
  }
}

const passes = (p: Passes, cols: ItemColumns, num: number) => (p ? ((p[num >>> 5]! >>> (num & 31)) & 1) === 1 : cols.isLive(num))

/**
 * First index ≥ `from` whose item number is ≥ `num` (postings are in item-number order):
 * a few steps one by one (dense lists), then galloping (sparse ones).
 */
function seek(list: Int32Array, from: number, num: number): number {
  const end = Math.min(list.length, from + 8)
  let i = from
  while (i < end && list[i]! >>> 4 < num) i++
  if (i < end || i === list.length) return i
  let lo = i - 1
  let step = 8
  let hi = i
  while (hi < list.length && list[hi]! >>> 4 < num) {
    lo = hi
    step *= 2
    hi = lo + step
  }
  if (hi > list.length) hi = list.length
  // list[lo] < num; list[hi] ≥ num or hi = length
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! >>> 4 < num) lo = mid
    else hi = mid
  }
  return hi
}

/**
 * Items containing every word, each word with one posting list: the sparse lists are
 * walked together from the shortest, galloping ahead in the others, and dense words are
 * tested per item; so the work follows the rarest word and nothing needs resetting.
 */
function rankEveryWord(lists: Postings[], idfs: number[], p: Passes, cols: ItemColumns, capacity: number, k: number): Ranked {
  const s = scratch
  const isSparse = (l: Postings) => l instanceof Int32Array
  // Sparse lists first, shortest first; then dense ones.
  const order = lists
    .map((_, i) => i)
    .sort((a, b) => Number(!isSparse(lists[a]!)) - Number(!isSparse(lists[b]!)) || lists[a]!.length - lists[b]!.length)
  const sparse = order.filter((i) => isSparse(lists[i]!)).map((i) => lists[i] as Int32Array)
  const dense = order.filter((i) => !isSparse(lists[i]!)).map((i) => lists[i] as Uint8Array)
  const need = lists.length
  // Score added by the word in position w of `order` occurring in the fields of mask m.
  const weights = new Float64Array(need * 16)
  for (let w = 0; w < need; w++) for (let m = 1; m < 16; m++) weights[w * 16 + m] = idfs[order[w]!]! * weightOf(m)
  const pos = new Int32Array(sparse.length)
  const best = new BestK(k, s.rank, cols)
  const drivenBySparse = sparse.length > 0
  const driver = drivenBySparse ? sparse[0]! : undefined
  const steps = driver ? driver.length : Math.min(capacity, dense[0]!.length * 2)
  const firstDense = sparse.length // weight row of dense[0]
  let total = 0
  // Once k items are kept, a candidate ranked below the worst of them cannot get in.
  let floor = -Infinity
  outer: for (let i = 0; i < steps; i++) {
    let num: number
    let inTitle: number
    let score: number
    let from: number
    if (driver) {
      const first = driver[i]!
      num = first >>> 4
      inTitle = first & FIELD.title
      score = weights[first & 15]!
      from = 1
    } else {
      num = i
      const m = maskIn(dense[0]!, num)
      if (m === 0) continue
      inTitle = m & FIELD.title
      score = weights[firstDense * 16 + m]!
      from = 0
    }
    if (p !== undefined ? ((p[num >>> 5]! >>> (num & 31)) & 1) === 0 : !cols.isLive(num)) continue
    for (let w = from; w < sparse.length; w++) {
      const list = sparse[w]!
      let j = pos[w]!
      if (j < list.length && list[j]! >>> 4 < num) j = seek(list, j, num)
      pos[w] = j
      if (j === list.length) break outer
      const packed = list[j]!
      if (packed >>> 4 !== num) continue outer
      inTitle += packed & FIELD.title
      score += weights[w * 16 + (packed & 15)]!
    }
    for (let d = drivenBySparse ? 0 : 1; d < dense.length; d++) {
      const m = maskIn(dense[d]!, num)
      if (m === 0) continue outer
      inTitle += m & FIELD.title
      score += weights[(firstDense + d) * 16 + m]!
    }
    total += 1
    const r = rankOf(inTitle === need, cols.isValid(num), need, score)
    if (r < floor) continue
    s.score[num] = score
    s.rank[num] = r
    best.offer(num)
    if (best.isFull) floor = s.rank[best.worst]!
  }
  const ranked = best.sorted()
  return { best: ranked, total, scores: ranked.map((num) => s.score[num]!) }
}

/**
 * The general case (a word with several lists, or nothing has every word): counts per
 * item how many words it matched; items with every word, or if none, at least half.
 */
function rankByCounting(words: QueryWord[], p: Passes, cols: ItemColumns, k: number): Ranked {
  const s = scratch
  let touchedCount = 0
  for (const { lists, idf } of words) {
    let wordTouchedCount = 0
    for (const list of lists) {
      if (list instanceof Int32Array) {
        for (let i = 0; i < list.length; i++) {
          const packed = list[i]!
          const num = packed >>> 4
          if (s.wordMask[num] === 0) s.wordTouched[wordTouchedCount++] = num
          s.wordMask[num] = s.wordMask[num]! | (packed & 15) | 16 // 16: seen for this word
        }
      } else {
        for (let num = 0; num < list.length * 2; num++) {
          const m = maskIn(list, num)
          if (m === 0) continue
          if (s.wordMask[num] === 0) s.wordTouched[wordTouchedCount++] = num
          s.wordMask[num] = s.wordMask[num]! | m | 16
        }
      }
    }
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
  const need = words.length
  let full = 0
  let partial = 0
  for (let i = 0; i < touchedCount; i++) {
    const num = s.touched[i]!
    if (!passes(p, cols, num)) continue
    if (s.matched[num] === need) full += 1
    else if (s.matched[num]! * 2 >= need) partial += 1
  }
  const least = full ? need : Math.ceil(need / 2)
  const best = new BestK(k, s.rank, cols)
  for (let i = 0; i < touchedCount; i++) {
    const num = s.touched[i]!
    if (s.matched[num]! < least || !passes(p, cols, num)) continue
    s.rank[num] = rankOf(s.inTitle[num] === need, cols.isValid(num), s.matched[num]!, s.score[num]!)
    best.offer(num)
  }
  const ranked = best.sorted()
  const scores = ranked.map((num) => s.score[num]!)
  for (let i = 0; i < touchedCount; i++) {
    const num = s.touched[i]!
    s.matched[num] = 0
    s.inTitle[num] = 0
    s.score[num] = 0
  }
  return { best: ranked, total: full || partial, scores }
}

/** The best `k` items for the query words among those that pass, and how many match. */
export function rank(words: QueryWord[], p: Passes, cols: ItemColumns, capacity: number, k: number): Ranked {
  scratch.ensure(capacity)
  if (words.every((w) => w.lists.length === 1)) {
    const everyWord = rankEveryWord(
      words.map((w) => w.lists[0]!),
      words.map((w) => w.idf),
      p,
      cols,
      capacity,
      k,
    )
    if (everyWord.total > 0 || words.length === 1) return everyWord
  }
  if (words.some((w) => w.lists.length === 0) && words.length === 1) return { best: [], total: 0, scores: [] }
  return rankByCounting(words, p, cols, k)
}
