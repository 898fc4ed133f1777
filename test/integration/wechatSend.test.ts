import mongoose from 'mongoose'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { connectDatabase, type Database } from '../../server/src/platform/db'
import { RetryPolicy } from '../../server/src/platform/delivery/retryPolicy'
import { seededRandom } from '../../server/src/platform/delivery/random'
import { createLogger } from '../../server/src/platform/logger'
import { AccessTokenSource } from '../../server/src/platform/wechat/accessTokenSource'
import { createWeChatClients } from '../../server/src/platform/wechat/clients'
import { SubscribeMessageSender, type SubscribeMessage } from '../../server/src/platform/wechat/subscribeMessages'
import type { WeChatSettings } from '../../server/src/platform/wechat/wechatHttp'
import { freshDatabaseUri } from '../support/database'
import { FakeWeChat, type FakeWeChatOptions } from '../support/fakeWeChat'

const SEND = '/cgi-bin/message/subscribe/send'
const TEMPLATE = 'TPL-POLICY-PUSH'
let db: Database
let fake: FakeWeChat

beforeAll(async () => {
  db = connectDatabase(freshDatabaseUri('wechatsend'), { logger: createLogger({ level: 'silent' }), connectTimeoutMs: 5000 })
  await db.ready
})
afterAll(() => db.close())

/** Each test: its own fake WeChat, and no token in the shared store yet. */
async function useFake(options: FakeWeChatOptions = {}) {
  fake = await new FakeWeChat({ templates: [TEMPLATE], ...options }).start()
  return fake
}
beforeEach(async () => {
  await mongoose.connection.db!.collection('platform_tokens').deleteMany({})
})
afterEach(async () => {
  await fake?.stop()
})

const settings = (extra: Partial<WeChatSettings> = {}): WeChatSettings => ({ baseUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, timeoutMs: 2000, ...extra })
const senderOf = (extra: Partial<WeChatSettings> = {}) => {
  const s = settings(extra)
  const tokens = new AccessTokenSource(s)
  return { tokens, sender: new SubscribeMessageSender(s, tokens) }
}
const message = (touser: string, title = '稳岗返还资金开始申领'): SubscribeMessage => ({
  touser,
  template_id: TEMPLATE,
  page: 'pages/item/index?id=1',
  data: { thing1: { value: title }, time2: { value: '2026-11-23 09:30' } },
  miniprogram_state: 'trial',
})
/** Small waits so the tests stay fast; seeded jitter. */
const policy = (maxAttempts = 5) => new RetryPolicy({ baseMs: 5, capMs: 40, maxAttempts, random: seededRandom(42) })
const codes = (r: { attempts: { errcode: number }[] }) => r.attempts.map((a) => a.errcode)

/** Operations mongoose sends to platform_tokens while `fn` runs. */
async function tokenStoreOps(fn: () => Promise<unknown>): Promise<string[]> {
  const ops: string[] = []
  mongoose.set('debug', (collection: string, method: string) => {
    if (collection === 'platform_tokens') ops.push(method)
  })
  try {
    await fn()
  } finally {
    mongoose.set('debug', false)
  }
  return ops
}

