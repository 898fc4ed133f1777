import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import mongoose from 'mongoose'
import { residentIdCheckChar } from '@zw/shared'
import { createAccount } from '../../server/src/auth/staffAccounts'
import { logInToWorkbench, openBrowser, screenshot, visible, type BrowserSession } from '../support/browser'
import { staffHttp } from '../support/staffHttp'

const baseUrl = inject('baseUrl')
const serverDatabase = inject('serverDatabase')
const PASSWORD = 'Guiyang2026draft'
const ID = '52010219800101123' + residentIdCheckChar('52010219800101123')
let b: BrowserSession

beforeAll(async () => {
  b = await openBrowser()
  // Two people of one department: an editor, and a reviewer (as a department admin would create them).
  await mongoose.connect(serverDatabase)
  try {
    const actor = { id: 'e2e', name: 'e2e setup' }
    await createAccount({ username: 'li.editor', displayName: '李编辑', department: 'guiyang-hrss', roles: ['editor'], password: PASSWORD }, new Date(), actor)
    await createAccount({ username: 'zhao.reviewer', displayName: '赵审核', department: 'guiyang-hrss', roles: ['reviewer'], password: PASSWORD }, new Date(), actor)
    await createAccount({ username: 'zhou.deptadmin', displayName: '周主任', department: 'guiyang-hrss', roles: ['department-admin'], password: PASSWORD }, new Date(), actor)
  } finally {
    await mongoose.disconnect()
  }
})
afterAll(() => b?.close())

const logInAs = (username: string) => logInToWorkbench(b.page, baseUrl, username, PASSWORD)

const stateOf = () => visible(b.page, '.wb-state').first().getAttribute('data-state')

/** The reviewer, on an edition page: ticks the four checks, approves, and publishes at once. */
async function approveAndPublish() {
  const { page } = b
  for (const check of ['政治关', '法律关', '保密关', '文字关']) await visible(page, '.wb-check').filter({ hasText: check }).first().click()
  await visible(page, '.wb-button').filter({ hasText: '审核通过' }).first().click()
  await expect.poll(stateOf).toBe('approved')
  await visible(page, '.wb-button').filter({ hasText: '立即发布' }).first().click()
  await expect.poll(stateOf).toBe('published')
}

describe('先审后发 in the workbench', () => {
  it('an editor writes a policy with an ID number, is stopped, masks it, submits; a different reviewer approves and publishes; citizens see it', async () => {
    const { page } = b
    const title = '关于发放2026年一次性扩岗补助的通知（演示）'
    await logInAs('li.editor')
    await visible(page, '.wb-button').filter({ hasText: '新建政策文件' }).first().click()
    await page.getByText('新建政策文件').locator('visible=true').first().waitFor()
    await visible(page, '.wb-input input').nth(0).fill(title)
    // The policy's own metadata: a 成文日期 that is not a date is refused, naming the field.
    await visible(page, '.wb-field').filter({ hasText: '成文日期' }).locator('input').first().fill('2026年11月')
    await visible(page, '.wb-button').filter({ hasText: '保存草稿' }).first().click()
    await expect.poll(() => visible(page, '.wb-error').first().innerText().catch(() => '')).toBe('成文日期：日期格式应为 YYYY-MM-DD')
    await visible(page, '.wb-field').filter({ hasText: '成文日期' }).locator('input').first().fill('2026-11-20')
    await visible(page, '.wb-textarea textarea').first().fill(`经审核，申请人（身份证号${ID}）符合扩岗补助条件。\n补助资金由市人社局统一拨付。`)
    await visible(page, '.wb-button').filter({ hasText: '保存草稿' }).first().click()
    await page.waitForURL(/workbench\/pages\/edition\/index/)
    await expect.poll(stateOf).toBe('draft')
    expect(await visible(page, '.wb-finding').first().innerText()).toContain('发现疑似身份证号码')

    await visible(page, '.wb-button').filter({ hasText: '提交审核' }).first().click()
    await expect.poll(() => visible(page, '.wb-error').first().innerText().catch(() => '')).toContain('发布前检查未通过')
    await screenshot(page, 'editorial-blocked-by-id-number')

    await visible(page, '.wb-textarea textarea').first().fill('经审核，申请人（身份证号520102********1234）符合扩岗补助条件。\n补助资金由市人社局统一拨付。')
    // Saved before going on (buttons do nothing while a step is in flight).
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/v1/staff/editions/')), visible(page, '.wb-button').filter({ hasText: '保存修改' }).first().click()])
    await page.getByText('发布前检查：未发现问题').locator('visible=true').first().waitFor()
    await visible(page, '.wb-button').filter({ hasText: '提交审核' }).first().click()
    await expect.poll(stateOf).toBe('submitted')
    // The author has no approve button.
    expect(await visible(page, '.wb-button').filter({ hasText: '审核通过' }).count()).toBe(0)
    const editionId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!

    await logInAs('zhao.reviewer')
    await visible(page, '[data-testid=review-queue] .wb-list-row').filter({ hasText: title }).first().click()
    await expect.poll(stateOf).toBe('submitted')
    for (const check of ['政治关', '法律关', '保密关']) await visible(page, '.wb-check').filter({ hasText: check }).first().click()
    await visible(page, '.wb-button').filter({ hasText: '审核通过' }).first().click()
    await expect.poll(() => visible(page, '.wb-error').first().innerText().catch(() => '')).toBe('请确认已把好文字关')
    await visible(page, '.wb-check').filter({ hasText: '文字关' }).first().click()
    await visible(page, '.wb-button').filter({ hasText: '审核通过' }).first().click()
    await expect.poll(stateOf).toBe('approved')
    await screenshot(page, 'editorial-approved')
    await visible(page, '.wb-button').filter({ hasText: '立即发布' }).first().click()
    await expect.poll(stateOf).toBe('published')

    await visible(page, '.wb-button').filter({ hasText: '查看公开页面' }).first().click()
    await page.waitForURL(/pages\/policy\/index/)
    await page.getByText(title).locator('visible=true').first().waitFor()
    await page.getByText('520102********1234', { exact: false }).locator('visible=true').first().waitFor()
    await screenshot(page, 'editorial-published-citizen-page')

    // The API refuses the author's approval outright, whatever the page shows.
    const login = await fetch(`${baseUrl}/api/v1/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'li.editor', password: PASSWORD }) })
    const { accessToken } = (await login.json()) as { accessToken: string }
    const self = await fetch(`${baseUrl}/api/v1/staff/editions/${editionId}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ checklist: { political: true, legal: true, secrecy: true, wording: true } }),
    })
    expect(self.status).toBe(403)
  }, 180_000)
})

