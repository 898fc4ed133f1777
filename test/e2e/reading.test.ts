import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'

const baseUrl = inject('baseUrl')
let b: BrowserSession
beforeAll(async () => {
  b = await openBrowser()
})
afterAll(() => b?.close())

const fontPx = (page: Page, selector: string) => visible(page, selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

describe('a citizen looking for land compensation rules', () => {
  it('searches 征地补偿, opens a policy and its Q&A, and reads it in 长辈版', async () => {
    const { page } = b
    await page.goto(`${baseUrl}/`)
    await page.getByText('惠民政策主题').waitFor()

    // search from the home page
    await visible(page, '.search-input input').fill('征地补偿')
    await visible(page, '.search-submit').click()
    await page.waitForURL(/pages\/search\/index/)
    await visible(page, '.item-card .hl').first().waitFor()
    const highlighted = await visible(page, '.item-card .hl').allInnerTexts()
    expect(highlighted.length).toBeGreaterThan(0)
    expect(highlighted.every((t) => t === '征地补偿')).toBe(true)
    await page.getByText(/共 \d+ 条/).locator('visible=true').first().waitFor()
    // nothing wider than the phone once the page has slid in (h5 transitions take ~350 ms)
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 3000 }).toBeLessThanOrEqual(375)
    await screenshot(page, 'search-land-compensation')

    // open the first policy among the results
    await visible(page, '.item-card').filter({ hasText: '政策文件' }).first().click()
    await page.waitForURL(/pages\/policy\/index/)
    await visible(page, '.meta-table').waitFor()
    const meta = await visible(page, '.meta-table').innerText()
    for (const label of ['索引号', '发布机构', '文号', '成文日期', '发布日期', '效力状态']) expect(meta).toContain(label)
    await expect.poll(() => visible(page, '.validity-badge').first().innerText()).toContain('有效')
    await screenshot(page, 'policy-detail')

    // its Q&A interpretation
    await visible(page, '.interpretations').getByText('简明问答').first().click()
    await page.waitForURL(/pages\/interpretation\/index/)
    await visible(page, '.qa-question').first().waitFor()
    const questions = visible(page, '.qa-question')
    expect(await questions.count()).toBeGreaterThanOrEqual(5)
    expect(await visible(page, '.qa-answer').count()).toBe(1) // the first answer is open, the rest folded
    await questions.nth(1).click()
    await expect.poll(() => visible(page, '.qa-answer').count()).toBe(2)
    await screenshot(page, 'interpretation-qa')

    // 长辈版: larger text, remembered
    const before = await fontPx(page, '.qa-question-text')
    await visible(page, '.elder-switch').first().click()
    await expect.poll(() => fontPx(page, '.qa-question-text')).toBeGreaterThan(before)
    const after = await fontPx(page, '.qa-question-text')
    expect(after).toBeGreaterThanOrEqual(22)
    const lineHeight = await visible(page, '.qa-question-text').first().evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize))
    expect(lineHeight).toBeGreaterThanOrEqual(1.3)
    const box = await visible(page, '.qa-question').first().boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(60)
    expect(await visible(page, '.page.elder').count()).toBeGreaterThan(0)
    await screenshot(page, 'interpretation-qa-elder')

    await page.reload()
    await visible(page, '.qa-question').first().waitFor()
    expect(await fontPx(page, '.qa-question-text')).toBe(after)
    await visible(page, '.elder-switch').first().click() // back to 标准版 for the other tests
    await expect.poll(() => fontPx(page, '.qa-question-text')).toBe(before)
  })

  it('sees the pictures of a 图解 interpretation', async () => {
    const { page } = b
    const list = (await (await fetch(`${baseUrl}/api/v1/items?type=interpretation&limit=50`)).json()) as { items: { id: string; form?: string }[] }
    const graphic = list.items.find((i) => i.form === 'graphic')!
    await page.goto(`${baseUrl}/#/pages/interpretation/index?id=${graphic.id}`)
    const img = visible(page, '.figure-image img').first()
    await img.waitFor()
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    await screenshot(page, 'interpretation-graphic')
  })

  it('gets a plain message for a query that is too long', async () => {
    const { page } = b
    await page.goto(`${baseUrl}/#/pages/search/index?q=${encodeURIComponent('征'.repeat(101))}`)
    await page.getByText('搜索内容不能超过 100 个字').waitFor()
  })
})
