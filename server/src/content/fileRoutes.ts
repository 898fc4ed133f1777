import Router from '@koa/router'
import { NotFoundError } from '../platform/errors'
import { contentDisposition } from '../platform/http/contentDisposition'
import { attachmentTypeOf } from './attachments/attachmentTypes'
import type { FileStorage } from './attachments/fileStorage'

type Found = { name: string } | null | undefined

/**
 * Something that shows stored files to the public and knows which: the content read
 * model (files of published items), the interaction domain (files of published
 * consultations). Answers the file's name for a key it shows, else null or undefined.
 */
export interface PublicFileSource {
  publicFile(key: string): Found | Promise<Found>
}

/** The first source that shows the file; a source answering at once is never awaited. */
async function publicFileOf(sources: readonly PublicFileSource[], key: string): Promise<Found> {
  for (const source of sources) {
    const answer = source.publicFile(key)
    const file = answer instanceof Promise ? await answer : answer
    if (file) return file
  }
  return undefined
}

/**
 * `GET /api/v1/files/<key>`: a file that something public shows — a published item
 * (asked first: the read model answers from memory), then the other sources in order.
 * Files only drafts show, and those of withdrawn items, answer 404 like the drafts and
 * items themselves. Content-addressed, so cached for a year.
 */
export function fileRouter(sources: readonly PublicFileSource[], storage: FileStorage): Router {
  const router = new Router()
  router.get('/api/v1/files/:key', async (ctx) => {
    const key = ctx.params.key!
    const type = attachmentTypeOf(key)
    const file = type ? await publicFileOf(sources, key) : undefined
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
