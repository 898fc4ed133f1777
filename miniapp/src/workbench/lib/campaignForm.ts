/**
 * Pure helpers of 精准推送 in the workbench (no Taro, so unit tests import them): the
 * builder's form and the body the server takes, the server's refusals placed by field,
 * the audience and figures in words, the WeChat title counter and the quiet-hours notes.
 */
import {
  ApiClientError,
  CITIZEN_GROUPS,
  DEFAULT_QUIET_HOURS,
  PUSH_THEMES,
  TOPICS,
  formatShanghaiDateTime,
  inQuietHours,
  parseShanghaiDateTime,
  quietHoursOver,
  regionCovers,
  regionFullName,
  subscribeMessageFieldErrors,
  topicName,
  type AudiencePreview,
  type Campaign,
  type CampaignBody,
  type CampaignStats,
  type CitizenGroup,
  type TopicCode,
} from '@zw/shared'
import { errorMessage } from '../../lib/errors'

/** WeChat's limit for the message title (it becomes `thing1`). */
export const TITLE_LIMIT = 20
/** The inbox / SMS text, as the server's schema limits it. */
export const TEXT_LIMIT = 200
export const NAME_LIMIT = 40

export interface CampaignForm {
  name: string
  topics: TopicCode[]
  topicMatch: 'any' | 'all'
  regions: string[]
  groups: CitizenGroup[]
  itemId: string
  itemTitle: string
  title: string
  text: string
  wechat: boolean
  sms: boolean
  /** 立即（批准后发送） or at a Beijing wall-clock time. */
  timing: 'now' | 'at'
  /** `YYYY-MM-DD HH:mm`, Beijing time. */
  sendAtText: string
}

/** Tomorrow 09:00 Beijing time, as a first suggestion for a scheduled send. */
export function suggestedSendAt(now: Date): string {
  const tomorrow = formatShanghaiDateTime(new Date(now.getTime() + 86_400_000)).slice(0, 10)
  return `${tomorrow} 09:00`
}

export function newCampaignForm(now: Date): CampaignForm {
  return { name: '', topics: [], topicMatch: 'any', regions: [], groups: [], itemId: '', itemTitle: '', title: '', text: '', wechat: true, sms: false, timing: 'now', sendAtText: suggestedSendAt(now) }
}

export function campaignFormOf(c: Campaign, now: Date): CampaignForm {
  return {
    name: c.name,
    topics: [...c.audience.topics] as TopicCode[],
    topicMatch: c.audience.topicMatch,
    regions: [...c.audience.regions],
    groups: [...c.audience.groups] as CitizenGroup[],
    itemId: c.item.id,
    itemTitle: c.item.title,
    title: c.message.title,
    text: c.message.text,
    wechat: c.channels.wechat,
    sms: c.channels.sms,
    timing: c.sendAt ? 'at' : 'now',
    sendAtText: c.sendAt ? formatShanghaiDateTime(c.sendAt) : suggestedSendAt(now),
  }
}

/** Topics and groups in the catalogue's order, whatever order they were ticked in. */
const inOrder = <T extends string>(all: readonly { code: string }[], chosen: readonly T[]): T[] => all.map((x) => x.code as T).filter((c) => chosen.includes(c))

/** The audience rule and channels of the form, as the preview and the body carry them. */
export function audienceOf(form: CampaignForm): CampaignBody['audience'] {
  return { topics: inOrder(TOPICS, form.topics), topicMatch: form.topicMatch, regions: [...form.regions], groups: inOrder(CITIZEN_GROUPS, form.groups) }
}

export const SEND_AT_FORMAT_MESSAGE = '请按“年-月-日 时:分”填写北京时间，例如 2026-12-01 09:00'

