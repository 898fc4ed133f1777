import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import mongoose from 'mongoose'
import { addWeeks, weekKey } from '@zw/shared'
import { createAccount } from '../../server/src/auth/staffAccounts'
import { CadenceReportModel, CadenceWarningModel } from '../../server/src/cadence/model'
import { logInToWorkbench, openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'
import { staffHttp } from '../support/staffHttp'

const baseUrl = inject('baseUrl')
const serverDatabase = inject('serverDatabase')
const PASSWORD = 'Yinchuan2026cols'
const DEPT = 'yinchuan-civil-affairs'
let b: BrowserSession

beforeAll(async () => {
  b = await openBrowser()
  await mongoose.connect(serverDatabase)
  const actor = { id: 'e2e', name: 'e2e setup' }
  await createAccount({ username: 'ma.editor', displayName: '马编辑', department: DEPT, roles: ['editor'], password: PASSWORD }, new Date(), actor)
  await createAccount({ username: 'na.reviewer', displayName: '纳审核', department: DEPT, roles: ['reviewer'], password: PASSWORD }, new Date(), actor)
  await createAccount({ username: 'hai.admin', displayName: '海管理员', department: DEPT, roles: ['department-admin'], password: PASSWORD }, new Date(), actor)
  await createAccount({ username: 'lu.platform', displayName: '陆平台', department: DEPT, roles: ['platform-admin'], password: PASSWORD }, new Date(), actor)
})
afterAll(async () => {
  await mongoose.disconnect()
  await b?.close()
})

const http = staffHttp(baseUrl, PASSWORD)
const YINCHUAN = { editor: 'ma.editor', reviewer: 'na.reviewer', department: DEPT, region: '640100000000', issuer: '银川市民政局' }

const logIn = (username: string) => logInToWorkbench(b.page, baseUrl, username, PASSWORD)

describe('更新提醒, 栏目 and 合规概览 in the workbench', () => {
  it('an editor sees the mid-week warning as a task; the admin stops running a stale column and asks three updates a week; the platform admin exports the accounts at risk and sees an important policy short of interpretations', async () => {
    const { page } = b
    await http.publishedPolicy(YINCHUAN, '关于做好2026年冬季困难群众基本生活保障工作的通知', `请各县区民政部门认真落实。编号 ${Date.now()}。`)
    // The mid-week job found the account one update short (as it writes on Wednesday at 10:00).
    const week = weekKey(new Date())
    const accountId = `miniprogram:${DEPT}`
    await CadenceWarningModel.create({ _id: `weekly-forecast:${accountId}:${week}`, kind: 'weekly-forecast', accountId, department: DEPT, week, audience: 'editors', createdAt: new Date(), details: { published: 1, forecast: 0, minimum: 2, missing: 1, inReview: [] } })

    await logIn('ma.editor')
    const task = visible(page, '[data-testid=cadence-tasks] .wb-task').first()
    await task.waitFor()
    expect(await task.innerText()).toContain('银川市民政局（小程序）本周还差 1 条更新')
    await screenshot(page, 'cadence-task-editor')

    // The department admin: its 政策解读 and 办事指南 are the demo's, years old (stale); it stops running 办事指南.
    await logIn('hai.admin')
    await visible(page, '.wb-button').filter({ hasText: '更新频次' }).first().click()
    const guide = visible(page, '[data-testid=cadence-column][data-code=guide]').first()
    await guide.waitFor()
    expect(await guide.getAttribute('data-condition')).toBe('stale')
    expect(await guide.innerText()).toContain('超期未更新')
    expect(await visible(page, '[data-testid=cadence-column][data-code=policy]').first().getAttribute('data-condition')).toBe('ok')
    await guide.locator('.wb-button').filter({ hasText: '不开设此栏目' }).click()
    await expect.poll(() => visible(page, '[data-testid=cadence-column][data-code=guide]').first().getAttribute('data-condition')).toBe('inactive')
    // It asks three updates a week of this account from now on.
    const rule = visible(page, '[data-testid=cadence-rule]').first()
    await rule.locator('input').first().fill('3')
    await rule.locator('.wb-button').filter({ hasText: '保存更新要求' }).click()
    await expect.poll(() => visible(page, '[data-testid=cadence-this-week]').first().innerText()).toContain('最低要求 3 条（还差 2 条）')
    await screenshot(page, 'cadence-columns-admin')

    // Last Monday's report (as the weekly job writes it).
    const lastWeek = addWeeks(week, -1)
    await CadenceReportModel.create({ _id: lastWeek, createdAt: new Date(), accounts: [{ accountId, department: DEPT, name: '银川市民政局（小程序）', published: 3, minimum: 2, compliant: true, paused: false, streak: 3 }], departments: [{ department: DEPT, accounts: 1, compliant: 1, rate: 1 }], breaches: [] })

    // The platform admin: the account is at risk; the table downloads as CSV that Excel reads.
    await logIn('lu.platform')
    await visible(page, '.wb-button').filter({ hasText: '合规概览' }).first().click()
    const atRisk = visible(page, '[data-testid=compliance-at-risk]').first()
    await atRisk.waitFor()
    expect(await atRisk.innerText()).toContain('银川市民政局（小程序）：本周已发布 1 条')
    expect(await visible(page, '[data-testid=compliance-columns]').first().innerText()).toContain('银川市民政局（小程序） · 政策解读：超期未更新')
    expect(await visible(page, '[data-testid=compliance-columns]').first().innerText()).not.toContain('银川市民政局（小程序） · 办事指南')
    expect(await visible(page, '[data-testid=compliance-report]').first().innerText()).toContain(`上周周报（${lastWeek}`)
    expect(await visible(page, '[data-testid=compliance-report]').first().innerText()).toContain('银川市民政局（小程序）：3/2 条，达标，已连续 3 周')
    await screenshot(page, 'compliance-overview')
    const [download] = await Promise.all([page.waitForEvent('download'), atRisk.locator('.wb-button').filter({ hasText: '导出 CSV' }).click()])
    const csv = fs.readFileSync((await download.path())!, 'utf8')
    expect(csv.startsWith('\uFEFF"部门","账号","本周已发布"')).toBe(true)
    expect(csv).toContain('"银川市民政局","银川市民政局（小程序）","1"')
    // The editor marks a new policy as 重要政策措施 in the form; the reviewer publishes it.
    await logIn('ma.editor')
    await visible(page, '.wb-button').filter({ hasText: '新建政策文件' }).first().click()
    await page.getByText('新建政策文件').locator('visible=true').first().waitFor()
    const important = '银川市最低生活保障审核确认办法'
    await visible(page, '.wb-input input').nth(0).fill(important)
    await visible(page, '.wb-textarea textarea').first().fill('为规范最低生活保障审核确认工作，制定本办法。')
    await visible(page, '.wb-check').filter({ hasText: '重要政策措施' }).first().click()
    expect(await visible(page, '.wb-check').filter({ hasText: '重要政策措施' }).first().getAttribute('aria-checked')).toBe('true')
    await visible(page, '.wb-button').filter({ hasText: '保存草稿' }).first().click()
    await page.waitForURL(/workbench\/pages\/edition\/index/)
    await visible(page, '.wb-button').filter({ hasText: '提交审核' }).first().click()
    await expect.poll(() => visible(page, '.wb-state').first().getAttribute('data-state')).toBe('submitted')
    const editionId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!
    const reviewer = await http.tokenOf('na.reviewer')
    await http.post(reviewer, `/api/v1/staff/editions/${editionId}/approve`, { checklist: { political: true, legal: true, secrecy: true, wording: true } })
    await http.post(reviewer, `/api/v1/staff/editions/${editionId}/publish`, {})

    // The platform admin sees it among the important policies short of interpretations.
    await logIn('lu.platform')
    await visible(page, '.wb-button').filter({ hasText: '合规概览' }).first().click()
    const coverage = visible(page, '[data-testid=compliance-coverage]').first()
    await coverage.waitFor()
    expect(await coverage.innerText()).toContain(`银川市民政局《${important}》：本年已解读 0 次，还需 2 次，本年还剩`)
    await screenshot(page, 'compliance-coverage')
  }, 180_000)

  it('a department admin registers its Weibo account; an editor records a post on it and the week counts it', async () => {
    const { page } = b
    await logIn('hai.admin')
    await visible(page, '.wb-button').filter({ hasText: '更新频次' }).first().click()
    const register = visible(page, '[data-testid=cadence-register]').first()
    await register.waitFor()
    await register.locator('.wb-check').filter({ hasText: '微博' }).click()
    await register.locator('input').first().fill('银川民政微博')
    await register.locator('.wb-button').filter({ hasText: '登记账号' }).click()
    const weibo = () => visible(page, '[data-testid=cadence-account]').filter({ hasText: '银川民政微博' }).first()
    await weibo().waitFor()
    expect(await weibo().innerText()).toContain('渠道：微博')
    expect(await weibo().locator('[data-testid=cadence-this-week]').innerText()).toContain('本周已发布 0 条')

    await logIn('ma.editor')
    await visible(page, '.wb-button').filter({ hasText: '更新频次' }).first().click()
    await weibo().waitFor()
    const form = weibo().locator('[data-testid=cadence-post]')
    await form.locator('.wb-check').filter({ hasText: '通知公告' }).click()
    await form.locator('input').nth(0).fill('银川市2026年冬季临时救助工作通知')
    await form.locator('input').nth(1).fill('https://weibo.com/ycmz/5001')
    await form.locator('.wb-button').filter({ hasText: '登记发布' }).click()
    await expect.poll(async () => weibo().locator('[data-testid=cadence-this-week]').innerText()).toContain('本周已发布 1 条')
    expect(await weibo().locator('[data-testid=cadence-column][data-code=notice]').getAttribute('data-condition')).toBe('ok')
    await screenshot(page, 'cadence-weibo-post')
  }, 120_000)
})
