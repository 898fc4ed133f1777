import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchResult } from '@zw/shared'
import { createDraft } from '../../server/src/content/draftCreator'
import { startTestApp, type TestApp } from '../support/app'
import { guideDraft, interpretationDraft, policyDraft, published } from '../support/content'

let t: TestApp
const ids: Record<string, string> = {}
const day = (d: string) => new Date(`${d}T02:00:00Z`)

beforeAll(async () => {
  t = await startTestApp()
  const land = { topics: ['land-acquisition-compensation' as const], department: 'xinxiang-gov-office' as const, regions: ['410700000000'] }
  ids.bodyMention = await published(
    policyDraft({ ...land, title: '关于做好被征地农民社会保障工作的通知', summary: '被征地农民参加养老保险的办法。', body: '<p>各县（市、区）要按时足额落实征地补偿，保障被征地农民长远生计。</p>', policy: { issuer: '新乡市人民政府办公室' } }),
    day('2026-05-01'),
  )
  ids.repealedTitle = await published(
    policyDraft({ ...land, title: '新乡市征地补偿安置标准（2015年）', summary: '旧标准。', policy: { issuer: '新乡市人民政府办公室', writtenOn: '2015-01-05', validity: { status: 'repealed', changedOn: '2026-01-01' } } }),
    day('2015-01-10'),
  )
  ids.validTitle = await published(
    policyDraft({ ...land, title: '关于调整新乡市征地补偿标准的通知', summary: '自2026年起执行新的区片综合地价。', policy: { issuer: '新乡市人民政府办公室' } }),
    day('2026-01-02'),
  )
  ids.guideFaq = await published(
    guideDraft({ ...land, title: '被征地农民社会保障补贴申请', guide: { faq: [{ q: '补贴和征地补偿款是一回事吗？', a: '不是，社会保障补贴单独发放。' }] } }),
    day('2026-02-01'),
  )
  ids.qa = await published(
    interpretationDraft([ids.validTitle], { ...land, title: '新标准问答', summary: '市民关心的六个问题。', body: '', interpretation: { interpreter: { department: 'xinxiang-gov-office', isHead: true }, qa: [{ q: '新标准什么时候执行？', a: '2026年1月1日起，征地补偿按新标准执行。' }] } }),
    day('2026-01-03'),
  )
  ids.unrelated = await published(policyDraft({ title: '关于提高养老服务补贴的通知', summary: '养老服务补贴标准提高。', topics: ['elderly-care'] }), day('2026-03-01'))
  ids.mixed = await published(policyDraft({ title: '政务大厅Wi-Fi与APP预约服务上线', summary: '大厅提供免费WiFi，可用APP预约。', topics: ['municipal-services'] }), day('2026-03-02'))
  ids.hidden = await published(policyDraft({ ...land, title: '征地补偿资金内部测算', policy: { issuer: '新乡市人民政府办公室', disclosure: 'not-disclosed' } }), day('2026-04-01'))
  ids.draft = (await createDraft(policyDraft({ ...land, title: '征地补偿草稿', policy: { issuer: '新乡市人民政府办公室' } }), day('2026-04-02'))).toString()
  await t.services.content.readModel.syncNow()
})
afterAll(() => t.close())

const search = (query: Record<string, string | number>) => t.api.call('searchItems', { query: query as { q: string } })
const keys = (r: SearchResult) => r.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0])

