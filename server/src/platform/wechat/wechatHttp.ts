/**
 * The one way the server talks to WeChat's HTTP API: JSON over fetch against a
 * configurable base URL (tests point it at a fake on 127.0.0.1), a timeout, and WeChat's
 * `errcode` turned into a typed error. No other module builds WeChat URLs.
 */
export interface WeChatSettings {
  /** https://api.weixin.qq.com in production. */
  baseUrl: string
  appId: string
  appSecret: string
  timeoutMs?: number
}

/** An answer from WeChat with a non-zero `errcode` (or an unreadable one, errcode -2). */
export class WeChatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeChat ${path} errcode ${errcode}: ${errmsg}`)
    this.name = 'WeChatApiError'
  }
}

/** -1 系统繁忙 and network failures (errcode -2 here) are worth retrying; the rest are answers. */
export const isTransient = (err: unknown) => err instanceof WeChatApiError && (err.errcode === -1 || err.errcode === -2)

export async function wechatRequest<T extends object>(settings: WeChatSettings, path: string, options: { query?: Record<string, string>; body?: unknown } = {}): Promise<T> {
  const url = new URL(path, settings.baseUrl.endsWith('/') ? settings.baseUrl : `${settings.baseUrl}/`)
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v)
  let response: Response
  try {
    response = await fetch(url, {
      method: options.body === undefined ? 'GET' : 'POST',
      headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(settings.timeoutMs ?? 5000),
    })
  } catch (err) {
    throw new WeChatApiError(-2, `network: ${(err as Error).message}`, path)
  }
  let json: (T & { errcode?: number; errmsg?: string }) | undefined
  try {
    json = (await response.json()) as T & { errcode?: number; errmsg?: string }
  } catch {
    throw new WeChatApiError(-2, `HTTP ${response.status}, not JSON`, path)
  }
  if (json.errcode) throw new WeChatApiError(json.errcode, json.errmsg ?? '', path)
  return json
}
