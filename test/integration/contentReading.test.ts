import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBodySchema, type ContentSummary } from '@zw/shared'
import { createDraft } from '../../server/src/content/draftCreator'
import { ContentItem } from '../../server/src/content/model'
import { startTestApp, type TestApp } from '../support/app'
import { guideDraft, interpretationDraft, policyDraft, published } from '../support/content'

let t: TestApp
const ids: Record<string, string> = {}
const day = (d: string) => new Date(`${d}T02:00:00Z`) // 10:00 in Beijing

beforeAll(async () => {
  t = await startTestApp()
  ids.replacement = await published(policyDraft({ title: '贵阳市就业创业补贴管理办法（2026年修订）', summary: '修订后的补贴办法。' }), day('2026-06-01'))
  ids.current = await published(policyDraft(), day('2026-03-05'))
  ids.repealed = await published(
    policyDraft({ title: '贵阳市就业创业补贴管理办法（2019年）', policy: { writtenOn: '2019-05-01', validity: { status: 'repealed', changedOn: '2026-06-01', supersededBy: ids.replacement } } }),
    day('2019-05-10'),
  )
  ids.bodyOnly = await published(
    policyDraft({ title: '关于印发贵阳市2026年政务公开工作要点的通知', summary: '年度政务公开安排。', topics: ['urban-rural-planning'], body: '<p>做好就业创业补贴等惠民政策的公开和Wi-Fi覆盖。</p>' }),
    day('2026-02-01'),
  )
  ids.interpretation = await published(interpretationDraft([ids.current]), day('2026-03-06'))
  ids.provinceGuide = await published(guideDraft({ regions: ['520000000000'], department: 'guiyang-hrss', title: '失业保险金申领' }), day('2026-01-10'))
  ids.townGuide = await published(guideDraft({ regions: ['520102016000'], department: 'guiyang-hrss', title: '新华路街道临时救助申请', topics: ['social-assistance'] }), day('2026-01-11'))
  ids.siblingCounty = await published(guideDraft({ regions: ['520103000000'], department: 'guiyang-hrss', title: '云岩区就业见习补贴申领' }), day('2026-01-12'))
  ids.otherProvince = await published(policyDraft({ department: 'yinchuan-civil-affairs', regions: ['640100000000'], title: '银川市临时救助实施办法', topics: ['social-assistance'], policy: { issuer: '银川市民政局', docNumber: null } }), day('2026-01-13'), '640100-108/2018-46173')
  ids.onApplication = await published(policyDraft({ title: '内部就业创业补贴资金测算表', policy: { disclosure: 'on-application' } }), day('2026-04-01'))
  ids.draft = (await createDraft(policyDraft({ title: '尚未发布的就业创业补贴草稿' }), day('2026-04-02'))).toString()
  await t.services.content.readModel.syncNow()
})
afterAll(() => t.close())

const list = async (query: Record<string, string | number>) => {
  const res = await fetch(`${t.url}/api/v1/items?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`)
  return { res, body: (await res.json()) as { items: ContentSummary[]; nextCursor: string | null } }
}
const titlesOf = (items: { id: string }[]) => items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0])

describe('a citizen listing what is published', () => {
  it('sees every public item newest first, and never drafts or 依申请公开 documents', async () => {
    const { body } = await list({ limit: 50 })
    expect(titlesOf(body.items)).toEqual(['replacement', 'interpretation', 'current', 'bodyOnly', 'otherProvince', 'siblingCounty', 'townGuide', 'provinceGuide', 'repealed'])
    expect(body.nextCursor).toBeNull()
  })

  it('filters by type, topic, department, validity and Beijing date range', async () => {
    expect(titlesOf((await list({ type: 'guide' })).body.items)).toEqual(['siblingCounty', 'townGuide', 'provinceGuide'])
    expect(titlesOf((await list({ topic: 'social-assistance' })).body.items)).toEqual(['otherProvince', 'townGuide'])
    expect(titlesOf((await list({ department: 'yinchuan-civil-affairs' })).body.items)).toEqual(['otherProvince'])
    expect(titlesOf((await list({ validity: 'repealed' })).body.items)).toEqual(['repealed'])
    expect(titlesOf((await list({ from: '2026-03-05', to: '2026-03-06' })).body.items)).toEqual(['interpretation', 'current'])
    expect(titlesOf((await list({ type: 'policy', sort: 'oldest', limit: 2 })).body.items)).toEqual(['repealed', 'otherProvince'])
  })

  it('finds, for a county, what is tagged for its towns and for the city and province above it, not for a sibling county', async () => {
    const { body } = await list({ region: '520102000000', type: 'guide' })
    expect(titlesOf(body.items)).toEqual(['townGuide', 'provinceGuide'])
    const all = titlesOf((await list({ region: '520102000000', limit: 50 })).body.items)
    expect(all).toContain('current') // tagged for 贵阳市
    expect(all).not.toContain('siblingCounty')
    expect(all).not.toContain('otherProvince')
    // a town sees its own items and everything above it
    expect(titlesOf((await list({ region: '520102016000', type: 'guide' })).body.items)).toEqual(['townGuide', 'provinceGuide'])
  })

  it('pages with a cursor without repeating or skipping, both directions', async () => {
    for (const sort of ['newest', 'oldest']) {
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const page: { body: { items: ContentSummary[]; nextCursor: string | null } } = await list({ limit: 2, sort, ...(cursor ? { cursor } : {}) })
        seen.push(...page.body.items.map((i) => i.id))
        cursor = page.body.nextCursor
      } while (cursor)
      const all = (await list({ limit: 50, sort })).body.items.map((i) => i.id)
      expect(seen).toEqual(all)
    }
  })
})

