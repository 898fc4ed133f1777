import { randomUUID } from 'node:crypto'
import { alertReaches, audienceIncludes, fitThing, DEFAULT_DAILY_PUSH_CAP, DEFAULT_QUIET_HOURS, departmentNameOf, formatShanghaiDateTime, inQuietHours, pushDayOf, quietHoursOver, type QuietHours } from '@zw/shared'
import { CitizenAccountModel, type CitizenAccountDoc, type CitizenConsentDoc } from '../auth/citizenModel'
import type { FilterQuery } from 'mongoose'
import { insertManyOnce } from '../platform/db'
import type { Logger } from '../platform/logger'
import { consentUseId, type ConsentLedger } from './consentLedger'
import { DaySlotModel, DeliveryOutcomeModel, type DeliveryOutcomeDoc } from './deliveryModel'
import { recountCampaign } from './campaignRecount'
import { CompactIdSet } from './compactIdSet'
import { audienceFilter } from './audienceQuery'
import { CampaignModel, ConsentUseModel, messageOfCampaign, PushDeliveryModel, type CampaignDoc, type DeliveryRoute, type PushDeliveryDoc } from './model'
import { HandoverLog } from './handoverLog'
import { WindowsInFlight } from './windowsInFlight'
import type { PushTemplates } from './templates'

/** A delivery recorded already: how it goes out, and its record's hand-over key (`sender:window:index`). */
interface RecordedRoute {
  via: DeliveryRoute
  h: string
}

/** A subscription message as WeChat takes it. */
export interface PushMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
}

/** How one WeChat send ended, with every attempt and its code. */
export interface PushResult {
  outcome: 'sent' | 'no-consent' | 'failed' | 'gave-up'
  attempts: { at: Date; code: string }[]
}

/** The way out to WeChat: sends one message (retrying what is worth retrying), after the first request's rate token was taken. */
export interface WeChatPusher {
  /** `onWrite` is called just before each attempt's request is written to a connection (the hand-over log marks the message then). */
  send(message: PushMessage, onWrite?: () => void): Promise<PushResult>
  /** Waits until one more request may go (the rate limit); none: unlimited. */
  take?(): Promise<void>
}

/** The way out by SMS (a citizen without WeChat consent who verified a number): the message title as the template's parameter. */
export interface SmsPusher {
  send(phone: string, title: string, onWrite?: () => void): Promise<PushResult>
}

export interface SenderSettings {
  /** Recipients handled per step (one journal write). */
  window: number
  /** Windows recorded and not yet finished: the next is recorded while one is on the wire (ADR 0026); WeChat gets window × (this − 1) connections. */
  windowsInFlight: number
  dailyCap: number
  quietHours: QuietHours
  leaseMs: number
  /** Where this machine's senders log the windows they hand over (none: no log, ADR 0016). */
  handoverDir?: string
}

export const DEFAULT_SENDER_SETTINGS: SenderSettings = { window: 64, windowsInFlight: 2, dailyCap: DEFAULT_DAILY_PUSH_CAP, quietHours: DEFAULT_QUIET_HOURS, leaseMs: 30_000 }

export const ACCOUNT_FIELDS = { openid: 1, groups: 1, subscriptions: 1, consents: 1, mobile: 1 } as const
export type Recipient = Pick<CitizenAccountDoc, '_id' | 'openid' | 'groups' | 'subscriptions' | 'consents' | 'mobile'>

class Stop extends Error {
  /** Let the campaign go (this process is shutting down): another sender may take it over at once. */
  constructor(readonly release = false) {
    super()
  }
}

/**
 * Sends approved campaigns (精准推送), exactly once per citizen:
 *
 * - a campaign is claimed with a lease (several instances: one sends it; a dead sender's
 *   campaign is taken over when its lease runs out, and its sending resumes);
 * - the audience is streamed from the accounts (never all in memory) and matched with
 *   the shared `audienceIncludes`;
 * - per window of recipients: the daily cap and one-time consents are taken by inserting
 *   their slots, the rate tokens for the WeChat sends are taken, then **the deliveries are
 *   recorded** (`campaignId:citizenId`, also the inbox entries) and the messages handed to
 *   WeChat at once; the outcomes follow (docs/adr/0015, 0016). A recorded delivery is never
 *   sent again: after a crash it counts as unconfirmed, not as a reason to send twice;
 * - pause and cancel are seen between windows; outside urgent campaigns, the quiet hours
 *   hold sending until they end.
 */
