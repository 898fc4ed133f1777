import type { StaffPrincipal } from '../auth/principal'
import { changeAsDepartmentAdmin } from './departmentAdminChange'
import { PublishingAccountModel, type PublishingAccountDoc } from './model'

/**
 * 暂停考核 / 恢复考核: a department admin (or a platform admin) stops (with a reason) or restarts the cadence
 * checks of one of the department's accounts; a paused account gets no warnings and is
 * listed, not judged, in reports. Audited.
 */
export class AccountPauser {
  constructor(private readonly now: () => Date) {}

  async pause(staff: StaffPrincipal, accountId: string, reason: string): Promise<PublishingAccountDoc> {
    return this.set(staff, accountId, { reason, at: this.now(), by: staff.id }, reason)
  }

  async resume(staff: StaffPrincipal, accountId: string): Promise<PublishingAccountDoc> {
    return this.set(staff, accountId, null)
  }

  private set(staff: StaffPrincipal, accountId: string, paused: PublishingAccountDoc['paused'], reason?: string): Promise<PublishingAccountDoc> {
    return changeAsDepartmentAdmin({ model: PublishingAccountModel, id: accountId, staff, at: this.now(), set: { paused }, action: paused ? 'cadence.account-paused' : 'cadence.account-resumed', subject: `account:${accountId}`, reason, notFound: '账号不存在', forbidden: '只有本部门管理员可以暂停或恢复考核' })
  }
}
