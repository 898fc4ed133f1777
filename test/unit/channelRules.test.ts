import { describe, expect, it } from 'vitest'
import { cutTo, distributionSchema, officialAccountTexts, weiboLength, weiboStatusText } from '@zw/shared'
import { officialAccountHtml, OA_CONTENT_MAX } from '../../server/src/platform/officialAccount/articleHtml'
import { officialAccountError } from '../../server/src/platform/officialAccount/errorMessages'
import { weiboError } from '../../server/src/platform/weibo/weiboApi'
import { SecretBox } from '../../server/src/platform/secretBox'
import { backoffMs } from '../../server/src/channels/channelSettings'
import { defaultCoverPng } from '../../server/src/platform/officialAccount/defaultCover'

const LINK = 'https://www.example.gov.cn/#/pages/policy/index?id=0123456789abcdef01234567'

describe('text fitting', () => {
  it('counts Weibo length: a Chinese character one, two ASCII characters one', () => {
    expect(weiboLength('政务')).toBe(2)
    expect(weiboLength('ab')).toBe(1)
    expect(weiboLength('abc')).toBe(2)
    expect(weiboLength('补贴ab')).toBe(3)
  })

  it('keeps a Weibo status within the limit with the link, cutting the text with …', () => {
    const long = '就业创业补贴'.repeat(40)
    const status = weiboStatusText({ title: '标题', summary: '', weiboText: long, link: LINK, limit: 140 })
    expect(weiboLength(status)).toBeLessThanOrEqual(140)
    expect(weiboLength(status)).toBeGreaterThan(130)
    expect(status.endsWith(` ${LINK}`)).toBe(true)
    expect(status).toContain('…')
    // Short enough: unchanged.
    expect(weiboStatusText({ title: '标题', summary: '', weiboText: '补贴开始申领', link: LINK, limit: 140 })).toBe(`补贴开始申领 ${LINK}`)
    // No Weibo text: 【title】summary; a stray # is replaced (Weibo takes # for topics).
    expect(weiboStatusText({ title: '第#1号通知', summary: '明确补贴标准。', link: LINK, limit: 140 })).toBe(`【第＃1号通知】明确补贴标准。 ${LINK}`)
    expect(() => weiboStatusText({ title: 't', summary: '', link: LINK, limit: 30 })).toThrow('链接太长')
  })

  it('fits the 公众号 title (≤ 64) and digest (≤ 120), preferring the editor’s', () => {
    const t = officialAccountTexts({ title: '关'.repeat(70), summary: '', body: '<p>第一段<b>正文</b></p><p>第二段</p>' })
    expect(Array.from(t.title)).toHaveLength(64)
    expect(t.title.endsWith('…')).toBe(true)
    expect(t.digest).toBe('第一段 正文 第二段')
    expect(officialAccountTexts({ title: '关'.repeat(70), summary: '摘要', body: '', oaTitle: '短标题', oaDigest: '编辑写的摘要' })).toEqual({ title: '短标题', digest: '编辑写的摘要' })
    expect(cutTo('  多个   空格  ', 10)).toBe('多个 空格')
  })

  it('validates the distribution part of an edition (optional, channels known)', () => {
    expect(distributionSchema.parse({})).toEqual({ channels: [] })
    expect(distributionSchema.safeParse({ channels: ['douyin'] }).success).toBe(false)
  })
})

describe('HTML for the 公众号', () => {
  it('drops scripts, frames, styles and handlers; keeps structure', () => {
    const html = officialAccountHtml('<h1>标题</h1><p style="color:red" onclick="x()">正文<script>alert(1)</script></p><iframe src="https://x"></iframe><div>段落</div>')
    expect(html).toBe('<h2>标题</h2><p>正文</p><p>段落</p>')
  })

  it('turns external links into text with the address, keeps only WeChat-hosted images', () => {
    const html = officialAccountHtml('<p>详见<a href="https://www.gov.cn/zhengce">政策原文</a>。</p><p><img src="https://example.com/a.png" alt="外链图"><img src="https://mmbiz.qpic.cn/x/1.png" alt="图"></p>')
    expect(html).toBe('<p>详见政策原文（https://www.gov.cn/zhengce）。</p><p><img src="https://mmbiz.qpic.cn/x/1.png" alt="图" /></p>')
  })

  it('cuts a body over the limit at a paragraph', () => {
    const html = officialAccountHtml(`<p>${'长'.repeat(5000)}</p>`.repeat(6))
    expect(html.length).toBeLessThanOrEqual(OA_CONTENT_MAX)
    expect(html.endsWith('<p>（全文见原文链接）</p>')).toBe(true)
  })
})

describe('platform errors in words', () => {
  it('maps 公众号 errcodes with a verdict', () => {
    expect(officialAccountError(-1, 'system error')).toEqual({ verdict: 'transient', message: '微信系统繁忙，稍后自动重试（错误码 -1）' })
    expect(officialAccountError(40001, 'invalid credential').verdict).toBe('refresh-credentials')
    expect(officialAccountError(45003, 'title size out of limit')).toEqual({ verdict: 'permanent', message: '文章标题超过 64 字（错误码 45003）' })
    expect(officialAccountError(99999, 'something new')).toEqual({ verdict: 'permanent', message: '公众号接口返回错误 99999：something new' })
  })

  it('maps Weibo error codes, recognising an unbound domain by its text too', () => {
    expect(weiboError(10023, 'User requests out of rate limit!').verdict).toBe('transient')
    expect(weiboError(20019, 'repeated weibo text!')).toEqual({ verdict: 'permanent', message: '相同内容的微博已发布过，微博不允许短时间内重复发布（错误码 20019）' })
    expect(weiboError(10099, 'url is not in the safe domain').message).toContain('安全域名')
  })

  it('backs off exponentially up to a cap', () => {
    const retry = { baseMs: 30_000, capMs: 3_600_000, maxAttempts: 6 }
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(retry, n))).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000])
  })
})

describe('credentials at rest', () => {
  it('seals with AES-256-GCM: opens with the key, refuses a tampered value or another key', () => {
    const box = new SecretBox('11'.repeat(32), true)
    const sealed = box.seal('{"accessToken":"secret-token-123456"}')
    expect(sealed).not.toContain('secret-token')
    expect(box.seal('x')).not.toBe(box.seal('x')) // a fresh nonce each time
    expect(box.open(sealed)).toBe('{"accessToken":"secret-token-123456"}')
    const parts = sealed.split('.')
    const flipped = Buffer.from(parts[3]!, 'base64url')
    flipped[0] = flipped[0]! ^ 1
    expect(() => box.open([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'))).toThrow()
    expect(() => new SecretBox('22'.repeat(32), true).open(sealed)).toThrow()
  })

  it('has no key in production unless configured, and a development key elsewhere', () => {
    expect(() => new SecretBox(undefined, true).seal('x')).toThrow('CHANNEL_CREDENTIALS_KEY')
    const dev = new SecretBox(undefined, false)
    expect(dev.open(dev.seal('x'))).toBe('x')
  })
})

it('makes a PNG cover at the 公众号 proportions', () => {
  const png = defaultCoverPng()
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([900, 383])
})
