import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import mongoose from 'mongoose'
import { createApiClient, fetchTransport } from '@zw/shared'
import { createAccount } from '../../server/src/auth/staffAccounts'
import { logInToWorkbench, openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'

const baseUrl = inject('baseUrl')
const serverDatabase = inject('serverDatabase')
const fakes = inject('channelFakes')
const PASSWORD = 'Sanyuan2026channels'
const DEPT = 'sanyuan-hrss'
let b: BrowserSession

beforeAll(async () => {
  b = await openBrowser()
  await mongoose.connect(serverDatabase)
  try {
    const actor = { id: 'e2e', name: 'e2e setup' }
    await createAccount({ username: 'qian.editor', displayName: '钱编辑', department: DEPT, roles: ['editor'], password: PASSWORD }, new Date(), actor)
    await createAccount({ username: 'sun.reviewer', displayName: '孙审核', department: DEPT, roles: ['reviewer'], password: PASSWORD }, new Date(), actor)
    await createAccount({ username: 'wu.deptadmin', displayName: '吴主任', department: DEPT, roles: ['department-admin'], password: PASSWORD }, new Date(), actor)
  } finally {
    await mongoose.disconnect()
  }
  // The department admin connects the 公众号 and the 微博 (the 渠道账号 page does the same call).
  const api = createApiClient({ baseUrl, transport: fetchTransport() })
  const { accessToken } = await api.call('staffLogIn', { body: { username: 'wu.deptadmin', password: PASSWORD } })
  const admin = createApiClient({ baseUrl, transport: fetchTransport(), headers: () => ({ authorization: `Bearer ${accessToken}` }) })
  await admin.call('saveChannelAccount', { params: { channel: 'official-account' }, body: { name: '三原人社公众号', defaultOn: true, credentials: { kind: 'official-account', appId: fakes.oaAppId, appSecret: fakes.oaAppSecret } } })
  await admin.call('saveChannelAccount', { params: { channel: 'weibo' }, body: { name: '三原人社微博', defaultOn: false, linkBase: fakes.weiboDomain, credentials: { kind: 'weibo', accessToken: fakes.weiboAccessToken } } })
})
afterAll(() => b?.close())

const logInAs = (username: string) => logInToWorkbench(b.page, baseUrl, username, PASSWORD)
const stateOf = () => visible(b.page, '.wb-state').first().getAttribute('data-state')

describe('两微 distribution in the workbench', () => {
  it('an editor selects 公众号 (on by default) and 微博, a reviewer approves and publishes, the item page shows both channels live with their ids', async () => {
    const { page } = b
    const title = '关于2026年三原县公益性岗位补贴申领的通知（渠道演示）'
    await logInAs('qian.editor')
    await visible(page, '.wb-button').filter({ hasText: '新建政策文件' }).first().click()
    await page.getByText('新建政策文件').locator('visible=true').first().waitFor()
    await visible(page, '.wb-input input').nth(0).fill(title)
    await visible(page, '.wb-field').filter({ hasText: '成文日期' }).locator('input').first().fill('2026-11-20')
    await visible(page, '.wb-textarea textarea').first().fill('符合条件的单位可申领公益性岗位补贴。\n申领材料和流程见附件。')
    await visible(page, '.wb-button').filter({ hasText: '保存草稿' }).first().click()
    await page.waitForURL(/workbench\/pages\/edition\/index/)
    await expect.poll(stateOf).toBe('draft')

    // Channels: the 公众号 is on by default for new items; the editor adds the 微博 and writes its text.
    const chips = visible(page, '[data-testid=channel-fields] .wb-chip')
    expect(await chips.filter({ hasText: '微信公众号' }).first().getAttribute('aria-checked')).toBe('true')
    expect(await chips.filter({ hasText: '微博' }).first().getAttribute('aria-checked')).toBe('false')
    await chips.filter({ hasText: '微博' }).first().click()
    // 公众号摘要 and 微博文字 (the last) appear once their channels are chosen.
    await expect.poll(() => visible(page, '[data-testid=channel-fields] textarea').count()).toBe(2)
    await visible(page, '[data-testid=channel-fields] textarea').last().fill('公益性岗位补贴开始申领')
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/v1/staff/editions/')), visible(page, '.wb-button').filter({ hasText: '保存修改' }).first().click()])
    await visible(page, '.wb-button').filter({ hasText: '提交审核' }).first().click()
    await expect.poll(stateOf).toBe('submitted')
    // What the reviewer will read includes the channels and their text.
    expect(await visible(page, '[data-testid=channel-summary]').first().innerText()).toContain('发布渠道：小程序、微信公众号、微博')
    await screenshot(page, 'channels-editor-selected')

    await logInAs('sun.reviewer')
    await visible(page, '[data-testid=review-queue] .wb-list-row').filter({ hasText: title }).first().click()
    await expect.poll(stateOf).toBe('submitted')
    expect(await visible(page, '[data-testid=channel-summary]').first().innerText()).toContain('微博文字：公益性岗位补贴开始申领')
    for (const check of ['政治关', '法律关', '保密关', '文字关']) await visible(page, '.wb-check').filter({ hasText: check }).first().click()
    await visible(page, '.wb-button').filter({ hasText: '审核通过' }).first().click()
    await expect.poll(stateOf).toBe('approved')
    await visible(page, '.wb-button').filter({ hasText: '立即发布' }).first().click()
    await expect.poll(stateOf).toBe('published')

    // The item page (内容历史) shows each channel going live, with the platform's id.
    await logInAs('qian.editor')
    await visible(page, '[data-testid=department-items] .wb-list-row').filter({ hasText: title }).first().click()
    await page.waitForURL(/workbench\/pages\/item\/index/)
    const row = (channel: string) => visible(page, `[data-testid=item-channels] [data-channel=${channel}]`).first()
    await expect.poll(() => row('official-account').getAttribute('data-state').catch(() => null), { timeout: 30_000, interval: 1000 }).toBe('live')
    await expect.poll(() => row('weibo').getAttribute('data-state').catch(() => null), { timeout: 30_000, interval: 1000 }).toBe('live')
    expect(await row('official-account').innerText()).toMatch(/微信公众号（第 1 版）：已发布 · 编号 ART_\d+/)
    expect(await row('weibo').innerText()).toMatch(/微博（第 1 版）：已发布 · 编号 \d{16}/)
    await screenshot(page, 'channels-item-live')

    // A revision: choosing a channel the item already went to tells the editor it will not be posted again.
    await visible(page, '.wb-button').filter({ hasText: '修订（新建版本）' }).first().click()
    await page.waitForURL(/workbench\/pages\/edition\/index/)
    const revisionChips = visible(page, '[data-testid=channel-fields] .wb-chip')
    await revisionChips.filter({ hasText: '微信公众号' }).first().click()
    const note = () => visible(page, '[data-testid=channels-sent-before]').first().innerText().catch(() => '')
    await expect.poll(note).toContain('微信公众号已在第 1 版发送过：本次修订不会再发一次')
    expect(await note()).not.toContain('微博')
    await screenshot(page, 'channels-revision-note')

    // The department admin's 渠道账号 page: both connected, the credentials nowhere on it.
    await logInAs('wu.deptadmin')
    await visible(page, '[data-testid=channels-entry]').first().click()
    await page.waitForURL(/workbench\/pages\/channels\/index/)
    await expect.poll(() => visible(page, '[data-channel=official-account]').first().innerText().catch(() => '')).toContain('三原人社公众号（订阅号，每天可群发 1 次） · 已连接 · 新内容默认发布')
    expect(await visible(page, '[data-channel=weibo]').first().innerText()).toContain('三原人社微博 · 已连接 · 新内容默认不发布 · 链接域名 https://www.example.gov.cn')
    // The account is a 服务号: the admin says so, and its mass-send limit follows (4 a month).
    await visible(page, '[data-channel=official-account] .wb-button').filter({ hasText: '修改' }).first().click()
    await visible(page, '[data-channel=official-account] [role=radio]').filter({ hasText: '服务号' }).first().click()
    await visible(page, '[data-channel=official-account] .wb-button').filter({ hasText: '保存' }).first().click()
    await expect.poll(() => visible(page, '[data-channel=official-account]').first().innerText().catch(() => '')).toContain('三原人社公众号（服务号，每月可群发 4 次） · 已连接')
    await visible(page, '[data-channel=weibo] .wb-button').filter({ hasText: '修改' }).first().click()
    await visible(page, 'input[aria-label="账号名称"], [aria-label="账号名称"] input').first().waitFor()
    const html = await page.content()
    for (const secret of [fakes.oaAppSecret, fakes.weiboAccessToken]) expect(html).not.toContain(secret)
    await screenshot(page, 'channels-accounts')
  }, 180_000)
})
