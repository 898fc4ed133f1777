import type { ItemColumns } from '../itemColumns'
import { FIELD } from '../model'
import { denseCapacity, forEachDenseItem, maskIn } from '../postings'

/**
 * Ranking of search candidates over item numbers, in typed arrays. Order: the title has
 * every word, then valid documents (repealed or expired policies after), then how many
 * words matched, then a tf-idf-like score weighting title > summary > Q&A/guide fields >
 * body (to 1/1000), then newest. The first four fold into one number per candidate.
 */

const weightOf = (mask: number) => (mask & FIELD.title ? 8 : mask & FIELD.summary ? 3 : mask & FIELD.extra ? 2 : 1)

/**
 * Postings of a term as the ranker reads them: sparse (packed `num << 4 | mask` in
 * item-number order) or dense (four bit planes, see PostingList).
 */
export type Postings = Int32Array | Uint32Array

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
  /** rankAllDense: per combination of fields, the 32-item words holding any of its items, and those items. */
  comboWords = new Int32Array(0)
  comboBits = new Uint32Array(0)
  combos(size: number): void {
    if (this.comboBits.length >= size) return
    this.comboWords = new Int32Array(size)
    this.comboBits = new Uint32Array(size)
  }
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

  /** Best first. By insertion (k is a page or a few: no comparator closure, no temporary arrays), or a sort when k is large. */
  sorted(): number[] {
    const out = Array.from(this.heap.subarray(0, this.size))
    if (out.length > 64) return out.sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0))
    for (let i = 1; i < out.length; i++) {
      const x = out[i]!
      let j = i - 1
      while (j >= 0 && this.better(x, out[j]!)) {
        out[j + 1] = out[j]!
        j--
      }
      out[j + 1] = x
    }
    return out
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
  const dense = order.filter((i) => !isSparse(lists[i]!)).map((i) => lists[i] as Uint32Array)
  const need = lists.length
  // Score added by the word in position w of `order` occurring in the fields of mask m.
  const weights = new Float64Array(need * 16)
  for (let w = 0; w < need; w++) for (let m = 1; m < 16; m++) weights[w * 16 + m] = idfs[order[w]!]! * weightOf(m)
  const pos = new Int32Array(sparse.length)
  const best = new BestK(k, s.rank, cols)
  const drivenBySparse = sparse.length > 0
  const driver = drivenBySparse ? sparse[0]! : undefined
  const steps = driver ? driver.length : Math.min(capacity, denseCapacity(dense[0]!))
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
        forEachDenseItem(list, (num) => {
          if (s.wordMask[num] === 0) s.wordTouched[wordTouchedCount++] = num
          s.wordMask[num] = s.wordMask[num]! | maskIn(list, num) | 16
        })
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

