import sanitizeHtml from 'sanitize-html'

/**
 * The article HTML a WeChat Official Account accepts in `draft/add`: no scripts, styles,
 * forms or frames; no links outside WeChat (the OA strips external `<a>`, so their text
 * stays and the address follows in brackets); images only from WeChat's own image host
 * (mmbiz.qpic.cn: others must be uploaded first, so they are left out with their alt text);
 * headings above h3 lowered. The content limit (20,000 characters) is enforced by cutting
 * at a paragraph.
 */
export const OA_CONTENT_MAX = 20_000

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'span', 'section'],
  allowedAttributes: { img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['https', 'http'],
  allowProtocolRelative: false,
  transformTags: {
    b: 'strong',
    i: 'em',
    h1: 'h2',
    div: 'p',
    a: (_tag, attribs) => ({ tagName: 'span', attribs: { 'data-href': attribs.href ?? '' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^https?:\/\/mmbiz\.qpic\.cn\//.test(frame.attribs.src ?? ''),
}

export function officialAccountHtml(html: string): string {
  // Links: keep the text, add a plain address after it (external links are not clickable in an OA article).
  const withAddresses = html.replace(/<a\b[^>]*href="(https?:[^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) => `${text}（${href}）`)
  let out = sanitizeHtml(withAddresses, OPTIONS).replace(/<span data-href="[^"]*">([\s\S]*?)<\/span>/g, '$1').trim()
  if (out.length > OA_CONTENT_MAX) {
    const cut = out.lastIndexOf('</p>', OA_CONTENT_MAX - 40)
    out = `${cut > 0 ? out.slice(0, cut + 4) : sanitizeHtml(out.slice(0, OA_CONTENT_MAX - 40), { allowedTags: [], allowedAttributes: {} })}<p>（全文见原文链接）</p>`
  }
  return out
}
