/** A growable list of packed postings (`num << 4 | field mask`) in an Int32Array. */
export class PostingList {
  private data = new Int32Array(4)
  length = 0

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  at(i: number): number {
    return this.data[i]!
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