export class CampaignSender {
  readonly owner = randomUUID()
  /** Windows this sender recorded, numbered for its hand-over log. */
  private windows = 0
  private handoverLog: HandoverLog | null = null
  private get log(): HandoverLog {
    return (this.handoverLog ??= new HandoverLog(this.settings.handoverDir, this.owner))
  }
  private readonly settings: SenderSettings
  /** Set at shutdown: the campaign in hand stops after the windows out, and no other is claimed. */
  private stopping = false

  constructor(
    private readonly deps: { templates: PushTemplates; ledger: ConsentLedger; wechat?: WeChatPusher; sms?: SmsPusher; now: () => Date; logger: Logger },
    settings: Partial<SenderSettings> = {},
  ) {
    this.settings = { ...DEFAULT_SENDER_SETTINGS, ...settings }
  }

  /** Sends every campaign that is due (or whose sender died); answers how many it worked on. */
  async sendDue(): Promise<number> {
    let worked = 0
    for (let campaign = await this.claim(); campaign; campaign = await this.claim()) {
      worked++
      await this.send(campaign)
    }
    return worked
  }

  /** A due campaign (or one whose sender died), leased to this sender; none once it is stopping. */
  private async claim(): Promise<CampaignDoc | null> {
    if (this.stopping) return null
    const now = this.deps.now()
    const lease = { owner: this.owner, until: new Date(now.getTime() + this.settings.leaseMs) }
    const due = await CampaignModel.findOneAndUpdate(
      { state: 'scheduled', $or: [{ sendAt: null }, { sendAt: { $lte: now } }] },
      { $set: { state: 'sending', lease, updatedAt: now }, $inc: { runs: 1 } },
      { new: true },
    ).lean<CampaignDoc>()
    if (due) return due
    return CampaignModel.findOneAndUpdate({ state: 'sending', 'lease.until': { $lt: now } }, { $set: { lease, updatedAt: now }, $inc: { runs: 1 } }, { new: true }).lean<CampaignDoc>()
  }

  /**
   * Still ours and still to be sent? Stops at shutdown, pause, cancel, a takeover or the
   * quiet hours (`send` then finishes the windows out and adds their counters); renews the
   * lease once half of it has passed. Read by `_id` (one cheap lookup
   * a window), so a pause is seen before the next window.
   */
  private async keep(campaign: CampaignDoc): Promise<void> {
    if (this.stopping) throw new Stop(true)
    const now = this.deps.now()
    if (!campaign.urgent && inQuietHours(now, this.settings.quietHours)) {
      const until = quietHoursOver(now, this.settings.quietHours)
      await CampaignModel.updateOne({ _id: campaign._id, 'lease.owner': this.owner }, { $set: { lease: { owner: 'quiet-hours', until }, waitingUntil: until } })
      this.deps.logger.info({ campaign: campaign._id.toString(), until }, 'push campaign held by the quiet hours')
      throw new Stop()
    }
    const current = await CampaignModel.findById(campaign._id, { state: 1, lease: 1, waitingUntil: 1 }).lean<Pick<CampaignDoc, 'state' | 'lease' | 'waitingUntil'>>()
    if (!current || current.state !== 'sending' || current.lease?.owner !== this.owner) throw new Stop() // paused, cancelled, or taken over
    if (current.lease.until.getTime() - now.getTime() < this.settings.leaseMs / 2 || current.waitingUntil) {
      const renewed = await CampaignModel.updateOne({ _id: campaign._id, state: 'sending', 'lease.owner': this.owner }, { $set: { 'lease.until': new Date(now.getTime() + this.settings.leaseMs), waitingUntil: null } })
      if (!renewed.modifiedCount) throw new Stop()
    }
  }

  /** Counters of windows not yet added to the campaign (added at most once a second, and with the final state; a resumed run recounts from the records first). */
  private pending = new Map<string, { inc: Record<string, number>; at: number }>()

  private async count(campaign: CampaignDoc, inc: Record<string, number>): Promise<void> {
    const id = campaign._id.toString()
    const p = this.pending.get(id) ?? { inc: {}, at: Date.now() }
    for (const [k, v] of Object.entries(inc)) if (v) p.inc[k] = (p.inc[k] ?? 0) + v
    this.pending.set(id, p)
    if (Date.now() - p.at >= 1000) await this.flush(campaign)
  }

