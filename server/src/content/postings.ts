/**
 * The postings of one term: which item numbers contain it, with the fields it occurs in
 * (a 4-bit mask, see FIELD). Two forms:
 * - sparse: packed entries `num << 4 | mask` in item-number order, in an Int32Array;
 * - dense: four bit planes, one per field (title, summary, extra, body), interleaved by
 *   32-item word: `planes[4w + f]` holds field f of items 32w … 32w+31. Used for terms
 *   in at least an eighth of all items, where it is smaller (≤ 4 bytes a posting), lets
 *   search test an item in one step and rank whole words of 32 items at once
 *   (docs/adr/0007).
 */
export class PostingList {
  private data: Int32Array<ArrayBufferLike>
  private planes: Uint32Array | undefined
  /** How many items hold the term (live or not yet compacted away). */
  length = 0
  /**
   * Growing in an arena: the full chunks before `data` (each twice the one before, up to
   * ARENA_CHUNK_MAX), and how many entries `data` holds. Nothing is copied while growing,
   * so the arena holds little more than the entries (copying into doubled blocks left
   * every outgrown block behind: about three times the entries).
   */
  private chunks: Int32Array[] | undefined
  private fill = 0
  /** Whether the dense planes sit in an arena's slab (they must move out when packed). */
  private planesInArena = false

  /** `arena`: where the list grows until it is packed (during a bulk load). */
  constructor(private arena?: GrowthArena) {
    this.data = arena ? arena.alloc(4) : new Int32Array(4)
  }

  get isDense(): boolean {
    return this.planes !== undefined
  }

