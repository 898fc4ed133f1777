/**
 * Weibo's open API, the one call this product needs: `POST 2/statuses/share.json`
 * (a status with a link on the app's bound safe domain, optional picture). Base URL
 * configurable (tests point it at a fake on 127.0.0.1). Errors are typed with Weibo's
 * error_code; no answer (network, timeout, HTTP 5xx) is error_code -2.
 */
export const WEIBO_NO_ANSWER = -2

export class WeiboApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly error: string,
    readonly httpStatus?: number,
  ) {
    super(`Weibo error_code ${errorCode}: ${error}`)
    this.name = 'WeiboApiError'
  }
}

export interface WeiboSettings {
  /** https://api.weibo.com in production. */
  baseUrl: string
  timeoutMs?: number
}

export interface WeiboStatus {
  id: number
  idstr: string
  user?: { id: number; idstr?: string }
}

export async function shareStatus(settings: WeiboSettings, accessToken: string, status: string, pic?: { name: string; type: string; bytes: Uint8Array }): Promise<WeiboStatus> {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/2/statuses/share.json`
  let body: FormData | URLSearchParams
  if (pic) {
    const form = new FormData()
    form.append('access_token', accessToken)
    form.append('status', status)
    form.append('pic', new Blob([new Uint8Array(pic.bytes)], { type: pic.type }), pic.name)
    body = form
  } else {
    body = new URLSearchParams({ access_token: accessToken, status })
  }
  let res: Response
  try {
    res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000) })
  } catch (err) {
    throw new WeiboApiError(WEIBO_NO_ANSWER, `network: ${(err as Error).message}`)
  }
  const json = (await res.json().catch(() => null)) as (WeiboStatus & { error_code?: number; error?: string }) | null
  if (json?.error_code) throw new WeiboApiError(json.error_code, json.error ?? '', res.status)
  if (res.status >= 500 || res.status === 429 || !json) throw new WeiboApiError(WEIBO_NO_ANSWER, `HTTP ${res.status}`, res.status)
  if (res.status >= 400) throw new WeiboApiError(res.status, `HTTP ${res.status}`, res.status)
  return json
}

export type WeiboVerdict = 'transient' | 'permanent'

/**
 * Weibo error codes (open.weibo.com 错误码说明) in words for the editor. The code Weibo
 * gives a link outside the bound safe domain is not confirmed; the message is recognised
 * by its text as well.
 */
const MESSAGES: Record<number, [WeiboVerdict, string]> = {
  [WEIBO_NO_ANSWER]: ['transient', '微博接口无应答（网络或超时），稍后自动重试'],
  10001: ['transient', '微博系统错误，稍后自动重试'],
  10003: ['transient', '微博远程服务错误，稍后自动重试'],
  10009: ['transient', '微博任务过多，稍后自动重试'],
  10022: ['transient', '本服务器请求微博过于频繁，稍后自动重试'],
  10023: ['transient', '该微博账号请求过于频繁，稍后自动重试'],
  10024: ['transient', '该微博账号发布过于频繁，稍后自动重试'],
  20016: ['transient', '发布内容过于频繁，稍后自动重试'],
  10006: ['permanent', '缺少微博应用 App Key，请管理员检查账号设置'],
  10014: ['permanent', '微博应用没有分享接口的权限'],
  10017: ['permanent', '链接不在微博应用绑定的安全域名内，请管理员在微博开放平台绑定域名或修改链接域名'],
  20012: ['permanent', '微博文字超过长度限制'],
  20019: ['permanent', '相同内容的微博已发布过，微博不允许短时间内重复发布'],
  20021: ['permanent', '微博内容含有违规信息，未能发布'],
  21314: ['permanent', '微博授权已失效，请管理员重新填写 access_token'],
  21315: ['permanent', '微博授权已过期，请管理员重新填写 access_token'],
  21327: ['permanent', '微博授权已过期，请管理员重新填写 access_token'],
  21332: ['permanent', '微博 access_token 无效，请管理员重新填写'],
}

export function weiboError(errorCode: number, error: string): { verdict: WeiboVerdict; message: string } {
  const known = MESSAGES[errorCode] ?? (/safe ?domain|安全域名/i.test(error) ? MESSAGES[10017] : undefined)
  if (known) return { verdict: known[0], message: `${known[1]}（错误码 ${errorCode}）` }
  return { verdict: 'permanent', message: `微博接口返回错误 ${errorCode}：${error}` }
}
