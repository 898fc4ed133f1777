import Router from '@koa/router'
import { NotFoundError } from '../platform/errors'
import { contentDisposition } from '../platform/http/contentDisposition'
import { attachmentTypeOf } from './attachments/attachmentTypes'
import type { FileStorage } from './attachments/fileStorage'
import type { ContentReadModel } from './readModel'

/**
 * `GET /api/v1/files/<key>`: a file that a public item shows. Files of drafts and
 * withdrawn items answer 404 like the items themselves. Content-addressed, so cached for
 * a year.
 */
export function fileRouter(model: ContentReadModel, storage: FileStorage): Router {
  const router = new Router()
  router.get('/api/v1/files/:key', async (ctx) => {
    const key = ctx.params.key!
    const file = model.publicFile(key)
    const type = attachmentTypeOf(key)
    if (!file || !type) throw new NotFoundError('文件不存在或已不再公开')
    const data = await storage.get(key)
    if (!data) throw new NotFoundError('文件不存在或已不再公开')
    const name = file.name.endsWith(`.${type.ext}`) ? file.name : `${file.name}.${type.ext}`
    ctx.type = type.mime
    ctx.set('Content-Disposition', contentDisposition(name, type.mime))
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable')
    ctx.body = data
  })
  return router
}