describe('定时发布 in the workbench', () => {
  it('a reviewer schedules an approved edition in Beijing time, is refused under five minutes, and can take it off again', async () => {
    const { page } = b
    const title = '关于2026年度就业见习补贴的通知（定时演示）'
    await logInAs('li.editor')
    await visible(page, '.wb-button').filter({ hasText: '新建政策文件' }).first().click()
    await page.getByText('新建政策文件').locator('visible=true').first().waitFor()
    await visible(page, '.wb-input input').nth(0).fill(title)
    await visible(page, '.wb-textarea textarea').first().fill('见习补贴按月发放。')
    await visible(page, '.wb-button').filter({ hasText: '保存草稿' }).first().click()
    await page.waitForURL(/workbench\/pages\/edition\/index/)
    await visible(page, '.wb-button').filter({ hasText: '提交审核' }).first().click()
    await expect.poll(stateOf).toBe('submitted')

    await logInAs('zhao.reviewer')
    await visible(page, '[data-testid=review-queue] .wb-list-row').filter({ hasText: title }).first().click()
    for (const check of ['政治关', '法律关', '保密关', '文字关']) await visible(page, '.wb-check').filter({ hasText: check }).first().click()
    await visible(page, '.wb-button').filter({ hasText: '审核通过' }).first().click()
    await expect.poll(stateOf).toBe('approved')

    const field = visible(page, '.wb-field').filter({ hasText: '定时发布（北京时间' }).locator('input').first()
    const inBeijing = (ms: number) => new Date(Date.now() + ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
    await field.fill(inBeijing(2 * 60_000))
    await visible(page, '.wb-button').filter({ hasText: '定时发布' }).first().click()
    await expect.poll(() => visible(page, '.wb-error').first().innerText().catch(() => '')).toBe('定时发布时间须至少在 5 分钟之后')
    const at = inBeijing(3 * 3600_000)
    await field.fill(at)
    await visible(page, '.wb-button').filter({ hasText: '定时发布' }).first().click()
    await expect.poll(stateOf).toBe('scheduled')
    expect(await visible(page, '[data-testid=scheduled-at]').first().innerText()).toBe(`将于北京时间 ${at} 自动发布`)
    await screenshot(page, 'editorial-scheduled')
    await visible(page, '.wb-button').filter({ hasText: '取消定时' }).first().click()
    await expect.poll(stateOf).toBe('approved')
  }, 180_000)
})

/** Set-up over the API, as the people would do it in the workbench. */
const http = staffHttp(baseUrl, PASSWORD)
const GUIYANG = { editor: 'li.editor', reviewer: 'zhao.reviewer', department: 'guiyang-hrss', region: '520100000000', issuer: '贵阳市人力资源和社会保障局' }
const { tokenOf, post } = http
const draftPolicy = (title: string, bodyText: string) => http.draftPolicy(GUIYANG, title, bodyText)
const publishedPolicy = (title: string, bodyText: string) => http.publishedPolicy(GUIYANG, title, bodyText)

describe('修订 and 撤回 in the workbench', () => {

  it('an editor revises a published policy with a change note, a reviewer publishes it, then withdraws it with an explanation the public sees', async () => {
    const { page } = b
    const title = '关于贵阳市失业保险稳岗返还的通知（修订演示）'
    await publishedPolicy(title, '稳岗返还申请截止日期为11月30日。')

    await logInAs('li.editor')
    await visible(page, '[data-testid=department-items] .wb-list-row').filter({ hasText: title }).first().click()
    await page.waitForURL(/workbench\/pages\/item\/index/)
    await visible(page, '.wb-button').filter({ hasText: '修订（新建版本）' }).first().click()
    await page.waitForURL(/workbench\/pages\/edition\/index/)
    await expect.poll(() => visible(page, '.wb-state').first().innerText()).toContain('修订第 2 版')
    await visible(page, '.wb-textarea textarea').first().fill('稳岗返还申请截止日期延长至12月31日。')
    // Saved before going on (buttons do nothing while a step is in flight).
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/v1/staff/editions/')), visible(page, '.wb-button').filter({ hasText: '保存修改' }).first().click()])
    await page.getByText('发布前检查：未发现问题').locator('visible=true').first().waitFor()
    await visible(page, '.wb-button').filter({ hasText: '提交审核' }).first().click()
    await expect.poll(() => visible(page, '.wb-error').first().innerText().catch(() => '')).toContain('请填写修改说明')
    await visible(page, '.wb-field').filter({ hasText: '修改说明' }).locator('input').first().fill('申请截止日期延长至12月31日')
    await visible(page, '.wb-button').filter({ hasText: '提交审核' }).first().click()
    await expect.poll(stateOf).toBe('submitted')

    await logInAs('zhao.reviewer')
    await visible(page, '[data-testid=review-queue] .wb-list-row').filter({ hasText: title }).first().click()
    await approveAndPublish()
    await visible(page, '.wb-button').filter({ hasText: '查看公开页面' }).first().click()
    await page.waitForURL(/pages\/policy\/index/)
    await page.getByText('稳岗返还申请截止日期延长至12月31日。').locator('visible=true').first().waitFor()
    expect(await visible(page, '.publication-history').first().innerText()).toContain('修订：申请截止日期延长至12月31日')
    await screenshot(page, 'editorial-revised-citizen-page')

    // 撤回: from the item's history page.
    await page.goBack()
    await visible(page, '.wb-button').filter({ hasText: '内容历史' }).first().click()
    await page.waitForURL(/workbench\/pages\/item\/index/)
    expect(await visible(page, '.wb-list-row').filter({ hasText: '第 1 版' }).first().innerText()).toContain('已被新版本替换')
    await visible(page, '.wb-button').filter({ hasText: '撤回' }).first().click()
    await visible(page, '.wb-textarea textarea').first().fill('太短')
    await visible(page, '.wb-button').filter({ hasText: '确认撤回' }).first().click()
    await expect.poll(() => visible(page, '.wb-error').first().innerText().catch(() => '')).toContain('至少 10 个字')
    await visible(page, '.wb-textarea textarea').first().fill('本通知内容已并入《贵阳市稳岗政策汇编》，请以汇编为准。')
    await visible(page, '.wb-button').filter({ hasText: '确认撤回' }).first().click()
    await expect.poll(() => visible(page, '.wb-state').first().getAttribute('data-state')).toBe('withdrawn')
    await visible(page, '.wb-button').filter({ hasText: '查看公开页面' }).first().click()
    await page.waitForURL(/pages\/policy\/index/)
    const banner = visible(page, '.withdrawal-banner').first()
    await banner.waitFor()
    expect(await banner.innerText()).toContain('本通知内容已并入《贵阳市稳岗政策汇编》')
    await screenshot(page, 'editorial-withdrawn-citizen-page')
  }, 180_000)
})

describe('强制发布 and the reviewer inbox in the workbench', () => {
  it('a department admin force-publishes a draft with a reason; the dashboard counts it; another reviewer confirms it afterwards; late reviews are highlighted', async () => {
    const { page } = b
    const title = '关于暴雨红色预警期间暂停户外作业的紧急通知（强制发布演示）'
    const e = await draftPolicy(title, '因暴雨红色预警，全市户外作业即日起暂停。')
    // A submission that has waited a week: late.
    const late = await draftPolicy('关于2026年第三季度就业见习补贴的公示（逾期演示）', '公示期五个工作日。')
    await post(await tokenOf('li.editor'), `/api/v1/staff/editions/${late.id}/submit`, {})
    await mongoose.connect(serverDatabase)
    try {
      await mongoose.connection.db!.collection('content_editions').updateOne({ _id: new mongoose.Types.ObjectId(late.id) }, { $set: { submittedAt: new Date(Date.now() - 7 * 86_400_000) } })
    } finally {
      await mongoose.disconnect()
    }

    await logInAs('zhou.deptadmin')
    const counted = async () => Number(/本年 (\d+) 次/.exec(await visible(page, '[data-testid=force-published]').first().innerText())![1])
    const before = await counted()
    await visible(page, '[data-testid=department-items] .wb-list-row').filter({ hasText: title }).first().click()
    await page.waitForURL(/workbench\/pages\/item\/index/)
    await visible(page, '.wb-list-row').filter({ hasText: '第 1 版' }).first().click()
    await page.waitForURL(/workbench\/pages\/edition\/index/)
    await visible(page, '.wb-textarea textarea').last().fill('暴雨红色预警，须立即通知群众。')
    await visible(page, '.wb-button').filter({ hasText: '强制发布' }).first().click()
    await expect.poll(stateOf).toBe('published')
    expect(await visible(page, '[data-testid=forced]').first().innerText()).toContain('暴雨红色预警，须立即通知群众。')
    await page.goto(`${baseUrl}/#/workbench/pages/index/index`)
    await expect.poll(counted).toBe(before + 1)
    await screenshot(page, 'editorial-force-published-dashboard')

    await logInAs('zhao.reviewer')
    const retro = visible(page, '[data-testid=review-queue] .wb-task').filter({ hasText: title }).first()
    expect(await retro.getAttribute('data-kind')).toBe('retrospective')
    expect(await retro.innerText()).toContain('强制发布理由：暴雨红色预警，须立即通知群众。')
    const waiting = visible(page, '[data-testid=review-queue] .wb-task').filter({ hasText: '逾期演示' }).first()
    expect(await waiting.getAttribute('class')).toContain('wb-task-overdue')
    expect(await waiting.innerText()).toContain('已超过 1 个工作日')
    await screenshot(page, 'editorial-review-inbox')
    await retro.locator('.wb-button').filter({ hasText: '确认无误' }).first().click()
    await expect.poll(() => visible(page, '[data-testid=review-queue] .wb-task').filter({ hasText: title }).count()).toBe(0)
    expect(e.itemId).toBeTruthy()
  }, 180_000)
})

describe('附件 in the workbench', () => {
  it('an editor uploads a PDF to a new policy; a file that is not allowed is refused with the reason', async () => {
    const { page } = b
    await logInAs('li.editor')
    await visible(page, '.wb-button').filter({ hasText: '新建政策文件' }).first().click()
    await page.getByText('新建政策文件').locator('visible=true').first().waitFor()
    await visible(page, '.wb-input input').nth(0).fill('关于2026年度就业补贴申领表的通知（附件演示）')
    await visible(page, '.wb-textarea textarea').first().fill('申领表见附件。')
    const pick = async (name: string, mimeType: string, buffer: Buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '.wb-button').filter({ hasText: '上传附件' }).first().click()])
      await chooser.setFiles({ name, mimeType, buffer })
    }
    await pick('setup.exe', 'application/octet-stream', Buffer.from('MZ not allowed'))
    await expect.poll(() => visible(page, '[data-testid=attachments] .wb-error').first().innerText().catch(() => '')).toContain('不支持的附件类型')
    await pick('就业补贴申领表.pdf', 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 32)]))
    await expect.poll(() => visible(page, '[data-testid=attachment]').first().innerText().catch(() => '')).toContain('就业补贴申领表.pdf')
    await visible(page, '.wb-button').filter({ hasText: '保存草稿' }).first().click()
    await page.waitForURL(/workbench\/pages\/edition\/index/)
    await page.getByText('发布前检查：未发现问题').locator('visible=true').first().waitFor()
    expect(await visible(page, '[data-testid=attachment]').first().innerText()).toContain('就业补贴申领表.pdf')
    await screenshot(page, 'editorial-attachment-uploaded')
  }, 120_000)
})

