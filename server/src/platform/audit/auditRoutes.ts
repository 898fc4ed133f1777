import { Readable } from 'node:stream'
import Router from '@koa/router'
import { auditQuerySchema, formatShanghaiDateTime } from '@zw/shared'
import type { Authenticate, Handlers } from '../http/endpoints'
import { ValidationError } from '../errors'
import { CSV_BOM, csvRow } from '../http/csv'
import { AuditRecordModel, type AuditRecordDoc } from './auditTrail'
import type { AuditSearch } from './auditSearch'

/** At most this many rows in one CSV export (narrow the dates for more). */
export const AUDIT_EXPORT_LIMIT = 50_000

export function auditHandlers(search: AuditSearch): Handlers {
  return { listAudit: ({ staff, query }) => search.page(staff, query) }
}

const HEADER = ['时间（北京时间）', '操作人', '操作人编号', 'IP', '操作', '对象', '原因', '变更前哈希', '变更后哈希']

/**
 * `GET /api/v1/audit/export.csv?…`: the same search as `listAudit`, as CSV (UTF-8 with a
 * byte-order mark so Excel reads Chinese), newest first, streamed.
 */
export function auditExportRouter(search: AuditSearch, authenticate: Authenticate): Router {
  const router = new Router()
  router.get('/api/v1/audit/export.csv', async (ctx) => {
    const staff = await authenticate(ctx)
    const parsed = auditQuerySchema.safeParse(ctx.query)
    if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'query')
    const filter = search.filterFor(staff, parsed.data)
    const cursor = AuditRecordModel.find(filter).sort({ at: -1, _id: -1 }).limit(AUDIT_EXPORT_LIMIT).lean<AuditRecordDoc>().cursor()
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="audit-${Date.now()}.csv"`)
    ctx.set('Cache-Control', 'no-store')
    async function* rows() {
      yield CSV_BOM + csvRow(HEADER)
      for await (const d of cursor) {
        yield csvRow([formatShanghaiDateTime(d.at), d.actor.name, d.actor.id, d.actor.ip, d.action, d.subject, d.reason, d.beforeHash, d.afterHash])
      }
    }
    ctx.body = Readable.from(rows())
  })
  return router
}
