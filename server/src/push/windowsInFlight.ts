/**
 * The windows a sender has handed over and not yet finished (their sends, outcomes and
 * counters), at most `limit` at once (ADR 0026). While one window's messages are on the
 * wire the next is read, capped and recorded, so the database and WeChat work at the same
 * time instead of in turn.
 *
 * A window that fails is reported at the next `add` or `drain`, after which nothing new
 * should be started; `settle` waits for every window still out and never throws, so a
 * sender that stops (pause, cancel, a takeover, an error) leaves no sending behind it.
 */
export class WindowsInFlight {
  private readonly out: Promise<void>[] = []
  private failure: { error: unknown } | null = null

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number ≥ 1 (got ${limit})`)
  }

  get size(): number {
    return this.out.length
  }

  /** Takes a window that has started; resolves once fewer than `limit` are out (the oldest finished first). */
  async add(window: Promise<void>): Promise<void> {
    this.out.push(
      window.catch((error: unknown) => {
        this.failure ??= { error }
      }),
    )
    while (this.out.length >= this.limit) await this.out.shift()
    this.raise()
  }

  /** Waits for every window out; throws the first failure, if any. */
  async drain(): Promise<void> {
    await this.settle()
    this.raise()
  }

  /** Waits for every window out, whatever happened to them (a failure stays to be raised). */
  async settle(): Promise<void> {
    while (this.out.length) await this.out.shift()
  }

  private raise(): void {
    if (!this.failure) return
    const { error } = this.failure
    this.failure = null
    throw error
  }
}
