import { itemPagePath, officialAccountTexts, weiboStatusText, type ContentDraft } from '@zw/shared'
import type { Logger } from '../platform/logger'
import { isDuplicateKeyError } from '../platform/db'
import { WeChatApiError } from '../platform/wechat/wechatHttp'
import { OfficialAccountApi } from '../platform/officialAccount/officialAccountApi'
import { officialAccountError, PUBLISH_STATUS_MESSAGES } from '../platform/officialAccount/errorMessages'
import { officialAccountHtml } from '../platform/officialAccount/articleHtml'
import { defaultCoverPng } from '../platform/officialAccount/defaultCover'
import { shareStatus, WeiboApiError, weiboError } from '../platform/weibo/weiboApi'
import { ContentItem } from '../content/model'
import type { FileStorage } from '../content/attachments/fileStorage'
import { fileKeyOf } from '../content/attachments/attachmentStore'
import { EditionModel, type EditionDoc } from '../review/model'
import type { ChannelPostRecorder } from '../cadence/channelPostRecorder'
import { ChannelAccountModel, ChannelDeliveryModel, ChannelHandoverModel, type ChannelAccountDoc, type ChannelDeliveryDoc } from './model'
import { openCredentials } from './credentials'
import { backoffMs, type ChannelDeps } from './channelSettings'

/** A failure in words for the editor, and whether an automatic retry may help. */
class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly code: number | null,
    /** The platform's own words (errmsg / error), kept with the attempt. */
    readonly raw: string | null = null,
  ) {
    super(message)
  }
}

function failureOf(err: unknown): DeliveryFailure {
  if (err instanceof DeliveryFailure) return err
  if (err instanceof WeChatApiError) {
    const m = officialAccountError(err.errcode, err.errmsg)
    return new DeliveryFailure(m.message, m.verdict !== 'permanent', err.errcode, err.errmsg)
  }
  if (err instanceof WeiboApiError) {
    const m = weiboError(err.errorCode, err.error)
    return new DeliveryFailure(m.message, m.verdict === 'transient', err.errorCode, err.error)
  }
  return new DeliveryFailure(`发送出错：${(err as Error).message}`, true, null, (err as Error).message)
}

/** Test hooks: a worker "dies" at these points when the hook never resolves. */
export interface DelivererHooks {
  /** After the delivery is claimed, before anything is recorded or sent. */
  afterClaim?: (d: ChannelDeliveryDoc) => Promise<void>
  /** After the hand-over marker is written, before the request that makes it public goes out. */
  beforeHandOver?: (d: ChannelDeliveryDoc) => Promise<void>
}

/**
 * The delivery worker. Takes due outbox records one at a time under a lease (a dead
 * worker's record is taken over when the lease runs out), and sends each in the form its
 * platform needs: 公众号 — cover as permanent material (the item's picture, else a default once per account), `draft/add`,
 * then `freepublish/submit` (state sent) and, on later passes, `freepublish/get` until the
 * article is live or failed; 微博 — `statuses/share` with the item's link on the bound
 * domain (live at once). Every attempt is logged on the record with the platform's code and
 * message; transient failures retry with exponential backoff up to the record's budget,
 * permanent ones fail at once. The request that makes a post public is preceded by an
 * inserted marker (ADR 0016): a marker without an outcome (the worker died in between) is
 * never sent again automatically — the editor is asked to check the platform and retry.
 * Live posts are counted on the account's cadence through ChannelPostRecorder.
 */
export class ChannelDeliverer {
  private readonly oaApis = new Map<string, OfficialAccountApi>()

  constructor(
    private readonly deps: ChannelDeps,
    private readonly posts: ChannelPostRecorder,
    private readonly logger: Logger,
    private readonly hooks: DelivererHooks = {},
    private readonly storage?: FileStorage,
  ) {}

