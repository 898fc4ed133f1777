import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient, DisclosureApplicationBody, DisclosureAttachment } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { Counter } from '../../server/src/content/model'
import { DisclosureApplicationModel, DisclosureFileModel, DisclosureUploadDayModel } from '../../server/src/disclosure/model'
import { CITIZEN_UPLOADS_PER_DAY } from '../../server/src/disclosure/fileUploader'
import { UNSENT_FILE_KEEP_DAYS } from '../../server/src/disclosure/fileEraser'
import { startTestApp, type TestApp } from '../support/app'
import { applicationForm, residentIdNumber } from '../support/disclosure'
import { download, pdf, png, uploadDisclosureFile, uploaded } from '../support/disclosureFiles'
import { outcome, refusedFields, staffSession } from '../support/staff'

const DEPT = 'guiyang-hrss'
const OTHER = 'xinxiang-gov-office'
const today = '2026-11-02'
let t: TestApp
let n = 0
beforeAll(async () => {
  t = await startTestApp({ citizenDevLogIn: true, disclosure: { now: () => new Date(`${today}T10:00:00+08:00`) } })
})
afterAll(() => t.close())

interface Person {
  api: ApiClient
  token: string
  id: string
}
async function citizen(name: string): Promise<Person> {
  const session = await t.api.call('citizenDevLogIn', { body: { name: `${name}-${++n}` } })
  return { api: t.asStaff(session.accessToken), token: session.accessToken, id: session.citizen.id }
}
async function staff(department: string, role: 'editor' | 'reviewer' | 'department-admin' | 'platform-admin'): Promise<Person> {
  const s = await staffSession(t, `files-${role}-${++n}`, department, [role])
  return { api: s.api, token: s.session.accessToken, id: s.id }
}
const form = (attachments: string[] = []): DisclosureApplicationBody => applicationForm(residentIdNumber('19800101', 900 + (++n % 99)), { attachments })
const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; message: string; details?: { fields?: { path: string; message: string }[] } } }).error })
/** Everything the binding could have written: applications, files, tracking numbers, audit records. */
const written = async () =>
  JSON.stringify([await DisclosureApplicationModel.find().sort({ _id: 1 }).lean(), await DisclosureFileModel.find().sort({ _id: 1 }).lean(), await Counter.find().sort({ _id: 1 }).lean(), await AuditRecordModel.countDocuments()])

