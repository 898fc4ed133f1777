import { can, EXTERNAL_COLUMNS, RECORDED_CHANNELS } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ConflictError, ForbiddenError } from '../platform/errors'
import { createOnce } from '../platform/db'
import { AccountColumnModel, PublishingAccountModel, type PublishingAccountDoc } from './model'
import { accountIdOf, DEFAULT_MAX_GAP_DAYS, newColumn } from './publishingAccounts'

/**
 * 登记账号: a department admin registers the department's account on another channel
 * (微信公众号, 微博, 客户端), one per channel, with its weekly minimum; it starts with the
 * columns 动态要闻 and 通知公告 and is judged like the mini-program's from the week it is
 * registered. Audited.
 */
export class ChannelAccountRegistrar {
  constructor(private readonly now: () => Date) {}

  async register(staff: StaffPrincipal, input: { channel: (typeof RECORDED_CHANNELS)[number]; name: string; minPerWeek: number }): Promise<PublishingAccountDoc> {
    if (!can(staff, 'staff.manage', staff.department) || !staff.roles.includes('department-admin')) throw new ForbiddenError('只有部门管理员可以登记本部门的账号')
    const at = this.now()
    const _id = accountIdOf(input.channel, staff.department)
    const account: PublishingAccountDoc = { _id, department: staff.department, channel: input.channel, name: input.name, minPerWeek: input.minPerWeek, maxGapDays: DEFAULT_MAX_GAP_DAYS, paused: null, lastUpdateAt: null, createdAt: at }
    if (!(await createOnce(PublishingAccountModel, account))) throw new ConflictError('本部门已登记过该渠道的账号')
    for (const c of EXTERNAL_COLUMNS) {
      await AccountColumnModel.create(newColumn(_id, staff.department, c, at))
    }
    await recordAudit({ at, actor: auditActorOf(staff), action: 'cadence.account-registered', subject: `account:${_id}`, after: { channel: input.channel, name: input.name, minPerWeek: input.minPerWeek } })
    return account
  }
}
