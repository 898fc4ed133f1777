import fs from 'node:fs/promises'
import Router from '@koa/router'
import { koaBody } from 'koa-body'
import { can } from '@zw/shared'
import { auditActorOf } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError, ValidationError } from '../platform/errors'
import type { Authenticate } from '../platform/http/endpoints'
import { storeAttachment } from './attachments/attachmentStore'
import { MAX_ATTACHMENT_BYTES } from './attachments/attachmentTypes'
import type { FileStorage } from './attachments/fileStorage'

/**
 * `POST /api/v1/staff/files` (multipart/form-data, one file in the field `file` — what
 * `wx.uploadFile` and a browser form send): an editor stores an attachment for a draft and
 * gets back `{ name, url, mime, size }` to put in it. Type, content and size are checked
 * (storeAttachment); the file is public only once an item that shows it is published.
 */
export function fileUploadRouter(storage: FileStorage, authenticate: Authenticate, now: () => Date): Router {
  const router = new Router()
  const multipart = koaBody({
    multipart: true,
    json: false,
    urlencoded: false,
    text: false,
    formidable: { maxFiles: 1, maxFileSize: MAX_ATTACHMENT_BYTES, allowEmptyFiles: true, minFileSize: 0 },
    onError: (err) => {
      const tooBig = /maxFileSize|exceeded/i.test(err.message)
      throw new ValidationError([{ path: 'file', message: tooBig ? `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` : '上传的内容无法读取，请重新选择文件' }])
    },
  })
  router.post('/api/v1/staff/files', async (ctx, next) => {
    const staff = await authenticate(ctx)
    if (!can(staff, 'content.write', staff.department)) throw new ForbiddenError('只有编辑可以上传附件')
    await multipart(ctx, next)
    const files = (ctx.request as { files?: Record<string, unknown> }).files ?? {}
    const file = (Array.isArray(files.file) ? files.file[0] : files.file) as { filepath: string; originalFilename?: string | null; mimetype?: string | null } | undefined
    if (!file) throw new ValidationError([{ path: 'file', message: '请选择要上传的文件' }])
    try {
      const data = await fs.readFile(file.filepath)
      // wx.uploadFile sends a temporary file name; the mini-program gives the real one in the field `name`.
      const given = (ctx.request.body as { name?: unknown } | undefined)?.name
      const name = typeof given === 'string' && given.trim() ? given : (file.originalFilename ?? '')
      const attachment = await storeAttachment(storage, { name, mime: file.mimetype ?? '', data })
      await recordAudit({ at: now(), actor: auditActorOf(staff), action: 'file.uploaded', subject: `file:${attachment.url.split('/').pop()}`, after: attachment })
      ctx.status = 201
      ctx.body = attachment
    } finally {
      await fs.rm(file.filepath, { force: true })
    }
  })
  return router
}