const popcount = (x: number) => {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

/** Score weight of a word's best field, by level: 0 body, 1 Q&A/guide fields, 2 summary, 3 title. */
const LEVEL_WEIGHT = [1, 2, 3, 8]

/** Queries of at most this many words, every one dense, are ranked 32 items at a time. */
export const MAX_DENSE_WORDS = 3

/**
 * Every word dense (common words: the other ways would visit nearly every item). An
 * item's rank depends only on the best field each word is in: for n words that is one of
 * 4ⁿ combinations, each a set of items found for 32 items at once from the bit planes.
 * The combinations are taken best first (title has every word; then valid; then score),
 * each set counted, and its newest items taken until k are found; then it stops.
 */
function rankAllDense(planes: Uint32Array[], idfs: number[], p: Passes, cols: ItemColumns, k: number): Ranked {
  const n = planes.length
  const live = p ?? cols.liveBits
  const validBits = cols.validBits
  let words = Math.min(live.length, validBits.length)
  for (const pl of planes) words = Math.min(words, pl.length >>> 2)
  const combos = 1 << (2 * n)
  // Combination c (the level of word i in bits 2i, 2i+1) occupies rows c*words … : in
  // `wordAt` the 32-item words holding some of its items, in order, in `bitsAt` those items.
  scratch.combos(words * combos)
  const wordAt = scratch.comboWords
  const bitsAt = scratch.comboBits
  const used = new Int32Array(combos)
  const lv = new Int32Array(12)
  const put = (c: number, w: number, x: number) => {
    const at = c * words + used[c]!++
    wordAt[at] = w
    bitsAt[at] = x
  }
  let total = 0
  for (let w = 0; w < words; w++) {
    let m = live[w]!
    const at = w << 2
    for (let i = 0; i < n && m !== 0; i++) {
      const pl = planes[i]!
      const t = pl[at]!
      const su = pl[at + 1]!
      const ex = pl[at + 2]!
      const bo = pl[at + 3]!
      m &= t | su | ex | bo
      lv[i * 4 + 3] = t
      lv[i * 4 + 2] = su & ~t
      lv[i * 4 + 1] = ex & ~(t | su)
      lv[i * 4] = bo & ~(t | su | ex)
    }
    if (m === 0) continue
    total += popcount(m)
    for (let a = 0; a < 4; a++) {
      const x1 = m & lv[a]!
      if (x1 === 0) continue
      if (n === 1) {
        put(a, w, x1)
        continue
      }
      for (let b = 0; b < 4; b++) {
        const x2 = x1 & lv[4 + b]!
        if (x2 === 0) continue
        if (n === 2) {
          put(a + 4 * b, w, x2)
          continue
        }
        for (let c = 0; c < 4; c++) {
          const x3 = x2 & lv[8 + c]!
          if (x3 !== 0) put(a + 4 * b + 16 * c, w, x3)
        }
      }
    }
  }
  if (total === 0) return { best: [], total: 0, scores: [] }

  // Tiers best first: title has every word (valid, then not), then the other combinations
  // by score (equal scores to 1/1000 together), valid ones before the others.
  const titleAll = combos - 1
  const byScore = new Map<number, number[]>()
  for (let c = 0; c < titleAll; c++) {
    if (used[c] === 0) continue
    let score = 0
    for (let i = 0; i < n; i++) score += idfs[i]! * LEVEL_WEIGHT[(c >> (2 * i)) & 3]!
    const key = Math.round(score * 1000)
    byScore.get(key)?.push(c) ?? byScore.set(key, [c])
  }
  const classes = [...byScore.entries()].sort((x, y) => y[0] - x[0]).map(([, cs]) => cs)
  const tiers: { combos: number[]; valid: boolean }[] = []
  if (used[titleAll]! > 0) tiers.push({ combos: [titleAll], valid: true }, { combos: [titleAll], valid: false })
  for (const valid of [true, false]) for (const cs of classes) tiers.push({ combos: cs, valid })

  const best: number[] = []
  const newest = cols.newestFirst()
  // Per 32-item word, its items in the tier being taken (for the walk newest first).
  const tierBits = new Uint32Array(words)
  for (const tier of tiers) {
    if (best.length >= k) break
    const need = k - best.length
    const members: number[] = []
    let count = 0
    for (const c of tier.combos) {
      for (let at = c * words, end = at + used[c]!; at < end; at++) {
        const w = wordAt[at]!
        const x = bitsAt[at]! & (tier.valid ? validBits[w]! : ~validBits[w]!)
        if (x === 0) continue
        count += popcount(x)
        tierBits[w]! |= x
      }
    }
    if (count === 0) continue
    if (count > need && count * count > need * newest.length) {
      // A large set: its newest items come soon when walking all items newest first.
      for (let i = 0, found = 0; i < newest.length && found < need; i++) {
        const num = newest[i]!
        if (num >>> 5 < words && ((tierBits[num >>> 5]! >>> (num & 31)) & 1) === 1) {
          best.push(num)
          found += 1
        }
      }
    } else {
      // A small set: all of it, newest first (the newest `need` of it).
      for (const c of tier.combos) {
        for (let at = c * words, end = at + used[c]!; at < end; at++) {
          const w = wordAt[at]!
          let x = bitsAt[at]! & (tier.valid ? validBits[w]! : ~validBits[w]!)
          while (x !== 0) {
            const bit = x & -x
            x ^= bit
            members.push((w << 5) + (31 - Math.clz32(bit)))
          }
        }
      }
      // The comparator answers -1/0/1, not the difference of two dates (a double, boxed at every comparison).
      members.sort((a, b) => {
        const d = cols.publishedAtMs(b) - cols.publishedAtMs(a)
        return d > 0 ? 1 : d < 0 ? -1 : 0
      })
      for (let i = 0; i < need && i < members.length; i++) best.push(members[i]!)
    }
    // Clear what this tier set (the next tier sets other words).
    for (const c of tier.combos) for (let at = c * words, end = at + used[c]!; at < end; at++) tierBits[wordAt[at]!] = 0
  }
  const scores = best.map((num) => {
    let score = 0
    for (let i = 0; i < n; i++) score += idfs[i]! * weightOf(maskIn(planes[i]!, num))
    return score
  })
  return { best, total, scores }
}

/** The best `k` items for the query words among those that pass, and how many match. */
export function rank(words: QueryWord[], p: Passes, cols: ItemColumns, capacity: number, k: number): Ranked {
  scratch.ensure(capacity)
  if (words.length <= MAX_DENSE_WORDS && words.every((w) => w.lists.length === 1 && w.lists[0] instanceof Uint32Array)) {
    const dense = rankAllDense(
      words.map((w) => w.lists[0] as Uint32Array),
      words.map((w) => w.idf),
      p,
      cols,
      k,
    )
    if (dense.total > 0 || words.length === 1) return dense
    return rankByCounting(words, p, cols, k)
  }
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
