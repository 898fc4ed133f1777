import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request a fake platform received. */
export interface PlatformRequest {
  method: string
  path: string
  query: Record<string, string>
  /** JSON or form fields; for multipart, the text fields, `__files` (field names of the files) and `__fileBytes` (their sizes). */
  body: Record<string, unknown>
  at: number
}

/** What the next calls of a path do instead of their normal answer. */
export type PlatformFault =
  /** Answer this error (errcode for WeChat, error_code for Weibo). */
  | { code: number; message?: string }
  /** Answer this HTTP status with a non-JSON body. */
  | { httpStatus: number }
  /** Wait this long, then answer normally. */
  | { delayMs: number }

export interface FakePlatformOptions {
  /** Every answer waits this long (ms). */
  latencyMs?: number
  /** Requests per second across all paths; over it the platform's rate-limit error. */
  rateLimit?: { perSecond: number }
}

/** Minimal multipart/form-data reading: text fields, and the names of file fields. */
function parseMultipart(raw: Buffer, contentType: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType)
  const out: Record<string, unknown> = { __files: [] as string[], __fileBytes: [] as number[] }
  if (!boundary) return out
  const parts = raw.toString('latin1').split(`--${boundary[1] ?? boundary[2]}`)
  for (const part of parts) {
    const [head, ...rest] = part.split('\r\n\r\n')
    const name = /name="([^"]+)"/.exec(head ?? '')?.[1]
    if (!name) continue
    if (/filename="/.test(head!)) {
      ;(out.__files as string[]).push(name)
      ;(out.__fileBytes as number[]).push(Buffer.byteLength(rest.join('\r\n\r\n').replace(/\r\n$/, ''), 'latin1'))
    } else out[name] = Buffer.from(rest.join('\r\n\r\n').replace(/\r\n$/, ''), 'latin1').toString('utf8')
  }
  return out
}

/**
 * The HTTP side shared by the fake 公众号 and 微博 servers on 127.0.0.1: request recording,
 * latency, a rate limit, and faults queued per path ("fail twice then succeed").
 */
export abstract class FakePlatform {
  url = ''
  readonly received: PlatformRequest[] = []
  private readonly faults = new Map<string, PlatformFault[]>()
  private readonly server = http.createServer((req, res) => void this.handle(req, res))
  private window = { second: 0, count: 0 }

  constructor(protected readonly options: FakePlatformOptions = {}) {}

  protected abstract route(path: string, r: PlatformRequest): { status?: number; json: unknown }
  protected abstract errorBody(code: number, message: string): unknown
  protected abstract rateLimitCode: number

  /** The next `times` calls of `path` get `fault`, then it answers normally again. */
  fail(path: string, fault: PlatformFault, times = 1): this {
    const queue = this.faults.get(path) ?? []
    for (let i = 0; i < times; i++) queue.push(fault)
    this.faults.set(path, queue)
    return this
  }

  calls(path: string): PlatformRequest[] {
    return this.received.filter((r) => r.path === path)
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  stop(): Promise<void> {
    this.server.closeAllConnections()
    return new Promise((r) => this.server.close(() => r()))
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', 'http://fake')
    const type = req.headers['content-type'] ?? ''
    let body: Record<string, unknown> = {}
    if (type.startsWith('multipart/form-data')) body = parseMultipart(raw, type)
    else if (type.startsWith('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw.toString('utf8')))
    else if (raw.length) body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>
    const r: PlatformRequest = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body, at: Date.now() }
    this.received.push(r)
    const send = (status: number, payload: unknown, text = false) => {
      res.writeHead(status, { 'content-type': text ? 'text/html' : 'application/json' })
      res.end(text ? String(payload) : JSON.stringify(payload))
    }
    if (this.options.latencyMs) await new Promise((w) => setTimeout(w, this.options.latencyMs))
    if (this.options.rateLimit) {
      const second = Math.floor(Date.now() / 1000)
      if (second !== this.window.second) this.window = { second, count: 0 }
      if (++this.window.count > this.options.rateLimit.perSecond) return send(200, this.errorBody(this.rateLimitCode, 'rate limit'))
    }
    const fault = this.faults.get(r.path)?.shift()
    if (fault && 'delayMs' in fault) await new Promise((w) => setTimeout(w, fault.delayMs))
    else if (fault && 'httpStatus' in fault) return send(fault.httpStatus, '<html>bad gateway</html>', true)
    else if (fault) return send(200, this.errorBody(fault.code, fault.message ?? 'fault'))
    const answer = this.route(r.path, r)
    send(answer.status ?? 200, answer.json)
  }
}
