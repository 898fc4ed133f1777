import type { StaffPrincipal } from '../auth/principal'
import { changeAsDepartmentAdmin } from './departmentAdminChange'
import { PublishingAccountModel, type PublishingAccountDoc } from './model'

/**
 * 更新要求: a department admin (or a platform admin) sets an account's weekly minimum
 * (1–7, default 2) and its longest allowed gap (at most the national 14 days). From the
 * next check on the account is judged by it; weeks already reported keep their figures.
 * Audited.
 */
export class AccountRuleSetter {
  constructor(private readonly now: () => Date) {}

  set(staff: StaffPrincipal, accountId: string, rule: { minPerWeek: number; maxGapDays: number }): Promise<PublishingAccountDoc> {
    return changeAsDepartmentAdmin({ model: PublishingAccountModel, id: accountId, staff, at: this.now(), set: rule, action: 'cadence.account-rule-set', subject: `account:${accountId}`, notFound: '账号不存在', forbidden: '只有本部门管理员可以修改更新要求' })
  }
}
