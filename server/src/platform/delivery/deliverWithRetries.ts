import type { RetryPolicy, Verdict } from './retryPolicy'
import type { RateLimiter } from './tokenBucket'

/**
 * How one message ended, for the caller to record:
 * - `sent`;
 * - `no-consent`: the person has no consent left (WeChat 43101) or opted out: mark it used up;
 * - `failed`: the request is wrong (bad openid, template, data, number …): do not send it again;
 * - `gave-up`: still failing for reasons outside the message (busy, unreachable, a daily
 *   quota, our credentials) after the attempts allowed: worth sending again later.
 */
export type DeliveryOutcome = 'sent' | 'no-consent' | 'failed' | 'gave-up'

export interface DeliveryResult<A> {
  outcome: DeliveryOutcome
  /** Every attempt, in order, with the code it got (the last one decided the outcome). */
  attempts: A[]
  /** The platform's message for the last failed attempt, for logs. */
  lastError?: string
}

/** What one attempt produced: its record for the caller, and what it means. */
export interface AttemptReport<A> {
  record: A
  verdict: Verdict
  message?: string
}

export interface RetryLoopOptions {
  policy: RetryPolicy
  /** Waited on before every attempt, retries included: each one is a request the platform counts. */
  bucket?: RateLimiter
  /** Called once when an attempt says `refresh-credentials`; that attempt is then repeated at once. */
  refreshCredentials?: () => Promise<void>
  sleep?: (ms: number) => Promise<void>
}

const realSleep = (ms: number) => (ms <= 0 ? Promise.resolve() : new Promise<void>((r) => setTimeout(r, ms)))

/**
 * Runs `attempt` until it succeeds or the policy says stop. Transient failures wait a
 * jittered backoff; a rejected credential is renewed once and retried immediately (that
 * retry does not use up the policy's attempts; a second rejection counts as transient, so
 * one message cannot force renewals in a loop); anything else ends the message at once.
 * Errors thrown by `attempt` (a database failure, say) are not answers and propagate.
 */
export async function deliverWithRetries<A>(attempt: () => Promise<AttemptReport<A>>, options: RetryLoopOptions): Promise<DeliveryResult<A>> {
  const { policy, bucket } = options
  const sleep = options.sleep ?? realSleep
  const attempts: A[] = []
  let refreshed = false
  let failures = 0
  for (;;) {
    if (bucket) await bucket.take()
    const report = await attempt()
    attempts.push(report.record)
    switch (report.verdict) {
      case 'ok':
        return { outcome: 'sent', attempts }
      case 'no-consent':
        return { outcome: 'no-consent', attempts, lastError: report.message }
      case 'permanent':
        return { outcome: 'failed', attempts, lastError: report.message }
      case 'later':
        return { outcome: 'gave-up', attempts, lastError: report.message }
      case 'refresh-credentials':
        if (!refreshed && options.refreshCredentials) {
          refreshed = true
          await options.refreshCredentials()
          continue
        }
        break
      case 'transient':
        break
    }
    if (!policy.mayTryAgain(attempts.length, refreshed ? 1 : 0)) return { outcome: 'gave-up', attempts, lastError: report.message }
    failures += 1
    await sleep(policy.delayMs(failures))
  }
}
