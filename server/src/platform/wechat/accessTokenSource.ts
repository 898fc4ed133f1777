import mongoose, { Schema } from 'mongoose'
import { WECHAT_NO_ANSWER } from '../delivery/retryPolicy'
import { WeChatApiError, wechatRequest, type WeChatSettings } from './wechatHttp'
import { isDuplicateKeyError } from '../db'

interface TokenDoc {
  _id: string
  token: string | null
  expiresAt: Date | null
  /** When instances should fetch again (before `expiresAt`; absent on documents written before it existed). */
  renewAt?: Date | null
  /** Whoever holds the lease is fetching a new token; the others wait for it. */
  leaseUntil: Date | null
  /** WeChat said the token is invalid (40001/42001): the next fetch forces a new one. */
  forceNext: boolean
}
const TokenModel = mongoose.model<TokenDoc>(
  'PlatformToken',
  new Schema<TokenDoc>(
    { _id: String, token: String, expiresAt: Date, renewAt: Date, leaseUntil: Date, forceNext: Boolean },
    { collection: 'platform_tokens', versionKey: false },
  ),
)

/** Renew this long before WeChat's expiry (tokens live 7200 s). */
const RENEW_BEFORE_MS = 5 * 60_000
const LEASE_MS = 15_000
const LEASE_POLL_MS = 100
const LEASE_POLLS = 50
/** How long this process trusts its memory copy without looking at the shared document. */
const DEFAULT_MEMORY_MAX_AGE_MS = 60_000
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * When to fetch again: RENEW_BEFORE_MS ahead of expiry, but never more than half the
 * remaining life ahead. A plain stable_token call returns the same token while it is
 * valid, with only its remaining life: renewing a 4-minute-old-at-most token "5 minutes
 * before expiry" would otherwise fetch again on every call until it expired.
 */
function renewAtOf(fetchedAt: number, expiresInMs: number): Date {
  return new Date(fetchedAt + expiresInMs - Math.min(RENEW_BEFORE_MS, expiresInMs / 2))
}
const renewTimeOf = (doc: TokenDoc): number => doc.renewAt?.getTime() ?? (doc.expiresAt ? doc.expiresAt.getTime() - RENEW_BEFORE_MS : 0)

/** No access_token could be had in time (another instance holds the fetch lease and has not finished). Counts as "no answer" (-2). */
export class AccessTokenUnavailableError extends WeChatApiError {
  constructor(message: string) {
    super(WECHAT_NO_ANSWER, message, 'cgi-bin/stable_token')
    this.name = 'AccessTokenUnavailableError'
  }
}

/**
 * The mini-program's access_token, kept once for all instances in the database (a new
 * token from `cgi-bin/token` invalidates the old one, so instances must not each fetch
 * their own). Fetched with `POST cgi-bin/stable_token`: a plain fetch returns the same
 * token while it is valid; a forced one (at most 20 a day) only after WeChat rejected it.
 * One instance at a time fetches, holding a lease; the others wait and read its result.
 *
 * Each process also keeps the token in memory until its renewal time (and re-reads the
 * shared document at least every `memoryMaxAgeMs`): the push worker asks for it on every
 * send, thousands of times a second, and a database round trip costs milliseconds.
 * Concurrent `get()`s share one load. When WeChat rejects the token, `invalidate` drops
 * the memory copy; the next `get()` reads the shared document and so picks up a token
 * another instance has renewed meanwhile, or forces a new one if it is still ours.
 */
export class AccessTokenSource {
  private readonly id: string
  private readonly memoryMaxAgeMs: number
  private memory: { token: string; until: number; answer: Promise<string> } | null = null
  private loading: Promise<string> | null = null
  /** Tokens this process reported rejected, with the write that recorded it (so a burst of 40001s writes once). */
  private readonly rejected = new Map<string, Promise<void>>()

  constructor(
    private readonly settings: WeChatSettings,
    private readonly now: () => Date = () => new Date(),
    /** `kind` names whose token it is in platform_tokens (`wechat-mini` by default; `wechat-oa` for an Official Account). */
    options: { memoryMaxAgeMs?: number; kind?: string } = {},
  ) {
    this.id = `${options.kind ?? 'wechat-mini'}:${settings.appId}`
    this.memoryMaxAgeMs = options.memoryMaxAgeMs ?? DEFAULT_MEMORY_MAX_AGE_MS
  }

