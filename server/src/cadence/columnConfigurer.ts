import type { StaffPrincipal } from '../auth/principal'
import { changeAsDepartmentAdmin } from './departmentAdminChange'
import { AccountColumnModel, type AccountColumnDoc } from './model'

/**
 * 栏目设置: a department admin (or a platform admin) sets how many days a column of the
 * department's accounts may go without an update before it counts as stale, and whether
 * the account runs it at all (a column it does not run is never blank). Audited.
 */
export class ColumnConfigurer {
  constructor(private readonly now: () => Date) {}

  configure(staff: StaffPrincipal, columnId: string, settings: { staleAfterDays: number; active: boolean }): Promise<AccountColumnDoc> {
    return changeAsDepartmentAdmin({ model: AccountColumnModel, id: columnId, staff, at: this.now(), set: settings, action: 'cadence.column-configured', subject: `column:${columnId}`, notFound: '栏目不存在', forbidden: '只有本部门管理员可以修改栏目设置' })
  }
}
