import { describe, expect, it } from 'vitest'
import { deliverWithRetries, type AttemptReport } from '../../server/src/platform/delivery/deliverWithRetries'
import { seededRandom } from '../../server/src/platform/delivery/random'
import { classifySmsCode, classifyWeChatErrcode, RetryPolicy, RetrySettingsError, type Verdict } from '../../server/src/platform/delivery/retryPolicy'

describe('WeChat errcodes (subscribe/send)', () => {
  it.each<[number, Verdict]>([
    [0, 'ok'],
    [-1, 'transient'], // 系统繁忙
    [-2, 'transient'], // no answer: network, timeout, HTTP 5xx
    [45011, 'transient'], // frequency limit: clears within the minute
    [40001, 'refresh-credentials'],
    [42001, 'refresh-credentials'],
    [43101, 'no-consent'],
    [45009, 'later'], // daily quota: not before tomorrow
    [47003, 'permanent'],
    [40003, 'permanent'],
    [40037, 'permanent'],
    [41030, 'permanent'],
    [48001, 'permanent'],
    [99999, 'permanent'],
  ])('%i → %s', (errcode, verdict) => {
    expect(classifyWeChatErrcode(errcode)).toBe(verdict)
  })
})

describe('Tencent SMS codes (SendSms)', () => {
  it.each<[string, Verdict]>([
    ['Ok', 'ok'],
    ['NetworkError', 'transient'],
    ['HttpError.502', 'transient'],
    ['HttpError.429', 'transient'],
    ['InternalError.Timeout', 'transient'],
    ['InternalError.RequestTimeException', 'transient'],
    ['RequestLimitExceeded', 'transient'],
    ['HttpError.404', 'permanent'],
    ['FailedOperation.PhoneNumberInBlacklist', 'no-consent'],
    ['LimitExceeded.AppDailyLimit', 'later'],
    ['FailedOperation.InsufficientBalanceInSmsPackage', 'later'],
    ['AuthFailure.SignatureFailure', 'later'],
    ['UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'later'],
    ['LimitExceeded.PhoneNumberDailyLimit', 'permanent'],
    ['LimitExceeded.PhoneNumberThirtySecondLimit', 'permanent'],
    ['InvalidParameterValue.IncorrectPhoneNumber', 'permanent'],
    ['FailedOperation.TemplateIncorrectOrUnapproved', 'permanent'],
    ['FailedOperation.SignatureIncorrectOrUnapproved', 'permanent'],
  ])('%s → %s', (code, verdict) => {
    expect(classifySmsCode(code)).toBe(verdict)
  })
})

describe('exponential backoff with full jitter', () => {
  it('doubles the ceiling from base up to cap, and survives huge attempt numbers', () => {
    const policy = new RetryPolicy({ baseMs: 100, capMs: 1000, maxAttempts: 10 })
    expect([1, 2, 3, 4, 5, 6].map((n) => policy.ceilingMs(n))).toEqual([100, 200, 400, 800, 1000, 1000])
    expect(policy.ceilingMs(0)).toBe(0)
    expect(policy.ceilingMs(5000)).toBe(1000)
  })

  it('draws each wait uniformly under the ceiling from the injected random source', () => {
    expect(new RetryPolicy({ baseMs: 100, capMs: 1000, random: () => 0 }).delayMs(3)).toBe(0)
    expect(new RetryPolicy({ baseMs: 100, capMs: 1000, random: () => 0.5 }).delayMs(3)).toBe(200)
    expect(new RetryPolicy({ baseMs: 100, capMs: 1000, random: () => 0.999_999 }).delayMs(3)).toBe(399)
    const policy = new RetryPolicy({ baseMs: 100, capMs: 1000, random: seededRandom(3) })
    const waits = Array.from({ length: 2000 }, () => policy.delayMs(4))
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...waits)).toBeLessThan(800)
    const mean = waits.reduce((a, b) => a + b, 0) / waits.length
    expect(mean).toBeGreaterThan(360) // ≈ 400: spread over the whole range, not bunched at the top
    expect(mean).toBeLessThan(440)
    // The same seed gives the same waits (reproducible tests).
    const again = new RetryPolicy({ baseMs: 100, capMs: 1000, random: seededRandom(3) })
    expect(Array.from({ length: 5 }, () => again.delayMs(4))).toEqual(waits.slice(0, 5))
  })

  it('counts attempts, the first included, with room for a token renewal', () => {
    const policy = new RetryPolicy({ maxAttempts: 3 })
    expect([1, 2, 3].map((n) => policy.mayTryAgain(n))).toEqual([true, true, false])
    expect(policy.mayTryAgain(3, 1)).toBe(true)
    expect(policy.mayTryAgain(4, 1)).toBe(false)
  })

  it('refuses settings that cannot work', () => {
    expect(() => new RetryPolicy({ baseMs: -1 })).toThrow(RetrySettingsError)
    expect(() => new RetryPolicy({ baseMs: 500, capMs: 100 })).toThrow(RetrySettingsError)
    expect(() => new RetryPolicy({ maxAttempts: 0 })).toThrow(RetrySettingsError)
    expect(() => new RetryPolicy({ maxAttempts: 2.5 })).toThrow(RetrySettingsError)
  })
})

