import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'

const baseUrl = inject('baseUrl')
let b: BrowserSession
beforeAll(async () => {
  b = await openBrowser()
})
afterAll(() => b?.close())


describe('a citizen browsing by topic and getting a service done', () => {
  it('taps 涉农补贴 on the home page and sees only items of that topic', async () => {
    const { page } = b
    await page.goto(`${baseUrl}/`)
    await visible(page, '.topic').filter({ hasText: '涉农补贴' }).first().click()
    await page.waitForURL(/pages\/list\/index/)
    const api = (await (await fetch(`${baseUrl}/api/v1/items?topic=agricultural-subsidies&limit=50`)).json()) as { items: { id: string }[] }
    expect(api.items.length).toBeGreaterThan(0)
    // once the list page has slid in, its cards are exactly the topic's items
    const shown = () => visible(page, '.item-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')))
    await expect.poll(shown, { timeout: 5000 }).toEqual(api.items.map((i) => i.id))
    await screenshot(page, 'list-agricultural-subsidies')
  })

  it('opens a service guide, ticks off materials and sees the phone numbers to call', async () => {
    const { page } = b
    const guides = (await (await fetch(`${baseUrl}/api/v1/items?type=guide&limit=50`)).json()) as { items: { id: string; title: string }[] }
    const guide = guides.items.find((g) => g.title.includes('临时救助'))!
    await page.goto(`${baseUrl}/#/pages/guide/index?id=${guide.id}`)
    await visible(page, '.material-row').first().waitFor()
    for (const heading of ['申办条件', '申办材料', '办理流程', '办理时限', '收费']) {
      await page.getByText(heading, { exact: true }).locator('visible=true').first().waitFor()
    }
    const first = visible(page, '.material-row').first()
    await first.click()
    await expect.poll(() => first.getAttribute('class')).toContain('material-done')
    expect(await visible(page, '.phone-btn').count()).toBeGreaterThanOrEqual(2)
    expect(await visible(page, '.phone-btn').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/拨打.*监督投诉/)]))
    await screenshot(page, 'guide-temporary-assistance')
  })
})
