import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { seededRandom } from '../../server/src/platform/delivery/random'
import { FakeRateLimit } from './fakeRateLimit'

/** A request the fake received, as WeChat would have. */
export interface Received {
  method: string
  path: string
  query: Record<string, string>
  body: Record<string, unknown> | undefined
  at: number
}

/** What the next call of a path does instead of (or before) its normal answer. */
export type Fault =
  /** Answer this errcode. */
  | { errcode: number }
  /** Answer this HTTP status with a non-JSON body, as a gateway in front of WeChat would. */
  | { httpStatus: number }
  /** Wait this long, then answer normally (the request is processed even if the caller gave up, as a real server would). */
  | { delayMs: number }

export interface FakeWeChatOptions {
  /**
   * For `subscribe/send`: the probability that a request with a valid token answers each
   * errcode instead of being processed, e.g. `{ [-1]: 0.02, 43101: 0.01 }` (sum ≤ 1).
   * Drawn from a seeded random source, so a run is reproducible.
   */
  failureRates?: Partial<Record<number, number>>
  /** Seed of the random source behind `failureRates` and latency jitter (default 1). */
  seed?: number
  /** Every answer waits this long (ms)… */
  latencyMs?: number
  /** …plus a uniformly random extra up to this (ms). */
  latencyJitterMs?: number
  /**
   * `subscribe/send` requests per second across all callers (a bucket of `burst`, default
   * one second's worth); over it the fake answers 45011. WeChat documents 45011 ("api
   * minute-quota reach limit") as its frequency limit, 45009 being the daily quota.
   */
  rateLimit?: { perSecond: number; burst?: number }
  /** Accept every openid for every known template, as if all had long-term consent (benchmarks). */
  acceptAllConsents?: boolean
  /** Keep no per-request log (`received` stays empty): counters and `delivered` only, for long benchmark runs. */
  lean?: boolean
  /** Templates known besides TPL-REVIEW-REMINDER. */
  templates?: string[]
}

type Delivered = { touser: string; template_id: string; page: string; data: Record<string, { value: string }>; miniprogram_state?: string }

/** The fake's counters, also served at `GET /__fake/stats`. */
export interface FakeWeChatStats {
  sendCalls: number
  delivered: number
  distinctDelivered: number
  tokenCalls: number
  forcedRefreshes: number
  /** subscribe/send answers by errcode (0 = accepted); HTTP faults as `http<status>`. */
  answers: Record<string, number>
  /** Most subscribe/send requests arrived and not yet answered at one moment: how many a sender had on the wire at once. */
  maxSendsInFlight: number
}

const SEND = '/cgi-bin/message/subscribe/send'
const SEC_CHECK = '/wxa/msg_sec_check'

/** What msg_sec_check answers for text containing a phrase (see `judgeText`). */
export interface SecurityJudgement {
  suggest: 'pass' | 'review' | 'risky'
  /** 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪, 20008 欺诈, 20012 低俗, 21000 其他. */
  label: number
}

/**
 * A stand-in for api.weixin.qq.com on 127.0.0.1, following the documented shapes:
 * `GET /sns/jscode2session` (codes work once: 40029; 100 per user a minute: 45011),
 * `POST /cgi-bin/stable_token` (same token unless forced; 20 forced refreshes a day: 45009),
 * `POST /cgi-bin/message/subscribe/send` (40001 bad token, 40003 unknown openid, 40037
 * unknown template, 47003 bad data, 43101 no consent left; 45011 over the rate limit),
 * `POST /wxa/msg_sec_check` v2 (40001 bad token, 40003 no openid, 44004 empty content,
 * 47001 not version 2 or over 2500 characters; `pass` unless a test said otherwise with
 * `judgeText`).
 * It records every request (unless lean) and every accepted message, can answer slowly,
 * fail at random with configured rates, or be told what the next calls of a path do.
 * `test/support/fakeWeChatMain.ts` runs it as a process of its own for benchmarks.
 */
