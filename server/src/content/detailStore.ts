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
  private readonly entries = new Map<string, { offset: number; length: number }>()
  private wasted = 0

  constructor(dir: string = os.tmpdir()) {
    this.file = path.join(dir, `zw-details-${process.pid}-${Date.now().toString(36)}.bin`)
    this.fd = fs.openSync(this.file, 'w+')
    process.once('exit', () => this.close())
  }

  put(key: string, json: string): void {
    const buf = Buffer.from(json, 'utf8')
    fs.writeSync(this.fd, buf, 0, buf.length, this.size)
    const old = this.entries.get(key)
    if (old) this.wasted += old.length
    this.entries.set(key, { offset: this.size, length: buf.length })
    this.size += buf.length
  }

  get(key: string): Buffer | undefined {
    const e = this.entries.get(key)
    if (!e) return undefined
    const buf = Buffer.allocUnsafe(e.length)
    fs.readSync(this.fd, buf, 0, e.length, e.offset)
    return buf
  }

  delete(key: string): void {
    const e = this.entries.get(key)
    if (!e) return
    this.wasted += e.length
    this.entries.delete(key)
  }

  get bytes(): { used: number; wasted: number } {
    return { used: this.size - this.wasted, wasted: this.wasted }
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
