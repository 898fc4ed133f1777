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
  /** The live and the valid items as bitsets (search ranks 32 items at a time with them). */
  private live = new Uint32Array(32)
  private valid = new Uint32Array(32)
  /** Live item numbers, newest first; rebuilt after a change. */
  private newest: Int32Array | undefined
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
      this.live = grown(this.live, size)
      this.valid = grown(this.valid, size)
    }
    const valid = item.type !== 'policy' || item.validity === 'valid'
    this.flags[item.num] = LIVE | (valid ? VALID : 0)
    this.published[item.num] = item.publishedAtMs
    const bit = 1 << (item.num & 31)
    this.live[item.num >>> 5]! |= bit
    if (valid) this.valid[item.num >>> 5]! |= bit
    else this.valid[item.num >>> 5]! &= ~bit
    this.newest = undefined
  }

  unset(num: number): void {
    this.flags[num] = 0
    this.live[num >>> 5]! &= ~(1 << (num & 31))
    this.valid[num >>> 5]! &= ~(1 << (num & 31))
    this.newest = undefined
  }

  /** Live items as a bitset over item numbers (32 a word; may be longer than needed). */
  get liveBits(): Uint32Array {
    return this.live
  }

  /** Valid live items as a bitset (see `isValid`). */
  get validBits(): Uint32Array {
    return this.valid
  }

  /** Live item numbers, newest first (ties in any order). */
  newestFirst(): Int32Array {
    if (!this.newest) {
      const nums: number[] = []
      for (let num = 0; num < this.flags.length; num++) if (this.flags[num]! & LIVE) nums.push(num)
      const published = this.published
      this.newest = Int32Array.from(nums).sort((a, b) => published[b]! - published[a]!)
    }
    return this.newest
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

function grown(bits: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array((size + 31) >>> 5)
  bigger.set(bits)
  return bigger
}
