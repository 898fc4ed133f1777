/** A growable list of packed postings (`num << 4 | field mask`) in an Int32Array. */
export class PostingList {
  private data: Int32Array<ArrayBufferLike> = new Int32Array(4)
  length = 0

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  /** The entries, in item-number order (a view, valid until the next push). */
  values(): Int32Array {
    return this.data.subarray(0, this.length)
  }

  at(i: number): number {
    return this.data[i]!
  }

  /** Moves the entries into `pool` at `offset` (no spare room, no allocation of its own). */
  packInto(pool: Int32Array, offset: number): number {
    pool.set(this.data.subarray(0, this.length), offset)
    this.data = pool.subarray(offset, offset + this.length)
    return offset + this.length
  }

  /** Keeps the entries `keep` accepts; returns how many remain. */
  filter(keep: (value: number) => boolean): number {
    let n = 0
    for (let i = 0; i < this.length; i++) if (keep(this.data[i]!)) this.data[n++] = this.data[i]!
    this.length = n
    if (this.data.length > 16 && n < this.data.length / 4) this.data = this.data.slice(0, Math.max(4, n * 2))
    return n
  }
}

/**
 * Packs every list into one shared array: after a bulk load, the lists' spare room and
 * per-array overhead go away (a list that grows later moves out to an array of its own).
 */
export function packPostings(lists: Iterable<PostingList>): void {
  const all = [...lists]
  const pool = new Int32Array(all.reduce((n, l) => n + l.length, 0))
  let offset = 0
  for (const list of all) offset = list.packInto(pool, offset)
}

