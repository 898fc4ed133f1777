import type { Dispatcher } from 'undici'
import { agentFor, httpCall } from '../delivery/httpAgent'
import { classifyWeChatErrcode, WECHAT_NO_ANSWER } from '../delivery/retryPolicy'

/**
 * The one way the server talks to WeChat's HTTP API: JSON over a keep-alive undici pool
 * against a configurable base URL (tests and benchmarks point it at a fake on 127.0.0.1),
 * a timeout, and WeChat's `errcode` turned into a typed error. No other module builds
 * WeChat URLs.
 */
export interface WeChatSettings {
  /** https://api.weixin.qq.com in production. */
  baseUrl: string
  appId: string
  appSecret: string
  /** Connecting, and then from sending a request to the end of its answer (5000 by default; time queued for a free connection is not counted). */
  timeoutMs?: number
  /** Keep-alive connections to WeChat per process (see `agentFor`; 32 by default). */
  connections?: number
}

/**
 * An answer from WeChat with a non-zero `errcode`; or no usable answer at all (network
 * failure, timeout, HTTP 5xx/429, not JSON): errcode -2, with `httpStatus` when there was one.
 */
export class WeChatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
    readonly httpStatus?: number,
  ) {
    super(`WeChat ${path} errcode ${errcode}: ${errmsg}`)
    this.name = 'WeChatApiError'
  }
}

/** Worth retrying soon: -1 系统繁忙, no answer (-2), 45011 frequency limit (see `classifyWeChatErrcode`). */
export const isTransient = (err: unknown) => err instanceof WeChatApiError && classifyWeChatErrcode(err.errcode) === 'transient'

/** A request body serialized already (a message retried is serialized once, not once per attempt). */
export class RawJson {
  constructor(readonly json: string) {}
}

interface Base {
  from: string
  origin: string
  prefix: string
  timeoutMs: number
  agent: Dispatcher
}
/** Origin, path prefix and pool of a settings object, worked out once (the push worker calls WeChat thousands of times a second). */
const bases = new WeakMap<WeChatSettings, Base>()
function baseOf(settings: WeChatSettings): Base {
  const from = `${settings.baseUrl}|${settings.connections}|${settings.timeoutMs}`
  let base = bases.get(settings)
  if (!base || base.from !== from) {
    const url = new URL(settings.baseUrl)
    const timeoutMs = settings.timeoutMs ?? 5000
    base = { from, origin: url.origin, prefix: url.pathname.replace(/\/+$/, ''), timeoutMs, agent: agentFor({ connections: settings.connections, connectTimeoutMs: timeoutMs }) }
    bases.set(settings, base)
  }
  return base
}

const JSON_HEADERS = { 'content-type': 'application/json' }

export async function wechatRequest<T extends object>(settings: WeChatSettings, path: string, options: { query?: Record<string, string>; body?: unknown; onWrite?: () => void } = {}): Promise<T> {
  const { origin, prefix, timeoutMs, agent } = baseOf(settings)
  let target = path.startsWith('/') ? `${prefix}${path}` : `${prefix}/${path}`
  if (options.query) {
    let sep = '?'
    for (const k in options.query) {
      target += `${sep}${encodeURIComponent(k)}=${encodeURIComponent(options.query[k]!)}`
      sep = '&'
    }
  }
  const post = options.body !== undefined
  let answer: { status: number; text: string }
  try {
    answer = await httpCall(agent, {
      origin,
      path: target,
      method: post ? 'POST' : 'GET',
      headers: post ? JSON_HEADERS : undefined,
      body: post ? (options.body instanceof RawJson ? options.body.json : JSON.stringify(options.body)) : undefined,
      // Time spent queued for a free connection is ours, not WeChat's, and is not counted.
      timeoutMs,
      onWrite: options.onWrite,
    })
  } catch (err) {
    throw new WeChatApiError(WECHAT_NO_ANSWER, `network: ${(err as Error).message}`, path)
  }
  const { status, text } = answer
  if (status >= 500 || status === 429) throw new WeChatApiError(WECHAT_NO_ANSWER, `HTTP ${status}`, path, status)
  let json: T & { errcode?: number; errmsg?: string }
  try {
    json = JSON.parse(text) as T & { errcode?: number; errmsg?: string }
  } catch {
    throw new WeChatApiError(WECHAT_NO_ANSWER, `HTTP ${status}, not JSON`, path, status)
  }
  if (typeof json !== 'object' || json === null) throw new WeChatApiError(WECHAT_NO_ANSWER, `HTTP ${status}, not a JSON object`, path, status)
  if (json.errcode) throw new WeChatApiError(json.errcode, json.errmsg ?? '', path)
  return json
}
