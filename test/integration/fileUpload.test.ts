import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentDraftInput } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { staffSession } from '../support/staff'

type Session = Awaited<ReturnType<typeof staffSession>>
let t: TestApp
let editor: Session
let reviewer: Session
let platformAdmin: Session
const DEPT = 'xinxiang-gov-office'
const CHECKLIST = { political: true, legal: true, secrecy: true, wording: true } as const
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% 补贴申领表\n'), Buffer.alloc(300, 32)])

beforeAll(async () => {
  t = await startTestApp()
  editor = await staffSession(t, 'up-editor', DEPT, ['editor'])
  reviewer = await staffSession(t, 'up-reviewer', DEPT, ['reviewer'])
  platformAdmin = await staffSession(t, 'up-platform', DEPT, ['platform-admin'])
})
afterAll(() => t.close())

const upload = (token: string | undefined, name: string, data: Buffer, type: string) => {
  const form = new FormData()
  form.append('file', new Blob([data], { type }), name)
  return fetch(`${t.url}/api/v1/staff/files`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} })
}

describe('editors upload attachments for their drafts', () => {
  it('stores a checked file, which the draft then shows and the public can download once published', async () => {
    const res = await upload(editor.session.accessToken, '补贴申领表.pdf', PDF, 'application/pdf')
    expect(res.status).toBe(201)
    const attachment = (await res.json()) as { name: string; url: string; mime: string; size: number }
    expect(attachment).toMatchObject({ name: '补贴申领表.pdf', mime: 'application/pdf', size: PDF.length, url: expect.stringMatching(/^\/api\/v1\/files\/[0-9a-f]{64}\.pdf$/) })
    expect(await AuditRecordModel.countDocuments({ action: 'file.uploaded', 'actor.id': editor.id })).toBe(1)
    // Not public until an item that shows it is.
    expect((await fetch(`${t.url}${attachment.url}`)).status).toBe(404)

    const e = await editor.api.call('createItemDraft', { body: policyDraft({ title: '附件上传测试', department: DEPT, attachments: [attachment] }) as ContentDraftInput })
    expect(e.findings).toEqual([])
    await editor.api.call('submitEdition', { params: { id: e.id }, body: {} })
    await reviewer.api.call('approveEdition', { params: { id: e.id }, body: { checklist: CHECKLIST } })
    await reviewer.api.call('publishEdition', { params: { id: e.id } })
    const download = await fetch(`${t.url}${attachment.url}`)
    expect(download.status).toBe(200)
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true)
  })

  it('takes the real file name from the field `name` (wx.uploadFile sends a temporary one)', async () => {
    const form = new FormData()
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'tmp_3f2a9c.pdf')
    form.append('name', '2026年就业补贴申领表.pdf')
    const res = await fetch(`${t.url}/api/v1/staff/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${editor.session.accessToken}` } })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { name: string }).name).toBe('2026年就业补贴申领表.pdf')
  })

  it('refuses what is not allowed, with a Chinese message per field, and stores nothing', async () => {
    const error = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; details?: { fields?: { path: string; message: string }[] } } }).error })
    expect(await error(await upload(undefined, 'a.pdf', PDF, 'application/pdf'))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
    // Editors write drafts; the department's interaction staff (a reviewer too) write drafts for comment; a platform admin does neither.
    expect(await error(await upload(platformAdmin.session.accessToken, 'a.pdf', PDF, 'application/pdf'))).toMatchObject({ status: 403, code: 'FORBIDDEN', message: '只有编辑和征求意见的起草人员可以上传附件' })
    expect((await upload(reviewer.session.accessToken, '征求意见稿.pdf', PDF, 'application/pdf')).status).toBe(201)
    const before = await AuditRecordModel.countDocuments({ action: 'file.uploaded' })
    expect(await error(await upload(editor.session.accessToken, 'setup.exe', Buffer.from('MZ....'), 'application/octet-stream'))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'name', message: expect.stringContaining('不支持的附件类型') }] },
    })
    expect(await error(await upload(editor.session.accessToken, '伪装.pdf', Buffer.from('not really a pdf at all'), 'application/pdf'))).toMatchObject({
      status: 400,
      details: { fields: [{ path: 'data', message: '文件内容不是有效的 PDF 文件' }] },
    })
    const empty = new FormData()
    empty.append('note', 'no file')
    expect(await error(await fetch(`${t.url}/api/v1/staff/files`, { method: 'POST', body: empty, headers: { authorization: `Bearer ${editor.session.accessToken}` } }))).toMatchObject({
      status: 400,
      details: { fields: [{ path: 'file', message: '请选择要上传的文件' }] },
    })
    expect(await AuditRecordModel.countDocuments({ action: 'file.uploaded' })).toBe(before)
  })
})
