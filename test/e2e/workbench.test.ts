import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'
import { ROOT } from '../support/serverProcess'

const baseUrl = inject('baseUrl')
const serverDatabase = inject('serverDatabase')
let b: BrowserSession
beforeAll(async () => {
  b = await openBrowser()
})
afterAll(() => b?.close())

const WORKBENCH = `${baseUrl}/#/workbench/pages/index/index`

/** Logs in afresh as the platform admin the first test creates. */
async function logInAsPlatformAdmin() {
  const { page } = b
  await page.goto(WORKBENCH)
  await page.evaluate(() => localStorage.clear())
  await page.reload()
  await visible(page, '.wb-input input').nth(0).fill('wang.admin')
  await visible(page, '.wb-input input').nth(1).fill('Xinxiang2026ok')
  await visible(page, '.wb-button').first().click()
}

describe('a platform administrator using the workbench for the first time', () => {
  it('is created on the command line, logs in on the h5 workbench, stays logged in, and logs out', async () => {
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin-create.ts', '--username', 'wang.admin', '--name', '王管理', '--department', 'xinxiang-gov-office'], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_URI: serverDatabase, ADMIN_PASSWORD: 'Xinxiang2026ok' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)

    const { page } = b
    await page.goto(WORKBENCH)
    await page.getByText('工作台登录').locator('visible=true').first().waitFor()
    await visible(page, '.wb-input input').nth(0).fill('wang.admin')
    await visible(page, '.wb-input input').nth(1).fill('not-the-password1')
    await visible(page, '.wb-button').first().click()
    await expect.poll(() => visible(page, '.wb-error').first().innerText().catch(() => '')).toBe('用户名或密码不正确')
    await screenshot(page, 'workbench-login-wrong-password')

    await visible(page, '.wb-input input').nth(1).fill('Xinxiang2026ok')
    await visible(page, '.wb-button').first().click()
    const card = visible(page, '[data-testid=staff-card]').first()
    await card.waitFor()
    expect(await card.innerText()).toMatch(/王管理[\s\S]*新乡市人民政府办公室[\s\S]*平台管理员/)
    await screenshot(page, 'workbench-logged-in')
    // WeChat is configured (a fake on 127.0.0.1): the browser says binding is done in the mini-program.
    const wechat = visible(page, '[data-testid=wechat-card]').first()
    await wechat.waitFor()
    expect(await wechat.innerText()).toContain('尚未绑定微信')
    expect(await wechat.innerText()).toContain('请在微信小程序的工作台中操作')

    // A reload keeps the session; its token works against the API.
    await page.reload()
    await visible(page, '[data-testid=staff-card]').first().waitFor()
    const token = await page.evaluate(() => {
      const raw = localStorage.getItem('zw-staff-session')!
      const stored = JSON.parse(raw) as { data?: string } | string
      const session = JSON.parse(typeof stored === 'string' ? stored : stored.data!) as { accessToken: string }
      return session.accessToken
    })
    const me = await fetch(`${baseUrl}/api/v1/staff/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)

    await visible(page, '.wb-button').filter({ hasText: '退出登录' }).first().click()
    await page.getByText('工作台登录').locator('visible=true').first().waitFor()
    const after = await fetch(`${baseUrl}/api/v1/staff/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(after.status).toBe(401)
  }, 120_000)

  it('maintains the 错敏词 list, and finds the change in the audit trail and its CSV export', async () => {
    const { page } = b
    await logInAsPlatformAdmin()
    await visible(page, '[data-testid=staff-card]').first().waitFor()

    await visible(page, '.wb-button').filter({ hasText: '维护错敏词表' }).first().click()
    await page.waitForURL(/workbench\/pages\/words\/index/)
    await visible(page, '[data-testid=word-row]').first().waitFor()
    const rowsBefore = await visible(page, '[data-testid=word-row]').count()
    expect(rowsBefore).toBeGreaterThan(5)
    await visible(page, '.wb-button').filter({ hasText: '添加一条' }).first().click()
    await visible(page, '[data-testid=word-row]').last().locator('input').nth(0).fill('人社厅')
    await visible(page, '[data-testid=word-row]').last().locator('input').nth(1).fill('人力资源社会保障厅')
    await visible(page, '[data-testid=word-row]').last().locator('input').nth(2).fill('规范简称')
    await visible(page, '.wb-button').filter({ hasText: '保存词表' }).first().click()
    await expect.poll(() => visible(page, '[role=status]').first().innerText().catch(() => '')).toContain(`已保存 ${rowsBefore + 1} 条`)
    // A duplicate is refused with the reason, and nothing is saved.
    await visible(page, '.wb-button').filter({ hasText: '添加一条' }).first().click()
    await visible(page, '[data-testid=word-row]').last().locator('input').nth(0).fill('人社厅')
    await visible(page, '[data-testid=word-row]').last().locator('input').nth(1).fill('人社部门')
    await visible(page, '.wb-button').filter({ hasText: '保存词表' }).first().click()
    await expect.poll(() => visible(page, '.wb-error').first().innerText().catch(() => '')).toBe('「人社厅」重复')
    await screenshot(page, 'workbench-wording-rules')

    await page.goto(WORKBENCH)
    await visible(page, '.wb-button').filter({ hasText: '审计查询' }).first().click()
    await page.waitForURL(/workbench\/pages\/audit\/index/)
    // Fields in order: 对象, 操作人, 操作, 开始日期, 结束日期.
    await visible(page, '.wb-input input').nth(2).fill('setting.changed')
    await visible(page, '.wb-button').filter({ hasText: '查询' }).first().click()
    const row = visible(page, '[data-testid=audit-row]').first()
    await row.waitFor()
    expect(await row.innerText()).toContain('setting:wording-rules')
    expect(await visible(page, '[data-testid=audit-row]').count()).toBe(1)
    const [download] = await Promise.all([page.waitForEvent('download'), visible(page, '.wb-button').filter({ hasText: '导出 CSV' }).first().click()])
    const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.split('\n').filter((l) => l.includes('setting.changed'))).toHaveLength(1)
    await screenshot(page, 'workbench-audit-search')
  }, 120_000)

  it('creates an account for a new colleague, disables it when they leave, and they can no longer log in', async () => {
    const { page } = b
    await logInAsPlatformAdmin()
    await visible(page, '.wb-button').filter({ hasText: '账号管理' }).first().click()
    await page.waitForURL(/workbench\/pages\/staff\/index/)
    await visible(page, '[data-testid=staff-row]').first().waitFor()
    await visible(page, '.wb-input input').nth(0).fill('liu.editor')
    await visible(page, '.wb-input input').nth(1).fill('刘编辑')
    await visible(page, '.wb-input input').nth(2).fill('Liubianji2026')
    await visible(page, '.wb-button').filter({ hasText: '新建账号' }).first().click()
    const row = visible(page, '[data-testid=staff-row][data-username="liu.editor"]').first()
    await row.waitFor()
    expect(await row.innerText()).toContain('编辑')

    const logIn = () => fetch(`${baseUrl}/api/v1/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'liu.editor', password: 'Liubianji2026' }) })
    expect((await logIn()).status).toBe(201)
    await row.locator('.wb-button').filter({ hasText: '停用' }).first().click()
    await expect.poll(() => row.innerText()).toContain('已停用')
    // Roles change on the same page.
    await row.locator('[role=checkbox]').filter({ hasText: '审核员' }).first().click()
    await row.locator('.wb-button').filter({ hasText: '保存角色' }).first().click()
    await expect.poll(() => row.innerText()).toMatch(/编辑、审核员/)
    await screenshot(page, 'workbench-staff-accounts')
    const refused = await logIn()
    expect(refused.status).toBe(401)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('该账号已停用，请联系管理员')
  }, 120_000)
})
