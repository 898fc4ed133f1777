/**
 * The clock a bucket reads and sets its timer with. Real time by default; unit tests pass
 * a fake one and check the exact grant times.
 */
export interface BucketClock {
  /** Milliseconds on a monotonic scale (only differences matter). */
  now(): number
  setTimer(fn: () => void, ms: number): unknown
  clearTimer(handle: unknown): void
}

export const realClock: BucketClock = {
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

/** Anything a sender can wait on before each request it makes. */
export interface RateLimiter {
  take(): Promise<void>
}

/** `take()` after `close()`, or a wait cut short by it. */
export class BucketClosedError extends Error {
  constructor() {
    super('token bucket closed')
    this.name = 'BucketClosedError'
  }
}

export interface TokenBucketSettings {
  /** Messages per second allowed in the long run. */
  ratePerSecond: number
  /** How many may go at once after a quiet spell (at least 1; default 1). */
  burst?: number
  clock?: BucketClock
}

interface Waiter {
  at: number
  resolve: () => void
  reject: (err: Error) => void
}

/**
 * A rate limit for outgoing requests (WeChat allows so many subscribe/send a second):
 * `take()` resolves when the caller may send. Up to `burst` go at once after a quiet
 * spell, then exactly one every 1000/rate ms.
 *
 * It keeps the "theoretical arrival time" of the next grant (GCRA, the virtual-scheduling
 * form of a token bucket) instead of counting tokens at each timer tick, so each waiter's
 * grant time is fixed when it asks. A timer that fires late (a busy event loop, the
 * 1 ms granularity of setTimeout) then delays those grants a little but never shifts the
 * schedule of later ones: over a long run the rate is exact, not slowed by timer lag.
 * One timer serves the whole FIFO queue of waiters; nothing busy-waits.
 */
export class TokenBucket implements RateLimiter {
  readonly ratePerSecond: number
  readonly burst: number
  private readonly intervalMs: number
  /** How far ahead of now the schedule may run before callers must wait: (burst − 1) intervals. */
  private readonly toleranceMs: number
  private readonly clock: BucketClock
  /** When the next grant would be due with no burst allowance left. */
  private tat: number
  private readonly queue: Waiter[] = []
  private head = 0
  private timer: unknown = null
  private timerAt = Infinity
  private closed = false
  private static readonly granted = Promise.resolve()

  constructor(settings: TokenBucketSettings) {
    const { ratePerSecond, burst = 1 } = settings
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) throw new RangeError(`ratePerSecond must be a positive number (got ${ratePerSecond})`)
    if (!Number.isInteger(burst) || burst < 1) throw new RangeError(`burst must be a whole number ≥ 1 (got ${burst})`)
    this.ratePerSecond = ratePerSecond
    this.burst = burst
    this.intervalMs = 1000 / ratePerSecond
    this.toleranceMs = (burst - 1) * this.intervalMs
    this.clock = settings.clock ?? realClock
    this.tat = this.clock.now()
  }

  /** Resolves when the caller may send one request (in the order callers asked). */
  take(): Promise<void> {
    if (this.closed) return Promise.reject(new BucketClosedError())
    const now = this.clock.now()
    const at = Math.max(now, this.tat - this.toleranceMs)
    this.tat = Math.max(this.tat, at) + this.intervalMs
    if (at <= now) return TokenBucket.granted
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ at, resolve, reject })
      if (at < this.timerAt) this.arm(at, now)
    })
  }

  /** Callers waiting now. */
  get waiting(): number {
    return this.queue.length - this.head
  }

  /** Stops the bucket: waiters are rejected with `BucketClosedError`, the timer is cleared. */
  close(): void {
    this.closed = true
    if (this.timer !== null) this.clock.clearTimer(this.timer)
    this.timer = null
    this.timerAt = Infinity
    const err = new BucketClosedError()
    for (let i = this.head; i < this.queue.length; i++) this.queue[i]!.reject(err)
    this.queue.length = 0
    this.head = 0
  }

  private arm(at: number, now: number): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer)
    this.timerAt = at
    // setTimeout rounds down to whole ms; ceil so the timer never fires before `at`.
    this.timer = this.clock.setTimer(() => this.release(), Math.max(0, Math.ceil(at - now)))
  }

  private release(): void {
    this.timer = null
    this.timerAt = Infinity
    const now = this.clock.now()
    while (this.head < this.queue.length && this.queue[this.head]!.at <= now) this.queue[this.head++]!.resolve()
    if (this.head === this.queue.length) {
      this.queue.length = 0
      this.head = 0
    } else {
      if (this.head > 1024) {
        this.queue.splice(0, this.head)
        this.head = 0
      }
      this.arm(this.queue[this.head]!.at, now)
    }
  }
}
