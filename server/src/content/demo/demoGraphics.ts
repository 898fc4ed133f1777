/**
 * The pictures of the demo 图解 interpretations, drawn as simple SVG cards from each
 * picture's own description and caption, so the demo has no broken images. Served at
 * `/static/demo/<name>.svg` (the URLs the demo content uses). Real interpretations carry
 * real uploaded images.
 */
import Router from '@koa/router'
import { DEMO_INTERPRETATIONS } from './interpretations'

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const NO_LINE_START = /[，。、；：！？）”」』》,.;:!?)]/

/**
 * Breaks text into lines of about `width` full-width characters (CJK text has no
 * spaces; Latin letters and digits count half), never starting a line with punctuation.
 */
function lines(text: string, width: number): string[] {
  const out: string[] = []
  let line = ''
  let used = 0
  for (const ch of text) {
    const w = /[\x00-\xff]/.test(ch) ? 0.55 : 1
    if (used + w > width && line && !NO_LINE_START.test(ch)) {
      out.push(line)
      line = ''
      used = 0
    }
    line += ch
    used += w
  }
  if (line) out.push(line)
  return out
}

export function demoGraphicSvg(alt: string, caption: string | undefined): string {
  const title = lines(alt.replace(/^图解[：:]/, ''), 14)
  const note = caption ? lines(caption, 18) : []
  const height = 120 + title.length * 56 + note.length * 40 + 40
  const t = title.map((l, i) => `<text x="40" y="${110 + i * 56}" font-size="40" font-weight="bold" fill="#1a1a1a">${escape(l)}</text>`).join('')
  const n = note.map((l, i) => `<text x="40" y="${130 + title.length * 56 + i * 40}" font-size="30" fill="#333">${escape(l)}</text>`).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="680" height="${height}" viewBox="0 0 680 ${height}" role="img" aria-label="${escape(alt)}" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif"><rect width="680" height="${height}" rx="16" fill="#fdf6e9"/><rect width="680" height="56" rx="16" fill="#b5162b"/><rect y="40" width="680" height="16" fill="#b5162b"/><text x="40" y="40" font-size="28" fill="#fff">图解</text>${t}${n}</svg>`
}

/** Every demo picture by file name. */
function demoGraphics(): Map<string, string> {
  const byName = new Map<string, string>()
  for (const i of DEMO_INTERPRETATIONS) {
    for (const image of i.draft.interpretation.images ?? []) {
      const name = image.url.replace(/^\/static\/demo\//, '')
      byName.set(name, demoGraphicSvg(image.alt, image.caption))
    }
  }
  return byName
}

export function demoGraphicsRouter(): Router {
  const graphics = demoGraphics()
  const router = new Router()
  router.get('/static/demo/:name', (ctx, next) => {
    const svg = graphics.get(ctx.params.name!)
    if (!svg) return next()
    ctx.type = 'image/svg+xml; charset=utf-8'
    ctx.set('Cache-Control', 'public, max-age=86400')
    ctx.body = svg
  })
  return router
}
