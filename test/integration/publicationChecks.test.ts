import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError, type ContentDraftInput } from '@zw/shared'
import { storeAttachment } from '../../server/src/content/attachments/attachmentStore'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { startTestApp, type TestApp } from '../support/app'
import { interpretationDraft, policyDraft } from '../support/content'
import { outcome, staffSession } from '../support/staff'

type Session = Awaited<ReturnType<typeof staffSession>>
let t: TestApp
let editor: Session
let reviewer: Session
let platform: Session
const DEPT = 'guiyang-hrss'
const CHECKLIST = { political: true, legal: true, secrecy: true, wording: true } as const

beforeAll(async () => {
  t = await startTestApp()
  editor = await staffSession(t, 'pc-editor', DEPT, ['editor'])
  reviewer = await staffSession(t, 'pc-reviewer', DEPT, ['reviewer'])
  platform = await staffSession(t, 'pc-platform', DEPT, ['platform-admin'])
})
afterAll(() => t.close())

const failure = async (call: Promise<unknown>) => {
  try {
    await call
  } catch (err) {
    if (err instanceof ApiClientError) return { status: err.status, code: err.code, message: err.message, fields: Object.fromEntries(err.fields.map((f) => [f.path, f.message])) }
  }
  throw new Error('expected the call to fail')
}
const checksOf = async (id: string) => (await editor.api.call('getEdition', { params: { id } })).findings.map((f) => `${f.check}:${f.field}`)

describe('错敏词: a list the platform admin maintains', () => {
  it('replaces the bundled list as a whole, audited; the checks use it at once; others may only read it', async () => {
    const e = await editor.api.call('createItemDraft', { body: policyDraft({ title: '关于省人社厅转发国家发改委通知的说明', department: DEPT }) as ContentDraftInput })
    expect(e.findings.map((f) => f.suggestion)).toEqual(['国家发展改革委'])

    const before = await editor.api.call('getWordingRules', {})
    expect(before.isDefault).toBe(true)
    expect(before.rules.length).toBeGreaterThan(5)
    const rules = [{ wrong: '人社厅', right: '人力资源社会保障厅', note: '规范简称' }]
    expect(await outcome(editor.api.call('putWordingRules', { body: { rules } }))).toBe('FORBIDDEN')
    expect(await outcome(reviewer.api.call('putWordingRules', { body: { rules } }))).toBe('FORBIDDEN')
    expect(await failure(platform.api.call('putWordingRules', { body: { rules: [...rules, { wrong: '人社厅', right: '人社部门' }] } }))).toMatchObject({
      status: 400,
      fields: { 'rules.1.wrong': '「人社厅」重复' },
    })
    expect((await editor.api.call('getWordingRules', {})).isDefault).toBe(true) // nothing written

    const saved = await platform.api.call('putWordingRules', { body: { rules } })
    expect(saved).toEqual({ rules: [{ wrong: '人社厅', right: '人力资源社会保障厅', note: '规范简称' }], isDefault: false })
    const findings = (await editor.api.call('getEdition', { params: { id: e.id } })).findings
    expect(findings.map((f) => [f.check, f.suggestion])).toEqual([['wording', '人力资源社会保障厅']])
    const audit = await AuditRecordModel.findOne({ action: 'setting.changed', subject: 'setting:wording-rules' }).lean()
    expect(audit).toMatchObject({ actor: { id: platform.id }, after: rules })
    expect((audit!.before as unknown[]).length).toBe(before.rules.length)
    // Put the bundled list back for the other tests.
    await platform.api.call('putWordingRules', { body: { rules: before.rules } })
  })
})

describe('attachments must be stored files that can be read', () => {
  it('blocks submission of an edition whose attachment is missing, with no override, until a real file is attached', async () => {
    const missing = { name: '补贴申领表.pdf', url: `/api/v1/files/${'a'.repeat(64)}.pdf`, mime: 'application/pdf', size: 1000 }
    const elsewhere = { name: '外部文件.pdf', url: 'https://example.org/x.pdf', mime: 'application/pdf', size: 10 }
    const e = await editor.api.call('createItemDraft', { body: policyDraft({ title: '附件检查测试', department: DEPT, attachments: [missing, elsewhere] }) as ContentDraftInput })
    expect(e.findings.map((f) => [f.check, f.field, f.overridable, f.message])).toEqual([
      ['attachment', 'attachments.0', false, '附件「补贴申领表.pdf」无法读取，请重新上传'],
      ['attachment', 'attachments.1', false, '附件「外部文件.pdf」不是本系统保存的文件，请上传后再发布'],
    ])
    expect(await failure(editor.api.call('submitEdition', { params: { id: e.id }, body: { note: '请审核员决定' } }))).toMatchObject({ status: 409, message: expect.stringContaining('无法读取') })

    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32)])
    const stored = await storeAttachment(t.services.content.storage, { name: '补贴申领表.pdf', mime: 'application/pdf', data: pdf })
    await editor.api.call('updateEdition', { params: { id: e.id }, body: { ...e.content, attachments: [stored] } as ContentDraftInput })
    expect(await checksOf(e.id)).toEqual([])
    expect((await editor.api.call('submitEdition', { params: { id: e.id }, body: {} })).state).toBe('submitted')
  })
})

