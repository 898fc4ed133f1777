import type { Context } from 'koa'
import { AppError } from '../platform/errors'
import type { AccessTokens } from './accessTokens'
import { bearerClaims } from './bearerClaims'
import { clientOf } from './client'
import { StaffAccountModel, StaffSessionModel, type StaffAccountDoc } from './model'
import type { StaffPrincipal } from './principal'

const EXPIRED = '登录已过期，请重新登录'

/**
 * Finds who a staff request acts for: a valid `Authorization: Bearer` access token whose
 * session is neither revoked nor expired, of an account that is not disabled. Roles and
 * department come from the account as it is now, so changes apply at once.
 */
export class StaffAuthenticator {
  constructor(
    private readonly tokens: () => AccessTokens | undefined,
    private readonly now: () => Date,
  ) {}

  async authenticate(ctx: Context): Promise<StaffPrincipal> {
    const now = this.now()
    const claims = bearerClaims(ctx, this.tokens(), now, EXPIRED)
    const session = await StaffSessionModel.findById(claims.sid).lean()
    if (!session || session.revokedAt || session.expiresAt <= now || session.staffId.toString() !== claims.sub) throw new AppError('UNAUTHENTICATED', EXPIRED)
    const account = await StaffAccountModel.findById(claims.sub).lean<StaffAccountDoc>()
    if (!account || account.disabled) throw new AppError('UNAUTHENTICATED', EXPIRED)
    return {
      id: account._id.toString(),
      username: account.username,
      displayName: account.displayName,
      department: account.department,
      roles: account.roles,
      sessionId: claims.sid,
      ...clientOf(ctx),
    }
  }
}
