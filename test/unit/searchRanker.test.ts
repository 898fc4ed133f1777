import { describe, expect, it } from 'vitest'
import { prng } from '../../scripts/bench/generateContent'
import { ItemColumns } from '../../server/src/content/itemColumns'
import { FIELD } from '../../server/src/content/model'
import { PostingList } from '../../server/src/content/postings'
import type { ReadItem } from '../../server/src/content/readModel'
import { rank, type QueryWord } from '../../server/src/content/search/ranker'

const weightOf = (mask: number) => (mask & FIELD.title ? 8 : mask & FIELD.summary ? 3 : mask & FIELD.extra ? 2 : 1)

/** A random little index: item → term → field mask, item validity and publish time (with ties). */
function randomIndex(seed: number, items: number, vocabulary: number) {
  const rand = prng(seed)
  const cols = new ItemColumns()
  const masks: Map<number, number>[] = [] // per term: item → mask
  for (let t = 0; t < vocabulary; t++) masks.push(new Map())
  const live: boolean[] = []
  for (let num = 0; num < items; num++) {
    const valid = rand() < 0.8
    cols.set({ num, type: 'policy', validity: valid ? 'valid' : 'repealed', publishedAtMs: Math.floor(rand() * 200) * 86_400_000 } as ReadItem)
    live.push(rand() < 0.95)
    if (!live[num]) cols.unset(num)
    for (let t = 0; t < vocabulary; t++) if (rand() < (t + 1) / (vocabulary + 2)) masks[t]!.set(num, 1 + Math.floor(rand() * 15))
  }
  const lists = masks.map((m) => Int32Array.from([...m.entries()].map(([num, mask]) => (num << 4) | mask)))
  return { cols, masks, lists, live }
}

/** Sparse postings in the dense form (bit planes). */
function toDense(list: Int32Array, capacity: number): Uint32Array {
  const postings = new PostingList()
  for (const v of list) postings.push(v)
  postings.densify(capacity)
  return postings.masks()!
}

/** The ranking spelt out plainly, item by item, as the search documentation states it. */
function reference(index: ReturnType<typeof randomIndex>, terms: number[], idfs: number[], passes: (num: number) => boolean, k: number) {
  const rows = index.live
    .map((live, num) => ({ num, live }))
    .filter(({ num, live }) => live && passes(num))
    .map(({ num }) => {
      let matched = 0
      let inTitle = 0
      let score = 0
      terms.forEach((t, i) => {
        const mask = index.masks[t]!.get(num)
        if (mask === undefined) return
        matched += 1
        if (mask & FIELD.title) inTitle += 1
        score += idfs[i]! * weightOf(mask)
      })
      return { num, matched, titleAll: inTitle === terms.length, valid: index.cols.isValid(num), score: Math.round(score * 1000), at: index.cols.publishedAtMs(num) }
    })
  const all = rows.filter((r) => r.matched === terms.length)
  const candidates = all.length ? all : rows.filter((r) => r.matched * 2 >= terms.length && r.matched > 0)
  const key = (r: (typeof rows)[number]) => [Number(r.titleAll), Number(r.valid), r.matched, r.score, r.at]
  candidates.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!
    return 0
  })
  return { total: candidates.length, keys: candidates.slice(0, k).map(key) }
}