describe('a citizen opening an item', () => {
  it('sees a policy with its metadata, its 索引号 and its interpretations', async () => {
    const detail = await t.api.call('getItem', { params: { id: ids.current! } })
    expect(detail.type).toBe('policy')
    if (detail.type !== 'policy') return
    expect(detail.policy).toMatchObject({ docNumber: '筑人社发〔2026〕1号', writtenOn: '2026-03-01', publishedOn: '2026-03-05', issuer: '贵阳市人力资源和社会保障局' })
    expect(detail.policy.indexNumber).toMatch(/^520100-HRSS\/2026-\d{5}$/)
    expect(detail.interpretations).toEqual([{ id: ids.interpretation, type: 'interpretation', title: '一图读懂就业创业补贴', form: 'qa' }])
  })

  it('keeps the real 索引号 of a source document, and numbers the others per organisation and year without repeats', async () => {
    const other = await t.api.call('getItem', { params: { id: ids.otherProvince! } })
    expect(other.type === 'policy' && other.policy.indexNumber).toBe('640100-108/2018-46173')
    const numbers = await ContentItem.find({ type: 'policy', status: 'published' }, { 'policy.indexNumber': 1 }).lean()
    const all = numbers.map((n) => n.policy!.indexNumber)
    expect(new Set(all).size).toBe(all.length)
    const repealed = await t.api.call('getItem', { params: { id: ids.repealed! } })
    expect(repealed.type === 'policy' && repealed.policy.indexNumber).toMatch(/^520100-HRSS\/2019-/)
  })

  it('sees that a repealed policy is repealed, and which document replaced it', async () => {
    const detail = await t.api.call('getItem', { params: { id: ids.repealed! } })
    if (detail.type !== 'policy') throw new Error('expected a policy')
    expect(detail.policy.validity).toMatchObject({ status: 'repealed', changedOn: '2026-06-01' })
    expect(detail.policy.supersededByItem).toEqual({ id: ids.replacement, type: 'policy', title: '贵阳市就业创业补贴管理办法（2026年修订）' })
  })

  it('sees an interpretation with its Q&A and the policies it explains', async () => {
    const detail = await t.api.call('getItem', { params: { id: ids.interpretation! } })
    if (detail.type !== 'interpretation') throw new Error('expected an interpretation')
    expect(detail.interpretation.qa).toEqual([{ q: '谁可以申领？', a: '在本市登记失业的人员。' }])
    expect(detail.policies.map((p) => p.id)).toEqual([ids.current])
  })

  it('gets 404 for drafts, 依申请公开 documents and ids that do not exist, and 400 for a malformed id', async () => {
    for (const id of [ids.draft, ids.onApplication, '0123456789abcdef01234567']) {
      const res = await fetch(`${t.url}/api/v1/items/${id}`)
      expect(res.status, id).toBe(404)
      expect(apiErrorBodySchema.parse(await res.json()).error.code).toBe('NOT_FOUND')
    }
    const bad = await fetch(`${t.url}/api/v1/items/not-an-id`)
    expect(bad.status).toBe(400)
    expect(apiErrorBodySchema.parse(await bad.json()).error.details?.fields?.[0]?.path).toBe('params.id')
  })

  it('never receives what the model holds but the contract does not name', async () => {
    const res = await fetch(`${t.url}/api/v1/items/${ids.current}`)
    const raw = await res.text()
    for (const internal of ['searchTerms', 'termFields', 'snippetParts', 'changeSeq', '"status":"published"', '_id']) expect(raw).not.toContain(internal)
  })
})

