import { can, SHANGHAI_OFFSET_MS, type AuditEntry, type AuditQuery } from '@zw/shared'
import type { FilterQuery } from 'mongoose'
import { Types } from 'mongoose'
import type { StaffPrincipal } from '../../auth/principal'
import { ForbiddenError } from '../errors'
import { decodeCursor, encodeCursor } from '../http/cursor'
import { AuditRecordModel, type AuditRecordDoc } from './auditTrail'

type AuditCursor = [number, string]
const isAuditCursor = (v: unknown): v is AuditCursor => Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string' && Types.ObjectId.isValid(v[1])

/** The start of a Beijing calendar day as a UTC instant. */
const shanghaiDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS)

export const toAuditEntry = (d: AuditRecordDoc): AuditEntry => ({
  id: d._id.toString(),
  at: d.at.toISOString(),
  actor: { id: d.actor.id, name: d.actor.name, ...(d.actor.ip ? { ip: d.actor.ip } : {}), ...(d.actor.userAgent ? { userAgent: d.actor.userAgent } : {}) },
  action: d.action,
  subject: d.subject,
  before: d.before,
  after: d.after,
  beforeHash: d.beforeHash,
  afterHash: d.afterHash,
  ...(d.reason ? { reason: d.reason } : {}),
})

/** Audit records for a platform admin: by subject, actor, action and Beijing date range, newest first. */
export class AuditSearch {
  /** The database filter of a query (no paging); refuses anyone without audit.read. */
  filterFor(staff: StaffPrincipal, query: Omit<AuditQuery, 'cursor' | 'limit'>): FilterQuery<AuditRecordDoc> {
    if (!can(staff, 'audit.read')) throw new ForbiddenError('只有平台管理员可以查看审计记录')
    const filter: FilterQuery<AuditRecordDoc> = {}
    if (query.subject) filter.subject = query.subject
    if (query.actor) filter['actor.id'] = query.actor
    if (query.action) filter.action = query.action
    if (query.from || query.to) {
      filter.at = {
        ...(query.from ? { $gte: shanghaiDayStart(query.from) } : {}),
        ...(query.to ? { $lt: new Date(shanghaiDayStart(query.to).getTime() + 86_400_000) } : {}),
      }
    }
    return filter
  }

  async page(staff: StaffPrincipal, query: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const filter = this.filterFor(staff, query)
    if (query.cursor) {
      const [ms, id] = decodeCursor(query.cursor, isAuditCursor)
      const at = new Date(ms)
      filter.$or = [{ at: { ...(filter.at as object), $lt: at } }, { at, _id: { $lt: new Types.ObjectId(id) } }]
    }
    const docs = await AuditRecordModel.find(filter).sort({ at: -1, _id: -1 }).limit(query.limit + 1).lean<AuditRecordDoc[]>()
    const more = docs.length > query.limit
    const page = docs.slice(0, query.limit)
    const last = page[page.length - 1]
    return { items: page.map(toAuditEntry), nextCursor: more && last ? encodeCursor([last.at.getTime(), last._id.toString()]) : null }
  }
}
