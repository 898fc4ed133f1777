import { OA_DIGEST_MAX, OA_TITLE_MAX } from '../channels/schemas'

/** Cuts text to at most `max` characters (code points), ending with … when cut. */
export function cutTo(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  if (chars.length <= max) return chars.join('')
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`
}

/**
 * Weibo counts a Chinese character as one and two ASCII characters as one (rounded up);
 * the link counts too. The limit itself is unconfirmed and a setting (140 by default).
 */
export function weiboLength(text: string): number {
  let half = 0
  for (const ch of text) half += ch.codePointAt(0)! < 128 ? 1 : 2
  return Math.ceil(half / 2)
}

/**
 * The status text of a Weibo share: the editor's Weibo text (or the title and summary) cut so
 * that, with a space and the item's link on the bound domain, it stays within `limit`.
 * Weibo's share API refuses '#' outside topics, so stray ones are replaced.
 */
export function weiboStatusText(o: { title: string; summary: string; weiboText?: string; link: string; limit: number }): string {
  const base = (o.weiboText?.trim() || (o.summary.trim() ? `【${o.title.trim()}】${o.summary.trim()}` : `【${o.title.trim()}】`)).replace(/#/g, '＃')
  const room = o.limit - weiboLength(o.link) - 1
  if (room <= 1) throw new Error('链接太长，微博文字放不下')
  let chars = Array.from(base.replace(/\s+/g, ' ').trim())
  if (weiboLength(chars.join('')) > room) {
    while (chars.length && weiboLength(`${chars.join('')}…`) > room) chars = chars.slice(0, -1)
    chars.push('…')
  }
  return `${chars.join('')} ${o.link}`
}

/** The 公众号 article's title (≤ 64) and digest (≤ 120): the editor's, else the item's, cut to fit. */
export function officialAccountTexts(o: { title: string; summary: string; body: string; oaTitle?: string; oaDigest?: string }): { title: string; digest: string } {
  const title = o.oaTitle?.trim() || cutTo(o.title, OA_TITLE_MAX)
  const plain = o.body.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ')
  const digest = o.oaDigest?.trim() || cutTo(o.summary.trim() || plain, OA_DIGEST_MAX)
  return { title, digest }
}
