/**
 * Pure helpers of the 互动交流 pages (no Taro, so unit tests can import them): the blank
 * message form, the warning about personal data as the writer types, the opinions of a
 * feedback report, status words.
 */
import { personalDataKindsIn, personalDataWarning, type ConsentStatus, type MessageBody, type MessageCategory } from '@zw/shared'

export type MessageForm = { department: MessageBody['department']; category: MessageCategory; title: string; text: string; public: boolean }

export const blankMessage = (): MessageForm => ({ department: 'guiyang-hrss', category: 'consultation', title: '', text: '', public: true })

/** The warning shown under the text while the writer types, when it may be published. */
export function typingWarning(form: Pick<MessageForm, 'title' | 'text' | 'public'>, today = new Date()): string | null {
  if (!form.public) return null
  return personalDataWarning(personalDataKindsIn(`${form.title}\n${form.text}`, today))
}

/** The body of a message as sent: the item it is about, when it came from one. */
export function messageBody(form: MessageForm, itemId?: string): MessageBody {
  return { ...form, itemId: itemId && /^[0-9a-f]{24}$/.test(itemId) ? itemId : null }
}

/** How a status reads in a list: 征集中 shows its end, 未开始 its start. */
export function consultationWhen(c: { status: string; startAtText: string; endAtText: string }): string {
  if (c.status === 'scheduled') return `${c.startAtText} 开始征集`
  if (c.status === 'open') return `征集至 ${c.endAtText}`
  return `${c.startAtText} 至 ${c.endAtText}`
}

/**
 * The template to ask consent for when a citizen sends a message, so the answer can reach
 * them in WeChat: 互动回复通知, or the policy template the server falls back to when that
 * one is not configured; none when a long-term one is on already.
 */
export function replyConsentTemplate(consents: readonly ConsentStatus[]): string | null {
  const template = consents.find((c) => c.kind === 'interaction-reply') ?? consents.find((c) => c.kind === 'policy-notice')
  if (!template || (template.templateKind === 'long-term' && template.state === 'on')) return null
  return template.templateId
}
