import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import mongoose from 'mongoose'
import type { Page } from 'playwright-core'
import { createApiClient, fetchTransport, inQuietHours, type CitizenGroup } from '@zw/shared'
import { createAccount } from '../../server/src/auth/staffAccounts'
import { logInToWorkbench, openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'
import { ROOT } from '../support/serverProcess'
import { staffHttp } from '../support/staffHttp'

const baseUrl = inject('baseUrl')
const serverDatabase = inject('serverDatabase')
const PASSWORD = 'Xinxiang2026push'
const DEPT = 'xinxiang-gov-office'
const HENAN = '410000000000'
const XINXIANG = '410700000000' // 新乡市
const XINXIANG_COUNTY = '410721000000' // 新乡县, a county of 新乡市
const LAND = 'land-acquisition-compensation' // 征地补偿
const STAMP = Date.now().toString(36)
let b: BrowserSession
let worker: ChildProcess | undefined

beforeAll(async () => {
  b = await openBrowser()
  await mongoose.connect(serverDatabase)
  try {
    const actor = { id: 'e2e', name: 'e2e setup' }
    await createAccount({ username: 'lin.editor', displayName: '林编辑', department: DEPT, roles: ['editor'], password: PASSWORD }, new Date(), actor)
    await createAccount({ username: 'song.reviewer', displayName: '宋审核', department: DEPT, roles: ['reviewer'], password: PASSWORD }, new Date(), actor)
    await createAccount({ username: 'he.deptadmin', displayName: '何管理员', department: DEPT, roles: ['department-admin'], password: PASSWORD }, new Date(), actor)
  } finally {
    await mongoose.disconnect()
  }
})
afterAll(async () => {
  await stopWorker()
  await b?.close()
})

const http = staffHttp(baseUrl, PASSWORD)
const XINXIANG_DESK = { editor: 'lin.editor', reviewer: 'song.reviewer', department: DEPT, region: XINXIANG, issuer: '新乡市人民政府办公室' }

/** A citizen of 新乡县 logged in by test name, subscribed to 征地补偿 there (over HTTP, as 我的 and 我的订阅 do). */
async function citizen(name: string, groups: CitizenGroup[]) {
  const session = await createApiClient({ baseUrl, transport: fetchTransport() }).call('citizenDevLogIn', { body: { name } })
  const api = createApiClient({ baseUrl, transport: fetchTransport(), headers: () => ({ authorization: `Bearer ${session.accessToken}` }) })
  await api.call('updateCitizenProfile', { body: { region: XINXIANG_COUNTY, groups } })
  await api.call('setSubscriptions', { body: { subscriptions: [{ topic: LAND, region: XINXIANG_COUNTY, frequency: 'immediate' }] } })
  return api
}

/**
 * The push worker (server/src/pushWorker.ts, run beside the servers in production) on the
 * e2e server's database, looking every half second: the server's own `send-push-campaigns`
 * job runs only once a minute. Both send through the same CampaignSender, exactly once.
 */
function startWorker(): void {
  worker = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/pushWorker.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', MONGODB_URI: serverDatabase, PUSH_WORKER_POLL_MS: '500' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
}
async function stopWorker(): Promise<void> {
  const w = worker
  worker = undefined
  if (!w || w.exitCode !== null) return
  const exited = new Promise((resolve) => w.once('exit', resolve))
  w.kill('SIGTERM')
  await exited
}

const text = (page: Page, selector: string) => visible(page, selector).first().innerText().catch(() => '')
const attr = (page: Page, selector: string, name: string) => visible(page, selector).first().getAttribute(name).catch(() => null)
/** The whole page (h5 scrolls inside the app, so a full-page shot needs a viewport as tall as the content), then the phone size again. */
async function screenshotWhole(page: Page, selector: string, name: string) {
  await page.setViewportSize({ width: 375, height: 4000 })
  const box = await visible(page, selector).first().boundingBox()
  await page.setViewportSize({ width: 375, height: Math.ceil((box?.y ?? 0) + (box?.height ?? 812)) + 16 })
  await screenshot(page, name)
  await page.setViewportSize({ width: 375, height: 812 })
}
/** The preview's sentence once an answer for the current rule is in. */
const preview = (page: Page) => text(page, '[data-testid=audience-preview][data-state=ready] [data-testid=preview-text]')

describe('精准推送 in the workbench', () => {
  it('an editor builds a campaign for 新乡市 with a live audience count, a reviewer approves it (never the maker), it is sent, and the citizen finds it in their inbox', async () => {
    const { page } = b
    // Two citizens of 新乡县 subscribed to 征地补偿; only one declared 被征地农民.
    const farmer = await citizen(`push-farmer-${STAMP}`, ['land-expropriated'])
    const neighbour = await citizen(`push-other-${STAMP}`, [])
    const itemTitle = `新乡市关于调整征地区片综合地价补偿标准的通知（${STAMP}）`
    const itemId = await http.publishedPolicy(XINXIANG_DESK, itemTitle, `新标准自2026年12月1日起执行。编号 ${STAMP}。`)

    // The editor: 工作台 → 精准推送 → 新建推送.
    await logInToWorkbench(page, baseUrl, 'lin.editor', PASSWORD)
    await visible(page, '[data-testid=campaigns-entry]').first().click()
    await page.waitForURL(/workbench\/pages\/campaigns\/index/)
    await visible(page, '[data-testid=new-campaign]').first().click()
    await page.waitForURL(/workbench\/pages\/campaign\/index/)
    await visible(page, '[data-testid=campaign-builder]').first().waitFor()
    expect(await text(page, '[data-testid=audience-preview]')).toContain('选择主题后显示符合条件的人数')

    await visible(page, '[data-testid=field-name] input').first().fill('新乡市征地补偿标准调整提醒')
    // The push themes come first.
    expect(await attr(page, '[data-testid=topics] .wb-chip', 'data-topic')).toBe(LAND)
    await visible(page, `[data-testid=topics] [data-topic=${LAND}]`).first().click()
    // The area picker opens at the department's own city, its counties listed: 添加 takes the whole city.
    expect(await attr(page, '[data-testid=area-picker] .camp-area-level[data-level=province] .wb-chip-on', 'data-code')).toBe(HENAN)
    expect(await attr(page, '[data-testid=area-picker] .camp-area-level[data-level=city] .wb-chip-on', 'data-code')).toBe(XINXIANG)
    expect(await visible(page, `[data-testid=area-picker] .camp-area-option[data-code="${XINXIANG_COUNTY}"]`).count()).toBe(1)
    expect(await text(page, '[data-testid=add-area]')).toBe('添加地区：河南省 新乡市')
    await visible(page, '[data-testid=add-area]').first().click()
    await expect.poll(() => text(page, '[data-testid=chosen-areas]')).toContain('河南省 新乡市')
    expect(await text(page, '[data-testid=add-area]')).toBe('已包含：河南省 新乡市')
    // A county of it adds nothing: it is inside the city already.
    await visible(page, `[data-testid=area-picker] .camp-area-option[data-code="${XINXIANG_COUNTY}"]`).first().click()
    expect(await text(page, '[data-testid=add-area]')).toBe('已包含：河南省 新乡市 新乡县')
    expect(await visible(page, '[data-testid=chosen-areas] .camp-area').count()).toBe(1)
    // Both citizens (and any other subscriber of 征地补偿 in 新乡市) …
    await expect.poll(async () => Number(/符合条件 (\d+) 人/.exec(await preview(page))?.[1] ?? 0)).toBeGreaterThanOrEqual(2)
    // … then only the one who declared 被征地农民; no WeChat template on this server, no SMS chosen: inbox only.
    await visible(page, '[data-testid=groups] [data-group=land-expropriated]').first().click()
    await expect.poll(() => preview(page)).toBe('符合条件 1 人，其中微信可达 0 人、短信 0 人、仅站内消息 1 人')
    // Choosing SMS asks again (nobody here has a phone number bound).
    await visible(page, '[data-testid=channel-sms]').first().click()
    await expect.poll(() => attr(page, '[data-testid=audience-preview]', 'data-state')).toBe('ready')
    expect(await preview(page)).toBe('符合条件 1 人，其中微信可达 0 人、短信 0 人、仅站内消息 1 人')
    await visible(page, '[data-testid=channel-sms]').first().click()
    await expect.poll(() => attr(page, '[data-testid=audience-preview]', 'data-state')).toBe('ready')

    // The published item, found by a word of its title.
    await visible(page, '[data-testid=item-picker] input').first().fill('征地区片')
    await visible(page, '[data-testid=item-picker] .camp-item-row').filter({ hasText: itemTitle }).first().click()
    expect(await text(page, '[data-testid=item-chosen]')).toContain(itemTitle)
    expect(await attr(page, '[data-testid=item-chosen]', 'data-id')).toBe(itemId)

    // A title too long for WeChat: counted as typed, and refused by the server under the field (with the empty text).
    await visible(page, '[data-testid=field-title] input').first().fill('新乡市征地区片综合地价补偿标准调整请及时查看')
    await expect.poll(() => attr(page, '[data-testid=title-counter]', 'data-over')).toBe('true')
    expect(await text(page, '[data-testid=title-counter]')).toContain('22 / 20')
    expect(await text(page, '[data-testid=title-rule]')).toBe('微信提醒的标题不超过 20 个字')
    await visible(page, '[data-testid=save-draft]').first().click()
    await expect.poll(() => text(page, '.camp-field-error[data-field="message.title"]')).toContain('不超过 20 个字')
    expect(await text(page, '.camp-field-error[data-field="message.text"]')).toBe('请填写消息内容')
    expect(await visible(page, '.camp-field-error[data-field=name]').count()).toBe(0)

    // Fixing a field clears what the server said about it.
    await visible(page, '[data-testid=field-title] input').first().fill('征地补偿标准调整')
    expect(await text(page, '[data-testid=title-counter]')).toContain('8 / 20')
    await expect.poll(() => visible(page, '.camp-field-error[data-field="message.title"]').count()).toBe(0)
    await visible(page, '[data-testid=field-text] textarea').first().fill('新乡市调整了征地区片综合地价补偿标准，请点开查看。')
    await expect.poll(() => visible(page, '.camp-field-error').count()).toBe(0)
    expect(await text(page, '[data-testid=quiet-hours-note]')).toContain('22:00–08:00 为免打扰时段')
    await expect.poll(() => attr(page, '[data-testid=audience-preview]', 'data-state')).toBe('ready')
    await screenshotWhole(page, '[data-testid=campaign-builder]', 'campaign-builder')

    await visible(page, '[data-testid=save-draft]').first().click()
    await expect.poll(() => attr(page, '[data-testid=campaign-state]', 'data-state')).toBe('draft')
    expect(await text(page, '[data-testid=saved-note]')).toContain('已保存草稿')
    expect(await visible(page, '.camp-field-error').count()).toBe(0)
    const id = (await attr(page, '[data-testid=campaign-builder]', 'data-id'))!
    expect(id).toMatch(/^[a-f0-9]{24}$/)

    // 提交审批: now read-only for its maker, who cannot approve it.
    await visible(page, '[data-testid=submit]').first().click()
    await visible(page, '[data-testid=campaign-detail]').first().waitFor()
    expect(await attr(page, '[data-testid=campaign-state]', 'data-state')).toBe('submitted')
    expect(await text(page, '[data-testid=campaign-state]')).toContain('待审批')
    expect(await visible(page, '[data-action=approve]').count()).toBe(0)
    expect(await text(page, '[data-testid=maker-note]')).toContain('等待本部门审核人员批准')
    expect(await text(page, '[data-testid=detail-regions]')).toContain('河南省 新乡市')
    expect(await visible(page, '[data-action=recall]').count()).toBe(1)

    // Sent at night, a non-urgent campaign would wait for 08:00: the department admin flags this one urgent then.
    if (inQuietHours(new Date())) await http.post(await http.tokenOf('he.deptadmin'), `/api/v1/staff/push/campaigns/${id}/actions`, { action: 'markUrgent', reason: '测试在免打扰时段运行，须立即发送' })

    // A reviewer of the department: the campaign waits for them in the list; they approve it.
    await logInToWorkbench(page, baseUrl, 'song.reviewer', PASSWORD)
    await visible(page, '[data-testid=campaigns-entry]').first().click()
    await page.waitForURL(/workbench\/pages\/campaigns\/index/)
    const row = visible(page, `[data-testid=campaign-row][data-id="${id}"]`).first()
    await row.waitFor()
    expect(await row.innerText()).toMatch(/待审批[\s\S]*待您审批[\s\S]*新乡市征地补偿标准调整提醒/)
    expect(await row.innerText()).toContain('立即（批准后发送）')
    expect(await row.innerText()).toContain('征地补偿；河南省 新乡市；被征地农民')
    expect(await text(page, '[data-testid=waiting-approval]')).toContain('等待您审批')
    await row.click()
    await page.waitForURL(/workbench\/pages\/campaign\/index\?id=/)
    await visible(page, '[data-testid=campaign-detail]').first().waitFor()
    // The reviewer sees the same audience count before approving.
    await expect.poll(() => preview(page)).toBe('符合条件 1 人，其中微信可达 0 人、短信 0 人、仅站内消息 1 人')
    // 退回修改 needs a reason: asked for before anything is sent.
    await visible(page, '[data-action=reject]').first().click()
    await visible(page, '[data-action=reject-confirm]').first().click()
    expect(await text(page, '[data-testid=reason-reject] .camp-field-error[data-field=reason]')).toBe('请写明退回理由')
    await visible(page, '[data-testid=reason-reject] .wb-button').filter({ hasText: '先不退回修改' }).first().click()
    expect(await attr(page, '[data-testid=campaign-state]', 'data-state')).toBe('submitted')
    await visible(page, '[data-action=approve]').first().click()
    await expect.poll(() => attr(page, '[data-testid=campaign-state]', 'data-state')).toBe('scheduled')
    expect(await text(page, '[data-testid=campaign-state]')).toContain('已批准，待发送')
    expect(await text(page, '[data-testid=campaign-stats]')).toContain('目标人数')
    await visible(page, '[data-testid=auto-refresh]').first().waitFor()

    // Sending: the page reads the campaign again by itself until it is sent.
    startWorker()
    await expect.poll(() => attr(page, '[data-testid=campaign-state]', 'data-state'), { timeout: 90_000, interval: 500 }).toBe('sent')
    await stopWorker()
    expect(await text(page, '[data-testid=campaign-state]')).toContain('已发送完毕')
    expect(await attr(page, '[data-testid=stat-targeted]', 'data-value')).toBe('1')
    expect(await attr(page, '[data-testid=stat-inbox]', 'data-value')).toBe('1')
    expect(await attr(page, '[data-testid=stat-wechat]', 'data-value')).toBe('0')
    expect(await text(page, '[data-testid=stat-targeted]')).toContain('目标人数')
    expect(await text(page, '[data-testid=stat-inbox]')).toContain('站内')
    expect(await text(page, '[data-testid=stat-failed]')).toContain('失败：无')
    expect(await text(page, '[data-testid=stat-skipped]')).toContain('每日上限 0 人，无微信授权 0 人')
    expect(await visible(page, '[data-testid=auto-refresh]').count()).toBe(0)
    await screenshotWhole(page, '[data-testid=campaign-detail]', 'campaign-statistics')

    // The citizen's 我的消息 has it, linking to the policy; the neighbour without the group has nothing.
    const farmerId = (await farmer.call('getCitizenMe', {})).id
    const inbox = await farmer.call('getInbox', { query: {} })
    const message = inbox.messages.find((m) => m.id === `${id}:${farmerId}`)
    expect(message).toMatchObject({ title: '征地补偿标准调整', text: '新乡市调整了征地区片综合地价补偿标准，请点开查看。', department: '新乡市人民政府办公室', read: false })
    expect(message!.link).toContain(itemId)
    expect((await neighbour.call('getInbox', { query: {} })).messages.some((m) => m.id.startsWith(`${id}:`))).toBe(false)

    // Back in the list: sent, with its figures.
    await page.goBack()
    await page.waitForURL(/workbench\/pages\/campaigns\/index/)
    await expect.poll(() => text(page, `[data-testid=campaign-row][data-id="${id}"]`)).toContain('已发送完毕')
    expect(await text(page, `[data-testid=campaign-row][data-id="${id}"] [data-testid=campaign-progress]`)).toContain('目标 1 人 · 已发送 微信 0、短信 0、站内 1')
  }, 240_000)
})