describe('uploads', () => {
  it('a citizen uploads a private file: recorded with who uploaded it, audited without its name, the real name taken from `name`', async () => {
    const me = await citizen('up-citizen')
    const res = await uploadDisclosureFile(t, 'citizen', me.token, { name: 'tmp_8a7f.pdf', realName: '张三的身份证复印件.pdf', data: pdf() })
    expect(res.status).toBe(201)
    const file = (await res.json()) as DisclosureAttachment
    expect(file).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), name: '张三的身份证复印件.pdf', mime: 'application/pdf', size: pdf().length, url: `/api/v1/disclosure/files/${file.id}` })
    const stored = await DisclosureFileModel.findById(file.id).lean()
    expect(stored).toMatchObject({ uploaderKind: 'citizen', uploaderId: me.id, uploaderDepartment: null, applicationId: null, storageKey: `${createHash('sha256').update(pdf()).digest('hex')}.pdf` })
    const audit = await AuditRecordModel.findOne({ action: 'disclosure.file-uploaded', subject: `disclosure-file:${file.id}` }).lean()
    expect(audit?.actor.id).toBe(`citizen:${me.id}`)
    expect(JSON.stringify(audit)).not.toContain('张三')
  })

  it('staff who handle disclosure upload for their department; others are refused before anything is read', async () => {
    const editor = await staff(DEPT, 'editor')
    const reviewer = await staff(DEPT, 'reviewer')
    const platform = await staff(DEPT, 'platform-admin')
    const me = await citizen('up-wrong-kind')
    const res = await uploadDisclosureFile(t, 'staff', editor.token, { name: '答复书.pdf', data: pdf() })
    expect(res.status).toBe(201)
    const file = (await res.json()) as DisclosureAttachment
    expect(await DisclosureFileModel.findById(file.id).lean()).toMatchObject({ uploaderKind: 'staff', uploaderId: editor.id, uploaderDepartment: DEPT })
    expect(await AuditRecordModel.findOne({ action: 'disclosure.file-uploaded', subject: `disclosure-file:${file.id}` }).lean()).toMatchObject({ actor: { id: editor.id }, after: { name: '答复书.pdf', department: DEPT } })
    // Every role that handles disclosure in a department (permissions.ts `disclosure.handle`); not platform admins.
    const roles = ['editor', 'reviewer', 'department-admin', 'platform-admin'] as const
    const statuses: Record<string, number> = {}
    for (const role of roles) statuses[role] = (await uploadDisclosureFile(t, 'staff', (await staff(DEPT, role)).token, { name: '答复书.pdf', data: pdf() })).status
    expect(statuses).toEqual({ editor: 201, reviewer: 201, 'department-admin': 201, 'platform-admin': 403 })
    expect((await uploadDisclosureFile(t, 'staff', reviewer.token, { name: '答复书.pdf', data: pdf() })).status).toBe(201)

    const before = await DisclosureFileModel.countDocuments()
    expect(await errorOf(await uploadDisclosureFile(t, 'staff', platform.token, { name: 'a.pdf', data: pdf() }))).toMatchObject({ status: 403, code: 'FORBIDDEN' })
    expect(await errorOf(await uploadDisclosureFile(t, 'staff', undefined, { name: 'a.pdf', data: pdf() }))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
    expect(await errorOf(await uploadDisclosureFile(t, 'citizen', undefined, { name: 'a.pdf', data: pdf() }))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
    // A token of one kind never passes as the other.
    expect(await errorOf(await uploadDisclosureFile(t, 'staff', me.token, { name: 'a.pdf', data: pdf() }))).toMatchObject({ status: 401 })
    expect(await errorOf(await uploadDisclosureFile(t, 'citizen', editor.token, { name: 'a.pdf', data: pdf() }))).toMatchObject({ status: 401 })
    expect(await DisclosureFileModel.countDocuments()).toBe(before)
  })

  it('refuses a type, a content or a size that is not allowed, with a Chinese message per field, and records nothing', async () => {
    const me = await citizen('up-bad')
    const before = await DisclosureFileModel.countDocuments()
    expect(await errorOf(await uploadDisclosureFile(t, 'citizen', me.token, { name: 'setup.exe', data: Buffer.from('MZ....'), type: 'application/octet-stream' }))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'name', message: expect.stringContaining('不支持的附件类型') }] },
    })
    expect(await errorOf(await uploadDisclosureFile(t, 'citizen', me.token, { name: '伪装.pdf', data: Buffer.from('<html>not a pdf</html>') }))).toMatchObject({ status: 400, details: { fields: [{ path: 'data', message: '文件内容不是有效的 PDF 文件' }] } })
    expect(await errorOf(await uploadDisclosureFile(t, 'citizen', me.token, { name: '图片.png', data: png(), type: 'application/pdf' }))).toMatchObject({ status: 400, details: { fields: [{ path: 'mime', message: '文件类型（application/pdf）与扩展名 .png 不符' }] } })
    const big = Buffer.concat([pdf(), Buffer.alloc(20 * 1024 * 1024)])
    expect(await errorOf(await uploadDisclosureFile(t, 'citizen', me.token, { name: '太大.pdf', data: big }))).toMatchObject({ status: 400, details: { fields: [{ path: 'file', message: '附件不能超过 20 MB' }] } })
    const empty = new FormData()
    empty.append('note', 'no file')
    expect(await errorOf(await fetch(`${t.url}/api/v1/citizen/disclosure/files`, { method: 'POST', body: empty, headers: { authorization: `Bearer ${me.token}` } }))).toMatchObject({ status: 400, details: { fields: [{ path: 'file', message: '请选择要上传的文件' }] } })
    expect(await DisclosureFileModel.countDocuments()).toBe(before)
  })

  it(`limits a citizen to ${CITIZEN_UPLOADS_PER_DAY} uploads a day (429), not other citizens`, async () => {
    const me = await citizen('up-many')
    await DisclosureUploadDayModel.create({ _id: `${me.id}:${today}`, count: CITIZEN_UPLOADS_PER_DAY - 1 })
    expect((await uploadDisclosureFile(t, 'citizen', me.token, { name: 'a.pdf', data: pdf() })).status).toBe(201)
    expect(await errorOf(await uploadDisclosureFile(t, 'citizen', me.token, { name: 'b.pdf', data: pdf() }))).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: `每天最多上传 ${CITIZEN_UPLOADS_PER_DAY} 个附件，请明天再试` })
    expect((await uploadDisclosureFile(t, 'citizen', (await citizen('up-few')).token, { name: 'a.pdf', data: pdf() })).status).toBe(201)
  })
})

