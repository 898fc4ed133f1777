import { describe, expect, it } from 'vitest'
import { FIELD } from '../../server/src/content/model'
import { GrowthArena, maskIn, packPostings, PostingList } from '../../server/src/content/postings'

const entry = (num: number, mask: number) => (num << 4) | mask

describe('posting lists', () => {
  it('hold terms found in at least an eighth of the items densely, the rest packed sparsely, with the same content', () => {
    const common = new PostingList()
    const rare = new PostingList()
    for (let num = 0; num < 100; num++) if (num % 3 === 0) common.push(entry(num, num % 2 ? FIELD.title : FIELD.body))
    rare.push(entry(7, FIELD.summary))
    rare.push(entry(90, FIELD.title | FIELD.body))
    packPostings([common, rare], 100)
    expect(common.isDense).toBe(true)
    expect(rare.isDense).toBe(false)
    expect(common.length).toBe(34)
    const masks = common.masks()!
    expect(maskIn(masks, 3)).toBe(FIELD.title)
    expect(maskIn(masks, 6)).toBe(FIELD.body)
    expect(maskIn(masks, 4)).toBe(0)
    expect(Array.from(rare.values())).toEqual([entry(7, FIELD.summary), entry(90, FIELD.title | FIELD.body)])
  })

  it('made dense early in a bulk load, keep growing past their first room and are trimmed to the items when packed', () => {
    const arena = new GrowthArena()
    const early = new PostingList(arena)
    for (let num = 0; num < 100; num++) early.push(entry(num, FIELD.body))
    early.densify(200) // room for twice the items read so far
    for (let num = 100; num < 1000; num++) early.push(entry(num, num === 999 ? FIELD.title : FIELD.body))
    expect(early.masks()!.length).toBeGreaterThan(((1000 + 31) >>> 5) << 2) // grown by doubling
    packPostings([early], 1000)
    expect(early.masks()!.length).toBe(((1000 + 31) >>> 5) << 2)
    expect(early.length).toBe(1000)
    expect(early.masks()!.buffer.byteLength).toBe(early.masks()!.byteLength) // out of the arena's slab
    expect(maskIn(early.masks()!, 0)).toBe(FIELD.body)
    expect(maskIn(early.masks()!, 999)).toBe(FIELD.title)
  })

  it('keep growing after packing, and drop removed items on compaction', () => {
    const common = new PostingList()
    for (let num = 0; num < 10; num++) common.push(entry(num, FIELD.body))
    packPostings([common], 10)
    expect(common.isDense).toBe(true)
    common.push(entry(250, FIELD.title)) // an item published later, far beyond the packed size
    expect(maskIn(common.masks()!, 250)).toBe(FIELD.title)
    expect(common.length).toBe(11)
    expect(common.filter((num) => num % 2 === 0)).toBe(6)
    expect(maskIn(common.masks()!, 3)).toBe(0)
    expect(maskIn(common.masks()!, 4)).toBe(FIELD.body)
    expect(maskIn(common.masks()!, 250)).toBe(FIELD.title)
  })

  it('grown in a shared arena during a bulk load, hold the same entries as lists grown alone, before and after packing', () => {
    const arena = new GrowthArena()
    const capacity = 3_000_000
    // Many small lists, one over a slab's size (8 MB of entries), all interleaved.
    const grownIn = Array.from({ length: 50 }, () => new PostingList(arena))
    const alone = Array.from({ length: 50 }, () => new PostingList())
    const big = new PostingList(arena)
    for (let num = 0; num < capacity; num++) {
      if (num % 7 === 0) big.push(entry(num, FIELD.body))
      if (num % 997 === 0) {
        const t = (num / 997) % 50
        grownIn[t]!.push(entry(num, FIELD.summary))
        alone[t]!.push(entry(num, FIELD.summary))
      }
    }
    expect(big.length).toBe(Math.ceil(capacity / 7))
    grownIn.forEach((l, t) => expect(Array.from(l.values())).toEqual(Array.from(alone[t]!.values())))
    packPostings([...grownIn, big], capacity)
    expect(big.isDense).toBe(true)
    expect(maskIn(big.masks()!, 7 * 1000)).toBe(FIELD.body)
    expect(maskIn(big.masks()!, 7 * 1000 + 1)).toBe(0)
    grownIn.forEach((l, t) => expect(Array.from(l.values())).toEqual(Array.from(alone[t]!.values())))
    // After packing, a list grows on its own again.
    grownIn[0]!.push(entry(capacity, FIELD.title))
    expect(grownIn[0]!.values().at(-1)).toBe(entry(capacity, FIELD.title))
  })
})