describe('a citizen searching in Chinese', () => {
  it('finds 征地补偿 with title matches first, valid before repealed, then matches in text, Q&A and guides', async () => {
    const r = await search({ q: '征地补偿' })
    expect(r.terms).toEqual(['征地补偿'])
    expect(keys(r).slice(0, 2)).toEqual(['validTitle', 'repealedTitle'])
    expect(new Set(keys(r).slice(2))).toEqual(new Set(['bodyMention', 'guideFaq', 'qa']))
    expect(r.total).toBe(5)
  })

  it('never finds drafts or documents that are not 主动公开', async () => {
    const r = await search({ q: '征地补偿', limit: 50 })
    expect(keys(r)).not.toContain('hidden')
    expect(keys(r)).not.toContain('draft')
    expect(keys(r)).not.toContain(undefined)
  })

  it('highlights the words in the title and gives a snippet with the match from where it was found', async () => {
    const r = await search({ q: '征地补偿' })
    const valid = r.items.find((i) => i.id === ids.validTitle)!
    expect(valid.titleHighlights).toEqual([[7, 11]])
    expect(valid.title.slice(7, 11)).toBe('征地补偿')
    const qa = r.items.find((i) => i.id === ids.qa)!
    expect(qa.snippet?.field).toBe('qa')
    for (const [s, e] of qa.snippet!.highlights) expect(qa.snippet!.text.slice(s, e)).toBe('征地补偿')
    const body = r.items.find((i) => i.id === ids.bodyMention)!
    expect(body.snippet?.field).toBe('body')
    expect(body.snippet!.highlights.length).toBeGreaterThan(0)
  })

  it('applies the same filters as the list', async () => {
    expect(keys(await search({ q: '征地补偿', type: 'guide' }))).toEqual(['guideFaq'])
    expect(keys(await search({ q: '征地补偿', validity: 'repealed' }))).toEqual(['repealedTitle'])
    expect(keys(await search({ q: '征地补偿', region: '410702000000', from: '2026-01-01', to: '2026-01-31' }))).toEqual(['validTitle', 'qa'])
    expect(keys(await search({ q: '征地补偿', region: '640100000000' }))).toEqual([])
  })

  it('drops question words, and ignores punctuation and spacing', async () => {
    const r = await search({ q: '  征地补偿，怎么？ ' })
    expect(r.terms).toEqual(['征地补偿'])
    expect(r.total).toBe(5)
    const none = await search({ q: '！？。，' })
    expect(none).toEqual({ items: [], nextCursor: null, terms: [], total: 0 })
  })

  it('makes sense of a one-character query', async () => {
    const r = await search({ q: '征', limit: 50 })
    expect(keys(r)).toEqual(expect.arrayContaining(['validTitle', 'repealedTitle', 'bodyMention', 'guideFaq', 'qa']))
    expect(keys(r)).not.toContain('unrelated')
    const first = r.items[0]!
    expect(first.titleHighlights.length).toBeGreaterThan(0)
    for (const [s, e] of first.titleHighlights) expect(first.title.slice(s, e)).toBe('征')
  })

  it('handles mixed Chinese and ASCII, whatever the case or width', async () => {
    expect(keys(await search({ q: 'wi-fi' }))).toEqual(['mixed'])
    expect(keys(await search({ q: 'ＡＰＰ预约' }))).toEqual(['mixed'])
    const r = await search({ q: 'APP' })
    expect(r.items[0]!.title.slice(...r.items[0]!.titleHighlights[0]!)).toBe('APP')
  })

  it('pages through ranked results with a cursor', async () => {
    const all = keys(await search({ q: '征地补偿', limit: 50 }))
    const first = await search({ q: '征地补偿', limit: 2 })
    const second = await search({ q: '征地补偿', limit: 2, cursor: first.nextCursor! })
    const third = await search({ q: '征地补偿', limit: 2, cursor: second.nextCursor! })
    expect([...keys(first), ...keys(second), ...keys(third)]).toEqual(all)
    expect(third.nextCursor).toBeNull()
  })

  it('answers nothing, plainly, when nothing matches', async () => {
    const r = await search({ q: '宇宙飞船' })
    expect(r.items).toEqual([])
    expect(r.total).toBe(0)
  })

  it('sees newly published items at once, though repeated searches are answered from a cache', async () => {
    const before = await search({ q: '征地补偿', limit: 50 })
    expect(await search({ q: '征地补偿', limit: 50 })).toEqual(before) // the cached answer
    ids.fresh = await published(policyDraft({ title: '征地补偿争议调处办法', topics: ['land-acquisition-compensation'], department: 'xinxiang-gov-office', regions: ['410700000000'], policy: { issuer: '新乡市人民政府办公室' } }), day('2026-08-01'))
    await t.services.content.readModel.syncNow()
    const after = await search({ q: '征地补偿', limit: 50 })
    expect(after.total).toBe(before.total + 1)
    expect(keys(after)[0]).toBe('fresh')
  })
})