describe('binding files to applications and replies', () => {
  it('an applicant attaches their own files; someone else’s, a used one, an unknown or repeated id is refused per field with nothing written', async () => {
    const me = await citizen('bind-me')
    const other = await citizen('bind-other')
    const editor = await staff(DEPT, 'editor')
    const mine = [await uploaded(t, 'citizen', me.token, '申请表.pdf'), await uploaded(t, 'citizen', me.token, '现场照片.png', png())]
    const theirs = await uploaded(t, 'citizen', other.token, '他人的文件.pdf')
    const staffFile = await uploaded(t, 'staff', editor.token, '答复书.pdf')

    const before = await written()
    expect(await refusedFields(me.api.call('submitDisclosure', { body: form([mine[0]!.id, theirs.id, staffFile.id, 'ffffffffffffffffffffffff', mine[0]!.id]) }))).toEqual({
      'attachments.1': '找不到这个附件，请重新上传',
      'attachments.2': '找不到这个附件，请重新上传',
      'attachments.3': '找不到这个附件，请重新上传',
      'attachments.4': '同一个附件只能添加一次',
    })
    expect(await refusedFields(me.api.call('submitDisclosure', { body: form(['../../etc/passwd']) }))).toEqual({ 'attachments.0': '附件编号格式不正确' })
    expect(await refusedFields(me.api.call('submitDisclosure', { body: form(Array(6).fill(mine[0]!.id)) }))).toEqual({ attachments: '附件最多 5 个' })
    expect(await written()).toBe(before)

    const app = await me.api.call('submitDisclosure', { body: form(mine.map((f) => f.id)) })
    expect(app.attachments).toEqual(mine)
    expect((await me.api.call('getMyDisclosure', { params: { id: app.id } })).attachments).toEqual(mine)
    expect(await DisclosureFileModel.findById(mine[0]!.id).lean()).toMatchObject({ applicationId: app.id, attachedAs: 'application', attachedAt: expect.any(Date) })
    expect(await AuditRecordModel.findOne({ action: 'disclosure.receive', subject: `disclosure:${app.id}` }).lean()).toMatchObject({ after: { attachments: mine.map((f) => f.id) } })

    // A file already sent with one application cannot go with another.
    const again = await written()
    expect(await refusedFields(me.api.call('submitDisclosure', { body: form([mine[1]!.id]) }))).toEqual({ 'attachments.0': '这个附件已用在一件申请或答复中，不能再次使用，请重新上传' })
    expect(await written()).toBe(again)
  })

  it('two applications racing for one file: exactly one gets it, the other is refused and writes nothing', async () => {
    const me = await citizen('bind-race')
    const file = await uploaded(t, 'citizen', me.token, '材料.pdf')
    const applications = await DisclosureApplicationModel.countDocuments()
    const results = await Promise.allSettled([me.api.call('submitDisclosure', { body: form([file.id]) }), me.api.call('submitDisclosure', { body: form([file.id]) })])
    const won = results.filter((r) => r.status === 'fulfilled')
    expect(won).toHaveLength(1)
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 400, code: 'VALIDATION_FAILED', fields: [{ path: 'attachments.0' }] } })
    expect(await DisclosureApplicationModel.countDocuments()).toBe(applications + 1)
    expect((await DisclosureFileModel.findById(file.id).lean())?.applicationId).toBe((won[0] as PromiseFulfilledResult<{ id: string }>).value.id)
  })

  it('staff attach scans to a registration and the reply letter to a reply, only files of the handling department', async () => {
    const editor = await staff(DEPT, 'editor')
    const outsider = await staff(OTHER, 'editor')
    const me = await citizen('bind-reply')
    const scan = await uploaded(t, 'staff', editor.token, '来信扫描件.pdf')
    const registered = await editor.api.call('registerDisclosure', { body: { ...form([scan.id]), channel: 'letter', receivedOn: today } })
    expect(registered.attachments).toEqual([scan])
    expect(await refusedFields(editor.api.call('registerDisclosure', { body: { ...form([(await uploaded(t, 'citizen', me.token)).id]), channel: 'letter', receivedOn: today } }))).toEqual({ 'attachments.0': '找不到这个附件，请重新上传' })

    const app = await me.api.call('submitDisclosure', { body: form() })
    await editor.api.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'assign', department: DEPT } })
    const reply = (attachments: string[]) => editor.api.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'reply', type: 'provided', reasons: '予以公开', legalBasis: '《政府信息公开条例》第三十六条第（二）项', letter: '答复书正文', attachments } })
    const before = await written()
    expect(await refusedFields(reply([(await uploaded(t, 'staff', outsider.token)).id, (await uploaded(t, 'citizen', me.token)).id, scan.id]))).toEqual({
      'attachments.0': '找不到这个附件，请重新上传',
      'attachments.1': '找不到这个附件，请重新上传',
      'attachments.2': '这个附件已用在一件申请或答复中，不能再次使用，请重新上传',
    })
    // The uploads above were written; the application and the files it could have taken were not.
    const unchanged = (s: string) => JSON.parse(s)[0].find((a: { _id: string }) => a._id === app.id)
    expect(unchanged(await written())).toEqual(unchanged(before))
    const letter = await uploaded(t, 'staff', editor.token, '答复书（2026）第12号.pdf')
    const info = await uploaded(t, 'staff', editor.token, '发放明细.pdf', pdf('明细'))
    const replied = await reply([letter.id, info.id])
    expect(replied.reply?.attachments).toEqual([letter, info])
    expect((await me.api.call('getMyDisclosure', { params: { id: app.id } })).reply?.attachments).toEqual([letter, info])
    expect(await DisclosureFileModel.findById(letter.id).lean()).toMatchObject({ applicationId: app.id, attachedAs: 'reply' })
    expect(await AuditRecordModel.findOne({ action: 'disclosure.reply', subject: `disclosure:${app.id}` }).lean()).toMatchObject({ after: { attachments: [letter.id, info.id] } })
  })
})