describe('the access_token', () => {
  it('is fetched once for many sends, and kept in memory: no database round trip per send', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender, tokens } = senderOf()
    const opsCold = await tokenStoreOps(() => Promise.all(Array.from({ length: 50 }, () => tokens.get())))
    // One load for all 50 concurrent callers: read, lease, create, store (not 50 reads).
    expect(opsCold.length).toBeLessThanOrEqual(4)
    const results: Awaited<ReturnType<typeof sender.sendWithRetries>>[] = []
    const opsWarm = await tokenStoreOps(async () => {
      results.push(...(await Promise.all(Array.from({ length: 200 }, (_, i) => sender.sendWithRetries(message(`o-citizen-${i}`), { policy: policy() })))))
    })
    expect(opsWarm).toEqual([])
    expect(results.every((r) => r.outcome === 'sent' && codes(r).join() === '0')).toBe(true)
    expect(fake.tokenCalls).toBe(1)
    expect(fake.received.filter((r) => r.path === '/cgi-bin/stable_token')).toHaveLength(1)
    expect(fake.delivered).toHaveLength(200)
    expect(new Set(fake.received.filter((r) => r.path === SEND).map((r) => r.query.access_token))).toEqual(new Set([fake.currentToken]))
  })

  it('is shared through the database: a second instance uses the first one\'s token without fetching', async () => {
    await useFake()
    const a = new AccessTokenSource(settings())
    const b = new AccessTokenSource(settings())
    const token = await a.get()
    expect(await b.get()).toBe(token)
    expect(fake.tokenCalls).toBe(1)
  })

  it('near its expiry, a plain fetch that returns the same token is not repeated on every call', async () => {
    await useFake()
    let now = Date.now()
    const tokens = new AccessTokenSource(settings(), () => new Date(now))
    const token = await tokens.get()
    fake.expireTokenIn(240) // 4 minutes left: inside the 5-minute renewal window
    now += 7200_000 - 300_000 // our clock reaches the renewal time
    expect(await tokens.get()).toBe(token) // fetched again (plain): same token, 240 s left
    expect(fake.tokenCalls).toBe(2)
    for (let i = 0; i < 5; i++) {
      now += 20_000
      expect(await tokens.get()).toBe(token)
    }
    expect(fake.tokenCalls).toBe(2) // renewal moves to half the remaining life, not "5 minutes before"
    now += 30_000 // 130 s after the fetch: past half of the 240 s
    await tokens.get()
    expect(fake.tokenCalls).toBe(3)
    expect(fake.forcedRefreshes).toBe(0)
  })

  it('40001: renewed once (forced) and the send retried, both attempts recorded', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender, tokens } = senderOf()
    const first = await tokens.get()
    fake.failNext(SEND, 40001)
    const result = await sender.sendWithRetries(message('o-citizen-40001'), { policy: policy() })
    expect(result.outcome).toBe('sent')
    expect(codes(result)).toEqual([40001, 0])
    expect(fake.forcedRefreshes).toBe(1)
    expect(fake.tokenCalls).toBe(2)
    const second = await tokens.get()
    expect(second).not.toBe(first)
    expect(second).toBe(fake.currentToken)
  })

  it('42001 on every try: one forced renewal only, then backoff until it gives up', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender } = senderOf()
    fake.failNext(SEND, 42001, 10)
    const result = await sender.sendWithRetries(message('o-citizen-42001'), { policy: policy(3) })
    expect(result.outcome).toBe('gave-up')
    expect(codes(result)).toEqual([42001, 42001, 42001, 42001]) // 3 attempts + the one renewal
    expect(fake.forcedRefreshes).toBe(1)
  })

  it('a token another instance renewed is picked up when ours is rejected, without forcing another', async () => {
    await useFake({ acceptAllConsents: true })
    const a = senderOf()
    const b = senderOf()
    const old = await a.tokens.get()
    expect(await b.tokens.get()).toBe(old)
    // Instance B is told the token is bad and renews it (forced): WeChat now rejects `old`.
    await b.tokens.invalidate(old)
    const renewed = await b.tokens.get()
    expect(renewed).not.toBe(old)
    expect(fake.forcedRefreshes).toBe(1)
    // Instance A still holds `old` in memory; its send is rejected and it reads B's token.
    const result = await a.sender.sendWithRetries(message('o-citizen-other'), { policy: policy() })
    expect(codes(result)).toEqual([40001, 0])
    expect(await a.tokens.get()).toBe(renewed)
    expect(fake.forcedRefreshes).toBe(1)
    expect(fake.tokenCalls).toBe(2)
  })

  it('a rejected token reported by many sends at once is written and renewed once', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender, tokens } = senderOf()
    await tokens.get()
    fake.failNext(SEND, 40001, 20)
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => sender.sendWithRetries(message(`o-burst-${i}`), { policy: policy() })))
    expect(results.every((r) => r.outcome === 'sent')).toBe(true)
    expect(fake.forcedRefreshes).toBe(1)
  })

  it('credentials WeChat refuses are not the message\'s fault: it gives up at once, to be sent later', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender } = senderOf({ appSecret: 'not-the-secret-at-all' })
    const result = await sender.sendWithRetries(message('o-citizen-secret'), { policy: policy() })
    expect(result.outcome).toBe('gave-up')
    expect(codes(result)).toEqual([40125])
    expect(fake.sendCalls).toBe(0)
  })
})

