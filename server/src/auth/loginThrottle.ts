/**
 * Failed log-ins per client address in a sliding window, in this instance's memory: it
 * slows guessing from one address across many accounts; the per-account lock-out (in the
 * database) is what holds across instances.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 10 * 60_000,
  ) {}

  /** Whether `ip` has used up its failed attempts for now. */
  blocked(ip: string, nowMs: number): boolean {
    const recent = this.recent(ip, nowMs)
    return recent.length >= this.limit
  }

  recordFailure(ip: string, nowMs: number): void {
    const recent = this.recent(ip, nowMs)
    recent.push(nowMs)
    this.failures.set(ip, recent)
    if (this.failures.size > 10_000) for (const [key] of this.failures) if (this.recent(key, nowMs).length === 0) this.failures.delete(key)
  }

  private recent(ip: string, nowMs: number): number[] {
    return (this.failures.get(ip) ?? []).filter((t) => t > nowMs - this.windowMs)
  }
}
