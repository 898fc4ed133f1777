import { can } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError, NotFoundError } from '../platform/errors'
import { PublishingAccountModel, type PublishingAccountDoc } from './model'

/**
 * 暂停考核 / 恢复考核: a department admin (or a platform admin) stops (with a reason) or restarts the cadence
 * checks of one of the department's accounts; a paused account gets no warnings and is
 * listed, not judged, in reports. Audited.
 */
export class AccountPauser {
  constructor(private readonly now: () => Date) {}

  async pause(staff: StaffPrincipal, accountId: string, reason: string): Promise<PublishingAccountDoc> {
    return this.set(staff, accountId, { reason, at: this.now(), by: staff.id })
  }

  async resume(staff: StaffPrincipal, accountId: string): Promise<PublishingAccountDoc> {
    return this.set(staff, accountId, null)
  }

  private async set(staff: StaffPrincipal, accountId: string, paused: PublishingAccountDoc['paused']): Promise<PublishingAccountDoc> {
    const account = await PublishingAccountModel.findById(accountId).lean<PublishingAccountDoc>()
    if (!account) throw new NotFoundError('账号不存在')
    // Department admins for their department's accounts; platform admins for any.
    if (!can(staff, 'staff.manage', account.department)) throw new ForbiddenError('只有本部门管理员可以暂停或恢复考核')
    const updated = await PublishingAccountModel.findOneAndUpdate({ _id: accountId }, { $set: { paused } }, { new: true }).lean<PublishingAccountDoc>()
    await recordAudit({ at: this.now(), actor: auditActorOf(staff), action: paused ? 'cadence.account-paused' : 'cadence.account-resumed', subject: `account:${accountId}`, before: { paused: account.paused ?? null }, after: { paused }, ...(paused ? { reason: paused.reason } : {}) })
    return updated!
  }
}
