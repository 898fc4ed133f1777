import { randomUUID } from 'node:crypto'
import type { Context, Middleware } from 'koa'
import { inRequestContext, type Logger } from '../logger'

const INCOMING_ID = /^[A-Za-z0-9._-]{1,64}$/

/** Answers slower than this always get their own line. */
const SLOW_MS = 200

export interface RequestLoggingOptions {
  /**
   * Requests counted in a summary line instead of a line each, when they succeed quickly
   * (the public, cacheable reads: tens of thousands a second at peak, docs/adr/0008).
   */
  summarised?: (ctx: Context) => boolean
  /** How often the summary line is written (ms). */
  summaryEveryMs?: number
}

/** Counts of summarised requests since the last summary line, with a latency histogram. */
class ReadSummary {
  count = 0
  notModified = 0
  maxMs = 0
  /** Upper bounds (ms) of the latency buckets. */
  private static readonly BOUNDS = [1, 2, 5, 10, 20, 50, 100, 200]
  private readonly buckets = new Array<number>(ReadSummary.BOUNDS.length).fill(0)

  add(status: number, ms: number): void {
    this.count += 1
    if (status === 304) this.notModified += 1
    if (ms > this.maxMs) this.maxMs = ms
    let i = 0
    while (i < ReadSummary.BOUNDS.length - 1 && ms > ReadSummary.BOUNDS[i]!) i++
    this.buckets[i]! += 1
  }

  /** The bucket bound under which `p` of the requests finished. */
  private percentile(p: number): number {
    let seen = 0
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!
      if (seen >= p * this.count) return ReadSummary.BOUNDS[i]!
    }
    return ReadSummary.BOUNDS[ReadSummary.BOUNDS.length - 1]!
  }

  flush(logger: Logger, periodMs: number): void {
    if (this.count === 0) return
    logger.info(
      { reads: this.count, notModified: this.notModified, periodS: periodMs / 1000, p50UnderMs: this.percentile(0.5), p95UnderMs: this.percentile(0.95), maxMs: Math.round(this.maxMs * 10) / 10 },
      'public reads',
    )
    this.count = 0
    this.notModified = 0
    this.maxMs = 0
    this.buckets.fill(0)
  }
}

/**
 * Gives every request an id (the caller's X-Request-Id when it is well-formed), echoes
 * it, makes every log line of the request carry it, and logs one line when the request
 * ends: method, path without query string (queries may carry personal data), status,
 * time. Requests `summarised` accepts that succeed within SLOW_MS are counted in a
 * "public reads" line every `summaryEveryMs` instead.
 */
export function requestLogging(logger: Logger, options: RequestLoggingOptions = {}): Middleware {
  const summary = new ReadSummary()
  const every = options.summaryEveryMs ?? 60_000
  if (options.summarised) setInterval(() => summary.flush(logger, every), every).unref()
  const done = (ctx: Context, reqId: string, summarised: boolean, started: bigint) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    if (summarised && ctx.status < 400 && ms < SLOW_MS) summary.add(ctx.status, ms)
    else {
      const level = ctx.status >= 500 ? 'error' : 'info'
      logger[level]({ reqId, method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request')
    }
  }
  // Not an async function: this adds one `then` per request, not two async frames.
  return (ctx, next) => {
    const incoming = ctx.get('x-request-id')
    const reqId = INCOMING_ID.test(incoming) ? incoming : randomUUID()
    ctx.state.reqId = reqId
    ctx.set('X-Request-Id', reqId)
    const started = process.hrtime.bigint()
    // Summarised reads log only here and in errorHandler, both of which name the request
    // themselves; every other request runs in the request context (see inRequestContext).
    const summarised = options.summarised?.(ctx) ?? false
    const handle = () =>
      next().then(
        () => done(ctx, reqId, summarised, started),
        (err: unknown) => {
          done(ctx, reqId, summarised, started)
          throw err
        },
      )
    return summarised ? handle() : inRequestContext({ reqId }, handle)
  }
}
