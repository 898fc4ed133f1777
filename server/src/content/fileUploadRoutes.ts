import Router from '@koa/router'
import { can } from '@zw/shared'
import { auditActorOf } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError } from '../platform/errors'
import type { Authenticate } from '../platform/http/endpoints'
import { singleFileUpload } from '../platform/http/singleFileUpload'
import { storeAttachment } from './attachments/attachmentStore'
import { MAX_ATTACHMENT_BYTES } from './attachments/attachmentTypes'
import type { FileStorage } from './attachments/fileStorage'

/**
 * `POST /api/v1/staff/files` (multipart/form-data, one file in the field `file` — what
 * `wx.uploadFile` and a browser form send): an editor stores an attachment for a draft,
 * or a department's interaction staff one for a draft for comment (征求意见), and gets
 * back `{ name, url, mime, size }` to put in it. Type, content and size are checked
 * (storeAttachment); the file is public only once an item or a consultation that shows
 * it is published.
 */
export function fileUploadRouter(storage: FileStorage, authenticate: Authenticate, now: () => Date): Router {
  const router = new Router()
  const upload = singleFileUpload(MAX_ATTACHMENT_BYTES)
  router.post('/api/v1/staff/files', async (ctx) => {
    const staff = await authenticate(ctx)
    if (!can(staff, 'content.write', staff.department) && !can(staff, 'interaction.handle', staff.department)) throw new ForbiddenError('只有编辑和征求意见的起草人员可以上传附件')
    await upload(ctx, async (file) => {
      const attachment = await storeAttachment(storage, file)
      await recordAudit({ at: now(), actor: auditActorOf(staff), action: 'file.uploaded', subject: `file:${attachment.url.split('/').pop()}`, after: attachment })
      ctx.status = 201
      ctx.body = attachment
    })
  })
  return router
}