describe('files sent with a correction (补正)', () => {
  it('join the application’s attachments; someone else’s, a used or unknown file is refused per field with nothing written', async () => {
    const editor = await staff(DEPT, 'editor')
    const me = await citizen('bind-correct')
    const other = await citizen('bind-correct-other')
    const first = await uploaded(t, 'citizen', me.token, '申请表.pdf')
    const app = await me.api.call('submitDisclosure', { body: form([first.id]) })
    await editor.api.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'assign', department: DEPT } })
    await editor.api.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'requestCorrection', items: '请补交身份证明复印件', days: 10 } })

    const copy = await uploaded(t, 'citizen', me.token, '身份证复印件.png', png())
    const correct = (attachments: string[]) => me.api.call('correctMyDisclosure', { params: { id: app.id }, body: { text: '已补交身份证明复印件', attachments } })
    const before = await written()
    expect(await refusedFields(correct([copy.id, (await uploaded(t, 'citizen', other.token)).id, first.id, 'ffffffffffffffffffffffff']))).toEqual({
      'attachments.1': '找不到这个附件，请重新上传',
      'attachments.2': '这个附件已用在一件申请或答复中，不能再次使用，请重新上传',
      'attachments.3': '找不到这个附件，请重新上传',
    })
    // The other citizen's upload above was written; the application and the files it could have taken were not.
    const unchanged = (s: string) => JSON.parse(s)[0].find((a: { _id: string }) => a._id === app.id)
    expect(unchanged(await written())).toEqual(unchanged(before))
    expect(await DisclosureFileModel.findById(copy.id).lean()).toMatchObject({ applicationId: null })

    const corrected = await correct([copy.id])
    expect(corrected.state).not.toBe('correction')
    expect(corrected.attachments).toEqual([first, copy])
    expect(corrected.notices.at(-1)?.text).toContain('和 1 个附件')
    expect(await DisclosureFileModel.findById(copy.id).lean()).toMatchObject({ applicationId: app.id, attachedAs: 'application' })
    // The handler sees it with the application, and can download it.
    expect((await editor.api.call('getDisclosure', { params: { id: app.id } })).attachments).toEqual([first, copy])
    expect((await download(t, copy.url, editor.token)).status).toBe(200)
    expect(await AuditRecordModel.findOne({ action: 'disclosure.correct', subject: `disclosure:${app.id}` }).lean()).toMatchObject({ before: { attachments: 1 }, after: { attachments: 2, added: [copy.id] } })
    // Sent once: not asked for any more, and the file stays where it went.
    expect(await outcome(correct([]))).toBe('CONFLICT')
  })
})

