import fs from 'node:fs'
import path from 'node:path'

/**
 * What this machine's senders handed over, in a local append-only file per sender
 * (`<owner>.log`). It closes the gap the delivery journal leaves (ADR 0016): a window's
 * records can be committed by the database while the sender dies before its messages
 * reach WeChat (the insert was in flight; or the messages were still being prepared, or
 * waiting for a connection). Lines, each written with a plain synchronous write:
 *
 * - `n`: window n of this sender starts going out (written before any of its messages);
 * - `n:i`: the message at place i of window n is being written to a connection now
 *   (written by the HTTP client in the same turn as the write, `HttpCall.onWrite`);
 * - `owner:n:i` (or `owner:n` for records from before message marks): the same, for a
 *   delivery another (dead) sender recorded and this one sends.
 *
 * A sender resuming on the same machine reads these files (`HandoverMarks`). A recorded
 * delivery whose message was never marked as written was never handed over, and is sent
 * now; a marked one may have reached WeChat and is never sent again. The writes survive the
 * process being killed (not the machine losing power: then, as on another machine, the
 * recorded deliveries without an outcome stay unconfirmed).
 */
export class HandoverLog {
  private fd: number | null = null

  constructor(
    private readonly dir: string | undefined,
    private readonly owner: string,
  ) {}

  /** Opens this sender's file (before it records anything, so a resuming sender knows it logged here). */
  open(): void {
    if (!this.dir || this.fd !== null) return
    fs.mkdirSync(this.dir, { recursive: true })
    this.fd = fs.openSync(path.join(this.dir, `${this.owner}.log`), 'a')
  }

  /** Window `n` of this sender starts going out. */
  handed(n: number): void {
    this.line(`${n}\n`)
  }

  /** The message of delivery key `h` (`owner:window:index`) is being written to a connection. */
  wrote(h: string): void {
    const own = `${this.owner}:`
    this.line(`${h.startsWith(own) ? h.slice(own.length) : h}\n`)
  }

  private line(text: string): void {
    if (!this.dir) return
    this.open()
    fs.writeSync(this.fd!, text)
  }

  /** Every mark left on this machine (read byte by byte: a million-message campaign leaves a million lines). */
  static read(dir: string | undefined): HandoverMarks {
    const marks = new HandoverMarks()
    if (!dir || !fs.existsSync(dir)) return marks
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.log')) continue
      const owner = name.slice(0, -4)
      marks.owners.add(owner)
      const bytes = fs.readFileSync(path.join(dir, name))
      for (let at = 0; at < bytes.length; ) {
        let end = bytes.indexOf(0x0a, at)
        if (end === -1) end = bytes.length
        if (end > at) {
          if (bytes[at]! >= 0x30 && bytes[at]! <= 0x39) {
            // This sender's own mark: `n` or `n:i`.
            let n = 0
            let i = -1
            let p = at
            for (; p < end && bytes[p] !== 0x3a; p++) n = n * 10 + (bytes[p]! - 0x30)
            if (p < end) for (i = 0, p++; p < end; p++) i = i * 10 + (bytes[p]! - 0x30)
            marks.mark(`${owner}:${n}`, i)
          } else {
            // Another sender's record, sent by this one: `owner:n:i` (or `owner:n`).
            const [o, n, i] = bytes.toString('utf8', at, end).split(':')
            marks.mark(`${o}:${n}`, i === undefined ? -1 : Number(i))
          }
        }
        at = end + 1
      }
    }
    return marks
  }

  /** Removes logs not written to for `days` (their campaigns are long finished). */
  static prune(dir: string | undefined, days = 7): void {
    if (!dir || !fs.existsSync(dir)) return
    const before = Date.now() - days * 86_400_000
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name)
      if (name.endsWith('.log') && fs.statSync(file).mtimeMs < before) fs.rmSync(file, { force: true })
    }
  }
}

/** The marks of every hand-over log on this machine: the windows that started going out, and per window the places of the messages written. */
export class HandoverMarks {
  /** Senders that logged on this machine (only their records can be judged here). */
  readonly owners = new Set<string>()
  /** `owner:n` → a bitset of the places written (index i at bit i). */
  private readonly windows = new Map<string, Uint32Array>()

  /** Window `owner:n` started going out; with `i` ≥ 0, its message at place i was written too. */
  mark(window: string, i: number): void {
    let bits = this.windows.get(window)
    if (i >= 0 && (!bits || bits.length * 32 <= i)) {
      const grown = new Uint32Array(Math.max(2, (i >>> 5) + 1))
      if (bits) grown.set(bits)
      bits = grown
    }
    bits ??= new Uint32Array(0)
    if (i >= 0) bits[i >>> 5]! |= 1 << (i & 31)
    this.windows.set(window, bits)
  }

  /**
   * Whether a recorded delivery (its `h` and `via`) certainly never went out: recorded by a
   * sender that logged here, and either its window never started going out, or its message
   * (WeChat or SMS) was never written to a connection. Anything else may have reached the
   * platform, and is never sent again.
   */
  neverHandedOver(h: string | undefined, via: string | undefined): boolean {
    if (!h || !via) return false
    const [owner, n, place] = h.split(':')
    if (!owner || n === undefined || !this.owners.has(owner)) return false
    const bits = this.windows.get(`${owner}:${n}`)
    if (!bits) return true // the window never started going out
    if (place === undefined) return false // a record from before message marks, in a started window
    const i = Number(place)
    if (i >>> 5 < bits.length && (bits[i >>> 5]! >>> (i & 31)) & 1) return false
    return via === 'wechat' || via === 'sms'
  }
}
