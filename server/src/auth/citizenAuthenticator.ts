import type { Context } from 'koa'
import { AppError } from '../platform/errors'
import type { CitizenTokens } from './accessTokens'
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
    const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))
    if (!match) throw new AppError('UNAUTHENTICATED')
    const tokens = this.tokens()
    if (!tokens) throw new AppError('SERVICE_UNAVAILABLE', '服务正在启动，请稍后再试')
    const now = this.now()
    const claims = tokens.verify(match[1]!, now.getTime())
    if (!claims) throw new AppError('UNAUTHENTICATED', EXPIRED)
    const session = await CitizenSessionModel.findById(claims.sid).lean()
    if (!session || session.revokedAt || session.expiresAt <= now || session.citizenId !== claims.sub) throw new AppError('UNAUTHENTICATED', EXPIRED)
    const account = await CitizenAccountModel.findById(claims.sub).lean<CitizenAccountDoc>()
    if (!account) throw new AppError('UNAUTHENTICATED', EXPIRED)
    return { id: account._id, sessionId: claims.sid, account }
  }
}
