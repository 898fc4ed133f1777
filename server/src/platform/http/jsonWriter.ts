/**
 * Writes a JSON answer piece by piece (text encoded as UTF-8, stored bytes copied as they
 * are) into one buffer reused from answer to answer, then copies it out once. For an
 * answer assembled synchronously from many small pieces (twenty search results), it
 * allocates the answer and nothing per piece. Not re-entrant: `begin` … `done` must run
 * without another answer being written in between (JavaScript runs one at a time; do not
 * await in between).
 */
export class JsonWriter {
  private buf = Buffer.allocUnsafeSlow(64 * 1024)
  private at = 0

  begin(): this {
    this.at = 0
    return this
  }

  /** Text, encoded as UTF-8 (at most 3 bytes a UTF-16 unit). */
  text(s: string): this {
    this.room(s.length * 3)
    this.at += this.buf.write(s, this.at, 'utf8')
    return this
  }

  /** Bytes already encoded as UTF-8, up to `end`. */
  bytes(b: Buffer, end = b.length): this {
    this.room(end)
    b.copy(this.buf, this.at, 0, end)
    this.at += end
    return this
  }

  /** The answer, in a buffer of its own. */
  done(): Buffer {
    const out = Buffer.allocUnsafe(this.at)
    this.buf.copy(out, 0, 0, this.at)
    return out
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.at + n, this.buf.length * 2))
    this.buf.copy(bigger, 0, 0, this.at)
    this.buf = bigger
  }
}

/** The writer the public list and search answers share (each is written synchronously, one at a time). */
export const answerWriter = new JsonWriter()
