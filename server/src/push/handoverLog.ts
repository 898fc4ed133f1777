import fs from 'node:fs'
import path from 'node:path'

/**
 * What this machine's senders handed over, window by window, in a local append-only file
 * per sender (`<owner>.log`, one window number a line). It closes the one gap the
 * delivery journal leaves (ADR 0016): a window's records can be committed by the
 * database while the sender dies before handing the messages over (the insert was in
 * flight). A sender resuming on the same machine reads these files: a recorded window its
 * dead predecessor never marked here was never handed over, and is sent now; a marked one
 * may have reached WeChat and is never sent again. The line is written with a plain
 * synchronous write just before the hand-over, so it survives the process being killed
 * (not the machine losing power: then, as on another machine, recorded windows without
 * an outcome stay unconfirmed).
 */
export class HandoverLog {
  private fd: number | null = null

  constructor(
    private readonly dir: string | undefined,
    private readonly owner: string,
  ) {}

  get enabled(): boolean {
    return !!this.dir
  }

  /** Marks window `n` handed over (now, before the requests are written). */
  handed(n: number): void {
    if (!this.dir) return
    if (this.fd === null) {
      fs.mkdirSync(this.dir, { recursive: true })
      this.fd = fs.openSync(path.join(this.dir, `${this.owner}.log`), 'a')
    }
    fs.writeSync(this.fd, `${n}\n`)
  }

  /** The windows each sender that logged on this machine handed over, by sender. */
  static read(dir: string | undefined): Map<string, Set<number>> {
    const logs = new Map<string, Set<number>>()
    if (!dir || !fs.existsSync(dir)) return logs
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.log')) continue
      const windows = new Set<number>()
      for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) if (line) windows.add(Number(line))
      logs.set(name.slice(0, -4), windows)
    }
    return logs
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
