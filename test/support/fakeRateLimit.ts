/**
 * The request-rate limit of a fake platform (WeChat, SMS, WeChat Pay): a token bucket of
 * `perSecond` with `burst` (default: one second's worth). `take()` says whether this
 * request is within the limit; the fake answers its platform's "too many" otherwise.
 */
export class FakeRateLimit {
  private readonly perMs: number
  private readonly burst: number
  private tokens: number
  private at = performance.now()

  constructor(perSecond: number, burst?: number) {
    this.perMs = perSecond / 1000
    this.burst = burst ?? Math.max(1, Math.round(perSecond))
    this.tokens = this.burst
  }

  take(): boolean {
    const now = performance.now()
    this.tokens = Math.min(this.burst, this.tokens + (now - this.at) * this.perMs)
    this.at = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
