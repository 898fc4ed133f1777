import { describe, expect, it } from 'vitest'
import { findRanges, snippetAround } from '../../server/src/content/search/highlight'
import { normalise, queryTerms, documentTerms } from '../../server/src/content/search/tokenizer'
import { searchWords } from '../../server/src/content/search/searcher'
import { plainText, sanitizeBody, textToHtml } from '../../server/src/content/sanitize'
import { etagMatches } from '../../server/src/platform/http/conditional'

describe('segmentation', () => {
  it('keeps government terms whole thanks to the custom dictionary', () => {
    expect(queryTerms('就业创业补贴')).toEqual(['就业创业补贴'])
    expect(queryTerms('拆迁安置')).toEqual(['拆迁安置'])
    expect(queryTerms('城乡居民养老保险')).toEqual(['城乡居民养老保险'])
  })
  it('indexes documents in search mode so parts of a long term are findable', () => {
    expect(documentTerms('城乡居民养老保险')).toEqual(expect.arrayContaining(['城乡居民养老保险', '养老保险', '城乡居民', '城乡', '居民', '养老', '保险']))
  })
  it('normalises width and case, drops punctuation and stopwords', () => {
    expect(normalise('ＷｉＦｉ　２０２６')).toBe('wifi 2026')
    expect(searchWords('请问征地补偿怎么申领？')).toEqual(['征地补偿', '申领'])
    expect(searchWords('怎么')).toEqual(['怎么']) // nothing else left: keep it
    expect(searchWords('……！')).toEqual([])
  })
})

describe('highlighting', () => {
  it('finds and merges ranges, case-insensitively for ASCII', () => {
    expect(findRanges('征地补偿与征地', ['征地', '征地补偿'])).toEqual([[0, 4], [5, 7]])
    expect(findRanges('Wi-Fi 与 APP', ['app'])).toEqual([[8, 11]])
  })
  it('cuts a window around the first match with offsets into the window', () => {
    const text = '甲'.repeat(100) + '征地补偿' + '乙'.repeat(100)
    const s = snippetAround(text, ['征地补偿'], 40)!
    expect(s.text.startsWith('…')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
    const [[a, b]] = s.highlights as [[number, number]]
    expect(s.text.slice(a, b)).toBe('征地补偿')
    expect(snippetAround('无关', ['征地'])).toBeNull()
  })
})

describe('rich text', () => {
  it('strips scripts, handlers and styles but keeps structure and safe links', () => {
    const dirty = '<h2 onclick="x()">标题</h2><script>alert(1)</script><p style="color:red">正文<a href="javascript:alert(1)">坏链接</a><a href="https://www.gov.cn">好链接</a></p><iframe src="https://evil"></iframe>'
    const clean = sanitizeBody(dirty)
    expect(clean).toBe('<h2>标题</h2><p>正文<a>坏链接</a><a href="https://www.gov.cn">好链接</a></p>')
  })
  it('turns rich text into plain text and plain text into paragraphs', () => {
    expect(plainText('<p>第一段&amp;</p><ul><li>一</li><li>二</li></ul>')).toBe('第一段&\n一\n二')
    expect(textToHtml('第一段\n\n<第二段>')).toBe('<p>第一段</p>\n<p>&lt;第二段&gt;</p>')
  })
})

describe('conditional requests', () => {
  it('compares entity tags weakly, in lists, and honours *', () => {
    expect(etagMatches('W/"a-v1"', 'W/"a-v1"')).toBe(true)
    expect(etagMatches('"a-v1"', 'W/"a-v1"')).toBe(true)
    expect(etagMatches('W/"x", W/"a-v1"', 'W/"a-v1"')).toBe(true)
    expect(etagMatches('*', 'W/"a-v1"')).toBe(true)
    expect(etagMatches('W/"a-v2"', 'W/"a-v1"')).toBe(false)
    expect(etagMatches('', 'W/"a-v1"')).toBe(false)
  })
})
