import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../server/src/platform/delivery/random'
import { BucketClosedError, TokenBucket, type BucketClock } from '../../server/src/platform/delivery/tokenBucket'

const flush = () => new Promise<void>((r) => setImmediate(r))

/** A clock the test moves by hand; timers can be made to fire late, as real ones do on a busy event loop. */
class FakeClock implements BucketClock {
  t = 0
  private timers: { at: number; fn: () => void; id: number }[] = []
  private nextId = 1
  constructor(private readonly lateBy: () => number = () => 0) {}
  now = () => this.t
  setTimer = (fn: () => void, ms: number) => {
    const id = this.nextId++
    this.timers.push({ at: this.t + ms + this.lateBy(), fn, id })
    return id
  }
  clearTimer = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id)
  }
  get pendingTimers() {
    return this.timers.length
  }
  /** Fires every timer due up to `target`, in order, letting promise callbacks run after each. */
  async advanceTo(target: number) {
    await flush() // what is already resolved runs at the current time
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id)
      const next = this.timers[0]
      if (!next || next.at > target) break
      this.timers.shift()
      this.t = next.at
      next.fn()
      await flush()
    }
    this.t = target
    await flush()
  }
  /** Runs until no timer is left. */
  async drain() {
    while (this.timers.length) await this.advanceTo(Math.min(...this.timers.map((t) => t.at)))
  }
}

/** Starts `n` takes now; answers the clock time at which each was granted, by caller. */
function takeMany(bucket: TokenBucket, clock: FakeClock, n: number) {
  const grants: number[] = Array(n).fill(NaN)
  const order: number[] = []
  for (let i = 0; i < n; i++)
    void bucket.take().then(() => {
      grants[i] = clock.now()
      order.push(i)
    })
  return { grants, order }
}

describe('token bucket, on a fake clock', () => {
  it('grants `burst` at once, then exactly one every 1000/rate ms, first come first served', async () => {
    const clock = new FakeClock()
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 3, clock })
    const { grants, order } = takeMany(bucket, clock, 6)
    await clock.advanceTo(0)
    expect(grants.slice(0, 3)).toEqual([0, 0, 0])
    expect(bucket.waiting).toBe(3)
    await clock.advanceTo(1000)
    expect(grants).toEqual([0, 0, 0, 100, 200, 300])
    expect(order).toEqual([0, 1, 2, 3, 4, 5])
    expect(bucket.waiting).toBe(0)
    expect(clock.pendingTimers).toBe(0) // nothing left ticking once the queue is empty
  })

  it('uses one timer for the whole queue, not one per waiter', async () => {
    const clock = new FakeClock()
    const bucket = new TokenBucket({ ratePerSecond: 100, clock })
    takeMany(bucket, clock, 500)
    expect(clock.pendingTimers).toBe(1)
    await clock.advanceTo(2500)
    expect(clock.pendingTimers).toBe(1)
    await clock.drain()
    expect(bucket.waiting).toBe(0)
  })

  it('refills while idle, but never beyond the burst', async () => {
    const clock = new FakeClock()
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 2, clock })
    takeMany(bucket, clock, 2)
    await clock.advanceTo(5000) // quiet for 5 s: 50 intervals, but only 2 may go at once
    const { grants } = takeMany(bucket, clock, 4)
    await clock.advanceTo(6000)
    expect(grants).toEqual([5000, 5000, 5100, 5200])
  })

  it('keeps a fractional interval exact over many grants (rate 3/s: 333.3 ms apart)', async () => {
    const clock = new FakeClock()
    const bucket = new TokenBucket({ ratePerSecond: 3, clock })
    const { grants } = takeMany(bucket, clock, 301)
    await clock.drain()
    // The 300th grant after the first is due at exactly 100 s; the timer rounds up to whole ms.
    expect(grants[300]).toBeGreaterThanOrEqual(100_000)
    expect(grants[300]).toBeLessThan(100_001)
  })

  it('does not drift when timers fire late: thousands of waiters stay within 1% of the rate, and never above it', async () => {
    const random = seededRandom(7)
    const clock = new FakeClock(() => Math.floor(random() * 8)) // every timer 0–7 ms late; the interval is 1 ms
    const bucket = new TokenBucket({ ratePerSecond: 1000, clock })
    const n = 20_000
    const { grants } = takeMany(bucket, clock, n)
    await clock.drain()
    const last = Math.max(...grants)
    const ideal = (n - 1) * 1 // ms
    expect(Math.abs(last - ideal) / ideal).toBeLessThan(0.01)
    // Never ahead of the schedule: by time t at most 1 + t/interval grants.
    grants.forEach((g, i) => expect(g).toBeGreaterThanOrEqual(i))
  })

  it('keeps the exact rate for a sender that asks again as soon as it is granted, despite late timers', async () => {
    const random = seededRandom(11)
    const clock = new FakeClock(() => Math.floor(random() * 8)) // late by up to 7 ms of a 10 ms interval
    const bucket = new TokenBucket({ ratePerSecond: 100, clock })
    const grants: number[] = []
    const sender = (async () => {
      for (let i = 0; i < 2000; i++) {
        await bucket.take()
        grants.push(clock.now())
      }
    })()
    while (grants.length < 2000) await clock.advanceTo(clock.t + 50)
    await sender
    // The i-th grant is due at exactly i·10 ms; a late timer delays it by less than an interval and the schedule does not move.
    grants.forEach((g, i) => {
      expect(g).toBeGreaterThanOrEqual(i * 10)
      expect(g).toBeLessThan(i * 10 + 50)
    })
    expect(Math.abs(grants[1999]! - 19_990) / 19_990).toBeLessThan(0.01)
  })

  it('rejects waiters when closed, and any take afterwards', async () => {
    const clock = new FakeClock()
    const bucket = new TokenBucket({ ratePerSecond: 1, clock })
    await bucket.take()
    const waiting = bucket.take()
    bucket.close()
    await expect(waiting).rejects.toBeInstanceOf(BucketClosedError)
    await expect(bucket.take()).rejects.toBeInstanceOf(BucketClosedError)
    expect(clock.pendingTimers).toBe(0)
  })

  it('refuses a rate or burst that cannot work', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0 })).toThrow(RangeError)
    expect(() => new TokenBucket({ ratePerSecond: Number.NaN })).toThrow(RangeError)
    expect(() => new TokenBucket({ ratePerSecond: 10, burst: 0 })).toThrow(RangeError)
    expect(() => new TokenBucket({ ratePerSecond: 10, burst: 1.5 })).toThrow(RangeError)
  })
})

describe('token bucket, on the real clock', () => {
  // No timing assertions here (speed belongs in benchmarks): only that real timers drive it to the end, in order.
  it('grants every waiter, in the order they asked', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 2000, burst: 5 })
    const order: number[] = []
    await Promise.all(Array.from({ length: 60 }, (_, i) => bucket.take().then(() => order.push(i))))
    expect(order).toEqual(Array.from({ length: 60 }, (_, i) => i))
    expect(bucket.waiting).toBe(0)
  })
})