  push(value: number): void {
    if (this.planes) {
      const num = value >>> 4
      if (((num >>> 5) << 2) >= this.planes.length) {
        this.planes = grownPlanes(this.planes, num + 1, this.arena)
        if (this.arena) this.planesInArena = true
      }
      if (maskIn(this.planes, num) === 0) this.length += 1
      setMask(this.planes, num, value & 15)
      return
    }
    if (this.arena) {
      if (this.fill === this.data.length) {
        ;(this.chunks ??= []).push(this.data)
        this.data = this.arena.alloc(Math.min(this.data.length * 2, ARENA_CHUNK_MAX))
        this.fill = 0
      }
      this.data[this.fill++] = value
      this.length += 1
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
    this.gather()
    return this.data.subarray(0, this.planes ? 0 : this.length)
  }

  /** Every entry grown in the arena, in order, in one array of its own (leaves the arena). */
  private gather(): void {
    if (!this.arena || this.planes) return
    const all = new Int32Array(Math.max(4, this.length))
    this.copyEntriesTo(all, 0)
    this.data = all
    this.chunks = undefined
    this.arena = undefined
  }

  /** Copies the sparse entries to `target` at `offset`, from the arena's chunks or the array. */
  private copyEntriesTo(target: Int32Array, offset: number): void {
    if (!this.arena) {
      target.set(this.data.subarray(0, this.length), offset)
      return
    }
    let at = offset
    for (const c of this.chunks ?? []) {
      target.set(c, at)
      at += c.length
    }
    target.set(this.data.subarray(0, this.fill), at)
  }

  /** Dense form: the bit planes (see `maskIn`). */
  masks(): Uint32Array | undefined {
    return this.planes
  }

  /** Moves the entries into `pool` at `offset` (no spare room, no allocation of its own). */
  packInto(pool: Int32Array, offset: number): number {
    if (this.planes) return offset
    this.copyEntriesTo(pool, offset)
    this.arena = undefined
    this.chunks = undefined
    this.data = pool.subarray(offset, offset + this.length)
    return offset + this.length
  }

  /**
   * Turns a sparse list into the dense form for item numbers below `capacity`. During a
   * bulk load the planes too grow in the arena (`settle` moves them out, sized exactly).
   */
  densify(capacity: number, exact = false): void {
    if (this.planes) return
    const words = ((capacity + 31) >>> 5) << 2
    // `exact`: the capacity is the item count expected at the end; the planes are final.
    this.planesInArena = this.arena !== undefined && !exact
    const planes = this.planesInArena ? this.arena!.allocPlanes(words) : new Uint32Array(words)
    const put = (v: number) => setMask(planes, v >>> 4, v & 15)
    if (this.arena) for (const c of this.chunks ?? []) c.forEach(put)
    const n = this.arena ? this.fill : this.length
    for (let i = 0; i < n; i++) put(this.data[i]!)
    this.planes = planes
    this.data = new Int32Array(0)
    this.chunks = undefined
  }

  /**
   * After a bulk load: dense planes move out of the arena into an array of exactly
   * `capacity` items (so the arena's slabs, returned whole, hold all the outgrown ones).
   */
  settle(capacity: number): void {
    if (!this.planes) return
    const words = ((capacity + 31) >>> 5) << 2
    if (this.planes.length > words || this.planesInArena) {
      const exact = new Uint32Array(Math.max(words, 4))
      exact.set(this.planes.subarray(0, Math.min(words, this.planes.length)))
      this.planes = exact
      this.planesInArena = false
    }
    this.arena = undefined
  }

  /** Keeps the items `keep` accepts (by item number); returns how many remain. */
  filter(keep: (num: number) => boolean): number {
    this.gather()
    if (this.planes) {
      const planes = this.planes
      let n = 0
      forEachDenseItem(planes, (num) => {
        if (keep(num)) n += 1
        else for (let f = 0; f < 4; f++) planes[((num >>> 5) << 2) + f]! &= ~(1 << (num & 31))
      })
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

/** The field mask of item `num` in dense postings (0: the term is not in it). */
export function maskIn(planes: Uint32Array, num: number): number {
  const at = (num >>> 5) << 2
  if (at >= planes.length) return 0
  const b = num & 31
  return ((planes[at]! >>> b) & 1) | (((planes[at + 1]! >>> b) & 1) << 1) | (((planes[at + 2]! >>> b) & 1) << 2) | (((planes[at + 3]! >>> b) & 1) << 3)
}

/** Calls `visit` with every item number dense postings hold, in order. */
export function forEachDenseItem(planes: Uint32Array, visit: (num: number) => void): void {
  for (let at = 0; at < planes.length; at += 4) {
    let any = planes[at]! | planes[at + 1]! | planes[at + 2]! | planes[at + 3]!
    while (any !== 0) {
      const bit = any & -any
      any ^= bit
      visit((at << 3) + (31 - Math.clz32(bit)))
    }
  }
}

/** How many item numbers dense postings cover. */
export const denseCapacity = (planes: Uint32Array): number => (planes.length >>> 2) << 5

function setMask(planes: Uint32Array, num: number, mask: number): void {
  const at = (num >>> 5) << 2
  const bit = 1 << (num & 31)
  for (let f = 0; f < 4; f++) if (mask & (1 << f)) planes[at + f]! |= bit
}

function grownPlanes(planes: Uint32Array, capacity: number, arena?: GrowthArena): Uint32Array {
  // Interleaved by word, so the old planes are the start of the new ones.
  const words = Math.max(((capacity + 31) >>> 5) << 2, planes.length * 2)
  const bigger = arena ? arena.allocPlanes(words) : new Uint32Array(words)
  bigger.set(planes)
  return bigger
}

/** Ints per slab of a GrowthArena (8 MB: its own memory mapping, returned whole when freed). */
const SLAB_INTS = 1 << 21

/** Largest chunk a list grows by in an arena (16 KB). */
const ARENA_CHUNK_MAX = 4096

/**
 * Where posting lists grow during a bulk load: big slabs handed out by bumping a pointer.
 * The lists move into one packed array afterwards (`packPostings`) and the slabs, no
 * longer referenced, go back to the system whole. Growing each list in small arrays of
 * its own instead left ~75 MB of freed holes in the C heap at 100,000 items, which the
 * process keeps (docs/adr/0007).
 */
export class GrowthArena {
  private slab = new Int32Array(0)
  private used = 0

  alloc(ints: number): Int32Array {
    if (ints > SLAB_INTS / 4) return new Int32Array(ints)
    if (this.used + ints > this.slab.length) {
      this.slab = new Int32Array(SLAB_INTS)
      this.used = 0
    }
    const block = this.slab.subarray(this.used, this.used + ints)
    this.used += ints
    return block
  }

  /** Room for dense bit planes (zeroed: a slab is never handed out twice). */
  allocPlanes(words: number): Uint32Array {
    const block = this.alloc(words)
    return new Uint32Array(block.buffer, block.byteOffset, words)
  }
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
  for (const list of all) {
    if (capacity > 0 && list.length >= capacity * DENSE_SHARE) list.densify(capacity)
    list.settle(capacity)
  }
  const sparse = all.filter((l) => !l.isDense)
  const pool = new Int32Array(sparse.reduce((n, l) => n + l.length, 0))
  let offset = 0
  for (const list of sparse) offset = list.packInto(pool, offset)
}