/** The body to send, or what to fix first (only what the browser can tell: the time's format). */
export function campaignBodyOf(form: CampaignForm): { ok: true; body: CampaignBody } | { ok: false; errors: FieldErrors } {
  let sendAt: string | null = null
  if (form.timing === 'at') {
    const at = parseShanghaiDateTime(form.sendAtText)
    if (!at) return { ok: false, errors: { sendAt: SEND_AT_FORMAT_MESSAGE } }
    sendAt = at.toISOString()
  }
  return {
    ok: true,
    body: {
      name: form.name.trim(),
      audience: audienceOf(form),
      itemId: form.itemId,
      message: { title: form.title.trim(), text: form.text.trim() },
      channels: { wechat: form.wechat, sms: form.sms },
      sendAt,
    },
  }
}

/** Errors by form field: `name`, `audience.topics`, `audience.regions`, `message.title`, `itemId`, `sendAt`, `channels`, `reason` …, and `other`. */
export type FieldErrors = Partial<Record<string, string>>

const FIELDS = ['name', 'audience.topics', 'audience.topicMatch', 'audience.regions', 'audience.groups', 'itemId', 'message.title', 'message.text', 'channels', 'sendAt', 'reason']

/** The field a server path belongs to: `body.audience.regions.0` → `audience.regions`, `channels.sms` → `channels`. */
export function fieldOf(path: string): string | undefined {
  const p = path.replace(/^body\./, '').replace(/\.\d+(?=\.|$)/g, '')
  return FIELDS.find((f) => p === f || p.startsWith(`${f}.`))
}

/** The server's refusal placed under the fields it concerns (the first message per field); anything else under `other`. */
export function campaignErrors(err: unknown, fallback = '保存失败，请稍后再试'): FieldErrors {
  if (err instanceof ApiClientError && err.code === 'VALIDATION_FAILED' && err.fields.length) {
    const out: FieldErrors = {}
    for (const f of err.fields) {
      const key = fieldOf(f.path) ?? 'other'
      out[key] ??= f.message
    }
    return out
  }
  return { other: errorMessage(err, fallback) }
}

/** Characters as WeChat counts them (the title is trimmed first, as the server does). */
export const charCount = (text: string): number => [...text.trim()].length

/** The title's count against WeChat's limit, and the shared rule's message when WeChat would refuse it. */
export function titleCheck(title: string): { count: number; limit: number; over: boolean; message?: string } {
  const count = charCount(title)
  const problem = count > 0 ? subscribeMessageFieldErrors({ thing1: title.trim() })[0] : undefined
  return { count, limit: TITLE_LIMIT, over: count > TITLE_LIMIT, message: problem ? `微信提醒的标题${problem.message}` : undefined }
}

export const QUIET_HOURS_TEXT = `${DEFAULT_QUIET_HOURS.start}–${DEFAULT_QUIET_HOURS.end}`

/** What happens at the chosen time with respect to 免打扰时段 (22:00–08:00). */
export function sendTimeNote(form: Pick<CampaignForm, 'timing' | 'sendAtText'>, urgent: boolean): { text: string; warn: boolean } {
  if (urgent) return { text: `已标为紧急：免打扰时段（${QUIET_HOURS_TEXT}）内也会发送。`, warn: false }
  if (form.timing === 'now') return { text: `批准后立即发送。${QUIET_HOURS_TEXT} 为免打扰时段，非紧急推送在此期间不发送，顺延到 ${DEFAULT_QUIET_HOURS.end} 开始发送。`, warn: false }
  const at = parseShanghaiDateTime(form.sendAtText)
  if (at && inQuietHours(at)) return { text: `所选时间在免打扰时段（${QUIET_HOURS_TEXT}）内：非紧急推送将顺延到 ${formatShanghaiDateTime(quietHoursOver(at))} 开始发送。`, warn: true }
  return { text: `${QUIET_HOURS_TEXT} 为免打扰时段，非紧急推送在此期间不发送，顺延到 ${DEFAULT_QUIET_HOURS.end}。`, warn: false }
}

/** `符合条件 3 人，其中微信可达 1 人、短信 1 人、仅站内消息 1 人` */
export function previewText(p: AudiencePreview): string {
  return `符合条件 ${p.matching} 人，其中微信可达 ${p.wechat} 人、短信 ${p.sms} 人、仅站内消息 ${p.inboxOnly} 人`
}

