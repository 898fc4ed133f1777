import { can, type ChannelAccount, type OaAccountKind, type DistributionChannel, DISTRIBUTION_CHANNEL_LABELS, type z, type saveChannelAccountBodySchema } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError, ValidationError } from '../platform/errors'
import { PublishingAccountModel } from '../cadence/model'
import { accountIdOf } from '../cadence/publishingAccounts'
import type { ChannelAccountRegistrar } from '../cadence/channelAccountRegistrar'
import { ChannelAccountModel, type ChannelAccountDoc } from './model'
import { sealCredentials } from './credentials'
import type { ChannelDeps } from './channelSettings'

/** 订阅号 or 服务号 of a 公众号 account (accounts saved before the kind existed are 订阅号). */
export const oaKindOf = (a: Pick<ChannelAccountDoc, 'oaKind'>): OaAccountKind => a.oaKind ?? 'subscription'

export const channelAccountView = (a: ChannelAccountDoc): ChannelAccount => ({
  channel: a.channel,
  accountId: a._id,
  department: a.department,
  name: a.name,
  defaultOn: a.defaultOn,
  linkBase: a.linkBase ?? null,
  oaKind: a.channel === 'official-account' ? oaKindOf(a) : null,
  hasCredentials: Boolean(a.sealedCredentials),
  updatedAt: a.updatedAt.toISOString(),
})

/** 渠道账号: the department's connected accounts, for anyone who works on its content (no credentials, ever). */
export class ChannelAccountLister {
  async list(staff: StaffPrincipal): Promise<{ items: ChannelAccount[] }> {
    if (!can(staff, 'content.read', staff.department)) throw new ForbiddenError('只有本部门工作人员可以查看渠道账号')
    const docs = await ChannelAccountModel.find({ department: staff.department }).sort({ _id: 1 }).lean<ChannelAccountDoc[]>()
    return { items: docs.map(channelAccountView) }
  }
}

/**
 * 连接账号: a department admin connects (or changes) the department's 公众号 / 微博:
 * credentials sealed at rest and write-only (omitted: kept), default on/off for new items,
 * Weibo's bound domain. The cadence publishing account of the channel is registered with
 * it when missing, so live posts count toward its weekly minimum. Audited without the
 * credentials.
 */
export class ChannelAccountSaver {
  constructor(
    private readonly deps: ChannelDeps,
    private readonly registrar: ChannelAccountRegistrar,
  ) {}

  async save(staff: StaffPrincipal, channel: DistributionChannel, input: z.output<typeof saveChannelAccountBodySchema>): Promise<ChannelAccountDoc> {
    if (!can(staff, 'staff.manage', staff.department) || !staff.roles.includes('department-admin')) throw new ForbiddenError('只有部门管理员可以连接本部门的渠道账号')
    if (input.credentials && input.credentials.kind !== channel) throw new ValidationError([{ path: 'credentials.kind', message: `请填写${DISTRIBUTION_CHANNEL_LABELS[channel]}的凭据` }])
    const _id = accountIdOf(channel, staff.department)
    const existing = await ChannelAccountModel.findById(_id).lean<ChannelAccountDoc>()
    if (!existing && !input.credentials) throw new ValidationError([{ path: 'credentials', message: '首次连接请填写凭据' }])
    if (channel === 'weibo' && !input.linkBase && !existing?.linkBase) throw new ValidationError([{ path: 'linkBase', message: '请填写微博应用绑定的安全域名网址，内容链接将使用该域名' }])
    const now = this.deps.now()
    if (!(await PublishingAccountModel.exists({ _id }))) {
      await this.registrar.register(staff, { channel, name: input.name, minPerWeek: 2 }).catch((err: unknown) => {
        if ((err as { code?: string }).code !== 'CONFLICT') throw err // registered meanwhile
      })
    }
    const set: Partial<ChannelAccountDoc> = { name: input.name, defaultOn: input.defaultOn, updatedAt: now }
    if (input.linkBase) set.linkBase = input.linkBase.replace(/\/+$/, '')
    if (channel === 'official-account') set.oaKind = input.oaKind ?? existing?.oaKind ?? 'subscription'
    if (input.credentials) {
      set.sealedCredentials = sealCredentials(this.deps.box, input.credentials)
      set.appId = input.credentials.kind === 'official-account' ? input.credentials.appId : null
      set.coverMediaId = null // another account's material is not ours
    }
    const saved = await ChannelAccountModel.findOneAndUpdate(
      { _id },
      { $set: set, $setOnInsert: { channel, department: staff.department, createdAt: now, ...(set.linkBase ? {} : { linkBase: null }), ...(input.credentials ? {} : { sealedCredentials: null, appId: null, coverMediaId: null }) } },
      { upsert: true, new: true },
    ).lean<ChannelAccountDoc>()
    await recordAudit({
      at: now,
      actor: auditActorOf(staff),
      action: existing ? 'channels.account-changed' : 'channels.account-connected',
      subject: `account:${_id}`,
      before: existing ? { name: existing.name, defaultOn: existing.defaultOn, linkBase: existing.linkBase, oaKind: existing.oaKind ?? null } : undefined,
      after: { channel, name: input.name, defaultOn: input.defaultOn, linkBase: saved!.linkBase, oaKind: saved!.oaKind ?? null, credentialsChanged: Boolean(input.credentials) },
    })
    return saved!
  }
}

