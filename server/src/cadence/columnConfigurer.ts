import { can } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError, NotFoundError } from '../platform/errors'
import { AccountColumnModel, type AccountColumnDoc } from './model'

/**
 * 栏目设置: a department admin (or a platform admin) sets how many days a column of the
 * department's accounts may go without an update before it counts as stale, and whether
 * the account runs it at all (a column it does not run is never blank). Audited.
 */
export class ColumnConfigurer {
  constructor(private readonly now: () => Date) {}

  async configure(staff: StaffPrincipal, columnId: string, settings: { staleAfterDays: number; active: boolean }): Promise<AccountColumnDoc> {
    const column = await AccountColumnModel.findById(columnId).lean<AccountColumnDoc>()
    if (!column) throw new NotFoundError('栏目不存在')
    if (!can(staff, 'staff.manage', column.department)) throw new ForbiddenError('只有本部门管理员可以修改栏目设置')
    const updated = await AccountColumnModel.findOneAndUpdate({ _id: columnId }, { $set: settings }, { new: true }).lean<AccountColumnDoc>()
    await recordAudit({
      at: this.now(),
      actor: auditActorOf(staff),
      action: 'cadence.column-configured',
      subject: `column:${columnId}`,
      before: { staleAfterDays: column.staleAfterDays, active: column.active },
      after: settings,
    })
    return updated!
  }
}
