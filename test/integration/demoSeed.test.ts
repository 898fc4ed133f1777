import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoContentPublishedWithoutReview } from '../../server/src/content/demo/seedDemoContentPublishedWithoutReview'
import { DEMO_GUIDES } from '../../server/src/content/demo/guides'
import { DEMO_INTERPRETATIONS } from '../../server/src/content/demo/interpretations'
import { createLogger } from '../../server/src/platform/logger'
import { startTestApp, type TestApp } from '../support/app'

const quiet = createLogger({ level: 'silent' })

let t: TestApp
let result: Awaited<ReturnType<typeof seedDemoContentPublishedWithoutReview>>
beforeAll(async () => {
  // Seed before the read model loads, as npm start does.
  t = await startTestApp({ beforeStart: async () => void (result = await seedDemoContentPublishedWithoutReview(quiet)) })
})
afterAll(() => t.close())

describe('demo content for npm start', () => {
  it('loads the five corpus documents, their interpretations and the guides, all public', async () => {
    expect(result).toEqual({ seeded: true, policies: 5, interpretations: DEMO_INTERPRETATIONS.length, guides: DEMO_GUIDES.length })
    const page = await t.api.call('listItems', { query: { limit: 50 } })
    expect(page.items.filter((i) => i.type === 'policy')).toHaveLength(5)
    expect(page.items.filter((i) => i.type === 'guide').length).toBeGreaterThanOrEqual(8)
  })

  it('keeps the real 索引号 of the yinchuan document and its real metadata', async () => {
    const page = await t.api.call('listItems', { query: { department: 'yinchuan-civil-affairs', type: 'policy' } })
    const detail = await t.api.call('getItem', { params: { id: page.items[0]!.id } })
    if (detail.type !== 'policy') throw new Error('expected a policy')
    expect(detail.policy.indexNumber).toBe('640100-108/2018-46173')
    expect(detail.policy.publishedOn).toBe('2018-08-02')
    expect(detail.body).toContain('银川市民政局2018年政务公开工作要点')
    for (const furniture of ['扫一扫在手机打开当前页', '无障碍 | 长者版', '索 引 号']) expect(detail.body).not.toContain(furniture)
    expect(detail.interpretations.length).toBeGreaterThanOrEqual(2)
    expect(detail.interpretations.some((i) => i.form === 'qa')).toBe(true)
  })

  it('says which fields a source does not give instead of inventing them', async () => {
    const page = await t.api.call('listItems', { query: { department: 'guiyang-hrss', type: 'policy' } })
    const detail = await t.api.call('getItem', { params: { id: page.items[0]!.id } })
    if (detail.type !== 'policy') throw new Error('expected a policy')
    expect(detail.policy.docNumber).toBeNull()
    expect(detail.policy.unknownFields).toContain('文号')
    expect(detail.body).not.toMatch(/打印本页|关闭窗口|\|\|\|/)
  })

  it('does nothing on a database that already has content', async () => {
    expect(await seedDemoContentPublishedWithoutReview(quiet)).toMatchObject({ seeded: false })
  })

  it('has a picture for every image of the 图解 interpretations', async () => {
    const urls = DEMO_INTERPRETATIONS.flatMap((i) => (i.draft.interpretation.images ?? []).map((im) => [im.url, im.alt] as const))
    expect(urls.length).toBeGreaterThan(0)
    for (const [url, alt] of urls) {
      const res = await fetch(`${t.url}${url}`)
      expect(res.status, url).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
      expect(await res.text()).toContain(alt.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'))
    }
    expect((await fetch(`${t.url}/static/demo/none.svg`)).status).toBe(404)
  })
})

