import { AccessTokenSource } from '../wechat/accessTokenSource'
import { WeChatApiError, wechatRequest, type WeChatSettings } from '../wechat/wechatHttp'
import { WECHAT_NO_ANSWER } from '../delivery/retryPolicy'

/** One article of `draft/add` (news). */
export interface OaArticle {
  title: string
  author?: string
  digest: string
  content: string
  content_source_url?: string
  thumb_media_id: string
  need_open_comment?: 0 | 1
}

/** `freepublish/get`: 0 success (article_id and URLs), 1 publishing, 2–6 failed (see PUBLISH_STATUS_MESSAGES). */
export interface OaPublishStatus {
  publish_id: string
  publish_status: number
  article_id?: string
  article_detail?: { count: number; item: { idx: number; article_url: string }[] }
  fail_idx?: number[]
}

/**
 * A WeChat Official Account's API (the same host as the mini-program's, its own appid and
 * access_token): permanent image material, drafts, 发布 (freepublish, asynchronous),
 * deleting a publication, and 群发. Tokens come from stable_token and are kept once for all
 * instances (AccessTokenSource keyed by the account's appid); a rejected token is
 * invalidated so the next call renews it.
 */
export class OfficialAccountApi {
  readonly tokens: AccessTokenSource

  constructor(
    readonly settings: WeChatSettings,
    now?: () => Date,
  ) {
    this.tokens = new AccessTokenSource(settings, now, { memoryMaxAgeMs: 10_000, kind: 'wechat-oa' })
  }

  private async call<T extends object>(path: string, body: unknown): Promise<T> {
    const token = await this.tokens.get()
    try {
      return await wechatRequest<T>(this.settings, path, { query: { access_token: token }, body })
    } catch (err) {
      if (err instanceof WeChatApiError && (err.errcode === 40001 || err.errcode === 42001)) await this.tokens.invalidate(token)
      throw err
    }
  }

  /** `material/add_material?type=image`: a permanent image (the article's cover); answers its media_id. */
  async addImageMaterial(file: { name: string; type: string; bytes: Uint8Array }): Promise<{ media_id: string; url?: string }> {
    const token = await this.tokens.get()
    const path = 'cgi-bin/material/add_material'
    const url = `${this.settings.baseUrl.replace(/\/+$/, '')}/${path}?access_token=${encodeURIComponent(token)}&type=image`
    const form = new FormData()
    form.append('media', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
    let res: Response
    try {
      res = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(this.settings.timeoutMs ?? 15_000) })
    } catch (err) {
      throw new WeChatApiError(WECHAT_NO_ANSWER, `network: ${(err as Error).message}`, path)
    }
    if (res.status >= 500 || res.status === 429) throw new WeChatApiError(WECHAT_NO_ANSWER, `HTTP ${res.status}`, path, res.status)
    const json = (await res.json().catch(() => null)) as { media_id?: string; url?: string; errcode?: number; errmsg?: string } | null
    if (!json) throw new WeChatApiError(WECHAT_NO_ANSWER, `HTTP ${res.status}, not JSON`, path, res.status)
    if (json.errcode) {
      if (json.errcode === 40001 || json.errcode === 42001) await this.tokens.invalidate(token)
      throw new WeChatApiError(json.errcode, json.errmsg ?? '', path)
    }
    return { media_id: json.media_id!, url: json.url }
  }

  addDraft(articles: OaArticle[]): Promise<{ media_id: string }> {
    return this.call('cgi-bin/draft/add', { articles })
  }

  submitPublish(mediaId: string): Promise<{ publish_id: string; msg_data_id?: number }> {
    return this.call('cgi-bin/freepublish/submit', { media_id: mediaId })
  }

  getPublish(publishId: string): Promise<OaPublishStatus> {
    return this.call('cgi-bin/freepublish/get', { publish_id: publishId })
  }

  /** Deletes a publication (all its articles when index is 0); irreversible. */
  deletePublish(articleId: string): Promise<object> {
    return this.call('cgi-bin/freepublish/delete', { article_id: articleId, index: 0 })
  }

  /** 群发 to every follower (is_to_all), the article published as `mediaId` (mpnews). */
  massSendAll(mediaId: string): Promise<{ msg_id: number; msg_data_id?: number }> {
    return this.call('cgi-bin/message/mass/sendall', { filter: { is_to_all: true }, mpnews: { media_id: mediaId }, msgtype: 'mpnews', send_ignore_reprint: 0 })
  }
}