  private async flush(campaign: CampaignDoc): Promise<void> {
    const id = campaign._id.toString()
    const p = this.pending.get(id)
    this.pending.delete(id)
    if (!p || !Object.keys(p.inc).length) return
    await CampaignModel.updateOne({ _id: campaign._id }, { $inc: Object.fromEntries(Object.entries(p.inc).map(([k, v]) => [`stats.${k}`, v])) })
  }

  private async send(campaign: CampaignDoc): Promise<void> {
    const id = campaign._id.toString()
    // Windows handed over and still going out while the next is read and recorded.
    const inFlight = new WindowsInFlight(this.settings.windowsInFlight)
    try {
      await this.keep(campaign)
      // Resumed (after a pause or a crash): the counters are rebuilt from the records, and those recorded are skipped.
      const done = campaign.runs > 1 ? await this.resume(campaign) : new CompactIdSet()
      if (campaign.runs > 1) await this.recover(campaign)
      const { filter, matches } = await this.audienceOf(campaign)
      let window: Recipient[] = []
      const cursor = CitizenAccountModel.find(filter, ACCOUNT_FIELDS).lean<Recipient[]>().cursor({ batchSize: 1000 })
      for await (const account of cursor as AsyncIterable<Recipient>) {
        if (!matches(account) || done.has(`${id}:${account._id}`)) continue
        window.push(account)
        if (window.length >= this.settings.window) {
          await this.keep(campaign)
          await inFlight.add(this.sendWindow(campaign, window))
          window = []
        }
      }
      if (window.length) {
        await this.keep(campaign)
        await inFlight.add(this.sendWindow(campaign, window))
      }
      await inFlight.drain()
      // The counters are exact here without counting the records again (which takes minutes
      // at a million on the embedded database): this run started from a recount (if resumed)
      // and added every window it recorded; the last ones go in with the state.
      const last = this.pending.get(id)?.inc ?? {}
      this.pending.delete(id)
      const now = this.deps.now()
      const inc = Object.fromEntries(Object.entries(last).map(([k, v]) => [`stats.${k}`, v]))
      await CampaignModel.updateOne({ _id: campaign._id, state: 'sending', 'lease.owner': this.owner }, { $set: { state: 'sent', lease: null, waitingUntil: null, sentAt: now, updatedAt: now }, ...(Object.keys(inc).length ? { $inc: inc } : {}) })
      this.deps.logger.info({ campaign: id }, 'push campaign sent')
    } catch (err) {
      // Stopped (pause, cancel, a takeover, the quiet hours) or failed: what is handed over finishes and is counted first.
      await inFlight.settle()
      await this.flush(campaign)
      if (err instanceof Stop && err.release) {
        // Only now, with every window out finished and counted: a sender taking over recounts from the records.
        await CampaignModel.updateOne({ _id: campaign._id, state: 'sending', 'lease.owner': this.owner }, { $set: { 'lease.until': new Date(0) } })
        this.deps.logger.info({ campaign: id }, 'push campaign let go at shutdown; another sender resumes it')
      }
      if (err instanceof Stop) return
      throw err
    }
  }

  /**
   * At shutdown: the campaign in hand stops before its next window, once the windows out
   * have finished and been counted, and is let go for another sender; no other campaign is
   * claimed. `sendDue` then returns.
   */
  stop(): void {
    this.stopping = true
  }

  /**
   * Who a campaign is for: a department's campaign, by its rule; an alert, the immediate
   * subscribers of the item's topics and areas; a correction, everyone who received a
   * push about the item (read once from those campaigns' deliveries).
   */
  /** Who the campaign is for: a filter the database narrows the accounts with, and the rule that decides. */
  private async audienceOf(campaign: CampaignDoc): Promise<{ filter: FilterQuery<CitizenAccountDoc>; matches: (a: Recipient) => boolean }> {
    if (campaign.kind === 'alert' && campaign.itemTags) {
      const tags = campaign.itemTags
      return { filter: { 'subscriptions.topic': { $in: [...tags.topics] } }, matches: (a) => !!a.subscriptions?.length && alertReaches(tags, a.subscriptions) }
    }
    if (campaign.kind === 'correction') {
      const received = new CompactIdSet()
      for await (const d of PushDeliveryModel.find({ campaignId: { $in: campaign.sourceCampaigns } }, { citizenId: 1 }).lean().cursor({ batchSize: 2000 })) received.add(d.citizenId)
      return { filter: {}, matches: (a) => received.has(a._id) }
    }
    return { filter: audienceFilter(campaign.audience), matches: (a) => !!a.subscriptions?.length && audienceIncludes(campaign.audience, { groups: a.groups ?? [], subscriptions: a.subscriptions }) }
  }


