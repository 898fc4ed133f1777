import { createHash, randomBytes } from 'node:crypto'
import type { StaffSession } from '@zw/shared'
import { AppError } from '../platform/errors'
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail'
import { ACCESS_TOKEN_SECONDS, type AccessTokens } from './accessTokens'
import type { LoginThrottle } from './loginThrottle'
import { StaffAccountModel, StaffSessionModel, type StaffAccountDoc } from './model'
import { UNKNOWN_USER_HASH, verifyPassword } from './passwordHasher'
import { auditActorOf, type StaffPrincipal } from './principal'
import { toStaffProfile } from './staffProfile'
import { openIdOrExplain, staffIdOfOpenId } from './staffWeChat'
import type { WeChatClients } from '../platform/wechat/clients'

/** Consecutive failures that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5
export const LOCK_MINUTES = 15
/** A refresh token lasts a working day; each refresh replaces it. */
export const REFRESH_TOKEN_HOURS = 10

export interface Client {
  ip: string
  userAgent: string
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const WRONG = '用户名或密码不正确'

/** Staff log-in, refresh and log-out: checks credentials, counts failures, issues and ends sessions. */
export class StaffLogIn {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly throttle: LoginThrottle,
    private readonly now: () => Date,
    private readonly wechat?: WeChatClients,
  ) {}

  /**
   * Log-in with WeChat: the `wx.login` code of a member of staff who bound their WeChat
   * (after logging in with their password). Lock-out and 停用 apply as for passwords.
   */
  async logInWithWeChat(code: string, client: Client): Promise<StaffSession> {
    const now = this.now()
    if (this.throttle.blocked(client.ip, now.getTime())) throw new AppError('RATE_LIMITED', '登录失败次数过多，请 10 分钟后再试')
    const openid = await openIdOrExplain(this.wechat, code)
    const staffId = await staffIdOfOpenId(openid)
    const account = staffId ? await StaffAccountModel.findById(staffId).lean<StaffAccountDoc>() : null
    if (!account) {
      this.throttle.recordFailure(client.ip, now.getTime())
      await recordAudit({ at: now, actor: { id: 'unknown', name: 'wechat', ...client }, action: 'staff.login-failed', subject: 'staff-wechat:unbound', after: { reason: 'wechat-not-bound' } })
      throw new AppError('UNAUTHENTICATED', '该微信尚未绑定工作台账号，请先用用户名和密码登录后在工作台绑定')
    }
    const actor: AuditActor = { id: account._id.toString(), name: account.username, ...client }
    const subject = `staff:${account._id.toString()}`
    if (account.lockedUntil && account.lockedUntil > now) {
      await recordAudit({ at: now, actor, action: 'staff.login-refused', subject, after: { reason: 'locked', method: 'wechat', lockedUntil: account.lockedUntil } })
      throw new AppError('ACCOUNT_LOCKED', undefined, { lockedUntil: account.lockedUntil.toISOString() })
    }
    if (account.disabled) {
      await recordAudit({ at: now, actor, action: 'staff.login-refused', subject, after: { reason: 'disabled', method: 'wechat' } })
      throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系管理员')
    }
    await recordAudit({ at: now, actor, action: 'staff.login-succeeded', subject, after: { method: 'wechat' } })
    return this.openSession(account, client, now)
  }

  async logIn(credentials: { username: string; password: string }, client: Client): Promise<StaffSession> {
    const now = this.now()
    if (this.throttle.blocked(client.ip, now.getTime())) throw new AppError('RATE_LIMITED', '登录失败次数过多，请 10 分钟后再试')
    const username = credentials.username.trim().toLowerCase()
    const account = await StaffAccountModel.findOne({ username }).lean<StaffAccountDoc>()
    const actor: AuditActor = { id: account?._id.toString() ?? 'unknown', name: username, ...client }
    if (!account) {
      await verifyPassword(credentials.password, UNKNOWN_USER_HASH) // same time as a known name
      this.throttle.recordFailure(client.ip, now.getTime())
      await recordAudit({ at: now, actor, action: 'staff.login-failed', subject: `staff-name:${username}`, after: { reason: 'unknown-user' } })
      throw new AppError('UNAUTHENTICATED', WRONG)
    }
    const subject = `staff:${account._id.toString()}`
    if (account.lockedUntil && account.lockedUntil > now) {
      await recordAudit({ at: now, actor, action: 'staff.login-refused', subject, after: { reason: 'locked', lockedUntil: account.lockedUntil } })
      throw new AppError('ACCOUNT_LOCKED', undefined, { lockedUntil: account.lockedUntil.toISOString() })
    }
    if (account.disabled) {
      await recordAudit({ at: now, actor, action: 'staff.login-refused', subject, after: { reason: 'disabled' } })
      throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系管理员')
    }
    if (!(await verifyPassword(credentials.password, account.passwordHash))) {
      this.throttle.recordFailure(client.ip, now.getTime())
      await this.countFailure(account, now, actor)
      throw new AppError('UNAUTHENTICATED', WRONG)
    }
    await StaffAccountModel.updateOne({ _id: account._id }, { $set: { failedLogins: 0, lockedUntil: null } })
    await recordAudit({ at: now, actor, action: 'staff.login-succeeded', subject })
    return this.openSession(account, client, now)
  }