describe('政策解读 and 办事指南 in the workbench', () => {
  it('an editor writes a Q&A interpretation of a policy and a service guide; the reviewer publishes the interpretation; citizens read it', async () => {
    const { page } = b
    const policyTitle = '贵阳市就业见习补贴管理办法（解读演示）'
    // The policy is public already: an interpretation never goes out before its policy.
    const policy = { itemId: await publishedPolicy(policyTitle, '见习补贴按月发放。') }
    await logInAs('li.editor')
    await visible(page, '.wb-button').filter({ hasText: '新建政策文件' }).first().click()
    await visible(page, '[role=radio]').filter({ hasText: '政策解读' }).first().click()
    await page.getByText('新建政策解读').locator('visible=true').first().waitFor()
    await visible(page, '.wb-field').filter({ hasText: '标题' }).locator('input').first().fill('《就业见习补贴管理办法》政策问答')
    await visible(page, '.wb-chip').filter({ hasText: policyTitle }).first().click()
    await visible(page, '[data-testid=qa-row]').first().locator('input').first().fill('见习补贴每月多少钱？')
    await visible(page, '[data-testid=qa-row]').first().locator('textarea').first().fill('按当地最低工资标准的 60% 按月发放。')
    await visible(page, '.wb-button').filter({ hasText: '保存草稿' }).first().click()
    await page.waitForURL(/workbench\/pages\/edition\/index/)
    await expect.poll(stateOf).toBe('draft')
    expect(await visible(page, '[data-testid=qa-row]').first().locator('input').first().inputValue()).toBe('见习补贴每月多少钱？')
    await visible(page, '.wb-button').filter({ hasText: '提交审核' }).first().click()
    await expect.poll(stateOf).toBe('submitted')
    const interpretationUrl = page.url()

    // A guide: saving with blanks names the field.
    await page.goto(`${baseUrl}/#/workbench/pages/new/index`)
    await visible(page, '[role=radio]').filter({ hasText: '办事指南' }).first().click()
    await visible(page, '.wb-field').filter({ hasText: '事项名称' }).locator('input').first().fill('就业见习补贴申领（演示）')
    await visible(page, '.wb-button').filter({ hasText: '保存草稿' }).first().click()
    await expect.poll(() => visible(page, '.wb-error').first().innerText().catch(() => '')).toMatch(/^(设定依据|申办条件|材料名称|办理步骤|办理地点|咨询电话)：/)
    await visible(page, '.wb-field').filter({ hasText: '设定依据' }).locator('textarea').first().fill('《贵阳市就业见习管理办法》')
    await visible(page, '.wb-field').filter({ hasText: '申办条件' }).locator('textarea').first().fill('16至24岁失业青年\n离校2年内未就业高校毕业生')
    await visible(page, '[data-testid=materials-row]').first().locator('input').first().fill('居民身份证')
    await visible(page, '[data-testid=steps-row]').first().locator('input').first().fill('提交申请')
    await visible(page, '[data-testid=steps-row]').first().locator('textarea').first().fill('见习单位向区人社局提交补贴申请。')
    await visible(page, '.wb-field').filter({ hasText: '办理地点' }).locator('input').first().fill('各区（市、县）人力资源和社会保障局')
    await visible(page, '.wb-field').filter({ hasText: '咨询电话' }).locator('input').first().fill('0851-12333')
    await visible(page, '.wb-button').filter({ hasText: '保存草稿' }).first().click()
    await page.waitForURL(/workbench\/pages\/edition\/index/)
    await expect.poll(stateOf).toBe('draft')
    await screenshot(page, 'editorial-guide-draft')

    await logInAs('zhao.reviewer')
    await page.goto(interpretationUrl)
    await expect.poll(stateOf).toBe('submitted')
    await approveAndPublish()
    await visible(page, '.wb-button').filter({ hasText: '查看公开页面' }).first().click()
    await page.waitForURL(/pages\/interpretation\/index/)
    await page.getByText('见习补贴每月多少钱？').locator('visible=true').first().waitFor()
    await screenshot(page, 'editorial-interpretation-citizen-page')
    expect(policy.itemId).toBeTruthy()
  }, 180_000)
})
