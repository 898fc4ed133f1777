import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'

/** A request the fake received, as WeChat would have. */
export interface Received {
  method: string
  path: string
  query: Record<string, string>
  body: Record<string, unknown> | undefined
  at: number
}

/**
 * A stand-in for api.weixin.qq.com on 127.0.0.1, following the documented shapes:
 * `GET /sns/jscode2session` (codes work once: 40029; 100 per user a minute: 45011),
 * `POST /cgi-bin/stable_token` (same token unless forced; 20 forced refreshes a day: 45009),
 * `POST /cgi-bin/message/subscribe/send` (40001 bad token, 40003 unknown openid, 40037
 * unknown template, 47003 bad data, 43101 no consent left). It records every request,
 * can answer slowly, and can be told to fail the next calls of a path with an errcode.
 */
export class FakeWeChat {
  readonly appId = 'wxfake0000000001'
  readonly appSecret = 'fake-secret-for-tests'
  readonly received: Received[] = []
  latencyMs = 0
  private server!: http.Server
  private readonly codes = new Map<string, { openid: string; used: boolean }>()
  private readonly loginsPerMinute = new Map<string, number[]>()
  private token = ''
  private tokenExpiresAt = 0
  forcedRefreshes = 0
  /** Templates the fake knows, and each user's consent: a number of sends left, or 'long-term'. */
  readonly templates = new Set<string>(['TPL-REVIEW-REMINDER'])
  private readonly consents = new Map<string, number | 'long-term'>()
  private readonly failures = new Map<string, number[]>()
  url = ''

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()))
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

  /** The next `times` calls of `path` answer `errcode`. */
  failNext(path: string, errcode: number, times = 1): void {
    this.failures.set(path, [...(this.failures.get(path) ?? []), ...Array<number>(times).fill(errcode)])
  }

  /** Subscription messages WeChat accepted, in order. */
  readonly delivered: { touser: string; template_id: string; page: string; data: Record<string, { value: string }>; miniprogram_state?: string }[] = []

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    let raw = ''
    for await (const chunk of req) raw += chunk
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
    const received: Received = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body, at: Date.now() }
    this.received.push(received)
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs))
    const answer = (json: object) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(json))
    }
    const error = (errcode: number, errmsg: string) => answer({ errcode, errmsg })
    const queued = this.failures.get(url.pathname)
    if (queued?.length) return error(queued.shift()!, 'injected failure')

    if (url.pathname === '/sns/jscode2session') {
      const q = received.query
      if (q.appid !== this.appId) return error(40013, 'invalid appid')
      if (q.secret !== this.appSecret) return error(40125, 'invalid appsecret')
      const code = this.codes.get(q.js_code ?? '')
      if (!code || code.used) return error(40029, 'invalid code')
      const minute = Date.now() - 60_000
      const recent = (this.loginsPerMinute.get(code.openid) ?? []).filter((t) => t > minute)
      if (recent.length >= 100) return error(45011, 'api minute-quota reach limit')
      this.loginsPerMinute.set(code.openid, [...recent, Date.now()])
      code.used = true
      return answer({ openid: code.openid, session_key: randomBytes(16).toString('base64') })
    }
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
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
      return answer({ access_token: this.token, expires_in: Math.floor((this.tokenExpiresAt - Date.now()) / 1000) })
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      if (!this.token || received.query.access_token !== this.token) return error(40001, 'invalid credential, access_token is invalid or not latest')
      const touser = String(body?.touser ?? '')
      if (!/^o[\w-]{5,}$/.test(touser)) return error(40003, 'invalid openid')
      const template = String(body?.template_id ?? '')
      if (!this.templates.has(template)) return error(40037, 'invalid template_id')
      const data = body?.data as Record<string, { value?: unknown }> | undefined
      if (!data || Object.values(data).some((v) => typeof v?.value !== 'string' || (v.value as string).length === 0 || [...(v.value as string)].length > 20)) return error(47003, 'argument invalid! data.thing.value invalid')
      const key = `${touser}:${template}`
      const consent = this.consents.get(key)
      if (consent === undefined || consent === 0) return error(43101, 'user refuse to accept the msg')
      if (consent !== 'long-term') this.consents.set(key, consent - 1)
      this.delivered.push(body as never)
      return answer({ errcode: 0, errmsg: 'ok' })
    }
    res.writeHead(404)
    res.end()
  }
}
