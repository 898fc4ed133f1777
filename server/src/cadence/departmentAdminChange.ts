import type { Model } from 'mongoose'
import { can } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError, NotFoundError } from '../platform/errors'

/**
 * A setting of something a department owns (an account, a column) changed by its
 * department admin or a platform admin: found, authorised, set, audited with the fields
 * before and after. The pauser, the rule setter and the column configurer are this.
 */
export async function changeAsDepartmentAdmin<T extends { _id: string; department: string }, K extends keyof T & string>(change: {
  model: Model<T>
  id: string
  staff: StaffPrincipal
  at: Date
  set: Pick<T, K>
  action: string
  subject: string
  reason?: string
  notFound: string
  forbidden: string
}): Promise<T> {
  const doc = await change.model.findById(change.id).lean<T>()
  if (!doc) throw new NotFoundError(change.notFound)
  if (!can(change.staff, 'staff.manage', doc.department)) throw new ForbiddenError(change.forbidden)
  const updated = await change.model.findOneAndUpdate({ _id: change.id } as never, { $set: change.set } as never, { new: true }).lean<T>()
  const before = Object.fromEntries(Object.keys(change.set).map((k) => [k, (doc as Record<string, unknown>)[k] ?? null]))
  await recordAudit({ at: change.at, actor: auditActorOf(change.staff), action: change.action, subject: change.subject, before, after: change.set, ...(change.reason ? { reason: change.reason } : {}) })
  return updated!
}