describe('caching of public reads', () => {
  it('answers 304 to a detail request whose ETag still matches, and 200 after the item changes', async () => {
    const first = await fetch(`${t.url}/api/v1/items/${ids.current}`)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/".+"$/)
    // Kept, but asked again every time: a withdrawal or revision reaches every reader at once.
    expect(first.headers.get('cache-control')).toBe('public, no-cache')
    const again = await fetch(`${t.url}/api/v1/items/${ids.current}`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    // a change of the item (as an edition would make) gives it a new ETag
    await ContentItem.updateOne({ _id: ids.current }, { $inc: { version: 1 } })
    const { recordContentChange } = await import('../../server/src/content/changes')
    const { Types } = await import('mongoose')
    await recordContentChange(new Types.ObjectId(ids.current), new Date())
    await t.services.content.readModel.syncNow()
    const changed = await fetch(`${t.url}/api/v1/items/${ids.current}`, { headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it('answers 304 to an unchanged list and 200 once something new is published', async () => {
    const first = await fetch(`${t.url}/api/v1/items?type=guide`)
    const etag = first.headers.get('etag')!
    expect((await fetch(`${t.url}/api/v1/items?type=guide`, { headers: { 'if-none-match': etag } })).status).toBe(304)
    ids.newGuide = await published(guideDraft({ title: '最低生活保障申请' }), day('2026-07-01'))
    await t.services.content.readModel.syncNow()
    const after = await fetch(`${t.url}/api/v1/items?type=guide`, { headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    expect(((await after.json()) as { items: { id: string }[] }).items[0]!.id).toBe(ids.newGuide)
  })
})

describe('view counts', () => {
  it('count a visitor once a day, and each visitor', async () => {
    const view = (visitorId: string) => t.api.call('recordView', { params: { id: ids.townGuide! }, body: { visitorId } })
    const a1 = await view('visitor-aaaaaaaa')
    const a2 = await view('visitor-aaaaaaaa')
    const b1 = await view('visitor-bbbbbbbb')
    expect([a1.counted, a2.counted, b1.counted]).toEqual([true, false, true])
    expect(b1.views).toBe(a1.views + 1)
    expect(a2.views).toBe(a1.views)
  })

  it('refuse a malformed visitor id with 400 and count nothing; 404 for a draft', async () => {
    const before = (await ContentItem.findById(ids.townGuide).lean())!.views
    const res = await fetch(`${t.url}/api/v1/items/${ids.townGuide}/views`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitorId: 'x' }) })
    expect(res.status).toBe(400)
    expect(apiErrorBodySchema.parse(await res.json()).error.details?.fields).toEqual([{ path: 'visitorId', message: '访客标识格式不正确' }])
    expect((await ContentItem.findById(ids.townGuide).lean())!.views).toBe(before)
    const draft = await fetch(`${t.url}/api/v1/items/${ids.draft}/views`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitorId: 'visitor-cccccccc' }) })
    expect(draft.status).toBe(404)
  })
})

describe('bad input to the reading API', () => {
  it.each([
    ['/api/v1/items?topic=nonsense', 'query.topic', '未知的主题分类'],
    ['/api/v1/items?region=5201', 'query.region', '地区代码应为 12 位统计用区划代码'],
    ['/api/v1/items?region=000000000000', 'query.region', '地区代码应为 12 位统计用区划代码'],
    ['/api/v1/items?limit=51', 'query.limit', '每页最多 50 条'],
    ['/api/v1/items?limit=abc', 'query.limit', '每页条数应为数字'],
    ['/api/v1/items?type=video', 'query.type', '未知的内容类型'],
    ['/api/v1/items?from=2026-13-01', 'query.from', '日期格式应为 YYYY-MM-DD'],
    ['/api/v1/items?from=2026-05-01&to=2026-04-01', 'query.from', '开始日期不能晚于结束日期'],
    ['/api/v1/items?cursor=bm9uc2Vuc2U', 'query.cursor', '分页游标无效，请从第一页重新开始'],
    [`/api/v1/search?q=${encodeURIComponent('政'.repeat(101))}`, 'query.q', '搜索内容不能超过 100 个字'],
    ['/api/v1/search?q=%20%20', 'query.q', '请输入要搜索的内容'],
    ['/api/v1/search', 'query.q', '请输入要搜索的内容'],
  ])('%s → 400 on %s', async (path, field, message) => {
    const res = await fetch(`${t.url}${path}`)
    expect(res.status).toBe(400)
    const body = apiErrorBodySchema.parse(await res.json())
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.details?.fields).toContainEqual({ path: field, message })
  })
})
