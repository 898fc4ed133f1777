import Router from '@koa/router'
import type { Context } from 'koa'
import { DISCLOSURE_FILE_UPLOAD_PATHS } from '@zw/shared'
import { MAX_ATTACHMENT_BYTES } from '../content/attachments/attachmentTypes'
import { contentDisposition } from '../platform/http/contentDisposition'
import type { Authenticate, AuthenticateCitizen } from '../platform/http/endpoints'
import { singleFileUpload } from '../platform/http/singleFileUpload'
import type { DisclosureFileReader } from './fileReader'
import type { DisclosureFileUploader, Uploader } from './fileUploader'

/** A citizen's token (`c1.…`) or a staff one: the download serves both, each authenticated by its own kind. */
const citizenToken = (ctx: Context) => /^Bearer\s+c1\./i.test(ctx.get('authorization'))

/**
 * The private files of 依申请公开, outside the contract because they are multipart in and
 * bytes out (like `POST /api/v1/staff/files`):
 * - `POST /api/v1/citizen/disclosure/files` — an applicant uploads an attachment for an application;
 * - `POST /api/v1/staff/disclosure/files` — staff upload a reply letter, the information, a scan;
 *   both multipart/form-data with one file in `file` (and its real name in `name`), 201 with
 *   `{ id, name, mime, size, url }`;
 * - `GET /api/v1/disclosure/files/{id}` — the file, to whoever may see it (fileReader), else 404.
 */
export function disclosureFileRouter(d: { uploader: DisclosureFileUploader; reader: DisclosureFileReader; authenticate: Authenticate; authenticateCitizen: AuthenticateCitizen }): Router {
  const router = new Router()
  const upload = singleFileUpload(MAX_ATTACHMENT_BYTES)
  const receive = async (ctx: Context, who: Uploader) => {
    await d.uploader.admit(who)
    await upload(ctx, async (file) => {
      const attachment = await d.uploader.upload(who, file)
      ctx.status = 201
      ctx.body = attachment
    })
  }
  router.post(DISCLOSURE_FILE_UPLOAD_PATHS.citizen, async (ctx) => receive(ctx, { kind: 'citizen', citizen: await d.authenticateCitizen(ctx) }))
  router.post(DISCLOSURE_FILE_UPLOAD_PATHS.staff, async (ctx) => receive(ctx, { kind: 'staff', staff: await d.authenticate(ctx) }))
  router.get('/api/v1/disclosure/files/:id', async (ctx) => {
    const who: Uploader = citizenToken(ctx) ? { kind: 'citizen', citizen: await d.authenticateCitizen(ctx) } : { kind: 'staff', staff: await d.authenticate(ctx) }
    const file = await d.reader.read(who, ctx.params.id!)
    ctx.type = file.mime
    ctx.set('Content-Disposition', contentDisposition(file.name, file.mime))
    ctx.set('Cache-Control', 'private, no-store')
    ctx.body = file.data
  })
  return router
}
