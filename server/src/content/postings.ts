/**
 * The postings of one term: which item numbers contain it, with the fields it occurs in
 * (a 4-bit mask). Two forms:
 * - sparse: packed entries `num << 4 | mask` in item-number order, in an Int32Array;
 * - dense: one 4-bit mask per item number (0 = absent), two per byte. Used for terms in
 *   at least an eighth of all items, where it is smaller (≤ 4 bytes a posting) and lets
 *   search test an item in one step (docs/adr/0007).
 */
export class PostingList {
  private data: Int32Array<ArrayBufferLike> = new Int32Array(4)
  private nibbles: Uint8Array | undefined
  /** How many items hold the term (live or not yet compacted away). */
  length = 0

  get isDense(): boolean {
    return this.nibbles !== undefined
  }

  push(value: number): void {
    if (this.nibbles) {
      const num = value >>> 4
      if (num >> 1 >= this.nibbles.length) {
        const bigger = new Uint8Array(Math.max((num >> 1) + 1, this.nibbles.length * 2))
        bigger.set(this.nibbles)
        this.nibbles = bigger
      }
      if (maskIn(this.nibbles, num) === 0) this.length += 1
      this.nibbles[num >> 1]! |= (value & 15) << ((num & 1) << 2)
      return
    }
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  /** Sparse form: the entries, in item-number order (a view, valid until the next push). */
  values(): Int32Array {
    return this.data.subarray(0, this.nibbles ? 0 : this.length)
  }

  /** Dense form: the masks, two per byte (see `maskIn`). */
  masks(): Uint8Array | undefined {
    return this.nibbles
  }

  /** Moves the entries into `pool` at `offset` (no spare room, no allocation of its own). */
  packInto(pool: Int32Array, offset: number): number {
    if (this.nibbles) return offset
    pool.set(this.data.subarray(0, this.length), offset)
    this.data = pool.subarray(offset, offset + this.length)
    return offset + this.length
  }

  /** Turns a sparse list into the dense form for item numbers below `capacity`. */
  densify(capacity: number): void {
    if (this.nibbles) return
    const nibbles = new Uint8Array((capacity + 1) >> 1)
    for (let i = 0; i < this.length; i++) {
      const v = this.data[i]!
      const num = v >>> 4
      nibbles[num >> 1]! |= (v & 15) << ((num & 1) << 2)
    }
    this.nibbles = nibbles
    this.data = new Int32Array(0)
  }

  /** Keeps the items `keep` accepts (by item number); returns how many remain. */
  filter(keep: (num: number) => boolean): number {
    if (this.nibbles) {
      let n = 0
      for (let num = 0; num < this.nibbles.length * 2; num++) {
        if (maskIn(this.nibbles, num) === 0) continue
        if (keep(num)) n += 1
        else this.nibbles[num >> 1]! &= (num & 1) === 0 ? 0xf0 : 0x0f
      }
      this.length = n
      return n
    }
    let n = 0
    for (let i = 0; i < this.length; i++) if (keep(this.data[i]! >>> 4)) this.data[n++] = this.data[i]!
    this.length = n
    if (this.data.length > 16 && n < this.data.length / 4) this.data = this.data.slice(0, Math.max(4, n * 2))
    return n
  }
}

/** The field mask of item `num` in dense masks (0: the term is not in it). */
export function maskIn(nibbles: Uint8Array, num: number): number {
  const at = num >> 1
  return at < nibbles.length ? (nibbles[at]! >> ((num & 1) << 2)) & 15 : 0
}

/** Terms in at least this share of all items are held densely. */
export const DENSE_SHARE = 1 / 8

/**
 * After a bulk load: terms in at least DENSE_SHARE of the `capacity` items become dense;
 * the other lists are packed into one shared array (their spare room and per-array
 * overhead go away; a list that grows later moves out to an array of its own).
 */
export function packPostings(lists: Iterable<PostingList>, capacity: number): void {
  const all = [...lists]
  for (const list of all) if (capacity > 0 && list.length >= capacity * DENSE_SHARE) list.densify(capacity)
  const sparse = all.filter((l) => !l.isDense)
  const pool = new Int32Array(sparse.reduce((n, l) => n + l.length, 0))
  let offset = 0
  for (const list of sparse) offset = list.packInto(pool, offset)
}
