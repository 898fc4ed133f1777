/**
 * Pure helpers of 我的消息 (no Taro, so unit tests can import them): pages joined as the
 * citizen loads more, a message marked read on the spot, where a message's link leads,
 * and the unread count in words.
 */
import type { InboxMessage } from '@zw/shared'

/** The next page after what is shown; a message already shown (the list moved meanwhile) is not repeated. */
export function appendMessages(shown: readonly InboxMessage[], next: readonly InboxMessage[]): InboxMessage[] {
  const ids = new Set(shown.map((m) => m.id))
  return [...shown, ...next.filter((m) => !ids.has(m.id))]
}

/** The list and unread count with one message read (already read: unchanged). */
export function withRead(messages: readonly InboxMessage[], unread: number, id: string): { messages: InboxMessage[]; unread: number } {
  const target = messages.find((m) => m.id === id)
  if (!target || target.read) return { messages: [...messages], unread }
  return { messages: messages.map((m) => (m.id === id ? { ...m, read: true } : m)), unread: Math.max(0, unread - 1) }
}

/**
 * Where a message's link leads: a page of this mini-program (`/pages/policy/index?id=…`,
 * with or without the leading slash), a web page (copied in WeChat, a new tab in h5), or
 * nowhere (no link, or something that is neither).
 */
export function linkTarget(link: string | null): { kind: 'page'; url: string } | { kind: 'web'; url: string } | null {
  const value = link?.trim()
  if (!value) return null
  if (/^https?:\/\//i.test(value)) return { kind: 'web', url: value }
  const path = value.startsWith('/') ? value : `/${value}`
  // Citizens' pages: the main package, and the 申请公开 and 互动交流 subpackages (never the workbench).
  return /^\/(?:(?:disclosure|interaction)\/)?pages\/[\w-]+\/index(\?.*)?$/.test(path) ? { kind: 'page', url: path } : null
}

/** `2 条未读` for a badge; `99+ 条未读` past 99; nothing when none. */
export function unreadText(count: number | null | undefined): string | undefined {
  if (!count || count <= 0) return undefined
  return `${count > 99 ? '99+' : count} 条未读`
}
