import type { Context } from 'koa'
import { AppError } from '../platform/errors'
import type { SignedTokens } from './accessTokens'

/**
 * The verified claims of the request's `Authorization: Bearer` token of one kind: none
 * → UNAUTHENTICATED; keys not loaded yet → SERVICE_UNAVAILABLE; bad, expired or of the
 * other kind → UNAUTHENTICATED with `expired`. The staff and citizen authenticators then
 * check the session and the account.
 */
export function bearerClaims<C extends { exp: number }>(ctx: Context, tokens: SignedTokens<C> | undefined, now: Date, expired: string): C {
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))
  if (!match) throw new AppError('UNAUTHENTICATED')
  if (!tokens) throw new AppError('SERVICE_UNAVAILABLE', '服务正在启动，请稍后再试')
  const claims = tokens.verify(match[1]!, now.getTime())
  if (!claims) throw new AppError('UNAUTHENTICATED', expired)
  return claims
}
