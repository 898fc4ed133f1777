import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openBrowser, screenshot, type BrowserSession } from '../support/browser'

const baseUrl = inject('baseUrl')
let b: BrowserSession

beforeAll(async () => {
  b = await openBrowser()
})
afterAll(() => b?.close())

describe('a citizen opening the h5 app', () => {
  it('sees the home page filled from the API, in Chinese that renders', async () => {
    const { page } = b
    const siteAnswer = page.waitForResponse((r) => r.url().endsWith('/api/v1/site'))
    await page.goto(`${baseUrl}/`)
    const answer = await siteAnswer
    expect(answer.status()).toBe(200)
    const site = (await answer.json()) as { name: string; topics: { name: string }[] }

    await page.getByText('惠民政策主题').waitFor()
    await expect.poll(() => page.getByText('征地补偿', { exact: true }).count()).toBeGreaterThan(0)
    await page.getByText('就业创业补贴', { exact: true }).waitFor()
    await page.getByText('公开领域（26 个）').waitFor()
    expect(await page.locator('.hero-title').innerText()).toBe(site.name)
    expect(await page.getByText(/数据更新时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/).count()).toBe(1)

    // Body text is at least 18 px on a 375-wide phone (elder-friendly minimum).
    const fontSize = await page.locator('.hero-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(fontSize).toBeGreaterThanOrEqual(18)

    // Chinese glyphs render: a CJK character draws differently from a missing glyph (tofu).
    const differs = await page.evaluate(() => {
      const draw = (text: string) => {
        const canvas = document.createElement('canvas')
        canvas.width = 64
        canvas.height = 64
        const ctx = canvas.getContext('2d')!
        ctx.font = `48px ${getComputedStyle(document.body).fontFamily}`
        ctx.fillText(text, 4, 52)
        return canvas.toDataURL()
      }
      return draw('政') !== draw('\u{10FFFD}') && draw('政') !== draw('务')
    })
    expect(differs).toBe(true)
    expect(execFileSync('fc-list', [':lang=zh', 'family']).toString()).toMatch(/CJK/)

    await screenshot(page, 'home')
  })

  it('sees a plain message and a retry button when the server is unavailable, and recovers', async () => {
    const { page } = b
    await page.route('**/api/v1/site', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }),
      }),
    )
    await page.goto(`${baseUrl}/`)
    await page.reload()
    await page.getByText('服务暂时不可用，请稍后再试').waitFor()
    await screenshot(page, 'home-unavailable')
    await page.unroute('**/api/v1/site')
    await page.getByText('重新加载').click()
    await page.getByText('惠民政策主题').waitFor()
  })

  it('sees that the server is ready', async () => {
    const res = await fetch(`${baseUrl}/readyz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ready', database: 'up', overdueScheduledEditions: 0 })
  })

  it('reaches the staff workbench subpackage from the home page', async () => {
    const { page } = b
    await page.goto(`${baseUrl}/`)
    await page.getByText('工作人员入口').click()
    await page.getByText('工作台登录').locator('visible=true').first().waitFor()
    expect(page.url()).toContain('#/workbench/pages/index/index')
    await screenshot(page, 'workbench')
  })
})

describe('a developer reading the API documentation', () => {
  it('browses the generated OpenAPI document in Swagger UI', async () => {
    const { page } = b
    await page.goto(`${baseUrl}/api/docs`)
    await page.getByText('/api/v1/site', { exact: true }).waitFor()
    await page.getByText('平台信息与主题分类').waitFor()
    await screenshot(page, 'api-docs')
  })
})