describe('search ranking', () => {
  it('finds and orders the same items as the plain reference, with and without a filter, through every way of ranking and both forms of postings', () => {
    let checked = 0
    for (let seed = 1; seed <= 40; seed++) {
      const index = randomIndex(seed, 300, 6)
      const rand = prng(seed * 7)
      const terms = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => Math.floor(rand() * 6))
      // Odd seeds give every word the same idf, so different combinations of fields tie on score.
      const idfs = terms.map((t) => (seed % 2 ? 1.5 : Math.log(1 + 300 / (1 + index.lists[t]!.length))))
      const filterBits = new Uint32Array(10)
      for (let num = 0; num < 300; num++) if (index.live[num] && rand() < 0.5) filterBits[num >>> 5]! |= 1 << (num & 31)
      // A short page, a long one (reaching lower tiers), and a filtered one.
      for (const [filtered, k] of [[false, 3], [false, 60], [true, 25]] as const) {
        const passes = (num: number) => !filtered || ((filterBits[num >>> 5]! >>> (num & 31)) & 1) === 1
        const expected = reference(index, terms, idfs, passes, k)
        // One list per word (walked together), and each word's list split in two (counted per item).
        const single: QueryWord[] = terms.map((t, i) => ({ lists: [index.lists[t]!], idf: idfs[i]! }))
        const split: QueryWord[] = terms.map((t, i) => {
          const l = index.lists[t]!
          return { lists: [l.filter((_, j) => j % 2 === 0), l.filter((_, j) => j % 2 === 1)], idf: idfs[i]! }
        })
        // Every word dense (a 4-bit mask per item), and the first word dense, the others sparse.
        const dense: QueryWord[] = terms.map((t, i) => ({ lists: [toDense(index.lists[t]!, 300)], idf: idfs[i]! }))
        const mixed: QueryWord[] = terms.map((_, i) => (i === 0 ? dense[0]! : single[i]!))
        for (const words of [single, split, dense, mixed]) {
          const got = rank(words, filtered ? filterBits : undefined, index.cols, 300, k)
          expect(got.total).toBe(expected.total)
          // Compare by rank keys: items equal in every key may come in either order.
          const gotKeys = got.best.map((num, i) => {
            const r = reference(index, terms, idfs, (n) => n === num && passes(n), 1)
            return { key: r.keys[0], score: Math.round(got.scores[i]! * 1000) }
          })
          expect(gotKeys.map((g) => g.key)).toEqual(expected.keys.map((k) => (expected.total ? k : undefined)).slice(0, got.best.length))
          expect(got.best.length).toBe(Math.min(k, expected.total))
          checked += 1
        }
      }
    }
    expect(checked).toBe(480)
  })

  it('falls back to items with at least half of the words when none has them all', () => {
    const cols = new ItemColumns()
    for (let num = 0; num < 3; num++) cols.set({ num, type: 'guide', publishedAtMs: num } as ReadItem)
    const a = { lists: [Int32Array.from([(0 << 4) | FIELD.body, (1 << 4) | FIELD.title])], idf: 1 }
    const b = { lists: [Int32Array.from([(2 << 4) | FIELD.body])], idf: 1 }
    const got = rank([a, b], undefined, cols, 3, 10)
    expect(got.total).toBe(3)
    expect(got.best[0]).toBe(1) // title weight first, then newest
    expect(got.best.slice(1)).toEqual([2, 0])
  })

  it('takes the newest items of a large tier made of several combinations of fields with equal scores', () => {
    // 公开 in the title of even items and the body of odd ones, 信息 the other way round:
    // with equal idf every item scores the same, in two combinations of fields.
    const cols = new ItemColumns()
    const a = new PostingList()
    const b = new PostingList()
    const items = 1000
    for (let num = 0; num < items; num++) {
      cols.set({ num, type: 'guide', publishedAtMs: ((num * 7919) % items) * 1000 } as ReadItem)
      a.push((num << 4) | (num % 2 ? FIELD.body : FIELD.title))
      b.push((num << 4) | (num % 2 ? FIELD.title : FIELD.body))
    }
    a.densify(items)
    b.densify(items)
    const got = rank([{ lists: [a.masks()!], idf: 1 }, { lists: [b.masks()!], idf: 1 }], undefined, cols, items, 6)
    const newest = Array.from({ length: items }, (_, num) => num).sort((x, y) => cols.publishedAtMs(y) - cols.publishedAtMs(x))
    expect(got.total).toBe(items)
    expect(got.best).toEqual(newest.slice(0, 6))
    expect(new Set(got.best.map((num) => num % 2)).size).toBe(2)
  })
})
