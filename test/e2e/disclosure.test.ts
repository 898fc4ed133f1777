import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import mongoose from 'mongoose'
import type { Page } from 'playwright-core'
import { residentIdCheckChar } from '@zw/shared'
import { createStaffAccounts } from '../support/serverDatabase'
import { attrOf as attr, logInAsCitizen as logInCitizen, logInToWorkbench, openBrowser, screenshot, textOf as text, visible, wbField, type BrowserSession } from '../support/browser'

const baseUrl = inject('baseUrl')
const serverDatabase = inject('serverDatabase')
const fakePayUrl = inject('fakePayUrl')
const PASSWORD = 'Guiyang2026open'
const DEPT = 'guiyang-hrss'
const STAMP = Date.now().toString(36)
let b: BrowserSession

beforeAll(async () => {
  b = await openBrowser()
  await createStaffAccounts(serverDatabase, PASSWORD, [
    { username: 'wu.handler', displayName: '吴办理', department: DEPT, roles: ['editor'] },
    { username: 'zheng.reviewer', displayName: '郑审核', department: DEPT, roles: ['reviewer'] },
  ])
})
afterAll(async () => {
  await b?.close()
})

const logInAsCitizen = (page: Page, name: string) => logInCitizen(page, baseUrl, name)
/** Picks a file in the browser's file chooser that a tap on `button` opens. */
async function pickFile(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, button).first().click()])
  await chooser.setFiles(file)
}
/** Taps a file link and answers what the browser saved: its name and bytes. */
async function downloaded(page: Page, link: string): Promise<{ name: string; data: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), visible(page, link).first().click()])
  return { name: download.suggestedFilename(), data: fs.readFileSync((await download.path())!) }
}
const pdf = (text: string) => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${text}\n`), Buffer.alloc(1024, 32)])
const MATERIAL = pdf(`申请材料 ${STAMP}`)
const LETTER = pdf(`答复书 ${STAMP}`)
const BATCHES = pdf(`发放批次 ${STAMP}`)

const first17 = `52010219850712${String(Date.now() % 1000).padStart(3, '0')}`
const ID = first17 + residentIdCheckChar(first17)

describe('依申请公开 in the mini-program (h5) and the workbench', () => {
  it('a citizen applies, a handler registers a letter, asks the citizen for a correction, the citizen corrects online, the handler replies and the citizen reads the reply', async () => {
    const { page } = b
    await logInAsCitizen(page, `dis-${STAMP}`)
    // In 长辈版 (the applicant switches it on in 我的; it holds on every citizen page).
    await visible(page, '.elder-switch').first().click()
    await expect.poll(() => visible(page, '.page').first().getAttribute('data-elder')).toBe('true')

    // 我的 → 我的申请 → 申请政府信息公开 (a subpackage).
    await visible(page, '[data-testid=disclosure-entry]').click()
    await page.waitForURL(/disclosure\/pages\/mine\/index/)
    await visible(page, '[data-testid=new-application]').click()
    await page.waitForURL(/disclosure\/pages\/apply\/index/)
    await visible(page, `[data-field=department] [data-value=${DEPT}]`).click()
    await visible(page, '.dis-input[data-field=name] input').fill('王五')
    // A wrong check character is refused under its field, in plain words.
    await visible(page, '.dis-input[data-field=idNumber] input').fill(first17 + (ID.endsWith('1') ? '2' : '1'))
    await visible(page, '.dis-input[data-field=phone] input').fill('13800001111')
    await visible(page, '.dis-textarea textarea').fill(`贵阳市 2025 年就业见习补贴发放名单（${STAMP}）`)
    // 添加附件（可选）: a file of a kind not allowed is refused with the reason; a PDF is listed and can be removed.
    await pickFile(page, '[data-testid=add-file]', { name: '说明.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ not allowed') })
    await expect.poll(() => text(page, '[data-error=attachments]')).toContain('不支持的附件类型')
    await pickFile(page, '[data-testid=add-file]', { name: '多余的材料.pdf', mimeType: 'application/pdf', buffer: pdf('多余') })
    await expect.poll(() => visible(page, '[data-testid=my-file]').count()).toBe(1)
    await visible(page, '[data-testid=remove-file]').first().click()
    await expect.poll(() => visible(page, '[data-testid=my-file]').count()).toBe(0)
    await pickFile(page, '[data-testid=add-file]', { name: '见习补贴申请材料.pdf', mimeType: 'application/pdf', buffer: MATERIAL })
    await expect.poll(() => text(page, '[data-testid=my-files]')).toContain('见习补贴申请材料.pdf')
    // Big tap targets and text in 长辈版, nothing wider than the phone.
    expect(await visible(page, '.page').first().getAttribute('data-elder')).toBe('true')
    for (const selector of ['[data-testid=add-file]', '[data-testid=remove-file]']) {
      const box = await visible(page, selector).first().boundingBox()
      expect(box!.height, selector).toBeGreaterThanOrEqual(60)
      expect(box!.width, selector).toBeGreaterThanOrEqual(60)
    }
    expect(await visible(page, '.dis-file-name').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(18)
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await screenshot(page, 'disclosure-apply-attachment-elder')
    await visible(page, '[data-testid=submit-application]').click()
    await expect.poll(() => text(page, '[data-error=idNumber]')).toBe('身份证号码校验位不对，请核对')
    await visible(page, '.dis-input[data-field=idNumber] input').fill(ID)
    await visible(page, '[data-testid=submit-application]').click()
    await page.waitForURL(/disclosure\/pages\/detail\/index\?id=/)
    await expect.poll(() => attr(page, '[data-testid=application-state]', 'data-state')).toBe('received')
    const tracking = (await text(page, '[data-testid=tracking-number]')).replace('申请编号 ', '').trim()
    expect(tracking).toMatch(/^YSQ\d{4}-\d{5}$/)
    expect(await text(page, '[data-testid=deadline]')).toMatch(/最迟在 \d{4}-\d{2}-\d{2} 前答复您/)
    // The ID number is shown masked only.
    const masked = await text(page, '[data-testid=id-masked]')
    expect(masked).toContain(`${ID.slice(0, 3)}***********${ID.slice(-4)}`)
    expect(masked).not.toContain(ID)
    // The application's file, opened with the applicant's log-in.
    expect(await text(page, '[data-testid=application-files]')).toContain('见习补贴申请材料.pdf')
    expect(await downloaded(page, '[data-testid=application-files] [data-testid=file-link]')).toEqual({ name: '见习补贴申请材料.pdf', data: MATERIAL })
    await screenshot(page, 'disclosure-applied')
    const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!
    // Staff log in on the same browser (which clears storage): keep the citizen's session to come back to.
    const citizenSession = await page.evaluate(() => localStorage.getItem('zw-citizen-session'))
    expect(citizenSession).toBeTruthy()

    // The handler: 工作台 → 依申请公开; registers a letter with its real receipt date …
    await logInToWorkbench(page, baseUrl, 'wu.handler', PASSWORD)
    await visible(page, '[data-testid=disclosures-entry]').click()
    await page.waitForURL(/workbench\/pages\/disclosures\/index/)
    await visible(page, '[data-testid=register-application]').click()
    await visible(page, '[data-testid=register-form]').waitFor()
    await visible(page, '[data-testid=register-form] .wb-chip').filter({ hasText: '信函申请' }).click()
    await wbField(page, '申请人姓名或名称').fill('赵六')
    await wbField(page, '证件号码').fill(ID)
    await wbField(page, '联系电话').fill('0851-1234567')
    await wbField(page, '所需信息').fill('贵阳市 2025 年职业技能培训补贴资金使用情况')
    await visible(page, '[data-testid=register-submit]').click()
    await visible(page, '[data-testid=disclosure-handle]').waitFor()
    expect(await attr(page, '[data-testid=disclosure-handle]', 'data-state')).toBe('received')
    expect(await text(page, '[data-testid=disclosure-clock]')).toContain('答复期限')

    // … then handles the citizen's application: 分办, then 答复 with the letter.
    await page.goto(`${baseUrl}/#/workbench/pages/disclosures/index`)
    const row = visible(page, `[data-testid=disclosure-row][data-id="${id}"]`).first()
    await row.waitFor()
    expect(await row.innerText()).toContain(tracking)
    await row.click()
    await visible(page, '[data-testid=disclosure-handle]').waitFor()
    // The handler sees and opens the applicant's file.
    expect(await downloaded(page, '[data-testid=application-files] [data-testid=file-link]')).toEqual({ name: '见习补贴申请材料.pdf', data: MATERIAL })
    await visible(page, '[data-action=assign]').click()
    await visible(page, '[data-testid=step-form] .wb-chip').filter({ hasText: '贵阳市人力资源和社会保障局' }).click()
    await visible(page, '[data-testid=step-submit]').click()
    await expect.poll(() => attr(page, '[data-testid=disclosure-handle]', 'data-state')).toBe('processing')
    // 通知补正: the applicant is asked for the year range, and has 10 working days.
    await visible(page, '[data-action=requestCorrection]').click()
    await wbField(page, '需要补正的内容（一次说清）').fill('请写明所需名单的发放批次或月份')
    await wbField(page, '补正期限（工作日）').fill('10')
    await visible(page, '[data-testid=step-submit]').click()
    await expect.poll(() => attr(page, '[data-testid=disclosure-handle]', 'data-state')).toBe('correction')

    // The citizen (their session kept beside the staff one) corrects online: the clock starts again.
    await page.evaluate((v) => localStorage.setItem('zw-citizen-session', v), citizenSession!)
    await page.goto(`${baseUrl}/#/disclosure/pages/detail/index?id=${id}`)
    await page.reload()
    await expect.poll(() => attr(page, '[data-testid=application-state]', 'data-state')).toBe('correction')
    expect(await text(page, '[data-testid=deadline]')).toMatch(/请在 \d{4}-\d{2}-\d{2} 前补正/)
    await visible(page, '[data-testid=correction-text] textarea').fill('所需为 2025 年全年各批次的发放名单')
    // … with the list of batches as a file.
    await pickFile(page, '[data-testid=correction-files] [data-testid=add-file]', { name: '发放批次说明.pdf', mimeType: 'application/pdf', buffer: BATCHES })
    await expect.poll(() => text(page, '[data-testid=correction-files] [data-testid=my-files]')).toContain('发放批次说明.pdf')
    await screenshot(page, 'disclosure-correction-with-file')
    await visible(page, '[data-testid=send-correction]').click()
    await expect.poll(() => attr(page, '[data-testid=application-state]', 'data-state')).toBe('processing')
    expect(await text(page, '[data-testid=notices]')).toContain('已收到补正材料')
    expect(await text(page, '[data-testid=application-files]')).toContain('发放批次说明.pdf')

    // The handler replies.
    await page.goto(`${baseUrl}/#/workbench/pages/disclosure/index?id=${id}`)
    await page.reload()
    await expect.poll(() => attr(page, '[data-testid=disclosure-handle]', 'data-state')).toBe('processing')
    expect(await text(page, '[data-testid=disclosure-history]')).toContain('所需为 2025 年全年各批次的发放名单')
    // The file sent with the correction is with the application, and opens with the same bytes.
    expect(await downloaded(page, '[data-testid=application-files] [data-testid=file-link]:has-text("发放批次说明.pdf")')).toEqual({ name: '发放批次说明.pdf', data: BATCHES })
    await visible(page, '[data-action=reply]').click()
    await visible(page, '[data-testid=step-form] .wb-chip').filter({ hasText: '予以公开' }).first().click()
    await wbField(page, '理由').fill('经审查，所申请信息不涉及国家秘密、商业秘密和个人隐私，予以公开。')
    await wbField(page, '答复书正文').fill(`王五：您申请的贵阳市 2025 年就业见习补贴发放名单予以公开，见附件（${STAMP}）。`)
    // Provided online: the information itself must be attached (the server says so otherwise).
    await visible(page, '[data-testid=step-submit]').click()
    await expect.poll(() => text(page, '[data-testid=step-error]')).toContain('请附上公开的信息')
    await pickFile(page, '[data-testid=step-form] [data-testid=upload-file]', { name: '答复书（见习补贴名单）.pdf', mimeType: 'application/pdf', buffer: LETTER })
    await expect.poll(() => text(page, '[data-testid=step-form] [data-testid=uploaded-file]')).toContain('答复书（见习补贴名单）.pdf')
    await screenshot(page, 'disclosure-reply-letter-uploaded')
    await visible(page, '[data-testid=step-submit]').click()
    await expect.poll(() => attr(page, '[data-testid=disclosure-handle]', 'data-state')).toBe('replied')
    expect(await text(page, '[data-testid=disclosure-history]')).toContain('答复')
    await screenshot(page, 'disclosure-handled')

    // The citizen reads the reply in 我的申请.
    await page.evaluate((v) => localStorage.setItem('zw-citizen-session', v), citizenSession!)
    await page.goto(`${baseUrl}/#/disclosure/pages/mine/index`)
    await page.reload()
    const mine = visible(page, `[data-testid=my-application][data-id="${id}"]`).first()
    await mine.waitFor()
    expect(await mine.innerText()).toContain('已答复')
    await mine.click()
    await expect.poll(() => attr(page, '[data-testid=application-state]', 'data-state')).toBe('replied')
    expect(await text(page, '[data-testid=reply-letter]')).toContain(STAMP)
    expect(await text(page, '[data-testid=reply]')).toContain('予以公开')
    // The reply letter is a file the applicant opens with their log-in.
    expect(await text(page, '[data-testid=reply-files]')).toContain('答复书（见习补贴名单）.pdf')
    expect(await downloaded(page, '[data-testid=reply-files] [data-testid=file-link]')).toEqual({ name: '答复书（见习补贴名单）.pdf', data: LETTER })
    expect(await text(page, '[data-testid=notices]')).toContain('申请已答复')
    await screenshot(page, 'disclosure-replied')
  })
  it('staff charge a per-page fee, the citizen pays it with WeChat Pay (the fake), and reads the reply', async () => {
    const { page } = b
    await logInAsCitizen(page, `fee-${STAMP}`)
    await visible(page, '[data-testid=disclosure-entry]').click()
    await visible(page, '[data-testid=new-application]').click()
    await page.waitForURL(/disclosure\/pages\/apply\/index/)
    await visible(page, `[data-field=department] [data-value=${DEPT}]`).click()
    await visible(page, '.dis-input[data-field=name] input').fill('孙七')
    await visible(page, '.dis-input[data-field=idNumber] input').fill(ID)
    await visible(page, '.dis-input[data-field=phone] input').fill('13800002222')
    await visible(page, '.dis-textarea textarea').fill(`贵阳市 2024 至 2025 年创业担保贷款贴息发放台账（${STAMP}）`)
    await visible(page, '[data-testid=submit-application]').click()
    await page.waitForURL(/disclosure\/pages\/detail\/index\?id=/)
    const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!
    const citizenSession = await page.evaluate(() => localStorage.getItem('zw-citizen-session'))

    // The handler assigns it and proposes a per-page fee: 45 pages, 15 over the free 30 at ¥10.
    await logInToWorkbench(page, baseUrl, 'wu.handler', PASSWORD)
    await page.goto(`${baseUrl}/#/workbench/pages/disclosure/index?id=${id}`)
    await page.reload()
    await visible(page, '[data-testid=disclosure-handle]').waitFor()
    await visible(page, '[data-action=assign]').click()
    await visible(page, '[data-testid=step-form] .wb-chip').filter({ hasText: '贵阳市人力资源和社会保障局' }).click()
    await visible(page, '[data-testid=step-submit]').click()
    await expect.poll(() => attr(page, '[data-testid=disclosure-handle]', 'data-state')).toBe('processing')
    await visible(page, '[data-action=proposeFee]').click()
    await visible(page, '[data-testid=step-form] .wb-chip').filter({ hasText: '按量计收' }).click()
    await wbField(page, '页数（按量计收时填写）').fill('45')
    await wbField(page, '收费理由').fill('申请复制台账 45 页，超过免费的 30 页')
    await visible(page, '[data-testid=step-submit]').click()
    await expect.poll(() => attr(page, '[data-testid=disclosure-handle]', 'data-state')).toBe('fee-review')

    // A reviewer approves it (four eyes): the applicant is sent the fee notice.
    await logInToWorkbench(page, baseUrl, 'zheng.reviewer', PASSWORD)
    await page.goto(`${baseUrl}/#/workbench/pages/disclosure/index?id=${id}`)
    await page.reload()
    await visible(page, '[data-action=approveFee]').click() // nothing to fill in: taken at once
    await expect.poll(() => attr(page, '[data-testid=disclosure-handle]', 'data-state')).toBe('fee-notified')

    // The citizen sees the notice and pays ¥150; WeChat Pay (the fake) tells the server.
    await page.evaluate((v) => localStorage.setItem('zw-citizen-session', v), citizenSession!)
    await page.goto(`${baseUrl}/#/disclosure/pages/detail/index?id=${id}`)
    await page.reload()
    await expect.poll(() => attr(page, '[data-testid=application-state]', 'data-state')).toBe('fee-notified')
    expect(await text(page, '[data-testid=fee-notice]')).toContain('150 元')
    await visible(page, '[data-testid=pay-fee]').click()
    await mongoose.connect(serverDatabase)
    let order: { _id: string } | null = null
    try {
      await expect.poll(async () => (order = await mongoose.connection.db!.collection<{ _id: string }>('pay_orders').findOne({ purpose: 'disclosure-fee', state: 'created', amountFen: 15000 }, { sort: { createdAt: -1 } })), { timeout: 15_000 }).not.toBeNull()
    } finally {
      await mongoose.disconnect()
    }
    // The ledger records the order before WeChat Pay places it: pay once the fake has it.
    await expect.poll(async () => (await fetch(`${fakePayUrl}/__fake/pay/${encodeURIComponent(order!._id)}`, { method: 'POST' })).status, { timeout: 15_000 }).toBe(200)
    await expect.poll(() => attr(page, '[data-testid=application-state]', 'data-state'), { timeout: 20_000 }).toBe('processing')
    expect(await text(page, '[data-testid=fee-notice]')).toContain('已缴费')
    await screenshot(page, 'disclosure-fee-paid')

    // The handler replies; the citizen reads it.
    await logInToWorkbench(page, baseUrl, 'wu.handler', PASSWORD)
    await page.goto(`${baseUrl}/#/workbench/pages/disclosure/index?id=${id}`)
    await page.reload()
    await expect.poll(() => attr(page, '[data-testid=disclosure-handle]', 'data-state')).toBe('processing')
    await visible(page, '[data-action=reply]').click()
    await visible(page, '[data-testid=step-form] .wb-chip').filter({ hasText: '予以公开' }).first().click()
    await wbField(page, '理由').fill('所申请信息予以公开。')
    await wbField(page, '答复书正文').fill(`孙七：您申请的台账复制件已按邮寄方式寄出（${STAMP}）。`)
    await pickFile(page, '[data-testid=step-form] [data-testid=upload-file]', { name: '台账复制件清单.pdf', mimeType: 'application/pdf', buffer: pdf('台账') })
    await expect.poll(() => text(page, '[data-testid=step-form] [data-testid=uploaded-file]')).toContain('台账复制件清单.pdf')
    await visible(page, '[data-testid=step-submit]').click()
    await expect.poll(() => attr(page, '[data-testid=disclosure-handle]', 'data-state')).toBe('replied')
    await page.evaluate((v) => localStorage.setItem('zw-citizen-session', v), citizenSession!)
    await page.goto(`${baseUrl}/#/disclosure/pages/detail/index?id=${id}`)
    await page.reload()
    await expect.poll(() => attr(page, '[data-testid=application-state]', 'data-state')).toBe('replied')
    expect(await text(page, '[data-testid=reply-letter]')).toContain(`台账复制件已按邮寄方式寄出（${STAMP}）`)
  })
})
