import type { Context } from 'koa'
import { AppError } from '../platform/errors'
import type { CitizenTokens } from './accessTokens'
import { bearerClaims } from './bearerClaims'
import { CitizenAccountModel, CitizenSessionModel, type CitizenAccountDoc } from './citizenModel'

/** The citizen a request acts for. */
export interface CitizenPrincipal {
  id: string
  sessionId: string
  account: CitizenAccountDoc
}

const EXPIRED = '登录已过期，请重新进入小程序'

/** Finds who a citizen request acts for: a valid citizen token (not a staff one) of a live session of an existing account. */
export class CitizenAuthenticator {
  constructor(
    private readonly tokens: () => CitizenTokens | undefined,
    private readonly now: () => Date,
  ) {}

  async authenticate(ctx: Context): Promise<CitizenPrincipal> {
    const now = this.now()
    const claims = bearerClaims(ctx, this.tokens(), now, EXPIRED)
    const session = await CitizenSessionModel.findById(claims.sid).lean()
    if (!session || session.revokedAt || session.expiresAt <= now || session.citizenId !== claims.sub) throw new AppError('UNAUTHENTICATED', EXPIRED)
    const account = await CitizenAccountModel.findById(claims.sub).lean<CitizenAccountDoc>()
    if (!account) throw new AppError('UNAUTHENTICATED', EXPIRED)
    return { id: account._id, sessionId: claims.sid, account }
  }
}
