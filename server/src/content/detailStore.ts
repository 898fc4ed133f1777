import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Texts of the public items, a few per item number, in a local append-only file that this
 * process owns (created at start, removed at exit). Memory holds only offsets and lengths
 * in typed arrays; reads come from the page cache. This keeps every public detail one
 * `pread` away without holding bodies on the heap (docs/adr/0006).
 */
export class DetailStore {
  private fd: number
  private size = 0
  private readonly file: string
  /** Per item number: where its texts start, and each text's length in bytes. */
  private offsets = new Float64Array(1024)
  private lengths = new Int32Array(1024)

  private readonly parts: number

  /**
   * `encodings`: how each of an item's texts is stored, in order. UTF-8 for what is sent as
   * it is (no decoding needed); UTF-16 for text only read back as a string (Chinese is 2
   * bytes a character instead of 3, and decoding is a copy).
   */
  constructor(
    private readonly encodings: readonly BufferEncoding[],
    dir: string = os.tmpdir(),
  ) {
    this.parts = encodings.length
    this.lengths = new Int32Array(1024 * this.parts)
    this.file = path.join(dir, `zw-details-${process.pid}-${Date.now().toString(36)}.bin`)
    this.fd = fs.openSync(this.file, 'w+')
    process.once('exit', () => this.close())
  }

  /** Stores the texts of item number `num` (replacing none: numbers are never reused). */
  put(num: number, texts: string[]): void {
    if (num >= this.offsets.length) {
      const size = Math.max(num + 1, this.offsets.length * 2)
      const offsets = new Float64Array(size)
      offsets.set(this.offsets)
      const lengths = new Int32Array(size * this.parts)
      lengths.set(this.lengths)
      this.offsets = offsets
      this.lengths = lengths
    }
    this.offsets[num] = this.size
    for (let p = 0; p < this.parts; p++) {
      const written = fs.writeSync(this.fd, texts[p] ?? '', this.size, this.encodings[p])
      this.lengths[num * this.parts + p] = written
      this.size += written
    }
  }

  /** Where text `part` of item number `num` starts in the file. */
  private offsetOf(num: number, part: number): number {
    let offset = this.offsets[num]!
    for (let p = 0; p < part; p++) offset += this.lengths[num * this.parts + p]!
    return offset
  }

  lengthOf(num: number, part: number): number {
    return this.lengths[num * this.parts + part]!
  }

  private scratch = Buffer.allocUnsafeSlow(16 * 1024)

  /**
   * Texts `first` to `last` of item number `num` as stored, one after another, in a buffer
   * this store reuses: the view is valid until the next `scratchRange` (a search reads
   * twenty results this way and copies what it sends, allocating nothing per result).
   */
  scratchRange(num: number, first: number, last: number): Buffer {
    if (num >= this.offsets.length) return this.scratch.subarray(0, 0)
    let length = 0
    for (let p = first; p <= last; p++) length += this.lengthOf(num, p)
    if (length > this.scratch.length) this.scratch = Buffer.allocUnsafeSlow(Math.max(length, this.scratch.length * 2))
    if (length) fs.readSync(this.fd, this.scratch, 0, length, this.offsetOf(num, first))
    return this.scratch.subarray(0, length)
  }

  /** Text `part` of item number `num` as stored (UTF-8 parts: as sent), followed by `tail` in UTF-8 (one buffer, no copying). */
  bytes(num: number, part: number, tail = ''): Buffer {
    if (num >= this.offsets.length) return Buffer.from(tail, 'utf8')
    const length = this.lengthOf(num, part)
    const buf = Buffer.allocUnsafe(length + Buffer.byteLength(tail, 'utf8'))
    if (length) fs.readSync(this.fd, buf, 0, length, this.offsetOf(num, part))
    if (tail) buf.write(tail, length, 'utf8')
    return buf
  }

  close(): void {
    try {
      fs.closeSync(this.fd)
    } catch {
      // already closed
    }
    fs.rmSync(this.file, { force: true })
  }
}