/** An attempt function answering the given verdicts in turn, and what the loop did around it. */
function scripted(verdicts: Verdict[]) {
  const log: string[] = []
  let i = 0
  const attempt = async (): Promise<AttemptReport<string>> => {
    const verdict = verdicts[i++] ?? 'ok'
    log.push(`attempt:${verdict}`)
    return { record: verdict, verdict, message: `answer ${i}` }
  }
  const options = {
    bucket: { take: async () => void log.push('take') },
    sleep: async (ms: number) => void log.push(`sleep:${ms}`),
    refreshCredentials: async () => void log.push('refresh'),
  }
  return { attempt, options, log }
}

describe('the retry loop', () => {
  const policy = (maxAttempts = 4) => new RetryPolicy({ baseMs: 10, capMs: 100, maxAttempts, random: () => 0.5 })

  it('waits on the bucket before every attempt and backs off between transient failures', async () => {
    const s = scripted(['transient', 'transient', 'ok'])
    const result = await deliverWithRetries(s.attempt, { policy: policy(), ...s.options })
    expect(result).toEqual({ outcome: 'sent', attempts: ['transient', 'transient', 'ok'] })
    expect(s.log).toEqual(['take', 'attempt:transient', 'sleep:5', 'take', 'attempt:transient', 'sleep:10', 'take', 'attempt:ok'])
  })

  it('gives up after the allowed attempts, keeping every one', async () => {
    const s = scripted(['transient', 'transient', 'transient', 'transient', 'ok'])
    const result = await deliverWithRetries(s.attempt, { policy: policy(3), ...s.options })
    expect(result).toMatchObject({ outcome: 'gave-up', attempts: ['transient', 'transient', 'transient'], lastError: 'answer 3' })
    expect(s.log.filter((l) => l.startsWith('sleep'))).toHaveLength(2)
  })

  it.each<[Verdict, string]>([
    ['no-consent', 'no-consent'],
    ['permanent', 'failed'],
    ['later', 'gave-up'],
  ])('stops at once on %s (%s), with no wait', async (verdict, outcome) => {
    const s = scripted([verdict, 'ok'])
    const result = await deliverWithRetries(s.attempt, { policy: policy(), ...s.options })
    expect(result).toMatchObject({ outcome, attempts: [verdict] })
    expect(s.log).toEqual(['take', `attempt:${verdict}`])
  })

  it('renews rejected credentials once and retries at once, without using up an attempt', async () => {
    const s = scripted(['refresh-credentials', 'ok'])
    expect(await deliverWithRetries(s.attempt, { policy: policy(1), ...s.options })).toEqual({ outcome: 'sent', attempts: ['refresh-credentials', 'ok'] })
    expect(s.log).toEqual(['take', 'attempt:refresh-credentials', 'refresh', 'take', 'attempt:ok'])
  })

  it('treats a second rejection of the credentials as transient: no second renewal', async () => {
    const s = scripted(['refresh-credentials', 'refresh-credentials', 'refresh-credentials', 'ok'])
    const result = await deliverWithRetries(s.attempt, { policy: policy(3), ...s.options })
    expect(result.outcome).toBe('sent')
    expect(s.log.filter((l) => l === 'refresh')).toHaveLength(1)
    expect(s.log.filter((l) => l.startsWith('sleep'))).toHaveLength(2)
  })

  it('lets an error that is not an answer propagate', async () => {
    const boom = async (): Promise<AttemptReport<string>> => {
      throw new Error('database down')
    }
    await expect(deliverWithRetries(boom, { policy: policy() })).rejects.toThrow('database down')
  })
})