export class FakeWeChat {
  readonly appId = 'wxfake0000000001'
  readonly appSecret = 'fake-secret-for-tests'
  readonly received: Received[] = []
  private sendsInFlight = 0
  private maxSendsInFlight = 0
  /** Subscription messages WeChat accepted, in order. */
  readonly delivered: Delivered[] = []
  /** `touser:template_id` of every accepted message, kept as they arrive: the stats are read while a million are sent, and counting them then would stall the fake. */
  private readonly distinct = new Set<string>()
  latencyMs: number
  latencyJitterMs: number
  failureRates: Partial<Record<number, number>>
  acceptAllConsents: boolean
  /** Calls of subscribe/send, whatever the answer. */
  sendCalls = 0
  tokenCalls = 0
  forcedRefreshes = 0
  /** subscribe/send answers by errcode (0 = accepted), HTTP faults as `http<status>`. */
  readonly answers = new Map<string, number>()
  /** Templates the fake knows, and each user's consent: a number of sends left, or 'long-term'. */
  readonly templates = new Set<string>(['TPL-REVIEW-REMINDER'])
  url = ''
  private server!: http.Server
  private readonly lean: boolean
  private readonly random: () => number
  private readonly codes = new Map<string, { openid: string; used: boolean }>()
  private readonly loginsPerMinute = new Map<string, number[]>()
  private token = ''
  private tokenExpiresAt = 0
  private readonly consents = new Map<string, number | 'long-term'>()
  private readonly faults = new Map<string, Fault[]>()
  private rate: FakeRateLimit | null = null
  /** Phrases msg_sec_check does not pass, in the order given (the first match decides). */
  private readonly judgements: { phrase: string; judgement: SecurityJudgement }[] = []