describe('三同步: a policy that needs an interpretation is published with one', () => {
  it('waits for an approved interpretation, then publishes it together with the policy', async () => {
    const policy = await editor.api.call('createItemDraft', { body: policyDraft({ title: '贵阳市稳岗返还实施办法（三同步）', department: DEPT, policy: { needsInterpretation: true } }) as ContentDraftInput })
    expect(await checksOf(policy.id)).toEqual(['interpretation:policy.needsInterpretation'])
    // It may go to review with the finding open (the reviewer decides), but not be approved without a reason.
    await editor.api.call('submitEdition', { params: { id: policy.id }, body: { note: '解读随后提交' } })
    expect(await failure(reviewer.api.call('approveEdition', { params: { id: policy.id }, body: { checklist: CHECKLIST } }))).toMatchObject({ status: 409, message: expect.stringContaining('三同步') })

    const qa = await editor.api.call('createItemDraft', { body: interpretationDraft([policy.itemId], { title: '《稳岗返还实施办法》问答（三同步）', department: DEPT }) as ContentDraftInput })
    await editor.api.call('submitEdition', { params: { id: qa.id }, body: {} })
    await reviewer.api.call('approveEdition', { params: { id: qa.id }, body: { checklist: CHECKLIST } })
    expect(await checksOf(policy.id)).toEqual([])

    await reviewer.api.call('approveEdition', { params: { id: policy.id }, body: { checklist: CHECKLIST } })
    await reviewer.api.call('publishEdition', { params: { id: policy.id } })
    expect((await editor.api.call('getEdition', { params: { id: qa.id } })).state).toBe('published')
    const detail = await t.api.call('getItem', { params: { id: policy.itemId } })
    if (detail.type !== 'policy') throw new Error('expected a policy')
    expect(detail.interpretations.map((i) => i.id)).toEqual([qa.itemId])
    expect(await AuditRecordModel.countDocuments({ action: 'edition.publish-with-policy', subject: `content:${qa.itemId}` })).toBe(1)
  })

  it('never publishes an interpretation before the policy it interprets', async () => {
    const policy = await editor.api.call('createItemDraft', { body: policyDraft({ title: '尚未发布的政策（解读先行测试）', department: DEPT }) as ContentDraftInput })
    const qa = await editor.api.call('createItemDraft', { body: interpretationDraft([policy.itemId], { title: '解读先行测试问答', department: DEPT }) as ContentDraftInput })
    await editor.api.call('submitEdition', { params: { id: qa.id }, body: {} })
    await reviewer.api.call('approveEdition', { params: { id: qa.id }, body: { checklist: CHECKLIST } })
    expect(await failure(reviewer.api.call('publishEdition', { params: { id: qa.id } }))).toMatchObject({ status: 409, message: expect.stringContaining('《尚未发布的政策（解读先行测试）》尚未发布') })
    expect((await editor.api.call('getEdition', { params: { id: qa.id } })).state).toBe('approved')
    await editor.api.call('submitEdition', { params: { id: policy.id }, body: {} })
    await reviewer.api.call('approveEdition', { params: { id: policy.id }, body: { checklist: CHECKLIST } })
    await reviewer.api.call('publishEdition', { params: { id: policy.id } })
    expect((await reviewer.api.call('publishEdition', { params: { id: qa.id } })).state).toBe('published')
  })

  it('lets a reviewer publish it without one only by recording why', async () => {
    const policy = await editor.api.call('createItemDraft', { body: policyDraft({ title: '关于调整稳岗返还标准的通知（不同步解读）', department: DEPT, policy: { needsInterpretation: true } }) as ContentDraftInput })
    await editor.api.call('submitEdition', { params: { id: policy.id }, body: { note: '仅调整标准，解读沿用原文件' } })
    const key = (await reviewer.api.call('getEdition', { params: { id: policy.id } })).findings[0]!.key
    const approved = await reviewer.api.call('approveEdition', { params: { id: policy.id }, body: { checklist: CHECKLIST, overrides: [{ key, reason: '仅调整标准，原解读仍然适用' }] } })
    expect(approved.findings[0]!.overriddenBy).toMatchObject({ reason: '仅调整标准，原解读仍然适用' })
    expect((await reviewer.api.call('publishEdition', { params: { id: policy.id } })).state).toBe('published')
  })
})
