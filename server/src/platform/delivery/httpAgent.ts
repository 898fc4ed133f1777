import { Agent, type Dispatcher } from 'undici'

/** Connections per origin unless configured: enough to keep a fake or real API busy without opening hundreds of sockets. */
export const DEFAULT_CONNECTIONS = 32
/** Answers from WeChat and SMS providers are a few hundred bytes; anything far larger is not one of them. */
const MAX_ANSWER_BYTES = 1 << 20

const agents = new Map<string, Agent>()

/**
 * The undici connection pool for outgoing platform calls (WeChat, SMS), shared by every
 * client with the same settings. Keep-alive connections are reused across requests,
 * which is most of the cost saved over global fetch (WHATWG streams, a new request
 * object per call): the push worker sends thousands of small JSON requests a second.
 * `connections` bounds the sockets per origin; further requests queue in the pool.
 */
export function agentFor(options: { connections?: number; connectTimeoutMs?: number }): Agent {
  const connections = options.connections ?? DEFAULT_CONNECTIONS
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000
  const key = `${connections}|${connectTimeoutMs}`
  let agent = agents.get(key)
  if (!agent) {
    agent = new Agent({ connections, pipelining: 1, keepAliveTimeout: 10_000, connect: { timeout: connectTimeoutMs } })
    agents.set(key, agent)
  }
  return agent
}

/** Closes every shared pool (at shutdown, or between benchmark runs); the next call opens new ones. */
export async function closeAgents(): Promise<void> {
  const all = [...agents.values()]
  agents.clear()
  await Promise.all(all.map((a) => a.close()))
}

export interface HttpCall {
  /** `http://127.0.0.1:8080`, `https://api.weixin.qq.com`. */
  origin: string
  /** Path and query: `/cgi-bin/message/subscribe/send?access_token=…`. */
  path: string
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  /** From the moment the request goes out on a connection to the end of the answer (time queued for a free connection is not counted). */
  timeoutMs: number
  /**
   * Called at each attempt just before the request's bytes are written to a connection
   * (synchronously, in the same turn as the write): not when it only waits in the pool or
   * the connection cannot be opened. The push sender marks messages handed over with it.
   */
  onWrite?: () => void
}

/** No usable answer: the connection failed, timed out, or the answer was too large. */
export class HttpCallError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'HttpCallError'
  }
}

/**
 * One request through `dispatcher`, answering the status and the body as text. It uses
 * undici's dispatch API with a handler that only collects the bytes: `request()` wraps
 * every answer in a Readable stream, which at thousands of small answers a second costs
 * a fifth of the sender's throughput (measured against the fake WeChat). Redirects are
 * not followed (neither platform answers one).
 */
export function httpCall(dispatcher: Dispatcher, call: HttpCall): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    dispatcher.dispatch(
      // undici's own headers/body timeouts run on coarse timers (about a second late); they stay as a backstop.
      { origin: call.origin, path: call.path, method: call.method, headers: call.headers, body: call.body, headersTimeout: call.timeoutMs, bodyTimeout: call.timeoutMs },
      new CollectingHandler(call.timeoutMs, resolve, (err) => reject(new HttpCallError(err.message, { cause: err })), call.onWrite),
    )
  })
}

/**
 * Collects an answer's bytes (undici's handler protocol, the one its own `request()`
 * implements), with a precise deadline started when the request goes out.
 */
class CollectingHandler implements Dispatcher.DispatchHandler {
  private status = 0
  private readonly chunks: Buffer[] = []
  private size = 0
  private abort: ((err?: Error) => void) | null = null
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly timeoutMs: number,
    private readonly resolve: (answer: { status: number; text: string }) => void,
    private readonly reject: (err: Error) => void,
    private readonly onWrite?: () => void,
  ) {}

  /** undici calls this right before it writes the request to the connection (client-h1 `writeH1`). */
  onConnect(abort: (err?: Error) => void): void {
    this.abort = abort
    this.onWrite?.()
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => abort(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs)
  }

  onHeaders(status: number): boolean {
    this.status = status
    return true
  }

  onData(chunk: Buffer): boolean {
    this.size += chunk.length
    if (this.size > MAX_ANSWER_BYTES) {
      this.abort?.(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`))
      return false
    }
    this.chunks.push(chunk)
    return true
  }

  onComplete(): void {
    if (this.timer) clearTimeout(this.timer)
    const body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks)
    this.resolve({ status: this.status, text: body.toString('utf8') })
  }

  onError(err: Error): void {
    if (this.timer) clearTimeout(this.timer)
    this.reject(err)
  }

  onUpgrade(): void {
    this.onError(new Error('unexpected protocol upgrade'))
  }
}
