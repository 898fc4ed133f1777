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
  it('finds Han words and ASCII words at the same places in text with full-width forms', () => {
    const text = '征地，ＡＰＰ申领（补偿）'
    expect(findRanges(text, ['补偿'])).toEqual([[9, 11]])
    expect(findRanges(text, ['app'])).toEqual([[3, 6]])
    expect(findRanges(text, ['补偿', 'app'])).toEqual([[3, 6], [9, 11]])
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
  it('looks into one part of a longer string: only its matches, and no … where the part starts or ends', () => {
    const packed = 'title\u0001征地公告\u0000body\u0001关于征地补偿的说明'
    const from = packed.indexOf('关于')
    const s = snippetAround(packed, ['补偿'], 80, from, packed.length)!
    expect(s.text).toBe('关于征地补偿的说明')
    expect(s.highlights).toEqual([[4, 6]])
    expect(snippetAround(packed, ['公告'], 80, from, packed.length)).toBeNull() // only in another part
    const cut = snippetAround(packed, ['征地', '说明'], 4, from, packed.length)!
    expect(cut.text).toBe('…于征地补…')
    expect(cut.highlights).toEqual([[2, 4]])
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

describe('DetailStore', () => {
  it('keeps each text in its own encoding and reads neighbours back in one go', async () => {
    const { DetailStore } = await import('../../server/src/content/detailStore')
    const store = new DetailStore(['utf8', 'utf8', 'utf16le'])
    try {
      store.put(0, ['{"a":1}', '{"title":"征地补偿"}', '片段：征地'])
      store.put(5, ['', '{"b":2}', ''])
      const both = store.scratchRange(0, 1, 2)
      const cardLength = store.lengthOf(0, 1)
      expect(both.toString('utf8', 0, cardLength)).toBe('{"title":"征地补偿"}')
      expect(both.toString('utf16le', cardLength)).toBe('片段：征地')
      expect(store.scratchRange(0, 0, 0).toString()).toBe('{"a":1}')
      expect(store.bytes(5, 1, ',"x":1').toString()).toBe('{"b":2},"x":1')
      expect(store.scratchRange(5, 2, 2).length).toBe(0)
      // Longer than the reused buffer: it grows.
      store.put(6, ['征'.repeat(20_000), '', ''])
      expect(store.scratchRange(6, 0, 0).toString()).toBe('征'.repeat(20_000))
    } finally {
      store.close()
    }
  })
})

describe('an item’s stored search index', () => {
  it('keeps the terms as strings with one hex digit of fields each, and reads items stored as pairs too', async () => {
    const { forEachSearchTerm } = await import('../../server/src/content/search/indexFields')
    const { FIELD } = await import('../../server/src/content/model')
    const seen: [string, number][] = []
    forEachSearchTerm({ searchTerms: ['征地', '补偿', '公告'], termFields: '1a8' }, (t, f) => seen.push([t, f]))
    expect(seen).toEqual([['征地', FIELD.title], ['补偿', FIELD.summary | FIELD.body], ['公告', FIELD.body]])
    const legacy: [string, number][] = []
    forEachSearchTerm({ searchTerms: [{ t: '征地', f: 3 }] }, (t, f) => legacy.push([t, f]))
    expect(legacy).toEqual([['征地', 3]])
  })
})

describe('the search result cache', () => {
  const answer = (n: number) => Buffer.alloc(n, 0x20)
  it('keeps a search only once it is asked for a second time, and forgets everything when the content changes', async () => {
    const { ResultCache } = await import('../../server/src/content/search/searcher')
    const cache = new ResultCache(1024 * 1024)
    const json = Buffer.from('{"items":[]}')
    expect(cache.get(7, '["征地"]')).toBeUndefined()
    expect(cache.offer(7, '["征地"]', json)).toBe(false) // asked once
    expect(cache.get(7, '["征地"]')).toBeUndefined()
    expect(cache.offer(7, '["征地"]', json)).toBe(true)
    expect(cache.get(7, '["征地"]')).toBe(json)
    expect(cache.get(8, '["征地"]')).toBeUndefined()
  })
  it('once full, lets a search in only when it is asked for more often than what it would push out', async () => {
    const { ResultCache } = await import('../../server/src/content/search/searcher')
    const cache = new ResultCache(10_000) // room for four answers of 2,000 bytes
    const ask = (key: string, times: number) => {
      let kept = false
      for (let i = 0; i < times; i++) if (!cache.get(1, key)) kept = cache.offer(1, key, answer(2000))
      return kept
    }
    for (const popular of ['a', 'b', 'c', 'd']) expect(ask(popular, 5)).toBe(true)
    // Many different searches, each asked twice: none of them displaces the popular ones.
    let admitted = 0
    for (let i = 0; i < 200; i++) if (ask(`once-${i}`, 2)) admitted += 1
    expect(admitted).toBe(0)
    for (const popular of ['a', 'b', 'c', 'd']) expect(cache.get(1, popular)).toBeDefined()
    // A search asked for more often than the least recently used one takes its place.
    expect(ask('rising', 8)).toBe(true)
    expect(cache.get(1, 'rising')).toBeDefined()
    expect(['a', 'b', 'c', 'd'].filter((k) => cache.get(1, k)).length).toBe(3)
  })
})
