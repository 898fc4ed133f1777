import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import mongoose from 'mongoose'
import { createAccount } from '../../server/src/auth/staffAccounts'
import { openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'

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

const token = async (username: string) => {
  const r = await fetch(`${baseUrl}/api/v1/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) })
  return ((await r.json()) as { accessToken: string }).accessToken
}
const post = async (t: string, path: string, body: unknown) => {
  const r = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` }, body: JSON.stringify(body) })
  expect(r.status, `${path}: ${await r.clone().text()}`).toBeLessThan(300)
  return (await r.json()) as { id: string }
}
/** A policy written by the editor and published by the reviewer (as in the workbench). */
async function publishPolicy(title: string) {
  const editor = await token('sun.editor')
  const reviewer = await token('qian.reviewer')
  const e = await post(editor, '/api/v1/staff/items', {
    type: 'policy', title, department: DEPT, topics: ['employment-subsidies'], regions: ['370000000000'], summary: '', body: `<p>${title}，请各地认真贯彻执行。编号 ${Date.now()}。</p>`,
    policy: { docNumber: null, writtenOn: null, issuer: '山东省人力资源和社会保障厅', validity: { status: 'valid' }, disclosure: 'proactive' },
  })
  await post(editor, `/api/v1/staff/editions/${e.id}/submit`, {})
  await post(reviewer, `/api/v1/staff/editions/${e.id}/approve`, { checklist: { political: true, legal: true, secrecy: true, wording: true } })
  await post(reviewer, `/api/v1/staff/editions/${e.id}/publish`, {})
}

describe('更新频次 in the workbench', () => {
  it('shows an account short of its weekly minimum as at risk, and a second update turns its week green', async () => {
    const { page } = b
    await publishPolicy('关于做好2026年冬季农民工工资支付保障工作的通知')
    await page.goto(`${baseUrl}/#/workbench/pages/index/index`)
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    await visible(page, '.wb-input input').nth(0).fill('sun.editor')
    await visible(page, '.wb-input input').nth(1).fill(PASSWORD)
    await visible(page, '.wb-button').first().click()
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
