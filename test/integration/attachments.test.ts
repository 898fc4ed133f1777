import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBodySchema } from '@zw/shared'
import { storeAttachment, type Attachment } from '../../server/src/content/attachments/attachmentStore'
import { MAX_ATTACHMENT_BYTES } from '../../server/src/content/attachments/attachmentTypes'
import { ValidationError } from '../../server/src/platform/errors'
import { createDraft } from '../../server/src/content/draftCreator'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft, published } from '../support/content'

let t: TestApp
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('关于就业创业补贴的附件'.repeat(50))])
let publicPdf: Attachment
let draftOnly: Attachment

beforeAll(async () => {
  t = await startTestApp()
  const storage = t.services.content.storage
  publicPdf = await storeAttachment(storage, { name: '附件1：补贴申请表.pdf', mime: 'application/pdf', data: pdf })
  draftOnly = await storeAttachment(storage, { name: '内部测算.xlsx', mime: '', data: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]) })
  await published(policyDraft({ attachments: [publicPdf] }), new Date('2026-03-01T02:00:00Z'))
  await createDraft(policyDraft({ title: '草稿', attachments: [draftOnly] }), new Date())
  await t.services.content.readModel.syncNow()
})
afterAll(() => t.close())

const refused = async (file: { name: string; mime: string; data: Buffer }) => {
  const err = await storeAttachment(t.services.content.storage, file).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(ValidationError)
  return (err as ValidationError).fields[0]!
}

describe('attachments of published content', () => {
  it('are stored by content and downloaded with their name and type', async () => {
    expect(publicPdf).toMatchObject({ name: '附件1：补贴申请表.pdf', mime: 'application/pdf', size: pdf.length })
    expect(publicPdf.url).toMatch(/^\/api\/v1\/files\/[0-9a-f]{64}\.pdf$/)
    const res = await fetch(`${t.url}${publicPdf.url}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('附件1：补贴申请表.pdf')}`)
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true)
    // the same file again is the same address, stored once
    const again = await storeAttachment(t.services.content.storage, { name: '另一个名字.pdf', mime: 'application/pdf', data: pdf })
    expect(again.url).toBe(publicPdf.url)
  })

  it('of drafts, and files nobody shows, answer 404', async () => {
    for (const url of [draftOnly.url, `/api/v1/files/${'0'.repeat(64)}.pdf`, '/api/v1/files/..%2F..%2Fetc%2Fpasswd']) {
      const res = await fetch(`${t.url}${url}`)
      expect(res.status, url).toBe(404)
      expect(apiErrorBodySchema.parse(await res.json()).error.code).toBe('NOT_FOUND')
    }
  })
})

describe('attachment checks', () => {
  it('refuse types that are not allowed, with a Chinese reason', async () => {
    expect((await refused({ name: '工具.exe', mime: 'application/octet-stream', data: Buffer.from('MZ') })).message).toMatch(/不支持的附件类型/)
  })
  it('refuse a file whose content is not what its name says', async () => {
    expect((await refused({ name: '通知.pdf', mime: 'application/pdf', data: Buffer.from('<html>不是PDF</html>') })).message).toBe('文件内容不是有效的 PDF 文件')
    expect((await refused({ name: '通知.pdf', mime: 'image/png', data: pdf })).message).toMatch(/与扩展名 .pdf 不符/)
  })
  it('refuse empty and oversized files', async () => {
    expect((await refused({ name: '空.pdf', mime: 'application/pdf', data: Buffer.alloc(0) })).message).toBe('文件是空的')
    const big = Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(MAX_ATTACHMENT_BYTES)])
    expect((await refused({ name: '大.pdf', mime: 'application/pdf', data: big })).message).toBe('附件不能超过 20 MB')
  })
})