  /** Recorded deliveries a dead sender on this machine never handed over (found by `resume`), by citizen, with how each goes out and its record's key. */
  private unsent = new Map<string, Map<string, RecordedRoute>>()

  private async resume(campaign: CampaignDoc): Promise<CompactIdSet> {
    const id = campaign._id.toString()
    const stats = await recountCampaign(id)
    await CampaignModel.updateOne({ _id: campaign._id, 'lease.owner': this.owner }, { $set: { stats } })
    const marks = HandoverLog.read(this.settings.handoverDir)
    const unsent = new Map<string, RecordedRoute>()
    const done = new CompactIdSet()
    for await (const d of PushDeliveryModel.find({ campaignId: id }, { _id: 1, citizenId: 1, via: 1, h: 1 }).lean<PushDeliveryDoc[]>().cursor({ batchSize: 2000 }) as AsyncIterable<PushDeliveryDoc>) {
      done.add(d._id)
      if (marks.neverHandedOver(d.h, d.via)) unsent.set(d.citizenId, { via: d.via!, h: d.h! })
    }
    this.unsent.set(id, unsent)
    return done
  }

  /** Sends what a dead sender recorded but never handed over (at most about a window), unless it has an outcome. */
  private async recover(campaign: CampaignDoc): Promise<void> {
    const id = campaign._id.toString()
    const unsent = this.unsent.get(id)
    this.unsent.delete(id)
    if (!unsent?.size) return
    const recipients: Recipient[] = []
    for (const citizenId of unsent.keys()) {
      if (await DeliveryOutcomeModel.exists({ _id: `${id}:${citizenId}` })) continue
      const account = await CitizenAccountModel.findById(citizenId, ACCOUNT_FIELDS).lean<Recipient>()
      if (account) recipients.push(account)
    }
    this.deps.logger.warn({ campaign: id, recipients: recipients.length }, 'push campaign: sending what a stopped sender recorded but never handed over')
    if (recipients.length) await this.sendWindow(campaign, recipients, undefined, unsent)
  }