describe('downloads', () => {
  it('the applicant and the staff handling the application get the file; everyone else is told it does not exist', async () => {
    const me = await citizen('dl-owner')
    const other = await citizen('dl-other')
    const editor = await staff(DEPT, 'editor')
    const reviewer = await staff(DEPT, 'reviewer')
    const outsider = await staff(OTHER, 'editor')
    const platform = await staff(DEPT, 'platform-admin')
    const data = pdf('申请材料')
    const mine = await uploaded(t, 'citizen', me.token, "申请材料(2026)'附件'.pdf", data)
    const photo = await uploaded(t, 'citizen', me.token, '照片.png', png())
    const app = await me.api.call('submitDisclosure', { body: form([mine.id, photo.id]) })

    const ok = await download(t, mine.url, me.token)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('application/pdf')
    expect(ok.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''%E7%94%B3%E8%AF%B7%E6%9D%90%E6%96%99%282026%29%27%E9%99%84%E4%BB%B6%27.pdf")
    expect(ok.headers.get('cache-control')).toBe('private, no-store')
    expect(Buffer.from(await ok.arrayBuffer()).equals(data)).toBe(true)
    const image = await download(t, photo.url, me.token)
    expect([image.status, image.headers.get('content-type'), image.headers.get('content-disposition')]).toEqual([200, 'image/png', "inline; filename*=UTF-8''%E7%85%A7%E7%89%87.png"])

    const status = async (url: string, who?: Person) => (await download(t, url, who?.token)).status
    const downloads = await AuditRecordModel.countDocuments({ action: 'disclosure.file-downloaded' })
    expect({ owner: await status(mine.url, me), other: await status(mine.url, other), handler: await status(mine.url, editor), reviewer: await status(mine.url, reviewer), outsider: await status(mine.url, outsider), platform: await status(mine.url, platform), anonymous: await status(mine.url) }).toEqual({
      owner: 200,
      other: 404,
      handler: 200,
      reviewer: 200,
      outsider: 404,
      platform: 404,
      anonymous: 401,
    })
    expect(await errorOf(await download(t, mine.url, other.token))).toMatchObject({ status: 404, code: 'NOT_FOUND', message: '文件不存在' })
    expect((await download(t, mine.url, 'v1.forged.token')).status).toBe(401)
    expect((await download(t, '/api/v1/disclosure/files/ffffffffffffffffffffffff', me.token)).status).toBe(404)
    expect((await download(t, '/api/v1/disclosure/files/not-an-id', editor.token)).status).toBe(404)
    // Staff downloads are audited (who, which file, which application); the applicant's are not.
    expect(await AuditRecordModel.countDocuments({ action: 'disclosure.file-downloaded' })).toBe(downloads + 2)
    expect(await AuditRecordModel.findOne({ action: 'disclosure.file-downloaded', 'actor.id': editor.id }).lean()).toMatchObject({ subject: `disclosure-file:${mine.id}`, after: { applicationId: app.id, attachedAs: 'application' } })

    // The reply's files: the applicant too; after 分办 to another department, its staff and no longer the first one's.
    const letter = await uploaded(t, 'staff', editor.token, '答复书.pdf')
    expect(await status(letter.url, editor)).toBe(200) // not bound yet: the uploader's department
    expect(await status(letter.url, outsider)).toBe(404)
    expect(await status(letter.url, me)).toBe(404)
    await editor.api.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'assign', department: DEPT } })
    await editor.api.call('actOnDisclosure', { params: { id: app.id }, body: { action: 'reply', type: 'provided', reasons: '予以公开', legalBasis: '第三十六条', letter: '见附件', attachments: [letter.id] } })
    expect({ owner: await status(letter.url, me), other: await status(letter.url, other), handler: await status(letter.url, editor), outsider: await status(letter.url, outsider) }).toEqual({ owner: 200, other: 404, handler: 200, outsider: 404 })

    const moved = await me.api.call('submitDisclosure', { body: form([(await uploaded(t, 'citizen', me.token, '第二件.pdf', pdf('第二件'))).id]) })
    await editor.api.call('actOnDisclosure', { params: { id: moved.id }, body: { action: 'assign', department: OTHER } })
    const url = moved.attachments[0]!.url
    expect({ owner: await status(url, me), first: await status(url, editor), second: await status(url, outsider) }).toEqual({ owner: 200, first: 404, second: 200 })
  })

  it('unbound files: only whoever uploaded them', async () => {
    const me = await citizen('dl-unbound')
    const other = await citizen('dl-unbound-other')
    const editor = await staff(DEPT, 'editor')
    const file = await uploaded(t, 'citizen', me.token, '草稿.pdf')
    expect([(await download(t, file.url, me.token)).status, (await download(t, file.url, other.token)).status, (await download(t, file.url, editor.token)).status]).toEqual([200, 404, 404])
  })

  it('the public file route never serves a disclosure file, and its bytes are not in the public storage', async () => {
    const me = await citizen('dl-public')
    const data = pdf(`私密-${Date.now()}`)
    const file = await uploaded(t, 'citizen', me.token, '私密.pdf', data)
    await me.api.call('submitDisclosure', { body: form([file.id]) })
    const key = `${createHash('sha256').update(data).digest('hex')}.pdf`
    expect((await DisclosureFileModel.findById(file.id).lean())?.storageKey).toBe(key)
    expect(await errorOf(await fetch(`${t.url}/api/v1/files/${key}`))).toMatchObject({ status: 404, code: 'NOT_FOUND' })
    expect((await fetch(`${t.url}/api/v1/files/${key}`, { headers: { authorization: `Bearer ${me.token}` } })).status).toBe(404)
    expect((await fetch(`${t.url}/api/v1/files/${file.id}`)).status).toBe(404)
    expect(await t.services.content.storage.has(key)).toBe(false)
    expect(await t.services.disclosure.fileStorage.has(key)).toBe(true)
  })

  it('deleting the account erases the files never sent; those sent with an application stay with it', async () => {
    const me = await citizen('dl-erase')
    const editor = await staff(DEPT, 'editor')
    const sentData = pdf(`已提交-${Date.now()}`)
    const keptData = pdf(`未提交-${Date.now()}`)
    const sent = await uploaded(t, 'citizen', me.token, '已提交.pdf', sentData)
    const unsent = await uploaded(t, 'citizen', me.token, '未提交.pdf', keptData)
    await me.api.call('submitDisclosure', { body: form([sent.id]) })
    await me.api.call('deleteCitizenAccount', {})
    expect(await DisclosureFileModel.findById(unsent.id).lean()).toBeNull()
    expect(await t.services.disclosure.fileStorage.has(`${createHash('sha256').update(keptData).digest('hex')}.pdf`)).toBe(false)
    expect(await DisclosureFileModel.findById(sent.id).lean()).toMatchObject({ uploaderId: null })
    expect((await download(t, sent.url, editor.token)).status).toBe(200)
  })
})