  /** The item's first PNG / JPEG attachment (under 5 MB), used as the 公众号 cover and the 微博 picture. */
  private async pictureOf(content: ContentDraft): Promise<{ name: string; type: string; bytes: Uint8Array } | undefined> {
    const a = content.attachments.find((x) => (x.mime === 'image/png' || x.mime === 'image/jpeg') && x.size <= 5 * 1024 * 1024)
    const key = a && fileKeyOf(a.url)
    const bytes = key ? await this.storage?.get(key) : undefined
    return a && bytes ? { name: a.mime === 'image/png' ? 'cover.png' : 'cover.jpg', type: a.mime, bytes } : undefined
  }

  /** Sends what is due and asks about what is publishing; answers how many records it worked on. */
  async runDue(limit = 50): Promise<number> {
    const now = this.deps.now()
    const due = await ChannelDeliveryModel.find({ state: { $in: ['pending', 'sent'] }, cancelled: false, nextAttemptAt: { $lte: now } }, { _id: 1 })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>()
    let n = 0
    for (const { _id } of due) {
      const d = await this.claim(_id)
      if (!d) continue
      n++
      await this.hooks.afterClaim?.(d)
      if (d.state === 'pending') await this.send(d)
      else await this.poll(d)
    }
    return n
  }

  private async claim(id: string): Promise<ChannelDeliveryDoc | null> {
    const now = this.deps.now()
    return ChannelDeliveryModel.findOneAndUpdate(
      { _id: id, state: { $in: ['pending', 'sent'] }, cancelled: false, nextAttemptAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
      { $set: { leaseUntil: new Date(now.getTime() + this.deps.settings.leaseMs) } },
      { new: true },
    ).lean<ChannelDeliveryDoc>()
  }

  private async send(d: ChannelDeliveryDoc): Promise<void> {
    const n = d.attempts + 1
    // A hand-over of this attempt was recorded and its outcome never was: the worker died while handing over.
    if (await ChannelHandoverModel.exists({ _id: `${d._id}:${n}` })) {
      await this.finish(d, n, { state: 'failed', error: '上次发送过程中断，无法确认平台是否已收到。请先到平台核实是否已发布，未发布再点「重试」', code: null, ok: false })
      return
    }
    try {
      const item = await ContentItem.findById(d.itemId, { status: 1 }).lean<{ status: string }>()
      if (item?.status !== 'published') {
        await ChannelDeliveryModel.updateOne({ _id: d._id }, { $set: { cancelled: true, leaseUntil: null, error: '内容已不再公开，未发送', updatedAt: this.deps.now() } })
        return
      }
      const account = await ChannelAccountModel.findById(d.accountId).lean<ChannelAccountDoc>()
      if (!account?.sealedCredentials) throw new DeliveryFailure('本部门尚未连接该渠道账号（或凭据已清除），请部门管理员连接后重试', false, null)
      const edition = await EditionModel.findOne({ itemId: d.itemId, number: d.edition }).lean<EditionDoc>()
      if (!edition) throw new DeliveryFailure('找不到该版本的内容', false, null)
      const content = edition.content as ContentDraft
      if (d.channel === 'official-account') await this.sendOfficialAccount(d, n, account, content)
      else await this.sendWeibo(d, n, account, content)
    } catch (err) {
      const f = failureOf(err)
      this.logger.warn({ delivery: d._id, attempt: n, code: f.code, message: f.message }, 'channel delivery attempt failed')
      const retry = f.transient && n < d.attemptBudget
      await this.finish(d, n, retry ? { state: 'pending', error: f.message, code: f.code, raw: f.raw, ok: false, retryAt: new Date(this.deps.now().getTime() + backoffMs(this.deps.settings.retry, n)) } : { state: 'failed', error: f.message, code: f.code, raw: f.raw, ok: false })
    }
  }

  /** Records the outcome of attempt `n` and releases the lease. */
  private async finish(d: ChannelDeliveryDoc, n: number, o: { state: ChannelDeliveryDoc['state']; error: string | null; code: number | null; raw?: string | null; ok: boolean; retryAt?: Date; set?: Partial<ChannelDeliveryDoc> }): Promise<void> {
    const now = this.deps.now()
    await ChannelDeliveryModel.updateOne(
      { _id: d._id },
      {
        $set: { state: o.state, attempts: n, error: o.error, leaseUntil: null, nextAttemptAt: o.retryAt ?? new Date(now.getTime() + this.deps.settings.pollMs), updatedAt: now, ...o.set },
        $push: { log: { n, at: now, ok: o.ok, code: o.code, message: o.error ?? (o.state === 'live' ? '已发布' : '已提交'), platform: o.raw ?? null } },
      },
    )
  }

  private async handOver(d: ChannelDeliveryDoc, n: number): Promise<void> {
    try {
      await ChannelHandoverModel.create({ _id: `${d._id}:${n}`, at: this.deps.now() })
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new DeliveryFailure('另一个发送进程正在发送该条内容', false, null)
      throw err
    }
    await this.hooks.beforeHandOver?.(d)
  }

  private oaApi(account: ChannelAccountDoc): OfficialAccountApi {
    const creds = openCredentials(this.deps.box, account, 'official-account')
    if (!creds) throw new DeliveryFailure('公众号凭据缺失，请部门管理员重新填写', false, null)
    const key = `${creds.appId}|${creds.appSecret}`
    let api = this.oaApis.get(key)
    if (!api) {
      api = new OfficialAccountApi({ baseUrl: this.deps.settings.officialAccountBaseUrl, appId: creds.appId, appSecret: creds.appSecret, timeoutMs: this.deps.settings.timeoutMs }, this.deps.now)
      this.oaApis.set(key, api)
    }
    return api
  }

  private linkOf(account: ChannelAccountDoc, d: ChannelDeliveryDoc, content: ContentDraft): string | null {
    return account.linkBase ? `${account.linkBase}/#/${itemPagePath(content.type, d.itemId)}` : null
  }

  private async sendOfficialAccount(d: ChannelDeliveryDoc, n: number, account: ChannelAccountDoc, content: ContentDraft): Promise<void> {
    const api = this.oaApi(account)
    let mediaId = d.mediaId
    if (!mediaId) {
      // The item's own picture as the cover when it has one (uploaded with its draft); else the account's default cover, uploaded once.
      const picture = await this.pictureOf(content)
      let cover = picture ? (await api.addImageMaterial(picture)).media_id : account.coverMediaId
      if (!cover) {
        cover = (await api.addImageMaterial({ name: 'cover.png', type: 'image/png', bytes: defaultCoverPng() })).media_id
        await ChannelAccountModel.updateOne({ _id: account._id }, { $set: { coverMediaId: cover } })
      }
      const texts = officialAccountTexts({ title: content.title, summary: content.summary, body: content.body, oaTitle: content.distribution?.oaTitle, oaDigest: content.distribution?.oaDigest })
      const link = this.linkOf(account, d, content)
      const html = officialAccountHtml(content.body || `<p>${content.summary}</p>`)
      mediaId = (await api.addDraft([{ title: texts.title, digest: texts.digest, content: html, thumb_media_id: cover, need_open_comment: 0, ...(link ? { content_source_url: link } : {}) }])).media_id
      await ChannelDeliveryModel.updateOne({ _id: d._id }, { $set: { mediaId } }) // a draft is not public: made again if lost
    }
    await this.handOver(d, n)
    const { publish_id } = await api.submitPublish(mediaId)
    await this.finish(d, n, { state: 'sent', error: null, code: 0, ok: true, set: { publishId: publish_id } })
  }

  /** freepublish/get for a submitted article: live (with its article_id and URL), still publishing, or failed. */
  private async poll(d: ChannelDeliveryDoc): Promise<void> {
    const now = this.deps.now()
    try {
      const account = await ChannelAccountModel.findById(d.accountId).lean<ChannelAccountDoc>()
      if (!account) throw new DeliveryFailure('渠道账号已删除', false, null)
      const status = await this.oaApi(account).getPublish(d.publishId!)
      if (status.publish_status === 1) {
        await ChannelDeliveryModel.updateOne({ _id: d._id }, { $set: { leaseUntil: null, nextAttemptAt: new Date(now.getTime() + this.deps.settings.pollMs), updatedAt: now } })
        return
      }
      if (status.publish_status === 0) {
        const url = status.article_detail?.item[0]?.article_url ?? null
        await this.live(d, status.article_id ?? null, url)
        return
      }
      const message = PUBLISH_STATUS_MESSAGES[status.publish_status] ?? `发布失败（状态 ${status.publish_status}）`
      await ChannelDeliveryModel.updateOne(
        { _id: d._id },
        { $set: { state: 'failed', error: `${message}（发布状态 ${status.publish_status}）`, leaseUntil: null, mediaId: null, publishId: null, updatedAt: now }, $push: { log: { n: d.attempts, at: now, ok: false, code: status.publish_status, message } } },
      )
    } catch (err) {
      const f = failureOf(err)
      // Asking again is always safe: transient or not, keep polling (with backoff) unless the account is gone.
      await ChannelDeliveryModel.updateOne({ _id: d._id }, { $set: { leaseUntil: null, error: f.message, nextAttemptAt: new Date(now.getTime() + Math.max(this.deps.settings.pollMs, backoffMs(this.deps.settings.retry, 1))), updatedAt: now } })
    }
  }

  private async sendWeibo(d: ChannelDeliveryDoc, n: number, account: ChannelAccountDoc, content: ContentDraft): Promise<void> {
    const creds = openCredentials(this.deps.box, account, 'weibo')
    if (!creds) throw new DeliveryFailure('微博凭据缺失，请部门管理员重新填写', false, null)
    const link = this.linkOf(account, d, content)
    if (!link) throw new DeliveryFailure('未设置微博绑定的安全域名，无法附上内容链接', false, null)
    const status = weiboStatusText({ title: content.title, summary: content.summary, weiboText: content.distribution?.weiboText, link, limit: this.deps.settings.weiboTextLimit })
    const picture = await this.pictureOf(content)
    await this.handOver(d, n)
    const posted = await shareStatus({ baseUrl: this.deps.settings.weiboBaseUrl, timeoutMs: this.deps.settings.timeoutMs }, creds.accessToken, status, picture)
    const uid = posted.user?.idstr ?? (posted.user ? String(posted.user.id) : null)
    const url = uid ? `https://weibo.com/${uid}/${posted.idstr}` : `https://m.weibo.cn/status/${posted.idstr}`
    await this.finish(d, n, { state: 'live', error: null, code: 0, ok: true, set: { platformId: posted.idstr, url } })
    await this.count({ ...d, state: 'live', url }, content)
  }

  private async live(d: ChannelDeliveryDoc, platformId: string | null, url: string | null): Promise<void> {
    const now = this.deps.now()
    await ChannelDeliveryModel.updateOne({ _id: d._id }, { $set: { state: 'live', platformId, url, error: null, leaseUntil: null, updatedAt: now }, $push: { log: { n: d.attempts, at: now, ok: true, code: 0, message: '已发布' } } })
    const edition = await EditionModel.findOne({ itemId: d.itemId, number: d.edition }).lean<EditionDoc>()
    if (edition) await this.count({ ...d, url }, edition.content as ContentDraft)
  }

  /** Counts a live post toward the account's weekly minimum (once: the cadence record is keyed by account, item and edition). */
  private async count(d: ChannelDeliveryDoc, content: ContentDraft): Promise<void> {
    await this.posts.recordDelivered(d.accountId, { itemId: d.itemId, edition: d.edition, column: content.type === 'policy' ? 'notice' : 'news', title: content.title, url: d.url, text: content.body, at: this.deps.now(), minor: false })
    await ChannelDeliveryModel.updateOne({ _id: d._id }, { $set: { counted: true } })
  }
}
