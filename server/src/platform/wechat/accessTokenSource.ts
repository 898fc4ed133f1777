import mongoose, { Schema } from 'mongoose'
import { wechatRequest, type WeChatSettings } from './wechatHttp'
import { isDuplicateKeyError } from '../db'

interface TokenDoc {
  _id: string
  token: string | null
  expiresAt: Date | null
  /** Whoever holds the lease is fetching a new token; the others wait for it. */
  leaseUntil: Date | null
  /** WeChat said the token is invalid (40001/42001): the next fetch forces a new one. */
  forceNext: boolean
}
const TokenModel = mongoose.model<TokenDoc>(
  'PlatformToken',
  new Schema<TokenDoc>({ _id: String, token: String, expiresAt: Date, leaseUntil: Date, forceNext: Boolean }, { collection: 'platform_tokens', versionKey: false }),
)

/** Renew this long before WeChat's expiry (tokens live 7200 s). */
const RENEW_BEFORE_MS = 5 * 60_000
const LEASE_MS = 15_000
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * The mini-program's access_token, kept once for all instances in the database (a new
 * token from `cgi-bin/token` invalidates the old one, so instances must not each fetch
 * their own). Fetched with `POST cgi-bin/stable_token`: a plain fetch returns the same
 * token while it is valid; a forced one (at most 20 a day) only after WeChat rejected it.
 * One instance at a time fetches, holding a lease; the others wait and read its result.
 */
export class AccessTokenSource {
  private readonly id: string

  constructor(
    private readonly settings: WeChatSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.id = `wechat-mini:${settings.appId}`
  }

  async get(): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const now = this.now()
      const doc = await TokenModel.findById(this.id).lean<TokenDoc>()
      if (doc?.token && doc.expiresAt && doc.expiresAt.getTime() - now.getTime() > RENEW_BEFORE_MS && !doc.forceNext) return doc.token
      if (await this.takeLease(now)) return this.fetchAndStore(doc?.forceNext ?? false)
      await sleep(100)
    }
    throw new Error('timed out waiting for another instance to fetch the WeChat access_token')
  }

  /** WeChat rejected `token` (40001 / 42001): the next `get` fetches a new one, forced. */
  async invalidate(token: string): Promise<void> {
    await TokenModel.updateOne({ _id: this.id, token }, { $set: { forceNext: true } })
  }

  private async takeLease(now: Date): Promise<boolean> {
    const until = new Date(now.getTime() + LEASE_MS)
    try {
      const taken = await TokenModel.findOneAndUpdate(
        { _id: this.id, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
        { $set: { leaseUntil: until } },
        { new: true },
      ).lean()
      if (taken) return true
      await TokenModel.create({ _id: this.id, token: null, expiresAt: null, leaseUntil: until, forceNext: false })
      return true
    } catch (err) {
      if (isDuplicateKeyError(err)) return false // another instance created it first
      throw err
    }
  }

  private async fetchAndStore(force: boolean): Promise<string> {
    try {
      const answer = await wechatRequest<{ access_token: string; expires_in: number }>(this.settings, 'cgi-bin/stable_token', {
        body: { grant_type: 'client_credential', appid: this.settings.appId, secret: this.settings.appSecret, force_refresh: force },
      })
      const expiresAt = new Date(this.now().getTime() + answer.expires_in * 1000)
      await TokenModel.updateOne({ _id: this.id }, { $set: { token: answer.access_token, expiresAt, leaseUntil: null, forceNext: false } })
      return answer.access_token
    } catch (err) {
      await TokenModel.updateOne({ _id: this.id }, { $set: { leaseUntil: null } })
      throw err
    }
  }
}
