import { can, type CreateStaffBody, type StaffAccount, type StaffRole } from '@zw/shared'
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail'
import { StaffAccountModel, StaffSessionModel, type StaffAccountDoc } from './model'
import { hashPassword } from './passwordHasher'
import { auditActorOf, type StaffPrincipal } from './principal'
import { auditedAccount, toStaffAccount } from './staffProfile'


/**
 * Staff accounts as administrators manage them: a department admin for its own
 * department, a platform admin for all. Only a platform admin grants the platform-admin role.
 */
export class StaffAccounts {
  constructor(private readonly now: () => Date) {}

  async list(actor: StaffPrincipal, department?: string): Promise<StaffAccount[]> {
    const platformAdmin = actor.roles.includes('platform-admin')
    // Without a department: a platform admin sees everyone, a department admin its own department.
    const dept = department ?? (platformAdmin ? undefined : actor.department)
    if (dept === undefined ? !platformAdmin : !can(actor, 'staff.manage', dept)) throw new ForbiddenError()
    const docs = await StaffAccountModel.find(dept ? { department: dept } : {}).sort({ department: 1, username: 1 }).lean<StaffAccountDoc[]>()
    const nowMs = this.now().getTime()
    return docs.map((d) => toStaffAccount(d, nowMs))
  }

  async create(actor: StaffPrincipal, body: CreateStaffBody): Promise<StaffAccount> {
    if (!can(actor, 'staff.manage', body.department)) throw new ForbiddenError('只能为本部门新建账号')
    if (body.roles.includes('platform-admin') && !actor.roles.includes('platform-admin')) throw new ForbiddenError('只有平台管理员可以授予平台管理员角色')
    const doc = await createAccount(body, this.now(), auditActorOf(actor))
    return toStaffAccount(doc, this.now().getTime())
  }

  async revokeSessions(actor: StaffPrincipal, id: string): Promise<number> {
    const account = await this.manageable(actor, id)
    const now = this.now()
    const result = await StaffSessionModel.updateMany({ staffId: account._id, revokedAt: null }, { $set: { revokedAt: now } })
    await recordAudit({ at: now, actor: auditActorOf(actor), action: 'staff.sessions-revoked', subject: `staff:${id}`, after: { revoked: result.modifiedCount } })
    return result.modifiedCount
  }

  async unlock(actor: StaffPrincipal, id: string): Promise<StaffAccount> {
    const account = await this.manageable(actor, id)
    const now = this.now()
    const updated = await StaffAccountModel.findOneAndUpdate({ _id: account._id }, { $set: { failedLogins: 0, lockedUntil: null } }, { new: true }).lean<StaffAccountDoc>()
    await recordAudit({ at: now, actor: auditActorOf(actor), action: 'staff.unlocked', subject: `staff:${id}`, before: auditedAccount(account), after: auditedAccount(updated!) })
    return toStaffAccount(updated!, now.getTime())
  }

  /**
   * Changes what a person may do. Only a platform admin grants or removes the platform-admin
   * role; nobody removes their own right to manage staff (an admin cannot lock themselves
   * out). Takes effect on their next request (roles are read fresh each time).
   */
  async setRoles(actor: StaffPrincipal, id: string, roles: StaffRole[]): Promise<StaffAccount> {
    const account = await this.manageable(actor, id)
    const touchesPlatform = roles.includes('platform-admin') !== account.roles.includes('platform-admin')
    if (touchesPlatform && !actor.roles.includes('platform-admin')) throw new ForbiddenError('只有平台管理员可以授予或取消平台管理员角色')
    if (id === actor.id && !can({ roles, department: account.department }, 'staff.manage', account.department)) throw new ConflictError('不能取消自己管理账号的权限')
    const now = this.now()
    const updated = await StaffAccountModel.findOneAndUpdate({ _id: account._id }, { $set: { roles } }, { new: true }).lean<StaffAccountDoc>()
    await recordAudit({ at: now, actor: auditActorOf(actor), action: 'staff.roles-changed', subject: `staff:${id}`, before: auditedAccount(account), after: auditedAccount(updated!) })
    return toStaffAccount(updated!, now.getTime())
  }

  /** 停用 / 启用: a disabled account cannot log in, and its sessions end at once. Nobody disables themselves. */
  async setDisabled(actor: StaffPrincipal, id: string, disabled: boolean): Promise<StaffAccount> {
    const account = await this.manageable(actor, id)
    if (disabled && id === actor.id) throw new ConflictError('不能停用自己的账号')
    const now = this.now()
    const updated = await StaffAccountModel.findOneAndUpdate({ _id: account._id }, { $set: { disabled } }, { new: true }).lean<StaffAccountDoc>()
    if (disabled) await StaffSessionModel.updateMany({ staffId: account._id, revokedAt: null }, { $set: { revokedAt: now } })
    await recordAudit({ at: now, actor: auditActorOf(actor), action: disabled ? 'staff.disabled' : 'staff.enabled', subject: `staff:${id}`, before: auditedAccount(account), after: auditedAccount(updated!) })
    return toStaffAccount(updated!, now.getTime())
  }

  private async manageable(actor: StaffPrincipal, id: string): Promise<StaffAccountDoc> {
    const account = await StaffAccountModel.findById(id).lean<StaffAccountDoc>()
    if (!account) throw new NotFoundError('账号不存在')
    if (!can(actor, 'staff.manage', account.department)) throw new ForbiddenError()
    return account
  }
}

/** Creates an account (also used by `npm run admin:create`); audited. */
export async function createAccount(body: CreateStaffBody, now: Date, actor: AuditActor): Promise<StaffAccountDoc> {
  const passwordHash = await hashPassword(body.password)
  let doc: StaffAccountDoc
  try {
    const created = await StaffAccountModel.create({ username: body.username, displayName: body.displayName, department: body.department, roles: body.roles, passwordHash, failedLogins: 0, lockedUntil: null, disabled: false })
    doc = created.toObject() as StaffAccountDoc
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw new ConflictError('该用户名已被使用', { fields: [{ path: 'username', message: '该用户名已被使用' }] })
    throw err
  }
  await recordAudit({ at: now, actor, action: 'staff.created', subject: `staff:${doc._id.toString()}`, after: auditedAccount(doc) })
  return doc
}
