/**
 * Pure helpers of 我的订阅 (no Taro, so unit tests can import them): the topics in the
 * order the page shows them, the form's entries and the body `setSubscriptions` takes,
 * the server's refusals placed by entry and field, and the WeChat consent requests
 * (`wx.requestSubscribeMessage`: at most 3 template ids per call, one kind per call).
 */
import {
  ApiClientError,
  MAX_SUBSCRIPTIONS,
  PUSH_THEMES,
  SUBSCRIBE_RESULTS,
  subscribeRequestError,
  TOPICS,
  topicName,
  type ConsentReportBody,
  type ConsentStatus,
  type Subscription,
  type SubscriptionsBody,
  type TemplateKind,
  type Topic,
  type TopicCode,
} from '@zw/shared'
import { regionPathName } from './citizenProfile'
import { errorMessage } from './errors'

// ---------- topics ----------

/** 精准推送 themes (征地补偿, 拆迁安置 …), in the catalogue's order: shown first and prominently. */
export const THEME_TOPICS: readonly Topic[] = PUSH_THEMES.map((t) => TOPICS.find((x) => x.code === t.code)!)
/** The other 主题分类, behind "更多主题". */
export const MORE_TOPICS: readonly Topic[] = TOPICS.filter((t) => !t.pushTheme)

export const topicLabel = (code: string): string => topicName(code) ?? code

// ---------- the form ----------

export type Frequency = Subscription['frequency']

/** One entry of the form. `region: null` is the citizen's own area (the server fills it in). */
export interface SubscriptionDraft {
  topic: TopicCode
  region: string | null
  frequency: Frequency
  digestAt: string | null
  /** Added on this page and not saved yet. */
  fresh: boolean
}

/** A daily digest comes at this time unless the citizen picks another. */
export const DEFAULT_DIGEST_AT = '08:00'

export const draftsFrom = (subscriptions: readonly Subscription[]): SubscriptionDraft[] =>
  subscriptions.map((s) => ({ topic: s.topic, region: s.region, frequency: s.frequency, digestAt: s.frequency === 'digest' ? s.digestAt : null, fresh: false }))

/** All entries at once, as `setSubscriptions` takes them (a digest keeps its time; an immediate one has none). */
export function subscriptionsBody(drafts: readonly SubscriptionDraft[]): SubscriptionsBody {
  return {
    subscriptions: drafts.map((d) => ({
      topic: d.topic,
      region: d.region,
      frequency: d.frequency,
      digestAt: d.frequency === 'digest' ? (d.digestAt ?? null) : null,
    })),
  }
}

/** What the citizen chose in 添加订阅. `region: null`: their own area. */
export interface SubscriptionChoice {
  topics: readonly TopicCode[]
  region: string | null
  frequency: Frequency
  digestAt: string
}

export type AddResult =
  | { ok: true; drafts: SubscriptionDraft[]; added: string[]; already: string[] }
  | { ok: false; field: 'topics' | 'region' | 'count'; message: string }

/**
 * Adds one entry per chosen topic, for the chosen area and frequency. A topic already
 * subscribed for the same area is left out and named (the server would refuse the
 * pair twice). Nothing chosen, no area (own area not set and none picked), or more than
 * the server keeps: a message saying what to do.
 */
export function addSubscriptions(drafts: readonly SubscriptionDraft[], choice: SubscriptionChoice, ownRegion: string | null): AddResult {
  if (choice.topics.length === 0) return { ok: false, field: 'topics', message: '请至少选一个主题' }
  const area = choice.region ?? ownRegion
  if (!area) return { ok: false, field: 'region', message: '请选择地区：可以先到“我的”里设置所在地区，也可以在这里选一个地区' }
  const held = new Set(drafts.map((d) => `${d.topic}@${d.region ?? ownRegion}`))
  const added: SubscriptionDraft[] = []
  const already: string[] = []
  for (const topic of choice.topics) {
    const key = `${topic}@${area}`
    if (held.has(key)) {
      already.push(topicLabel(topic))
      continue
    }
    held.add(key)
    added.push({ topic, region: choice.region, frequency: choice.frequency, digestAt: choice.frequency === 'digest' ? choice.digestAt : null, fresh: true })
  }
  if (drafts.length + added.length > MAX_SUBSCRIPTIONS) return { ok: false, field: 'count', message: `最多订阅 ${MAX_SUBSCRIPTIONS} 项，请先删除几项` }
  return { ok: true, drafts: [...drafts, ...added], added: added.map((d) => topicLabel(d.topic)), already }
}

/** `有消息就提醒` or `每天 19:30 汇总一次`. */
export function frequencyText(frequency: Frequency, digestAt: string | null): string {
  return frequency === 'immediate' ? '有消息就提醒' : `每天 ${digestAt ?? '（未选时间）'} 汇总一次`
}

/** The area of an entry in words: its full name, or the citizen's own area (named when known). */
export function areaText(region: string | null, ownRegion: string | null): string {
  if (region !== null && region !== ownRegion) return regionPathName(region) ?? '原来选的地区已不在列表中，请删除后重新添加'
  const own = ownRegion ? regionPathName(ownRegion) : undefined
  return own ? `我所在的地区（${own}）` : '我所在的地区（还没有设置）'
}

// ---------- time of day (HH:mm) ----------

