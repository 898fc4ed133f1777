import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Serialised public details, one per item version, in a local append-only file that this
 * process owns (created at start, removed at exit). Memory holds only offsets; reads come
 * from the page cache. This keeps every public detail one `pread` away without holding
 * bodies on the heap (docs/adr/0006).
 */
export class DetailStore {
  private fd: number
  private size = 0
  private readonly file: string
  /** key → where its two parts are: [offset, length of the first, length of the second]. */
  private readonly entries = new Map<string, [number, number, number]>()

  constructor(dir: string = os.tmpdir()) {
    this.file = path.join(dir, `zw-details-${process.pid}-${Date.now().toString(36)}.bin`)
    this.fd = fs.openSync(this.file, 'w+')
    process.once('exit', () => this.close())
  }

  /** Stores two texts under one key (for an item: its detail JSON and its snippet text). */
  put(key: string, first: string, second = ''): void {
    const a = Buffer.from(first, 'utf8')
    const b = Buffer.from(second, 'utf8')
    fs.writeSync(this.fd, a, 0, a.length, this.size)
    fs.writeSync(this.fd, b, 0, b.length, this.size + a.length)
    this.entries.set(key, [this.size, a.length, b.length])
    this.size += a.length + b.length
  }

  /** The first text stored under `key`. */
  get(key: string): Buffer | undefined {
    const e = this.entries.get(key)
    return e ? this.read(e[0], e[1]) : undefined
  }

  /** The second text stored under `key`. */
  getSecond(key: string): Buffer | undefined {
    const e = this.entries.get(key)
    return e ? this.read(e[0] + e[1], e[2]) : undefined
  }

  private read(offset: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length)
    fs.readSync(this.fd, buf, 0, length, offset)
    return buf
  }

  delete(key: string): void {
    this.entries.delete(key)
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
