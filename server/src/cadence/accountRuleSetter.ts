import { can } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError, NotFoundError } from '../platform/errors'
import { PublishingAccountModel, type PublishingAccountDoc } from './model'

/**
 * 更新要求: a department admin (or a platform admin) sets an account's weekly minimum
 * (1–7, default 2) and its longest allowed gap (at most the national 14 days). From the
 * next check on the account is judged by it; weeks already reported keep their figures.
 * Audited.
 */
export class AccountRuleSetter {
  constructor(private readonly now: () => Date) {}

  async set(staff: StaffPrincipal, accountId: string, rule: { minPerWeek: number; maxGapDays: number }): Promise<PublishingAccountDoc> {
    const account = await PublishingAccountModel.findById(accountId).lean<PublishingAccountDoc>()
    if (!account) throw new NotFoundError('账号不存在')
    if (!can(staff, 'staff.manage', account.department)) throw new ForbiddenError('只有本部门管理员可以修改更新要求')
    const updated = await PublishingAccountModel.findOneAndUpdate({ _id: accountId }, { $set: rule }, { new: true }).lean<PublishingAccountDoc>()
    await recordAudit({ at: this.now(), actor: auditActorOf(staff), action: 'cadence.account-rule-set', subject: `account:${accountId}`, before: { minPerWeek: account.minPerWeek, maxGapDays: account.maxGapDays }, after: rule })
    return updated!
  }
}