/** The topics shown first in the builder (the push themes), then the rest behind 更多主题. */
export const FIRST_TOPICS: readonly { code: TopicCode; name: string }[] = PUSH_THEMES
export const MORE_TOPICS: readonly { code: TopicCode; name: string }[] = TOPICS.filter((t) => !PUSH_THEMES.some((p) => p.code === t.code))

const groupName = (code: string) => CITIZEN_GROUPS.find((g) => g.code === code)?.name ?? code

/** The audience in words, one line each: 主题, 地区, 身份. */
export function audienceLines(rule: CampaignBody['audience']): { topics: string; regions: string; groups: string } {
  const topics = rule.topics.map((t) => topicName(t) ?? t).join('、') || '未选择'
  return {
    topics: rule.topics.length > 1 ? `${topics}（${rule.topicMatch === 'all' ? '同时订阅全部主题' : '订阅任一主题'}）` : topics,
    regions: rule.regions.length ? rule.regions.map((r) => regionFullName(r) ?? r).join('；') : '不限地区',
    groups: rule.groups.length ? rule.groups.map(groupName).join('、') : '不限身份',
  }
}

/** `主题：征地补偿；地区：河南省 新乡市；身份：不限身份` */
export function audienceSummary(rule: CampaignBody['audience']): string {
  const l = audienceLines(rule)
  return `主题：${l.topics}；地区：${l.regions}；身份：${l.groups}`
}

/** When it goes, in words. */
export function sendTimeText(c: Pick<Campaign, 'sendAt' | 'urgent'>): string {
  const when = c.sendAt ? `北京时间 ${formatShanghaiDateTime(c.sendAt)}` : '立即（批准后发送）'
  return c.urgent ? `${when}，紧急（免打扰时段也发送）` : when
}

export function channelsText(channels: { wechat: boolean; sms: boolean }): string {
  return ['站内消息', ...(channels.wechat ? ['微信订阅消息'] : []), ...(channels.sms ? ['短信'] : [])].join('、')
}

/** Adding an area to the chosen ones: an area inside a chosen one adds nothing; a wider one replaces those it covers. */
export function addArea(regions: readonly string[], code: string): { regions: string[]; note?: string } {
  const covering = regions.find((r) => regionCovers(r, code))
  if (covering) return { regions: [...regions], note: covering === code ? '这个地区已经选了' : `已包含在“${regionFullName(covering) ?? covering}”中` }
  const kept = regions.filter((r) => !regionCovers(code, r))
  return { regions: [...kept, code], note: kept.length < regions.length ? `已合并：“${regionFullName(code) ?? code}”包含之前选的下级地区` : undefined }
}

/** What WeChat's error codes mean (domain facts §8); SMS codes and others are shown as they are. */
export const FAILURE_LABELS: Record<string, string> = {
  '43101': '用户拒收或授权已用完',
  '47003': '模板参数不正确',
  '40003': 'openid 无效',
  '40037': '模板 ID 无效',
  '41030': '跳转页面不正确',
  '-1': '微信系统繁忙',
}

export function failureRows(failed: CampaignStats['failed']): { code: string; label: string; count: number }[] {
  return Object.entries(failed)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, count]) => ({ code, label: FAILURE_LABELS[code] ? `${FAILURE_LABELS[code]}（${code}）` : `错误码 ${code}`, count }))
}

/** The sums the list and the detail show. */
export function statsSummary(s: CampaignStats): { sent: string; failed: number; skipped: number } {
  const failed = Object.values(s.failed).reduce((a, b) => a + b, 0)
  return { sent: `微信 ${s.sent.wechat}、短信 ${s.sent.sms}、站内 ${s.sent.inbox}`, failed, skipped: s.skipped.cap + s.skipped.noConsent }
}

/** Whether the page should look again soon: while sending, or approved and due (the sender picks it up within the minute). */
export function worthRefreshing(c: Pick<Campaign, 'state' | 'sendAt'>, now: Date): boolean {
  if (c.state === 'sending') return true
  return c.state === 'scheduled' && (c.sendAt === null || new Date(c.sendAt).getTime() <= now.getTime())
}
