import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import mongoose from 'mongoose'
import { createAccount } from '../../server/src/auth/staffAccounts'
import { logInToWorkbench, openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'
import { staffHttp } from '../support/staffHttp'

const baseUrl = inject('baseUrl')
const serverDatabase = inject('serverDatabase')
const PASSWORD = 'Shandong2026week'
const DEPT = 'shandong-hrss'
let b: BrowserSession

beforeAll(async () => {
  b = await openBrowser()
  await mongoose.connect(serverDatabase)
  try {
    const actor = { id: 'e2e', name: 'e2e setup' }
    await createAccount({ username: 'sun.editor', displayName: '孙编辑', department: DEPT, roles: ['editor'], password: PASSWORD }, new Date(), actor)
    await createAccount({ username: 'qian.reviewer', displayName: '钱审核', department: DEPT, roles: ['reviewer'], password: PASSWORD }, new Date(), actor)
  } finally {
    await mongoose.disconnect()
  }
})
afterAll(() => b?.close())

const http = staffHttp(baseUrl, PASSWORD)
const SHANDONG = { editor: 'sun.editor', reviewer: 'qian.reviewer', department: DEPT, region: '370000000000', issuer: '山东省人力资源和社会保障厅' }
/** A policy written by the editor and published by the reviewer (as in the workbench). */
const publishPolicy = (title: string) => http.publishedPolicy(SHANDONG, title, `${title}，请各地认真贯彻执行。编号 ${Date.now()}。`)

describe('更新频次 in the workbench', () => {
  it('shows an account short of its weekly minimum as at risk, and a second update turns its week green', async () => {
    const { page } = b
    await publishPolicy('关于做好2026年冬季农民工工资支付保障工作的通知')
    await logInToWorkbench(page, baseUrl, 'sun.editor', PASSWORD)
    await visible(page, '.wb-button').filter({ hasText: '更新频次' }).first().click()
    await page.waitForURL(/workbench\/pages\/cadence\/index/)
    const card = visible(page, '[data-testid=cadence-account]').first()
    await card.waitFor()
    expect(await card.getAttribute('data-at-risk')).toBe('true')
    expect(await card.locator('[data-testid=cadence-this-week]').innerText()).toContain('本周已发布 1 条')
    expect(await card.locator('[data-testid=cadence-this-week]').innerText()).toContain('还差 1 条')
    expect(await card.locator('.cadence-cell').count()).toBe(12)
    expect(await card.locator('.cadence-cell').last().getAttribute('data-compliant')).toBe('false')
    await screenshot(page, 'cadence-at-risk')

    await publishPolicy('关于开展2026年度技能人才评价工作的通知')
    await page.reload()
    await expect.poll(() => visible(page, '[data-testid=cadence-account]').first().getAttribute('data-at-risk')).toBe('false')
    const week = visible(page, '[data-testid=cadence-account]').first()
    expect(await week.locator('.cadence-cell').last().getAttribute('data-compliant')).toBe('true')
    expect(await week.locator('[data-testid=cadence-this-week]').innerText()).toContain('已达标')
    await screenshot(page, 'cadence-week-green')
  }, 120_000)
})
