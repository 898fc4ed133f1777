import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import mongoose from 'mongoose'
import type { Page } from 'playwright-core'
import { formatShanghaiDateTime } from '@zw/shared'
import { createStaffAccounts, withServerDatabase } from '../support/serverDatabase'
import { attrOf as attr, logInAsCitizen as logInCitizen, logInToWorkbench, openBrowser, screenshot, textOf as text, visible, wbField, type BrowserSession } from '../support/browser'
import { staffHttp } from '../support/staffHttp'

const baseUrl = inject('baseUrl')
const serverDatabase = inject('serverDatabase')
const PASSWORD = 'Guiyang2026talk'
const DEPT = 'guiyang-hrss'
const STAMP = Date.now().toString(36)
let b: BrowserSession

beforeAll(async () => {
  b = await openBrowser()
  await createStaffAccounts(serverDatabase, PASSWORD, [
    { username: 'ia.handler', displayName: '钱办理', department: DEPT, roles: ['editor'] },
    { username: 'ia.reviewer', displayName: '孙审核', department: DEPT, roles: ['reviewer'] },
  ])
})
afterAll(async () => {
  await b?.close()
})

const logInAsCitizen = (page: Page, name: string) => logInCitizen(page, baseUrl, name)

describe('互动交流 in the mini-program (h5) and the workbench', () => {
  it('a citizen leaves a message and comments on an open consultation; staff reply and publish the feedback report; the citizen sees both', async () => {
    const { page } = b
    // The department publishes a draft for comment, open from an hour ago until tomorrow (set up over the API).
    const http = staffHttp(baseUrl, PASSWORD)
    const reviewerToken = await http.tokenOf('ia.reviewer')
    const title = `贵阳市稳岗返还实施细则（征求意见稿 ${STAMP}）`
    const created = (await http.post(await http.tokenOf('ia.handler'), '/api/v1/staff/consultations', {
      title,
      background: '为落实稳岗返还政策，起草了本细则，现公开征求意见。',
      draftText: '第一条 为稳定就业岗位，制定本细则。第二条 稳岗返还资金按企业上年度实际缴纳失业保险费的一定比例返还。',
      attachments: [],
      startAt: formatShanghaiDateTime(new Date(Date.now() - 3600_000)),
      endAt: formatShanghaiDateTime(new Date(Date.now() + 86_400_000)),
    })) as { id: string }
    await http.post(reviewerToken, `/api/v1/staff/consultations/${created.id}/actions`, { action: 'publish' })

    // The citizen: 首页 → 互动交流 → 写留言 (a subpackage); a phone number in the text is pointed out before sending.
    await logInAsCitizen(page, `msg-writer-${STAMP}`)
    await page.goto(`${baseUrl}/`)
    await visible(page, '[data-testid=interaction-entry]').click()
    await page.waitForURL(/interaction\/pages\/index\/index/)
    await expect.poll(() => text(page, '[data-testid=open-consultation]')).toContain(STAMP)
    await visible(page, '[data-testid=write-message]').click()
    await page.waitForURL(/interaction\/pages\/write\/index/)
    await visible(page, `[data-field=department] [data-value=${DEPT}]`).click()
    await visible(page, '[data-field=category] [data-value=consultation]').click()
    await visible(page, '.ia-input[data-field=title] input').fill(`稳岗返还何时到账（${STAMP}）`)
    await visible(page, '.ia-textarea[data-field=text] textarea').fill('我们公司去年申请了稳岗返还，什么时候能到账？联系电话 13800138000。')
    await expect.poll(() => text(page, '[data-testid=personal-data-warning]')).toContain('手机号码')
    await visible(page, '[data-testid=submit-message]').click()
    await page.waitForURL(/interaction\/pages\/message\/index\?id=/)
    await expect.poll(() => attr(page, '[data-testid=message-state]', 'data-state')).toBe('received')
    expect(await text(page, '[data-testid=message-state]')).toMatch(/最迟 \d{4}-\d{2}-\d{2} 答复/)
    const messageId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!
    await page.waitForTimeout(400) // the page transition
    await screenshot(page, 'interaction-message-sent')

    // … then comments on the open consultation, in public.
    await page.goto(`${baseUrl}/#/interaction/pages/consultations/index`)
    const row = visible(page, `[data-testid=consultation-row][data-id="${created.id}"]`).first()
    await row.waitFor()
    expect(await row.innerText()).toContain('征集中')
    await row.click()
    await expect.poll(() => attr(page, '[data-testid=consultation-status]', 'data-status')).toBe('open')
    await visible(page, '[data-testid=comment-text] textarea').fill(`建议把返还比例提高到 90%（${STAMP}）。`)
    await visible(page, '[data-testid=send-comment]').click()
    await expect.poll(() => text(page, '[data-testid=comment-note]')).toContain('意见已收到')
    await expect.poll(() => text(page, '[data-testid=public-comments]')).toContain(`返还比例提高到 90%（${STAMP}）`)
    expect(await text(page, '[data-testid=my-comments]')).toContain('已收到')
    await screenshot(page, 'interaction-commented')
    const citizenSession = await page.evaluate(() => localStorage.getItem('zw-citizen-session'))
    expect(citizenSession).toBeTruthy()

    // The handler: 工作台 → 互动交流 → the message → 答复.
    await logInToWorkbench(page, baseUrl, 'ia.handler', PASSWORD)
    await visible(page, '[data-testid=interaction-entry]').click()
    await page.waitForURL(/workbench\/pages\/messages\/index/)
    const queued = visible(page, `[data-testid=message-row][data-id="${messageId}"]`).first()
    await queued.waitFor()
    expect(await queued.innerText()).toContain('待办理')
    await queued.click()
    await visible(page, '[data-testid=message-handle]').waitFor()
    expect(await text(page, '[data-testid=message-clock]')).toContain('答复期限')
    await visible(page, '[data-action=reply]').click()
    await wbField(page, '答复内容').fill(`您好，稳岗返还资金将在审核通过后 10 个工作日内拨付到企业账户（${STAMP}）。`)
    await visible(page, '[data-testid=step-submit]').click()
    await expect.poll(() => attr(page, '[data-testid=message-handle]', 'data-state')).toBe('answered')
    await screenshot(page, 'interaction-replied')

    // The consultation's period ends (moved to the past in the database, as if the day had passed).
    await withServerDatabase(serverDatabase, (db) => db.collection('consultations').updateOne({ _id: new mongoose.Types.ObjectId(created.id) }, { $set: { endAt: new Date(Date.now() - 60_000) } }))

    // A reviewer publishes the feedback report in the workbench.
    await logInToWorkbench(page, baseUrl, 'ia.reviewer', PASSWORD)
    await page.goto(`${baseUrl}/#/workbench/pages/consultation/index?id=${created.id}`)
    await page.reload()
    await expect.poll(() => attr(page, '[data-testid=consultation-handle]', 'data-status')).toBe('closed')
    expect(await text(page, '[data-testid=consultation-comments]')).toContain(STAMP)
    await wbField(page, '反馈说明').fill(`本次共收到意见 1 条，经研究部分采纳（${STAMP}）。`)
    await wbField(page, '主要意见 1').fill('提高返还比例')
    await visible(page, '[data-testid=opinion-row] .wb-chip').filter({ hasText: '未采纳' }).click()
    await wbField(page, '未采纳的理由').fill('返还比例由省级统一规定，本细则不作调整')
    await visible(page, '[data-action=publishReport]').click()
    await expect.poll(() => attr(page, '[data-testid=consultation-handle]', 'data-status')).toBe('reported')
    expect(await text(page, '[data-testid=consultation-report]')).toContain('1 条意见')
    await screenshot(page, 'interaction-report-published')

    // The citizen sees the answer (told in 我的消息) and the feedback report.
    await page.evaluate((v) => localStorage.setItem('zw-citizen-session', v), citizenSession!)
    await page.goto(`${baseUrl}/#/pages/inbox/index`)
    await page.reload()
    await expect.poll(() => text(page, '.page')).toContain('您的留言已答复')
    await page.goto(`${baseUrl}/#/interaction/pages/message/index?id=${messageId}`)
    await page.reload()
    await expect.poll(() => attr(page, '[data-testid=message-state]', 'data-state')).toBe('answered')
    expect(await text(page, '[data-testid=message-reply]')).toContain(`10 个工作日内拨付到企业账户（${STAMP}）`)
    await page.goto(`${baseUrl}/#/interaction/pages/consultation/index?id=${created.id}`)
    await page.reload()
    await expect.poll(() => attr(page, '[data-testid=consultation-status]', 'data-status')).toBe('reported')
    const report = await text(page, '[data-testid=feedback-report]')
    expect(report).toContain(`部分采纳（${STAMP}）`)
    expect(report).toContain('未采纳：返还比例由省级统一规定，本细则不作调整')
    await screenshot(page, 'interaction-citizen-sees-both')
  }, 180_000)

  it('staff add a file to a consultation in the workbench and publish it; the citizen sees it on the consultation page and downloads the same bytes', async () => {
    const { page } = b
    const title = `贵阳市职业技能培训补贴办法（征求意见稿 ${STAMP}）`
    const fileName = `培训补贴办法征求意见稿（${STAMP}）.pdf`
    const bytes = Buffer.concat([Buffer.from(`%PDF-1.4\n% 征求意见稿 ${STAMP}\n`), Buffer.alloc(3000, 32)])

    // The handler drafts it in the workbench: 添加附件 uploads the file at once and lists it.
    await logInToWorkbench(page, baseUrl, 'ia.handler', PASSWORD)
    await page.goto(`${baseUrl}/#/workbench/pages/consultations/index`)
    await visible(page, '[data-testid=new-consultation]').click()
    await visible(page, '[data-testid=consultation-form]').waitFor()
    await wbField(page, '标题').fill(title)
    await wbField(page, '起草背景和说明').fill('为规范职业技能培训补贴，起草了本办法，现公开征求意见。')
    await wbField(page, '征求意见稿全文').fill('第一条 为提升劳动者职业技能，制定本办法。第二条 补贴按培训合格人数发放。')
    await wbField(page, '开始时间（北京时间 YYYY-MM-DD HH:mm）').fill(formatShanghaiDateTime(new Date(Date.now() - 3600_000)))
    await wbField(page, '结束时间（北京时间 YYYY-MM-DD HH:mm）').fill(formatShanghaiDateTime(new Date(Date.now() + 86_400_000)))
    const pick = async (name: string, mimeType: string, buffer: Buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '[data-testid=add-attachment]').click()])
      await chooser.setFiles({ name, mimeType, buffer })
    }
    await pick('说明.exe', 'application/octet-stream', Buffer.from('MZ not allowed'))
    await expect.poll(() => text(page, '[data-testid=consultation-attachments] .wb-error')).toContain('不支持的附件类型')
    await pick(fileName, 'application/pdf', bytes)
    await expect.poll(() => text(page, '[data-testid=consultation-attachment]')).toContain(fileName)
    await visible(page, '[data-testid=consultation-save]').click()
    await page.waitForURL(/workbench\/pages\/consultation\/index\?id=/)
    const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!
    await expect.poll(() => text(page, '[data-testid=consultation-attachment]')).toContain(fileName)
    await screenshot(page, 'interaction-consultation-attachment')

    // A reviewer publishes it.
    await logInToWorkbench(page, baseUrl, 'ia.reviewer', PASSWORD)
    await page.goto(`${baseUrl}/#/workbench/pages/consultation/index?id=${id}`)
    await page.reload()
    await visible(page, '[data-action=publish]').click()
    await expect.poll(() => attr(page, '[data-testid=consultation-handle]', 'data-status')).toBe('open')

    // A citizen (no log-in needed to read) opens it and downloads the file.
    await page.goto(`${baseUrl}/#/interaction/pages/consultation/index?id=${id}`)
    await page.reload()
    await expect.poll(() => attr(page, '[data-testid=consultation-status]', 'data-status')).toBe('open')
    const row = visible(page, '.attachment').filter({ hasText: fileName }).first()
    expect(await row.innerText()).toContain('PDF 文件')
    await screenshot(page, 'interaction-citizen-sees-attachment')
    // In a browser the file opens in a new tab, which the browser saves (it is sent as an attachment; Chromium reports it on the page that opened the tab).
    const [download] = await Promise.all([page.waitForEvent('download'), row.click()])
    expect(download.suggestedFilename()).toBe(fileName)
    expect(fs.readFileSync((await download.path())!).equals(bytes)).toBe(true)
  }, 180_000)

  it('长辈版: the message form\'s choices and buttons are at least 60 px tall', async () => {
    const { page } = b
    await page.goto(`${baseUrl}/`)
    await visible(page, '.elder-switch').first().click()
    await expect.poll(() => visible(page, '.page').first().getAttribute('data-elder')).toBe('true')
    try {
      await page.goto(`${baseUrl}/#/interaction/pages/write/index`)
      await visible(page, '[data-testid=submit-message]').waitFor()
      const heights = await page.evaluate(() => Array.from(document.querySelectorAll('.ia-choice, .ia-input, .btn')).filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getBoundingClientRect().height))
      expect(heights.length).toBeGreaterThan(8)
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(60)
      await screenshot(page, 'interaction-write-elder')
    } finally {
      await page.goto(`${baseUrl}/`)
      await visible(page, '.elder-switch').first().click() // back to 标准版 for the other tests
    }
  })
})
