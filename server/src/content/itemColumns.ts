import { filterFor, type ContentFilters } from './filters'
import type { ReadItem } from './readModel'

const LIVE = 1
const VALID = 2

/**
 * What search filters and ranks by, per item number, in typed arrays: a search touches
 * up to every item, and reading objects scattered over the heap for each would cost a
 * cache miss apiece (docs/adr/0007).
 */
export class ItemColumns {
  private flags = new Uint8Array(1024)
  private published = new Float64Array(1024)
  /** Filter → bitset of the items that pass it, for the current content only. */
  private readonly bitsets = new Map<string, Uint32Array>()
  private generation = -1

  set(item: ReadItem): void {
    if (item.num >= this.flags.length) {
      const size = Math.max(item.num + 1, this.flags.length * 2)
      const flags = new Uint8Array(size)
      flags.set(this.flags)
      const published = new Float64Array(size)
      published.set(this.published)
      this.flags = flags
      this.published = published
    }
    this.flags[item.num] = LIVE | (item.type !== 'policy' || item.validity === 'valid' ? VALID : 0)
    this.published[item.num] = item.publishedAtMs
  }

  unset(num: number): void {
    this.flags[num] = 0
  }

  isLive(num: number): boolean {
    return (this.flags[num]! & LIVE) !== 0
  }

  /** In force (有效), or not a policy. */
  isValid(num: number): boolean {
    return (this.flags[num]! & VALID) !== 0
  }

  publishedAtMs(num: number): number {
    return this.published[num]!
  }

  /**
   * The live items passing `filters` as a bitset over item numbers, built once per
   * filter while content is unchanged (`generation`), for the most recent 64 filters;
   * undefined when no filter is set (every live item passes: see `isLive`).
   */
  passing(filters: ContentFilters, generation: number, items: (num: number) => ReadItem | undefined, capacity: number): Uint32Array | undefined {
    const values = [filters.type, filters.topic, filters.department, filters.region, filters.validity, filters.from, filters.to]
    if (values.every((v) => v === undefined || v === '')) return undefined
    if (generation !== this.generation) {
      this.bitsets.clear()
      this.generation = generation
    }
    const key = JSON.stringify(values)
    let bits = this.bitsets.get(key)
    if (bits) {
      this.bitsets.delete(key)
      this.bitsets.set(key, bits)
      return bits
    }
    bits = new Uint32Array((capacity + 31) >>> 5)
    const matches = filterFor(filters)
    for (let num = 0; num < capacity; num++) {
      const item = items(num)
      if (item && matches(item)) bits[num >>> 5]! |= 1 << (num & 31)
    }
    this.bitsets.set(key, bits)
    if (this.bitsets.size > 64) this.bitsets.delete(this.bitsets.keys().next().value!)
    return bits
  }
}