  /**
   * One window of recipients: cap, consent, rate, record, hand over, outcomes, counters.
   * `contentOf` gives a recipient their own message (a digest); by default the campaign's.
   */
  async sendWindow(campaign: CampaignDoc, all: Recipient[], contentOf?: (r: Recipient) => { title: string; text: string; link: string | null }, recorded_?: Map<string, RecordedRoute>): Promise<void> {
    // Recipients recorded already (by a sender that died before handing them over) keep the way out decided then, and their record's key.
    const routed = recorded_ ?? new Map<string, RecordedRoute>()
    const recipients = all.filter((r) => !routed.has(r._id))
    const id = campaign._id.toString()
    const now = this.deps.now()
    const deliveryId = (r: Recipient) => `${id}:${r._id}`
    const correction = campaign.kind === 'correction'
    const own = campaign.kind === 'notice'
    const kindTemplate = correction ? this.deps.templates.of('correction') : own ? this.deps.templates.of('interaction-reply') : undefined
    const template = campaign.channels.wechat && this.deps.wechat ? (kindTemplate ?? this.deps.templates.of('policy-notice')) : undefined

    // 1. The daily cap: the first free slot of the citizen's day, if any (a correction or an answer to the citizen's own message must reach them: no cap).
    const day = pushDayOf(now)
    const capped = new Set<string>()
    const smsOn = campaign.channels.sms && !!this.deps.sms
    let waiting = recipients.filter((r) => template || (smsOn && r.mobile))
    const uncapped = correction || own
    const pushable = new Set<string>(uncapped ? waiting.map((r) => r._id) : [])
    if (uncapped) waiting = []
    for (let slot = 1; slot <= this.settings.dailyCap && waiting.length; slot++) {
      const taken = await insertManyOnce(DaySlotModel, waiting.map((r) => ({ _id: `${day}:${r._id}:${slot}`, citizenId: r._id, deliveryId: deliveryId(r), at: now })))
      for (const r of waiting) if (taken.has(`${day}:${r._id}:${slot}`)) pushable.add(r._id)
      waiting = waiting.filter((r) => !pushable.has(r._id))
    }
    for (const r of waiting) capped.add(r._id)

    // 2. WeChat consent: long-term on, or a one-time acceptance not used yet (the first free use).
    const byWeChat = new Set<string>()
    if (template) {
      const entryOf = (r: Recipient): CitizenConsentDoc | undefined => r.consents?.find((c) => c.templateId === template.templateId && c.granted > 0)
      let asking = recipients.filter((r) => pushable.has(r._id) && entryOf(r))
      for (const r of asking) if (entryOf(r)!.kind === 'long-term') byWeChat.add(r._id)
      asking = asking.filter((r) => entryOf(r)!.kind === 'one-time')
      const next = new Map(asking.map((r) => [r._id, entryOf(r)!.usedFloor + 1]))
      while (asking.length) {
        const useId = (r: Recipient) => consentUseId(r._id, template.templateId, next.get(r._id)!)
        const taken = await insertManyOnce(ConsentUseModel, asking.map((r) => ({ _id: useId(r), citizenId: r._id, at: now, deliveryId: deliveryId(r) })))
        for (const r of asking) if (taken.has(useId(r))) byWeChat.add(r._id)
        asking = asking.filter((r) => !byWeChat.has(r._id))
        for (const r of asking) next.set(r._id, next.get(r._id)! + 1)
        asking = asking.filter((r) => next.get(r._id)! <= entryOf(r)!.granted)
      }
    }

    // SMS for those WeChat cannot reach who verified a number (a fallback, not a second message).
    const bySms = new Set(recipients.filter((r) => smsOn && r.mobile && pushable.has(r._id) && !byWeChat.has(r._id)).map((r) => r._id))
    const routeOf = (r: Recipient): DeliveryRoute => (byWeChat.has(r._id) ? 'wechat' : bySms.has(r._id) ? 'sms' : capped.has(r._id) ? 'capped' : template && pushable.has(r._id) ? 'no-consent' : 'inbox-only')
    const routes = new Map(recipients.map((r) => [r._id, routeOf(r)]))
    for (const [citizenId, { via: route }] of routed) {
      routes.set(citizenId, route)
      if (route === 'wechat' && template) byWeChat.add(citizenId)
      else if (route === 'sms' && smsOn) bySms.add(citizenId)
      else if (route === 'capped') capped.add(citizenId)
      if (route !== 'capped') pushable.add(citizenId)
    }

    // 3. Rate tokens for the WeChat sends, before anything is recorded as handed over.
    const wechatRecipients = all.filter((r) => byWeChat.has(r._id))
    if (this.deps.wechat?.take) for (let i = 0; i < wechatRecipients.length; i++) await this.deps.wechat.take()

    // 4. The deliveries (the journal, and the inbox). Only those recorded now are sent by this sender.
    const department = departmentNameOf(campaign.department)
    const shared = messageOfCampaign(campaign)
    const content = (r: Recipient) => contentOf?.(r) ?? shared
    const n = ++this.windows
    const keyOf = new Map<string, string>()
    const deliveries: PushDeliveryDoc[] = recipients.map((r, i) => {
      const h = `${this.owner}:${n}:${i}`
      keyOf.set(r._id, h)
      return { _id: deliveryId(r), campaignId: id, citizenId: r._id, at: now, own: contentOf?.(r) ?? null, via: routes.get(r._id)!, h }
    })
    for (const [citizenId, { h }] of routed) keyOf.set(citizenId, h)
    this.log.open()
    const recorded = await insertManyOnce(PushDeliveryModel, deliveries)
    for (const citizenId of routed.keys()) recorded.add(`${id}:${citizenId}`)

    // 5. Hand over at once. The hand-over log marks the window first, then each message as
    // its request is written to a connection (synchronously, in the same turn as the write).
    this.log.handed(n)
    const markWritten = (r: Recipient) => {
      let marked = false
      return () => {
        if (marked) return
        marked = true
        this.log.wrote(keyOf.get(r._id)!)
      }
    }
    const sendTime = formatShanghaiDateTime(campaign.sendAt ?? now)
    const sendingByWeChat = Promise.all(
      wechatRecipients
        .filter((r) => recorded.has(deliveryId(r)))
        .map(async (r) => ({
          r,
          result: await this.deps.wechat!.send(
            {
              touser: r.openid,
              template_id: template!.templateId,
              page: `${content(r).link ?? 'pages/inbox/index?'}&d=${encodeURIComponent(deliveryId(r))}`,
              data: { thing1: { value: fitThing(content(r).title) }, thing2: { value: fitThing(department) }, time3: { value: sendTime } },
            },
            markWritten(r),
          ),
        })),
    )

    // The texts go out together with the WeChat messages, not after them: a crash in between would lose them.
    const sendingBySms = Promise.all(all.filter((r) => bySms.has(r._id) && recorded.has(deliveryId(r))).map(async (r) => ({ r, result: await this.deps.sms!.send(r.mobile!, content(r).title, markWritten(r)) })))
    const [results, smsResults] = await Promise.all([sendingByWeChat, sendingBySms])
    const smsBy = new Map(smsResults.map((x) => [x.r._id, x.result]))

    // 6. Outcomes, consent used up where WeChat said so, counters.
    const outcomes: DeliveryOutcomeDoc[] = []
    const stats: Record<string, number> = { targeted: 0, 'sent.inbox': 0, 'sent.wechat': 0, 'sent.sms': 0, 'skipped.cap': 0, 'skipped.noConsent': 0 }
    const at = this.deps.now()
    const sentBy = new Map(results.map((x) => [x.r._id, x.result]))
    for (const r of all) {
      const did = deliveryId(r)
      if (!recorded.has(did)) continue
      if (routed.has(r._id)) {
        // Counted when the sending resumed (targeted, in the inbox, unconfirmed): now it has an outcome.
        stats.unconfirmed = (stats.unconfirmed ?? 0) - 1
      } else {
        stats.targeted! += 1
        stats['sent.inbox']! += 1
      }
      const result = sentBy.get(r._id)
      const text = smsBy.get(r._id)
      if (text) {
        const code = text.attempts.at(-1)?.code ?? null
        const status = text.outcome === 'sent' ? 'sent' : text.outcome === 'no-consent' ? 'no-consent' : 'failed'
        outcomes.push({ _id: did, campaignId: id, citizenId: r._id, channel: 'sms', status, code, attempts: text.attempts, at })
        if (status === 'sent') stats['sent.sms']! += 1
        else if (status === 'no-consent') stats['skipped.noConsent']! += 1
        else stats[`failed.${code ?? 'unknown'}`] = (stats[`failed.${code ?? 'unknown'}`] ?? 0) + 1
      } else if (result) {
        const code = result.attempts.at(-1)?.code ?? null
        const status = result.outcome === 'sent' ? 'sent' : result.outcome === 'no-consent' ? 'no-consent' : 'failed'
        outcomes.push({ _id: did, campaignId: id, citizenId: r._id, channel: 'wechat', status, code, attempts: result.attempts, at })
        if (status === 'sent') stats['sent.wechat']! += 1
        else if (status === 'no-consent') stats['skipped.noConsent']! += 1
        else stats[`failed.${code ?? 'unknown'}`] = (stats[`failed.${code ?? 'unknown'}`] ?? 0) + 1
        if (status === 'no-consent') {
          const entry = r.consents?.find((c) => c.templateId === template!.templateId)
          if (entry) await this.deps.ledger.markUsedUp(r._id, entry)
        }
      } else if (capped.has(r._id)) {
        outcomes.push({ _id: did, campaignId: id, citizenId: r._id, channel: 'inbox', status: 'capped', code: null, attempts: [], at })
        stats['skipped.cap']! += 1
      } else {
        const noConsent = !!template && pushable.has(r._id)
        outcomes.push({ _id: did, campaignId: id, citizenId: r._id, channel: 'inbox', status: noConsent ? 'no-consent' : 'inbox-only', code: null, attempts: [], at })
        if (noConsent) stats['skipped.noConsent']! += 1
      }
    }
    await insertManyOnce(DeliveryOutcomeModel, outcomes)
    await this.count(campaign, stats)
  }
}