describe('uploads nobody sent', () => {
  it(`are erased by the daily sweep after ${UNSENT_FILE_KEEP_DAYS} days, record and bytes, audited by id; sent ones and newer ones stay`, async () => {
    const me = await citizen('unsent')
    const editor = await staff(DEPT, 'editor')
    const keyOf = async (id: string) => (await DisclosureFileModel.findById(id).lean())!.storageKey
    // Uploaded on 11-02 (the test clock): an ID copy left behind, a reply letter never sent, and a file sent with an application.
    const left = await uploaded(t, 'citizen', me.token, '身份证复印件.png', Buffer.concat([png(), Buffer.from(`复印件-${Date.now()}`)]))
    const draftLetter = await uploaded(t, 'staff', editor.token, '未发出的答复书.pdf', pdf(`未发出-${Date.now()}`))
    const sharedBytes = pdf(`同一内容-${Date.now()}`)
    const sent = await uploaded(t, 'citizen', me.token, '申请材料.pdf', sharedBytes)
    const sameBytesLeft = await uploaded(t, 'citizen', me.token, '申请材料（重复）.pdf', sharedBytes)
    await me.api.call('submitDisclosure', { body: form([sent.id]) })
    // One uploaded a day before the sweep: kept.
    const recent = await uploaded(t, 'citizen', me.token, '昨天上传.pdf', pdf(`昨天-${Date.now()}`))
    await DisclosureFileModel.updateOne({ _id: recent.id }, { $set: { createdAt: new Date('2026-11-09T10:00:00+08:00') } })
    const keys = { left: await keyOf(left.id), draftLetter: await keyOf(draftLetter.id), shared: await keyOf(sent.id), recent: await keyOf(recent.id) }

    const result = await t.services.disclosure.sweep.run(new Date('2026-11-10T08:00:00+08:00'))
    expect(result.erasedFiles).toEqual(expect.arrayContaining([left.id, draftLetter.id, sameBytesLeft.id]))
    expect(result.erasedFiles).not.toContain(sent.id)
    expect(result.erasedFiles).not.toContain(recent.id)
    for (const gone of [left, draftLetter, sameBytesLeft]) expect(await DisclosureFileModel.exists({ _id: gone.id })).toBeNull()
    const storage = t.services.disclosure.fileStorage
    expect({ left: await storage.has(keys.left), draftLetter: await storage.has(keys.draftLetter), shared: await storage.has(keys.shared), recent: await storage.has(keys.recent) }).toEqual({ left: false, draftLetter: false, shared: true, recent: true })
    expect((await download(t, left.url, me.token)).status).toBe(404)
    expect((await download(t, sent.url, me.token)).status).toBe(200)
    expect((await download(t, recent.url, me.token)).status).toBe(200)
    const audit = await AuditRecordModel.findOne({ action: 'disclosure.eraseUnsentFiles' }).sort({ at: -1 }).lean()
    expect(audit).toMatchObject({ actor: { id: 'system' }, after: { files: [] } })
    expect(audit!.before).toMatchObject({ files: expect.arrayContaining([left.id, draftLetter.id, sameBytesLeft.id]) })
    expect(JSON.stringify(audit)).not.toContain('身份证复印件')
    // A second run of the same day finds nothing more.
    expect((await t.services.disclosure.sweep.run(new Date('2026-11-10T08:00:00+08:00'))).erasedFiles).toEqual([])
  })
})
