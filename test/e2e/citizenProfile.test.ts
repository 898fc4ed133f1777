import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'

const baseUrl = inject('baseUrl')
let b: BrowserSession
beforeAll(async () => {
  b = await openBrowser()
})
afterAll(() => b?.close())

const HONGQI = '410702000000' // 河南省 新乡市 红旗区

/** The citizen token the h5 build keeps (Taro's storage wraps the value as `{ data }`). */
const storedToken = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('zw-citizen-session')
    if (!raw) return null
    const stored = JSON.parse(raw) as { data?: string } | string
    return (JSON.parse(typeof stored === 'string' ? stored : stored.data!) as { accessToken: string }).accessToken
  })

const me = (token: string) => fetch(`${baseUrl}/api/v1/citizen/me`, { headers: { authorization: `Bearer ${token}` } })
const fontPx = (page: Page, selector: string) => visible(page, selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

describe('a citizen keeping their area and groups in 我的', () => {
  it('logs in with a test name, chooses 河南省 → 新乡市 → 红旗区 and 被征地农民, saves, finds it kept, and deletes the account', async () => {
    const { page } = b
    await page.goto(`${baseUrl}/`)
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    await visible(page, '[data-testid=me-entry]').waitFor()
    await screenshot(page, 'home-me-entry')
    await visible(page, '[data-testid=me-entry]').click()
    await page.waitForURL(/pages\/me\/index/)
    const login = visible(page, '[data-testid=citizen-login]')
    await login.waitFor()

    // A name the server would refuse is explained before anything is sent.
    const nameInput = visible(page, '.me-input input')
    await nameInput.fill('Zhang San')
    await visible(page, '[data-testid=login-button]').click()
    await expect.poll(() => visible(page, '.me-error').first().innerText().catch(() => '')).toBe('测试账号名为 2–32 位小写字母、数字或连字符')

    // Where the server has the browser log-in switched off (403), a plain sentence says so.
    await page.route('**/api/v1/citizen/session/dev', (route) =>
      route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'FORBIDDEN', message: '开发用登录未开启（CITIZEN_DEV_LOGIN）' } }) }),
    )
    await nameInput.fill('zhang-san')
    await visible(page, '[data-testid=login-button]').click()
    await expect.poll(() => visible(page, '.me-error').first().innerText().catch(() => '')).toContain('这个网页暂时不能登录')
    await screenshot(page, 'citizen-login-disabled')
    await page.unroute('**/api/v1/citizen/session/dev')

    await visible(page, '[data-testid=login-button]').click()
    const profile = visible(page, '[data-testid=citizen-profile]')
    await profile.waitFor()
    expect(await visible(page, '[data-testid=mobile-state]').innerText()).toBe('手机号：未绑定')
    expect(await visible(page, '[data-testid=region-current]').innerText()).toContain('还没有选')

    // The provinces are open from the start; each choice opens the next level.
    await visible(page, '.region-option[data-code="410000000000"]').click()
    await visible(page, '.region-option[data-code="410700000000"]').waitFor()
    await screenshot(page, 'citizen-region-cities')
    await visible(page, '.region-option[data-code="410700000000"]').click()
    await visible(page, `.region-option[data-code="${HONGQI}"]`).click()
    // 红旗区 has towns: the citizen stops at the county.
    await visible(page, '.region-option-stop').filter({ hasText: '只选到红旗区' }).click()
    await expect.poll(() => visible(page, '[data-testid=region-current]').innerText()).toContain('河南省 新乡市 红旗区')
    expect(await visible(page, '.region-options').count()).toBe(0)

    const landGroup = visible(page, '[data-group=land-expropriated]')
    await landGroup.click()
    expect(await landGroup.getAttribute('aria-checked')).toBe('true')
    expect(await landGroup.innerText()).toContain('被征地农民')

    // A refusal by the server is shown by the field it concerns.
    await page.route('**/api/v1/citizen/me', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请按提示修改', details: { fields: [{ path: 'region', message: '请从地区列表中选择所在地区' }, { path: 'groups.0', message: '未知的身份类别' }] } } }),
          })
        : route.continue(),
    )
    await visible(page, '[data-testid=save-button]').click()
    await expect.poll(() => visible(page, '.me-error[data-field=region]').innerText().catch(() => '')).toBe('请从地区列表中选择所在地区')
    expect(await visible(page, '.me-error[data-field=groups]').innerText()).toBe('未知的身份类别')
    await page.unroute('**/api/v1/citizen/me')

    await visible(page, '[data-testid=save-button]').click()
    await visible(page, '[data-testid=saved]').waitFor()
    expect(await visible(page, '[data-testid=saved]').innerText()).toBe('已保存')
    expect(await visible(page, '.me-error').count()).toBe(0)
    await screenshot(page, 'citizen-profile-saved')

    // Kept: after a reload the page shows what the server holds.
    await page.reload()
    await visible(page, '[data-testid=citizen-profile]').waitFor()
    await expect.poll(() => visible(page, '[data-testid=region-current]').innerText()).toContain('河南省 新乡市 红旗区')
    expect(await visible(page, '[data-group=land-expropriated]').getAttribute('aria-checked')).toBe('true')
    expect(await visible(page, '[data-group=farmer]').getAttribute('aria-checked')).toBe('false')

    // The server holds the 12-digit county code and the group code.
    const token = await storedToken(page)
    expect(token).toBeTruthy()
    const held = (await (await me(token!)).json()) as { region: string; groups: string[]; hasMobile: boolean }
    expect(held).toMatchObject({ region: HONGQI, groups: ['land-expropriated'], hasMobile: false })
    expect(held.region).toMatch(/^\d{12}$/)

    // 长辈版: larger text and tap targets on this page too.
    const before = await fontPx(page, '.region-row')
    await visible(page, '.elder-switch').first().click()
    await expect.poll(() => fontPx(page, '.region-row')).toBeGreaterThan(before)
    expect(await fontPx(page, '.region-row')).toBeGreaterThanOrEqual(22)
    for (const selector of ['.region-row', '.group-option', '[data-testid=save-button]', '[data-testid=delete-account]']) {
      const box = await visible(page, selector).first().boundingBox()
      expect(box!.height, selector).toBeGreaterThanOrEqual(60)
    }
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await screenshot(page, 'citizen-profile-elder')
    await visible(page, '.elder-switch').first().click() // back to 标准版 for the other tests

    // 注销账号: the confirmation says what is erased; then the citizen is logged out.
    await visible(page, '[data-testid=delete-account]').click()
    const confirm = visible(page, '[data-testid=delete-confirm]')
    await confirm.waitFor()
    const text = await confirm.innerText()
    expect(text).toContain('地区、身份、手机号，以及您的订阅')
    expect(text).toContain('只保留一个注销人数的统计')
    await screenshot(page, 'citizen-delete-confirm')
    await visible(page, '[data-testid=delete-confirm-button]').click()
    await visible(page, '[data-testid=citizen-login]').waitFor()
    expect(await visible(page, '.me-notice').innerText()).toContain('账号已注销')
    expect(await storedToken(page)).toBeNull()
    expect((await me(token!)).status).toBe(401)

    // Still logged out after a reload.
    await page.reload()
    await visible(page, '[data-testid=citizen-login]').waitFor()
  }, 120_000)
})