describe('sending with retries', () => {
  it('43101: no retry; the outcome says the consent is used up', async () => {
    await useFake()
    const { sender } = senderOf()
    fake.grant('o-citizen-once', TEMPLATE, 'one-time')
    expect(codes(await sender.sendWithRetries(message('o-citizen-once'), { policy: policy() }))).toEqual([0])
    const second = await sender.sendWithRetries(message('o-citizen-once'), { policy: policy() })
    expect(second).toMatchObject({ outcome: 'no-consent' })
    expect(codes(second)).toEqual([43101])
    expect(fake.sendCalls).toBe(2)
  })

  it('47003 (bad data), 40003 (bad openid), 40037 (unknown template): failed after one attempt', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender } = senderOf()
    const badData = await sender.sendWithRetries(message('o-citizen-data', '这是一个远远超过二十个字的标题，微信不会接受它的'), { policy: policy() })
    const badOpenid = await sender.sendWithRetries(message('nobody'), { policy: policy() })
    const badTemplate = await sender.sendWithRetries({ ...message('o-citizen-tpl'), template_id: 'TPL-UNKNOWN' }, { policy: policy() })
    expect([badData, badOpenid, badTemplate].map((r) => [r.outcome, codes(r)])).toEqual([
      ['failed', [47003]],
      ['failed', [40003]],
      ['failed', [40037]],
    ])
    expect(badData.lastError).toContain('data')
    expect(fake.sendCalls).toBe(3)
  })

  it('-1 twice then accepted: three attempts recorded [-1, -1, 0], each taking the rate limit and a backoff', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender } = senderOf()
    fake.failNext(SEND, -1, 2)
    let takes = 0
    const waits: number[] = []
    const p = new RetryPolicy({ baseMs: 8, capMs: 40, maxAttempts: 5, random: () => 0.5 })
    const result = await sender.sendWithRetries(message('o-citizen-busy'), {
      policy: p,
      bucket: { take: async () => void (takes += 1) },
      sleep: async (ms) => void waits.push(ms),
    })
    expect(result.outcome).toBe('sent')
    expect(codes(result)).toEqual([-1, -1, 0])
    expect(result.attempts.every((a) => a.at instanceof Date && a.ms >= 0)).toBe(true)
    expect(takes).toBe(3)
    expect(waits).toEqual([4, 8])
    expect(fake.delivered.map((d) => d.touser)).toEqual(['o-citizen-busy'])
  })

  it('keeps failing transiently: gives up after the allowed attempts', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender } = senderOf()
    fake.failNext(SEND, -1, 10)
    const result = await sender.sendWithRetries(message('o-citizen-down'), { policy: policy(3) })
    expect(result).toMatchObject({ outcome: 'gave-up', lastError: 'injected failure' })
    expect(codes(result)).toEqual([-1, -1, -1])
    expect(fake.sendCalls).toBe(3)
  })

  it('HTTP 5xx is transient (errcode -2) and retried', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender } = senderOf()
    fake.failNextWith(SEND, { httpStatus: 502 })
    fake.failNextWith(SEND, { httpStatus: 503 })
    const result = await sender.sendWithRetries(message('o-citizen-5xx'), { policy: policy() })
    expect(result.outcome).toBe('sent')
    expect(codes(result)).toEqual([-2, -2, 0])
    expect(fake.stats().answers).toMatchObject({ http502: 1, http503: 1, '0': 1 })
  })

  it('a timeout (WeChat slower than the client waits) is transient and retried', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender } = senderOf({ timeoutMs: 150 })
    fake.failNextWith(SEND, { delayMs: 1000 })
    const result = await sender.sendWithRetries(message('o-citizen-slow'), { policy: policy() })
    expect(result.outcome).toBe('sent')
    expect(codes(result)).toEqual([-2, 0])
    expect(result.lastError).toBeUndefined()
  })

  it('an unreachable WeChat is transient (-2) and, when it stays so, ends as gave-up', async () => {
    await useFake({ acceptAllConsents: true })
    const { sender, tokens } = senderOf()
    await tokens.get()
    await fake.stop()
    const result = await sender.sendWithRetries(message('o-citizen-gone'), { policy: policy(2) })
    expect(result.outcome).toBe('gave-up')
    expect(codes(result)).toEqual([-2, -2])
    expect(result.lastError).toContain('network')
    await useFake() // for afterEach
  })

  it('over WeChat\'s rate limit (45011): retried later, and every message gets through', async () => {
    await useFake({ acceptAllConsents: true, rateLimit: { perSecond: 40, burst: 2 } })
    const { sender } = senderOf()
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => sender.sendWithRetries(message(`o-citizen-rl-${i}`), { policy: new RetryPolicy({ baseMs: 20, capMs: 200, maxAttempts: 30, random: seededRandom(i) }) })))
    expect(results.every((r) => r.outcome === 'sent' && codes(r).at(-1) === 0)).toBe(true)
    const limited = results.flatMap(codes).filter((c) => c === 45011).length
    expect(limited).toBeGreaterThan(0) // 8 at once against a burst of 2
    expect(limited).toBe(fake.stats().answers['45011'])
    expect(fake.delivered).toHaveLength(8)
  })

  it('random failures at configured rates: the attempts recorded match what WeChat answered', async () => {
    await useFake({ acceptAllConsents: true, failureRates: { [-1]: 0.3, 40003: 0.1 }, seed: 5 })
    const { sender } = senderOf()
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => sender.sendWithRetries(message(`o-citizen-rand-${i}`), { policy: policy(10) })))
    const all = results.flatMap(codes)
    const answers = fake.stats().answers
    expect(all.filter((c) => c === -1).length).toBe(answers['-1'])
    expect(all.filter((c) => c === 40003).length).toBe(answers['40003'])
    expect(answers['-1']).toBeGreaterThan(0)
    expect(results.filter((r) => r.outcome === 'failed').length).toBe(answers['40003'])
    expect(results.filter((r) => r.outcome === 'sent').length).toBe(fake.delivered.length)
    expect(fake.sendCalls).toBe(all.length)
  })
})

describe('the one-shot send() that the reviewer reminders use', () => {
  it('still renews a rejected token once, and leaves other retries to its caller', async () => {
    await useFake()
    const clients = createWeChatClients({ baseUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret })!
    fake.grant('o-reviewer-1', TEMPLATE, 'long-term')
    fake.failNext(SEND, 40001)
    expect(await clients.messages.send(message('o-reviewer-1'))).toEqual({ status: 'sent' })
    fake.failNext(SEND, -1)
    expect(await clients.messages.send(message('o-reviewer-1'))).toMatchObject({ status: 'retry', errcode: -1 })
    fake.failNext(SEND, 45011)
    expect(await clients.messages.send(message('o-reviewer-1'))).toMatchObject({ status: 'retry', errcode: 45011 })
    expect(await clients.messages.send(message('o-nobody-granted'))).toEqual({ status: 'no-consent' })
    expect(await clients.messages.send({ ...message('o-reviewer-1'), template_id: 'TPL-NONE' })).toMatchObject({ status: 'failed', errcode: 40037 })
  })
})