  constructor(options: FakeWeChatOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0
    this.latencyJitterMs = options.latencyJitterMs ?? 0
    this.failureRates = options.failureRates ?? {}
    this.acceptAllConsents = options.acceptAllConsents ?? false
    this.lean = options.lean ?? false
    this.random = seededRandom(options.seed ?? 1)
    for (const t of options.templates ?? []) this.templates.add(t)
    if (options.rateLimit) this.setRateLimit(options.rateLimit.perSecond, options.rateLimit.burst)
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res))
    this.server.keepAliveTimeout = 30_000
    // A caller that vanishes (FIN) right after sending: WeChat still has the whole request.
    // Node's server would abort requests whose 'end' it had not emitted yet; this keeps them.
    ;(this.server as unknown as { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  stop(): Promise<void> {
    return new Promise((r) => {
      this.server.close(() => r())
      this.server.closeAllConnections()
    })
  }

  /** What `wx.login` would give the person with this openid: a one-use code. */
  loginCode(openid: string): string {
    const code = randomBytes(12).toString('hex')
    this.codes.set(code, { openid, used: false })
    return code
  }

  /** As if the person had logged in 100 times this minute: the next jscode2session answers 45011. */
  exhaustLoginQuota(openid: string): void {
    this.loginsPerMinute.set(openid, Array<number>(100).fill(Date.now()))
  }

  /** The person accepted the template in `wx.requestSubscribeMessage` (one-time: one more send; or long-term). */
  grant(openid: string, templateId: string, kind: 'one-time' | 'long-term'): void {
    const key = `${openid}:${templateId}`
    const now = this.consents.get(key)
    this.consents.set(key, kind === 'long-term' ? 'long-term' : now === 'long-term' ? now : (now ?? 0) + 1)
  }

  /** From now on msg_sec_check answers `suggest` (with `label`) for any text containing `phrase`; other text passes. */
  judgeText(phrase: string, suggest: SecurityJudgement['suggest'], label = suggest === 'pass' ? 100 : 20001): void {
    this.judgements.push({ phrase, judgement: { suggest, label } })
  }

  /** The msg_sec_check requests received, in order (their bodies). */
  get securityChecks(): { content: string; version: number; scene: number; openid: string; title?: string }[] {
    return this.received.filter((r) => r.path === SEC_CHECK).map((r) => r.body as never)
  }

  /** The next `times` calls of `path` answer `errcode`. */
  failNext(path: string, errcode: number, times = 1): void {
    this.failNextWith(path, { errcode }, times)
  }

  /** The next `times` calls of `path` meet `fault` (an errcode, an HTTP status, or a delay). */
  failNextWith(path: string, fault: Fault, times = 1): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...Array<Fault>(times).fill(fault)])
  }

  /** Limits subscribe/send to `perSecond` across all callers (null: no limit). */
  setRateLimit(perSecond: number | null, burst?: number): void {
    this.rate = perSecond === null ? null : new FakeRateLimit(perSecond, burst)
  }

  /** The current token now expires in `seconds` (stable_token keeps answering it, with that much life left). */
  expireTokenIn(seconds: number): void {
    this.tokenExpiresAt = Date.now() + seconds * 1000
  }

  /** The current access_token, as WeChat holds it (tests compare it with what clients send). */
  get currentToken(): string {
    return this.token
  }

  /** Starts measuring `maxSendsInFlight` afresh. */
  resetMaxSendsInFlight(): void {
    this.maxSendsInFlight = this.sendsInFlight
  }

  stats(): FakeWeChatStats {
    return {
      sendCalls: this.sendCalls,
      delivered: this.delivered.length,
      distinctDelivered: this.distinct.size,
      tokenCalls: this.tokenCalls,
      forcedRefreshes: this.forcedRefreshes,
      answers: Object.fromEntries(this.answers),
      maxSendsInFlight: this.maxSendsInFlight,
    }
  }

  private count(key: string): void {
    this.answers.set(key, (this.answers.get(key) ?? 0) + 1)
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = []
    let size = 0
    let taken = false
    // A request is WeChat's once all its bytes arrived, even if the caller vanished right
    // after sending it (Node's server would abort it at the caller's FIN before 'end').
    const length = Number(req.headers['content-length'] ?? NaN)
    const complete = () => {
      if (taken) return
      taken = true
      whole()
    }
    req.on('data', (c: Buffer) => {
      chunks.push(c)
      size += c.length
      if (size >= length) complete()
    })
    req.on('end', complete)
    const whole = () => {
      const raw = chunks.length ? Buffer.concat(chunks).toString('utf8') : ''
      let delay = this.latencyMs + (this.latencyJitterMs ? this.random() * this.latencyJitterMs : 0)
      const fault = this.nextFault(req.url ?? '/')
      if (fault && 'delayMs' in fault) delay += fault.delayMs
      const isSend = req.method === 'POST' && (req.url ?? '').startsWith(`${SEND}?`)
      if (isSend) this.maxSendsInFlight = Math.max(this.maxSendsInFlight, ++this.sendsInFlight)
      const go = () => {
        if (isSend) this.sendsInFlight -= 1
        this.answer(req, res, raw, fault && !('delayMs' in fault) ? fault : undefined)
      }
      if (delay > 0) setTimeout(go, delay)
      else go()
    }
  }

  private nextFault(rawUrl: string): Fault | undefined {
    if (this.faults.size === 0) return undefined
    const q = rawUrl.indexOf('?')
    const queued = this.faults.get(q < 0 ? rawUrl : rawUrl.slice(0, q))
    return queued?.shift()
  }


  private answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string, fault: Fault | undefined): void {
    const url = new URL(req.url ?? '/', this.url)
    const path = url.pathname
    const json = (status: number, payload: object) => {
      const text = JSON.stringify(payload)
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      res.end(text)
    }
    const isSend = path === SEND && req.method === 'POST'
    if (isSend) this.sendCalls += 1
    const error = (errcode: number, errmsg: string) => {
      if (isSend) this.count(String(errcode))
      json(200, { errcode, errmsg })
    }
    if (path.startsWith('/__fake/')) return this.control(path, json)

    let body: Record<string, unknown> | undefined
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>
      } catch {
        return error(47001, 'data format error')
      }
    }
    const query = Object.fromEntries(url.searchParams)
    if (!this.lean) this.received.push({ method: req.method ?? 'GET', path, query, body, at: Date.now() })

    if (fault && 'httpStatus' in fault) {
      if (isSend) this.count(`http${fault.httpStatus}`)
      res.writeHead(fault.httpStatus, { 'content-type': 'text/html' })
      res.end(`<html><body>${fault.httpStatus} Bad Gateway</body></html>`)
      return
    }
    if (fault && 'errcode' in fault) return error(fault.errcode, 'injected failure')

    if (path === '/sns/jscode2session') {
      if (query.appid !== this.appId) return error(40013, 'invalid appid')
      if (query.secret !== this.appSecret) return error(40125, 'invalid appsecret')
      const code = this.codes.get(query.js_code ?? '')
      if (!code || code.used) return error(40029, 'invalid code')
      const minute = Date.now() - 60_000
      const recent = (this.loginsPerMinute.get(code.openid) ?? []).filter((t) => t > minute)
      if (recent.length >= 100) return error(45011, 'api minute-quota reach limit')
      this.loginsPerMinute.set(code.openid, [...recent, Date.now()])
      code.used = true
      return json(200, { openid: code.openid, session_key: randomBytes(16).toString('base64') })
    }
    if (path === '/cgi-bin/stable_token' && req.method === 'POST') {
      this.tokenCalls += 1
      if (body?.appid !== this.appId) return error(40013, 'invalid appid')
      if (body?.secret !== this.appSecret) return error(40125, 'invalid appsecret')
      if (body?.force_refresh === true) {
        if (this.forcedRefreshes >= 20) return error(45009, 'reach max api daily quota limit')
        this.forcedRefreshes += 1
        this.token = ''
      }
      if (!this.token || Date.now() > this.tokenExpiresAt) {
        this.token = `ACCESS_${randomBytes(8).toString('hex')}`
        this.tokenExpiresAt = Date.now() + 7200_000
      }
      return json(200, { access_token: this.token, expires_in: Math.floor((this.tokenExpiresAt - Date.now()) / 1000) })
    }
    if (path === SEC_CHECK && req.method === 'POST') {
      if (!this.token || query.access_token !== this.token) return error(40001, 'invalid credential, access_token is invalid or not latest')
      if (body?.version !== 2) return error(47001, 'data format error: version must be 2')
      const content = typeof body?.content === 'string' ? body.content : ''
      if (!content) return error(44004, 'empty content')
      if ([...content].length > 2500) return error(47001, 'data format error: content over 2500 characters')
      if (typeof body?.openid !== 'string' || !body.openid) return error(40003, 'invalid openid')
      if (![1, 2, 3, 4].includes(Number(body?.scene))) return error(40097, 'invalid args: scene')
      const text = `${typeof body.title === 'string' ? body.title : ''}\n${content}`
      const judged = this.judgements.find((j) => text.includes(j.phrase))?.judgement ?? { suggest: 'pass', label: 100 }
      const traceId = randomBytes(8).toString('hex')
      return json(200, {
        errcode: 0,
        errmsg: 'ok',
        result: judged,
        detail: [{ strategy: 'content_model', errcode: 0, suggest: judged.suggest, label: judged.label, prob: judged.suggest === 'pass' ? 0 : 90 }],
        trace_id: traceId,
      })
    }
    if (isSend) {
      if (this.rate?.take() === false) return error(45011, 'api minute-quota reach limit')
      if (!this.token || query.access_token !== this.token) return error(40001, 'invalid credential, access_token is invalid or not latest')
      const injected = this.drawFailure()
      if (injected !== undefined) return error(injected, 'injected failure (rate)')
      const touser = String(body?.touser ?? '')
      if (!/^o[\w-]{5,}$/.test(touser)) return error(40003, 'invalid openid')
      const template = String(body?.template_id ?? '')
      if (!this.templates.has(template)) return error(40037, 'invalid template_id')
      const data = body?.data as Record<string, { value?: unknown }> | undefined
      if (!data || Object.values(data).some((v) => typeof v?.value !== 'string' || (v.value as string).length === 0 || [...(v.value as string)].length > 20)) return error(47003, 'argument invalid! data.thing.value invalid')
      if (!this.acceptAllConsents) {
        const key = `${touser}:${template}`
        const consent = this.consents.get(key)
        if (consent === undefined || consent === 0) return error(43101, 'user refuse to accept the msg')
        if (consent !== 'long-term') this.consents.set(key, consent - 1)
      }
      this.delivered.push(body as never)
      this.distinct.add(`${touser}:${template}`)
      this.count('0')
      return json(200, { errcode: 0, errmsg: 'ok' })
    }
    res.writeHead(404)
    res.end()
  }

  /** One draw per request: the errcode it fails with, if any. */
  private drawFailure(): number | undefined {
    let x: number | undefined
    for (const [code, p] of Object.entries(this.failureRates)) {
      if (!p) continue
      x ??= this.random()
      if (x < p) return Number(code)
      x -= p
    }
    return undefined
  }

  /** `GET /__fake/stats`, `GET /__fake/delivered` (openids in order), `POST /__fake/reset`: for a benchmark talking to the fake in its own process. */
  private control(path: string, json: (status: number, payload: object) => void): void {
    if (path === '/__fake/stats') return json(200, this.stats())
    if (path === '/__fake/delivered') return json(200, this.delivered.map((d) => d.touser))
    if (path === '/__fake/reset') {
      this.received.length = 0
      this.delivered.length = 0
      this.distinct.clear()
      this.answers.clear()
      this.sendCalls = 0
      this.maxSendsInFlight = 0
      this.tokenCalls = 0
      return json(200, { ok: true })
    }
    json(404, { error: 'unknown control path' })
  }
}
