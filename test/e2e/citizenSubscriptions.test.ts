import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import mongoose from 'mongoose'
import type { Page } from 'playwright-core'
import { openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'

const baseUrl = inject('baseUrl')
const serverDatabase = inject('serverDatabase')
let b: BrowserSession
beforeAll(async () => {
  b = await openBrowser()
  await mongoose.connect(serverDatabase)
})
afterAll(async () => {
  await mongoose.disconnect()
  await b?.close()
})

const HENAN = '410000000000'
const XINXIANG = '410700000000' // 新乡市
const XINXIANG_COUNTY = '410721000000' // 新乡县: a county of 新乡市 without towns in the table

/** The citizen token the h5 build keeps (Taro's storage wraps the value as `{ data }`). */
const storedToken = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('zw-citizen-session')
    if (!raw) return null
    const stored = JSON.parse(raw) as { data?: string } | string
    return (JSON.parse(typeof stored === 'string' ? stored : stored.data!) as { accessToken: string }).accessToken
  })
const asCitizen = async <T>(token: string, path: string): Promise<T> => (await (await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T
const text = (page: Page, selector: string) => visible(page, selector).first().innerText().catch(() => '')
const entry = (page: Page, topic: string) => visible(page, `[data-testid=subscription][data-topic="${topic}"]`)
const badge = (page: Page) => text(page, '[data-testid=inbox-entry] [data-testid=unread-badge]')
const count = (page: Page, selector: string) => () => visible(page, selector).count()
/** A fresh load of the h5 app at `hash` (a same-document hash change would keep the app's page stack). */
async function openFresh(page: Page, hash = '') {
  await page.goto('about:blank')
  await page.goto(`${baseUrl}/${hash}`)
}

describe('a citizen subscribing to topics for their area and reading their messages', () => {
  it('subscribes on 我的订阅, sees both after a reload, is told what to fix, then reads messages in 我的消息 and the unread count drops', async () => {
    const { page } = b
    await page.goto(`${baseUrl}/`)
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    // Not logged in: the home page offers 我的消息 without a count and asks nobody to log in.
    await visible(page, '[data-testid=inbox-entry]').waitFor()
    expect(await visible(page, '[data-testid=unread-badge]').count()).toBe(0)

    // Log in on 我的 and choose a county of 新乡市 as the area.
    await visible(page, '[data-testid=me-entry]').click()
    await page.waitForURL(/pages\/me\/index/)
    await visible(page, '.me-input input').fill(`subs-${Date.now().toString(36)}`)
    await visible(page, '[data-testid=login-button]').click()
    await visible(page, '[data-testid=citizen-profile]').waitFor()
    await visible(page, `.region-option[data-code="${HENAN}"]`).click()
    await visible(page, `.region-option[data-code="${XINXIANG}"]`).click()
    await visible(page, `.region-option[data-code="${XINXIANG_COUNTY}"]`).click()
    await expect.poll(() => text(page, '[data-testid=region-current]')).toContain('河南省 新乡市 新乡县')
    await visible(page, '[data-testid=save-button]').click()
    await visible(page, '[data-testid=saved]').waitFor()
    const token = (await storedToken(page))!
    const me = await asCitizen<{ id: string; region: string }>(token, '/api/v1/citizen/me')
    expect(me.region).toBe(XINXIANG_COUNTY)

    // 我的订阅 from 我的.
    await visible(page, '[data-testid=subscriptions-entry]').click()
    await page.waitForURL(/pages\/subscriptions\/index/)
    await visible(page, '[data-testid=compose]').waitFor()
    expect(await visible(page, '[data-testid=no-area]').count()).toBe(0)
    // The e2e server has no WeChat templates: messages go to 我的消息, and it says so.
    await visible(page, '[data-testid=wechat-off]').waitFor()
    expect(await text(page, '[data-testid=wechat-off]')).toContain('我的消息')

    // The 精准推送 themes come first; the other topics wait behind 更多主题.
    const first = visible(page, '[data-testid=compose] .sub-topic').first()
    expect(await first.getAttribute('data-topic')).toBe('land-acquisition-compensation')
    for (const name of ['征地补偿', '拆迁安置', '涉农补贴', '就业创业补贴']) expect(await text(page, '[data-testid=compose] .sub-topic-grid')).toContain(name)
    expect(await visible(page, '[data-topic=employment]').count()).toBe(0)
    await visible(page, '[data-testid=more-topics]').click()
    await visible(page, '[data-topic=employment]').waitFor()
    await visible(page, '[data-testid=more-topics]').click()
    await expect.poll(count(page, '[data-topic=employment]')).toBe(0)
    await screenshot(page, 'subscriptions-compose')

    // Nothing chosen: said plainly, nothing added.
    await visible(page, '[data-testid=add-confirm]').click()
    expect(await text(page, '.me-error[data-field=compose]')).toBe('请至少选一个主题')

    // 征地补偿 for their own county, 有消息就提醒 (the defaults).
    await visible(page, '[data-testid=compose] [data-topic=land-acquisition-compensation]').click()
    expect(await visible(page, '[data-testid=compose] [data-choice=own]').getAttribute('aria-checked')).toBe('true')
    expect(await text(page, '[data-testid=compose] [data-choice=own]')).toContain('河南省 新乡市 新乡县')
    expect(await visible(page, '[data-testid=compose] [data-choice=immediate]').getAttribute('aria-checked')).toBe('true')
    await visible(page, '[data-testid=add-confirm]').click()
    await entry(page, 'land-acquisition-compensation').waitFor()
    expect(await text(page, '[data-testid=form-notice]')).toContain('已加入：征地补偿')
    expect(await entry(page, 'land-acquisition-compensation').innerText()).toContain('我所在的地区（河南省 新乡市 新乡县）')
    expect(await entry(page, 'land-acquisition-compensation').innerText()).toContain('有消息就提醒')

    // The same topic for the same area again is not added twice.
    await visible(page, '[data-testid=add-subscription]').click()
    await visible(page, '[data-testid=compose] [data-topic=land-acquisition-compensation]').click()
    await visible(page, '[data-testid=add-confirm]').click()
    expect(await text(page, '.me-error[data-field=compose]')).toContain('征地补偿 在这个地区已经订阅过了')
    await visible(page, '[data-testid=compose] [data-topic=land-acquisition-compensation]').click() // untick

    // 就业创业补贴 for the whole of 新乡市, every day at 19:30.
    await visible(page, '[data-testid=compose] [data-topic=employment-subsidies]').click()
    await visible(page, '[data-testid=compose] [data-choice=other]').click()
    await visible(page, '[data-testid=other-region] .region-level[data-level=county] .region-row').click()
    await visible(page, '[data-testid=other-region] .region-option-stop').filter({ hasText: '只选到新乡市' }).click()
    await expect.poll(() => text(page, '[data-testid=other-region] [data-testid=region-current]')).toBe('已选：河南省 新乡市')
    await visible(page, '[data-testid=compose] [data-choice=digest]').click()
    await visible(page, '[data-testid=compose] .sub-hour .picker').click()
    await visible(page, '[data-testid=compose] .sub-hour .choice-option').filter({ hasText: /^19 点$/ }).click()
    await visible(page, '[data-testid=compose] .sub-minute .picker').click()
    await visible(page, '[data-testid=compose] .sub-minute .choice-option').filter({ hasText: /^30 分$/ }).click()
    expect(await text(page, '[data-testid=compose] [data-testid=digest-time]')).toContain('19:30')
    await screenshot(page, 'subscriptions-digest')
    await visible(page, '[data-testid=add-confirm]').click()
    await entry(page, 'employment-subsidies').waitFor()
    expect(await entry(page, 'employment-subsidies').innerText()).toContain('地区：河南省 新乡市')
    expect(await entry(page, 'employment-subsidies').innerText()).toContain('每天 19:30 汇总一次')

    await visible(page, '[data-testid=save-subscriptions]').click()
    await visible(page, '[data-testid=saved]').waitFor()
    expect(await visible(page, '.me-error').count()).toBe(0)

    // Kept: after a reload the page shows what the server holds.
    await page.reload()
    await entry(page, 'employment-subsidies').waitFor()
    await expect.poll(count(page, '[data-testid=subscription]')).toBe(2)
    expect(await entry(page, 'land-acquisition-compensation').getAttribute('data-region')).toBe(XINXIANG_COUNTY)
    expect(await entry(page, 'land-acquisition-compensation').innerText()).toContain('有消息就提醒')
    expect(await entry(page, 'employment-subsidies').getAttribute('data-region')).toBe(XINXIANG)
    expect(await entry(page, 'employment-subsidies').innerText()).toContain('每天 19:30 汇总一次')
    expect(await asCitizen(token, '/api/v1/citizen/subscriptions')).toEqual({
      subscriptions: [
        { topic: 'land-acquisition-compensation', region: XINXIANG_COUNTY, frequency: 'immediate', digestAt: null },
        { topic: 'employment-subsidies', region: XINXIANG, frequency: 'digest', digestAt: '19:30' },
      ],
    })
    await screenshot(page, 'subscriptions-saved')

    // A refusal by the server is shown at the entry and field it concerns, and that entry's time can be changed there.
    await page.route('**/api/v1/citizen/subscriptions', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请按提示修改', details: { fields: [{ path: 'subscriptions.1.digestAt', message: '每天汇总需要选择汇总时间' }] } } }),
          })
        : route.continue(),
    )
    await visible(page, '[data-testid=save-subscriptions]').click()
    await expect.poll(() => text(page, '.me-error[data-field="subscriptions.1.digestAt"]')).toBe('每天汇总需要选择汇总时间')
    expect(await entry(page, 'employment-subsidies').locator('.me-error').innerText()).toBe('每天汇总需要选择汇总时间')
    await entry(page, 'employment-subsidies').locator('[data-testid=digest-time]').waitFor()
    expect(await entry(page, 'land-acquisition-compensation').locator('.me-error').count()).toBe(0)
    await screenshot(page, 'subscriptions-refused')
    await page.unroute('**/api/v1/citizen/subscriptions')

    // 长辈版: big text and tap targets here too, and nothing wider than the phone.
    await visible(page, '.elder-switch').first().click()
    await expect.poll(() => visible(page, '.page').first().getAttribute('data-elder')).toBe('true')
    await visible(page, '[data-testid=add-subscription]').click()
    for (const selector of ['[data-testid=compose] .sub-topic', '[data-testid=save-subscriptions]', '[data-testid=delete-subscription]', '[data-testid=more-topics]', '[data-testid=compose] [data-choice=digest]']) {
      const box = await visible(page, selector).first().boundingBox()
      expect(box!.height, selector).toBeGreaterThanOrEqual(60)
    }
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await screenshot(page, 'subscriptions-elder')
    await visible(page, '.elder-switch').first().click()

    // Two messages for this citizen, as the push sender writes them.
    const items = await (await fetch(`${baseUrl}/api/v1/items?limit=1&type=policy`)).json() as { items: { id: string; title: string }[] }
    const policy = items.items[0]!
    const now = Date.now()
    // Campaign ids as the server makes them (ObjectIds): marking read counts on the campaign.
    const campaign = () => new mongoose.Types.ObjectId().toHexString()
    const [older, newer] = [campaign(), campaign()]
    // Sent campaigns (the words of a message are the campaign's), then a delivery of each to this citizen.
    await mongoose.connection.collection('push_campaigns').insertMany([
      sentCampaign(older, { kind: 'correction', department: 'yinchuan-civil-affairs', title: '征地补偿标准公示时间更正', text: '原通知中的公示截止日期有误，以本通知为准。', itemPage: '' }),
      sentCampaign(newer, { kind: 'campaign', department: 'guiyang-hrss', title: '就业创业补贴开始申请', text: '符合条件的高校毕业生可以申请一次性创业补贴。', itemPage: `pages/policy/index?id=${encodeURIComponent(policy.id)}` }),
    ] as never[])
    await mongoose.connection.collection('push_deliveries').insertMany([
      { _id: `${older}:${me.id}`, campaignId: older, citizenId: me.id, at: new Date(now - 3 * 3600_000), own: null },
      { _id: `${newer}:${me.id}`, campaignId: newer, citizenId: me.id, at: new Date(now - 3600_000), own: null },
    ] as never[])

    // The home page shows 2 unread.
    await openFresh(page)
    await expect.poll(() => badge(page)).toBe('2 条未读')
    await screenshot(page, 'home-unread')

    // 我的消息: newest first, both 未读, the correction labelled 更正, Beijing time.
    await visible(page, '[data-testid=inbox-entry]').click()
    await page.waitForURL(/pages\/inbox\/index/)
    await visible(page, '[data-testid=message]').first().waitFor()
    const cards = visible(page, '[data-testid=message]')
    expect(await cards.count()).toBe(2)
    expect(await cards.nth(0).getAttribute('data-id')).toBe(`${newer}:${me.id}`)
    expect(await cards.nth(1).getAttribute('data-id')).toBe(`${older}:${me.id}`)
    for (const i of [0, 1]) {
      expect(await cards.nth(i).getAttribute('data-read')).toBe('false')
      expect(await cards.nth(i).locator('[data-testid=unread-mark]').innerText()).toContain('未读')
    }
    const newest = await cards.nth(0).innerText()
    expect(newest).toContain('就业创业补贴开始申请')
    expect(newest).toContain('贵阳市人力资源和社会保障局')
    expect(newest).toContain('符合条件的高校毕业生')
    expect(newest).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    expect(newest).not.toContain('更正')
    const correction = await cards.nth(1).innerText()
    expect(correction).toContain('更正')
    expect(await text(page, '[data-testid=inbox-unread]')).toBe('有 2 条消息还没看')
    expect(await visible(page, '.list-end').innerText()).toBe('已经到底了')
    await page.waitForTimeout(400) // the page's slide-in (h5 transitions take about 350 ms)
    await screenshot(page, 'inbox-unread')

    // Tapping the correction (no link) marks it read, here and on the server.
    await cards.nth(1).click()
    await expect.poll(() => cards.nth(1).getAttribute('data-read')).toBe('true')
    await expect.poll(() => cards.nth(1).locator('[data-testid=unread-mark]').count()).toBe(0)
    await expect.poll(() => text(page, '[data-testid=inbox-unread]')).toBe('有 1 条消息还没看')
    await expect.poll(async () => (await asCitizen<{ unread: number }>(token, '/api/v1/citizen/inbox')).unread).toBe(1)

    // Back on the home page the count has dropped to 1.
    await page.goBack()
    await page.waitForURL((url) => !url.hash.includes('pages/inbox'))
    await expect.poll(() => badge(page)).toBe('1 条未读')
    await screenshot(page, 'home-unread-after-reading')

    // The linked message opens its policy page; then nothing is left unread.
    await visible(page, '[data-testid=inbox-entry]').click()
    await page.waitForURL(/pages\/inbox\/index/)
    await visible(page, `[data-testid=message][data-id="${newer}:${me.id}"]`).click()
    await page.waitForURL(/pages\/policy\/index/)
    await page.getByText(policy.title).locator('visible=true').first().waitFor()
    await expect.poll(async () => (await asCitizen<{ unread: number }>(token, '/api/v1/citizen/inbox')).unread).toBe(0)

    // 加载更多 with the cursor: 20 a page.
    const old = Array.from({ length: 21 }, () => campaign())
    await mongoose.connection.collection('push_campaigns').insertMany(old.map((id, i) => sentCampaign(id, { kind: 'campaign', department: 'guiyang-hrss', title: `旧消息 ${i}`, text: '', itemPage: '' })) as never[])
    await mongoose.connection.collection('push_deliveries').insertMany(old.map((id, i) => ({ _id: `${id}:${me.id}`, campaignId: id, citizenId: me.id, at: new Date(now - (10 + i) * 86_400_000), own: null })) as never[])
    await openFresh(page, '#/pages/inbox/index')
    await visible(page, '[data-testid=message]').first().waitFor()
    expect(await visible(page, '[data-testid=message]').count()).toBe(20)
    await visible(page, '.load-more').click()
    await expect.poll(() => visible(page, '[data-testid=message]').count()).toBe(23)
    expect(await visible(page, '[data-testid=message]').last().innerText()).toContain('旧消息 20')
    await visible(page, '.list-end').waitFor()

    // 我的 shows the same count beside 我的消息.
    await openFresh(page, '#/pages/me/index')
    await visible(page, '[data-testid=citizen-profile]').waitFor()
    await expect.poll(() => badge(page)).toBe('21 条未读')
  }, 180_000)

  it('tells a citizen with no area to choose one, and explains WeChat reminders in the browser', async () => {
    const { page } = b
    await openFresh(page)
    await page.evaluate(() => localStorage.clear())
    // Not logged in: 我的订阅 and 我的消息 say to log in on 我的.
    await openFresh(page, '#/pages/subscriptions/index')
    await visible(page, '[data-testid=login-first]').waitFor()
    await openFresh(page, '#/pages/inbox/index')
    await visible(page, '[data-testid=login-first]').waitFor()

    const session = (await (await fetch(`${baseUrl}/api/v1/citizen/session/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `noarea-${Date.now().toString(36)}` }) })).json()) as unknown
    await page.evaluate((value) => localStorage.setItem('zw-citizen-session', JSON.stringify({ data: JSON.stringify(value) })), session)
    // WeChat templates as a configured server would answer.
    await page.route('**/api/v1/citizen/consents', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          wechatConfigured: true,
          consents: [
            { kind: 'policy-notice', name: '政策推送提醒', templateId: 'TPL-A', templateKind: 'one-time', state: 'remaining', remaining: 2, text: '还可以在微信里收到 2 条提醒' },
            { kind: 'correction', name: '信息更正通知', templateId: 'TPL-B', templateKind: 'long-term', state: 'on', remaining: 0, text: '已开启，有消息会在微信里提醒您' },
          ],
        }),
      }),
    )
    await openFresh(page, '#/pages/subscriptions/index')
    await visible(page, '[data-testid=no-area]').waitFor()
    expect(await text(page, '[data-testid=no-area]')).toContain('去“我的”设置所在地区')
    // No own area to offer: the area picker is open from the start.
    await visible(page, '[data-testid=compose]').waitFor()
    expect(await visible(page, '[data-testid=compose] [data-choice=own]').count()).toBe(0)
    await visible(page, '[data-testid=other-region]').waitFor()
    await visible(page, '[data-testid=compose] [data-topic=agricultural-subsidies]').click()
    await visible(page, '[data-testid=add-confirm]').click()
    expect(await text(page, '.me-error[data-field=compose]')).toContain('请选择地区')

    await visible(page, '[data-testid=consents] .sub-consent-row').first().waitFor()
    const consents = await text(page, '[data-testid=consents]')
    expect(consents).toContain('还可以在微信里收到 2 条提醒')
    expect(consents).toContain('已开启，有消息会在微信里提醒您')
    // The browser cannot ask WeChat: no button, and it says where to do it.
    expect(await visible(page, '[data-testid=consent-button]').count()).toBe(0)
    expect(await text(page, '[data-testid=consent-in-weapp]')).toContain('在微信里打开本小程序')
    await screenshot(page, 'subscriptions-no-area')
    await page.unroute('**/api/v1/citizen/consents')

    // Their empty inbox in plain words.
    await openFresh(page, '#/pages/inbox/index')
    await page.getByText('还没有收到消息').locator('visible=true').first().waitFor()
  })
})

/** A sent campaign as the push domain stores it (what the inbox reads of it: kind, department, words, page). */
function sentCampaign(id: string, c: { kind: 'campaign' | 'correction'; department: string; title: string; text: string; itemPage: string }) {
  const at = new Date()
  return {
    _id: new mongoose.Types.ObjectId(id), kind: c.kind, key: `e2e:${id}`, sourceCampaigns: [], itemTags: null, name: c.title, department: c.department, state: 'sent',
    audience: { topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: [], groups: [] }, itemId: '', itemTitle: '', itemPage: c.itemPage,
    message: { title: c.title, text: c.text }, channels: { wechat: false, sms: false }, sendAt: null, urgent: false, makers: ['e2e'],
    createdBy: { id: 'e2e', name: 'e2e' }, approvedBy: { id: 'e2e2', name: 'e2e' },
    stats: { targeted: 1, sent: { wechat: 0, sms: 0, inbox: 1 }, failed: {}, skipped: { cap: 0, noConsent: 0 }, unconfirmed: 0, inboxRead: 0, linkOpened: 0 },
    lease: null, runs: 1, waitingUntil: null, sentAt: at, createdAt: at, updatedAt: at,
  }
}