  /** A failed password: one more failure; the fifth in a row locks the account (an earlier lock that ended starts the count again). */
  private async countFailure(account: StaffAccountDoc, now: Date, actor: AuditActor): Promise<void> {
    const expiredLock = account.lockedUntil !== null && account.lockedUntil <= now
    const updated = await StaffAccountModel.findOneAndUpdate(
      { _id: account._id },
      expiredLock ? { $set: { failedLogins: 1, lockedUntil: null } } : { $inc: { failedLogins: 1 } },
      { new: true },
    ).lean<StaffAccountDoc>()
    const failures = updated?.failedLogins ?? 1
    const subject = `staff:${account._id.toString()}`
    await recordAudit({ at: now, actor, action: 'staff.login-failed', subject, after: { reason: 'wrong-password', failedLogins: failures } })
    if (failures >= MAX_FAILED_LOGINS) {
      const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000)
      await StaffAccountModel.updateOne({ _id: account._id }, { $set: { lockedUntil } })
      await recordAudit({ at: now, actor, action: 'staff.locked', subject, before: { lockedUntil: null }, after: { lockedUntil, failedLogins: failures } })
    }
  }

  private async openSession(account: StaffAccountDoc, client: Client, now: Date): Promise<StaffSession> {
    const refreshToken = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_HOURS * 3600_000)
    const session = await StaffSessionModel.create({ staffId: account._id, refreshTokenHash: sha256(refreshToken), expiresAt, revokedAt: null, ip: client.ip, userAgent: client.userAgent, createdAt: now })
    return this.answer(account, session._id.toString(), refreshToken, expiresAt, now)
  }

  private answer(account: StaffAccountDoc, sessionId: string, refreshToken: string, refreshExpiresAt: Date, now: Date): StaffSession {
    const exp = Math.floor(now.getTime() / 1000) + ACCESS_TOKEN_SECONDS
    const accessToken = this.tokens.sign({ sub: account._id.toString(), sid: sessionId, department: account.department, roles: account.roles, exp })
    return {
      accessToken,
      accessTokenExpiresAt: new Date(exp * 1000).toISOString(),
      refreshToken,
      refreshTokenExpiresAt: refreshExpiresAt.toISOString(),
      staff: toStaffProfile(account),
    }
  }

  /** A new access token and refresh token for a live session; the refresh token presented stops working. */
  async refresh(refreshToken: string, client: Client): Promise<StaffSession> {
    const now = this.now()
    const fresh = randomBytes(32).toString('base64url')
    const session = await StaffSessionModel.findOneAndUpdate(
      { refreshTokenHash: sha256(refreshToken), revokedAt: null, expiresAt: { $gt: now } },
      { $set: { refreshTokenHash: sha256(fresh), lastRefreshedAt: now, ip: client.ip, userAgent: client.userAgent } },
      { new: true },
    ).lean()
    if (!session) throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录')
    const account = await StaffAccountModel.findById(session.staffId).lean<StaffAccountDoc>()
    if (!account || account.disabled) throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录')
    return this.answer(account, session._id.toString(), fresh, session.expiresAt, now)
  }

  async logOut(staff: StaffPrincipal): Promise<void> {
    const now = this.now()
    await StaffSessionModel.updateOne({ _id: staff.sessionId, revokedAt: null }, { $set: { revokedAt: now } })
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'staff.logged-out', subject: `staff:${staff.id}` })
  }
}
