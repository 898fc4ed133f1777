import { FakePlatform, type FakePlatformOptions, type PlatformRequest } from './fakePlatform'

export interface FakeOfficialAccountOptions extends FakePlatformOptions {
  /** freepublish/get answers "publishing" (1) this many times for a publication before its outcome. */
  pollsBeforeDone?: number
}

const P = '/cgi-bin'

/**
 * A stand-in for a WeChat Official Account's API on 127.0.0.1, following the documented
 * shapes: `stable_token` (same token unless forced), `material/add_material` (multipart
 * `media`; answers media_id), `draft/add` (40001 bad token, 45003 title over 64, 40007
 * unknown thumb_media_id), `freepublish/submit` (publish_id; the publication completes
 * after `pollsBeforeDone` polls), `freepublish/get` (publish_status 1 publishing, 0 with
 * article_id and article_url, or the status set by `failNextPublication`),
 * `freepublish/delete`, `message/mass/sendall` (45028 once the period's quota is used: 1 like a 订阅号's day
 * unless `newMassSendPeriod` says otherwise). Records
 * every request; faults, latency and a rate limit (45011) from FakePlatform.
 */
export class FakeOfficialAccount extends FakePlatform {
  readonly appId = 'wxfakeoa00000001'
  readonly appSecret = 'fake-oa-secret-for-tests'
  private token = 'oa-token-1'
  private n = 0
  private readonly materials = new Set<string>()
  private readonly drafts = new Map<string, { title: string; digest: string; content: string; thumb_media_id: string }[]>()
  private readonly publications = new Map<string, { mediaId: string; polls: number; status: number; articleId: string }>()
  readonly articles = new Map<string, { title: string; deleted: boolean }>()
  private nextPublicationStatus: number | null = null
  readonly massSends: string[] = []
  private massSendQuota = 1
  private massSendsAccepted = 0
  protected rateLimitCode = 45011

  constructor(private readonly oaOptions: FakeOfficialAccountOptions = {}) {
    super(oaOptions)
  }

  /** A new quota period (a new day, or a 服务号's month: 4): `quota` sends accepted before 45028. */
  newMassSendPeriod(quota: number): void {
    this.massSendQuota = quota
    this.massSendsAccepted = 0
  }

  protected errorBody(code: number, message: string) {
    return { errcode: code, errmsg: message }
  }

  /** The next publication submitted ends in this publish_status (e.g. 4 审核不通过) instead of 0. */
  failNextPublication(status: number): this {
    this.nextPublicationStatus = status
    return this
  }

  /** Articles published and not deleted. */
  liveArticles(): string[] {
    return [...this.articles.entries()].filter(([, a]) => !a.deleted).map(([id]) => id)
  }

  protected route(path: string, r: PlatformRequest): { json: unknown } {
    if (path === `${P}/stable_token`) {
      if (r.body.appid !== this.appId || r.body.secret !== this.appSecret) return { json: this.errorBody(40125, 'invalid appsecret') }
      if (r.body.force_refresh) this.token = `oa-token-${++this.n}`
      return { json: { access_token: this.token, expires_in: 7200 } }
    }
    if (r.query.access_token !== this.token) return { json: this.errorBody(40001, 'invalid credential, access_token is invalid or not latest') }
    const id = () => `${++this.n}`.padStart(6, '0')
    switch (path) {
      case `${P}/material/add_material`: {
        if (r.query.type !== 'image' || !(r.body.__files as string[] | undefined)?.includes('media')) return { json: this.errorBody(40004, 'invalid media type') }
        const mediaId = `MAT_${id()}`
        this.materials.add(mediaId)
        return { json: { media_id: mediaId, url: `http://mmbiz.qpic.cn/fake/${mediaId}` } }
      }
      case `${P}/draft/add`: {
        const articles = r.body.articles as { title: string; digest: string; content: string; thumb_media_id: string }[]
        for (const a of articles ?? []) {
          if (!a.title || Array.from(a.title).length > 64) return { json: this.errorBody(45003, 'title size out of limit') }
          if (!this.materials.has(a.thumb_media_id)) return { json: this.errorBody(40007, 'invalid media_id') }
          if (/<script|<iframe|onerror=/i.test(a.content)) return { json: this.errorBody(45166, 'invalid content') }
        }
        const mediaId = `DRAFT_${id()}`
        this.drafts.set(mediaId, articles)
        return { json: { media_id: mediaId } }
      }
      case `${P}/freepublish/submit`: {
        const mediaId = r.body.media_id as string
        if (!this.drafts.has(mediaId)) return { json: this.errorBody(40007, 'invalid media_id') }
        const publishId = `${2247483600 + ++this.n}`
        this.publications.set(publishId, { mediaId, polls: 0, status: this.nextPublicationStatus ?? 0, articleId: `ART_${id()}` })
        this.nextPublicationStatus = null
        return { json: { errcode: 0, errmsg: 'ok', publish_id: publishId, msg_data_id: this.n } }
      }
      case `${P}/freepublish/get`: {
        const p = this.publications.get(r.body.publish_id as string)
        if (!p) return { json: this.errorBody(53600, 'invalid publish_id') }
        if (p.polls++ < (this.oaOptions.pollsBeforeDone ?? 1)) return { json: { publish_id: r.body.publish_id, publish_status: 1 } }
        if (p.status !== 0) return { json: { publish_id: r.body.publish_id, publish_status: p.status, fail_idx: [1] } }
        if (!this.articles.has(p.articleId)) this.articles.set(p.articleId, { title: this.drafts.get(p.mediaId)![0]!.title, deleted: false })
        return { json: { publish_id: r.body.publish_id, publish_status: 0, article_id: p.articleId, article_detail: { count: 1, item: [{ idx: 1, article_url: `https://mp.weixin.qq.com/s/${p.articleId}` }] } } }
      }
      case `${P}/freepublish/delete`: {
        const a = this.articles.get(r.body.article_id as string)
        if (!a || a.deleted) return { json: this.errorBody(53600, 'invalid article_id') }
        a.deleted = true
        return { json: { errcode: 0, errmsg: 'ok' } }
      }
      case `${P}/message/mass/sendall`: {
        this.massSends.push((r.body.mpnews as { media_id: string }).media_id)
        if (this.massSendsAccepted >= this.massSendQuota) return { json: this.errorBody(45028, 'has no masssend quota') }
        this.massSendsAccepted += 1
        return { json: { errcode: 0, errmsg: 'send job submission success', msg_id: 1000 + this.massSends.length } }
      }
      default:
        return { json: this.errorBody(40066, 'invalid url') }
    }
  }
}