  /** The current token: from memory while it is fresh, else from the shared document (fetching a new one when due). */
  get(): Promise<string> {
    const memory = this.memory
    if (memory && this.now().getTime() < memory.until) return memory.answer
    this.loading ??= this.load().finally(() => {
      this.loading = null
    })
    return this.loading
  }

  /** WeChat rejected `token` (40001 / 42001): forget it here, and the next fetch (by any instance) forces a new one. */
  invalidate(token: string): Promise<void> {
    if (this.memory?.token === token) this.memory = null
    let written = this.rejected.get(token)
    if (!written) {
      if (this.rejected.size >= 16) this.rejected.clear()
      // Matches only while the shared document still holds this token: if another
      // instance has renewed it already, there is nothing to force.
      written = TokenModel.updateOne({ _id: this.id, token }, { $set: { forceNext: true } }).then(() => undefined)
      written.catch(() => this.rejected.delete(token))
      this.rejected.set(token, written)
    }
    return written
  }

  private remember(token: string, renewAt: number): string {
    const now = this.now().getTime()
    this.memory = { token, until: Math.min(renewAt, now + this.memoryMaxAgeMs), answer: Promise.resolve(token) }
    return token
  }

  private async load(): Promise<string> {
    for (let poll = 0; poll < LEASE_POLLS; poll++) {
      const now = this.now()
      const doc = await TokenModel.findById(this.id).lean<TokenDoc>()
      const usable = await this.usable(doc, now)
      if (usable) return this.remember(usable.token!, renewTimeOf(usable))
      const leased = await this.takeLease(now)
      if (leased) {
        // Another instance may have stored a fresh token between our read and the lease.
        const fresh = await this.usable(leased, now)
        if (fresh) {
          await TokenModel.updateOne({ _id: this.id }, { $set: { leaseUntil: null } })
          return this.remember(fresh.token!, renewTimeOf(fresh))
        }
        return this.fetchAndStore(leased.forceNext || (leased.token !== null && this.rejected.has(leased.token)))
      }
      await sleep(LEASE_POLL_MS)
    }
    throw new AccessTokenUnavailableError('timed out waiting for another instance to fetch the WeChat access_token')
  }

  /** The document if its token may be used now: present, not due for renewal, not rejected. */
  private async usable(doc: TokenDoc | null, now: Date): Promise<TokenDoc | null> {
    if (!doc?.token || doc.forceNext || renewTimeOf(doc) <= now.getTime()) return null
    const rejected = this.rejected.get(doc.token)
    if (rejected) {
      // Our own report that it was rejected may not have reached the document yet.
      await rejected.catch(() => undefined)
      return null
    }
    return doc
  }

  /** Takes the fetch lease; answers the document as it is now when taken, null when another instance holds it. */
  private async takeLease(now: Date): Promise<TokenDoc | null> {
    const until = new Date(now.getTime() + LEASE_MS)
    try {
      const taken = await TokenModel.findOneAndUpdate(
        { _id: this.id, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
        { $set: { leaseUntil: until } },
        { new: true },
      ).lean<TokenDoc>()
      if (taken) return taken
      const created: TokenDoc = { _id: this.id, token: null, expiresAt: null, renewAt: null, leaseUntil: until, forceNext: false }
      await TokenModel.create(created)
      return created
    } catch (err) {
      if (isDuplicateKeyError(err)) return null // another instance created it first
      throw err
    }
  }

  private async fetchAndStore(force: boolean): Promise<string> {
    try {
      const answer = await wechatRequest<{ access_token: string; expires_in: number }>(this.settings, 'cgi-bin/stable_token', {
        body: { grant_type: 'client_credential', appid: this.settings.appId, secret: this.settings.appSecret, force_refresh: force },
      })
      const fetchedAt = this.now().getTime()
      const expiresAt = new Date(fetchedAt + answer.expires_in * 1000)
      const renewAt = renewAtOf(fetchedAt, answer.expires_in * 1000)
      await TokenModel.updateOne({ _id: this.id }, { $set: { token: answer.access_token, expiresAt, renewAt, leaseUntil: null, forceNext: false } })
      if (force) this.rejected.clear()
      return this.remember(answer.access_token, renewAt.getTime())
    } catch (err) {
      await TokenModel.updateOne({ _id: this.id }, { $set: { leaseUntil: null } })
      throw err
    }
  }
}
