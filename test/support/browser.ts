/**
 * Debian Chromium through playwright-core (never `playwright install`: no browser
 * downloads here). Flags from domain-facts §9. `launch` gives each browser a fresh,
 * throw-away profile of its own (it refuses a --user-data-dir flag).
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { ROOT } from './serverProcess'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots')

export interface BrowserSession {
  browser: Browser
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/** A phone-sized page (375×812, the usual WeChat viewport), Chinese locale, Beijing time. */
export async function openBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const page = await context.newPage()
  return {
    browser,
    context,
    page,
    async close() {
      await browser.close()
    },
  }
}

/** h5 keeps earlier pages hidden in the document: look only at what is on screen. */
export const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`)

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Opens the workbench with nothing remembered and logs in with a password, as a person would. */
export async function logInToWorkbench(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/#/workbench/pages/index/index`)
  await page.evaluate('localStorage.clear()')
  await page.reload()
  await visible(page, '.wb-input input').nth(0).fill(username)
  await visible(page, '.wb-input input').nth(1).fill(password)
  await visible(page, '.wb-button').first().click()
  await visible(page, '[data-testid=staff-card]').first().waitFor()
}

/** The text of the first visible match ('' when there is none yet: for `expect.poll`). */
export const textOf = (page: Page, selector: string) => visible(page, selector).first().innerText().catch(() => '')
/** An attribute of the first visible match (null when there is none yet). */
export const attrOf = (page: Page, selector: string, name: string) => visible(page, selector).first().getAttribute(name).catch(() => null)
/** The input of the workbench field labelled exactly `label`. */
export const wbField = (page: Page, label: string) => visible(page, '.wb-field').filter({ has: page.locator('.wb-label').getByText(label, { exact: true }) }).first().locator('input, textarea').first()

/** A citizen logs in on 我的 by a test name (the development log-in of the h5 build), with nothing remembered before. */
export async function logInAsCitizen(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/`)
  await page.evaluate('localStorage.clear()')
  await page.reload()
  await visible(page, '[data-testid=me-entry]').click()
  await page.waitForURL(/pages\/me\/index/)
  await visible(page, '.me-input input').fill(name)
  await visible(page, '[data-testid=login-button]').click()
  await visible(page, '[data-testid=citizen-profile]').waitFor()
}
