import { FakePlatform, type FakePlatformOptions, type PlatformRequest } from './fakePlatform'

export interface FakeWeiboOptions extends FakePlatformOptions {
  /** The app's bound safe domain (host): a status without a link on it is refused (10017). */
  boundDomain?: string
  /** Status length (a Chinese character one, two ASCII characters one). */
  limit?: number
}

/**
 * A stand-in for api.weibo.com on 127.0.0.1: `POST /2/statuses/share.json` (form or
 * multipart with `pic`): 21332 unknown access_token, 10017 no link on the bound domain,
 * 20012 text too long, 20019 the same text again; otherwise the status with id/idstr and
 * its user. Records every request; faults, latency and a rate limit (10023) from
 * FakePlatform.
 */
export class FakeWeibo extends FakePlatform {
  readonly accessToken = '2.00fakeWeiboAccessTokenForTests'
  readonly uid = '5600000001'
  readonly statuses: { id: string; text: string; pic: boolean }[] = []
  protected rateLimitCode = 10023
  private n = 0

  constructor(private readonly weiboOptions: FakeWeiboOptions = {}) {
    super(weiboOptions)
  }

  protected errorBody(code: number, message: string) {
    return { error_code: code, error: message, request: '/2/statuses/share.json' }
  }

  protected route(path: string, r: PlatformRequest): { status?: number; json: unknown } {
    if (path !== '/2/statuses/share.json' || r.method !== 'POST') return { status: 404, json: this.errorBody(10014, 'not found') }
    if (r.body.access_token !== this.accessToken) return { status: 403, json: this.errorBody(21332, 'invalid_access_token') }
    const status = String(r.body.status ?? '')
    const domain = this.weiboOptions.boundDomain ?? 'www.example.gov.cn'
    const links = status.match(/https?:\/\/[^\s]+/g) ?? []
    if (!links.some((l) => new URL(l).host === domain)) return { status: 400, json: this.errorBody(10017, 'the url is not in the safe domain of the app') }
    let half = 0
    for (const ch of status) half += ch.codePointAt(0)! < 128 ? 1 : 2
    if (Math.ceil(half / 2) > (this.weiboOptions.limit ?? 140)) return { status: 400, json: this.errorBody(20012, 'Text too long, please input text less than 140 characters!') }
    if (this.statuses.some((s) => s.text === status)) return { status: 400, json: this.errorBody(20019, 'repeated weibo text!') }
    const id = `${4900000000000000 + ++this.n}`
    this.statuses.push({ id, text: status, pic: (r.body.__files as string[] | undefined)?.includes('pic') ?? false })
    return { json: { id: Number(id), idstr: id, mid: id, text: status, created_at: new Date().toUTCString(), user: { id: Number(this.uid), idstr: this.uid } } }
  }
}