export const HOUR_OPTIONS = Array.from({ length: 24 }, (_, h) => ({ value: String(h).padStart(2, '0'), label: `${h} 点` }))
const MINUTES = ['00', '15', '30', '45']

/** The minutes offered: the quarters, plus the minute already chosen if it is another. */
export function minuteOptions(current: string): { value: string; label: string }[] {
  const values = MINUTES.includes(current) ? MINUTES : [...MINUTES, current].sort()
  return values.map((m) => ({ value: m, label: `${m} 分` }))
}

export function splitTime(hhmm: string): { hour: string; minute: string } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  return m ? { hour: m[1]!, minute: m[2]! } : { hour: '08', minute: '00' }
}

// ---------- the server's refusals ----------

export type EntryField = 'topic' | 'region' | 'frequency' | 'digestAt' | 'entry'

/** Refusals placed by entry (its index in the list) and field; what fits nowhere goes to `other`. */
export interface SubscriptionErrors {
  entries: Record<number, Partial<Record<EntryField, string>>>
  other?: string
}

const ENTRY_FIELDS: readonly string[] = ['topic', 'region', 'frequency', 'digestAt']

/** `subscriptions.2.digestAt` → entry 2's time; `subscriptions.3` → entry 3 as a whole; anything else → `other`. */
export function subscriptionErrors(err: unknown): SubscriptionErrors {
  const out: SubscriptionErrors = { entries: {} }
  if (!(err instanceof ApiClientError) || err.code !== 'VALIDATION_FAILED' || err.fields.length === 0) {
    out.other = errorMessage(err, '保存失败，请稍后再试')
    return out
  }
  for (const field of err.fields) {
    const m = /^subscriptions\.(\d+)(?:\.(\w+))?/.exec(field.path.replace(/^body\./, ''))
    if (!m) {
      out.other ??= field.message
      continue
    }
    const index = Number(m[1])
    const key: EntryField = m[2] && ENTRY_FIELDS.includes(m[2]) ? (m[2] as EntryField) : 'entry'
    const entry = (out.entries[index] ??= {})
    entry[key] ??= field.message
  }
  return out
}

export const hasErrors = (e: SubscriptionErrors): boolean => !!e.other || Object.keys(e.entries).length > 0

// ---------- WeChat consent (wx.requestSubscribeMessage) ----------

/** One `wx.requestSubscribeMessage` call: template ids of one kind, at most three. */
export interface SubscribeRequest {
  kind: TemplateKind
  templateIds: string[]
  names: string[]
}

const MAX_PER_CALL = 3

/**
 * The calls that ask for what the citizen does not have yet: every one-time template
 * (each acceptance is one more message) and long-term templates not already on.
 * One-time first; never both kinds in one call, never more than three ids (checked with
 * the shared rule, so the server will take the answers).
 */
export function subscribeRequests(consents: readonly ConsentStatus[]): SubscribeRequest[] {
  const wanted = consents.filter((c) => !(c.templateKind === 'long-term' && c.state === 'on'))
  const requests: SubscribeRequest[] = []
  for (const kind of ['one-time', 'long-term'] as const) {
    const ofKind = wanted.filter((c) => c.templateKind === kind)
    const ids = [...new Set(ofKind.map((c) => c.templateId))]
    for (let i = 0; i < ids.length; i += MAX_PER_CALL) {
      const templateIds = ids.slice(i, i + MAX_PER_CALL)
      if (subscribeRequestError(templateIds.map(() => ({ kind }))) !== null) continue
      requests.push({ kind, templateIds, names: ofKind.filter((c) => templateIds.includes(c.templateId)).map((c) => c.name) })
    }
  }
  return requests
}

/** What WeChat answered per template id, as `recordConsents` takes it (ids it did not answer for are left out). */
export function consentResults(templateIds: readonly string[], answer: Record<string, unknown>): ConsentReportBody['results'] {
  return templateIds.flatMap((templateId) => {
    const result = answer[templateId]
    return (SUBSCRIBE_RESULTS as readonly unknown[]).includes(result) ? [{ templateId, result: result as ConsentReportBody['results'][number]['result'] }] : []
  })
}

/** `继续接收提醒` once something was granted before, `开启微信提醒` otherwise. */
export const consentButtonLabel = (consents: readonly ConsentStatus[]): string => (consents.some((c) => c.state !== 'none') ? '继续接收提醒' : '开启微信提醒')

/** Why `wx.requestSubscribeMessage` failed, in plain words (20004: the citizen turned 订阅消息 off in WeChat's settings). */
export function subscribeFailureMessage(err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as { errCode?: unknown }).errCode : undefined
  if (code === 20004 || code === '20004') return '您在微信里关闭了“订阅消息”。请点右上角“···”，进入“设置”，打开“订阅消息”后再点一次。'
  return '没有开启成功，请稍后再试。消息仍会放在“我的消息”里。'
}

/** What to say once WeChat has answered and the answers are recorded. */
export function consentOutcome(results: ConsentReportBody['results']): string {
  if (results.some((r) => r.result === 'accept')) return '已开启，有消息会在微信里提醒您。'
  if (results.some((r) => r.result === 'ban')) return '您在微信设置里关掉了这类提醒，所以没有开启。消息仍会放在“我的消息”里。'
  return '这次没有开启。消息仍会放在“我的消息”里。'
}
