import { createHmac, timingSafeEqual } from 'node:crypto'
import { STAFF_ROLES, type StaffRole } from '@zw/shared'

/** What an access token says: who, for which session, until when. */
export interface AccessClaims {
  /** Staff account id. */
  sub: string
  /** Session id: revoking the session ends the token at once (checked per request). */
  sid: string
  department: string
  roles: StaffRole[]
  /** Expiry, seconds since the epoch. */
  exp: number
}

/** Access tokens live 15 minutes; the workbench refreshes them with the refresh token. */
export const ACCESS_TOKEN_SECONDS = 15 * 60

/**
 * Signs and checks access tokens: `v1.<claims, base64url JSON>.<HMAC-SHA256, base64url>`.
 * The key is shared by every instance (kept in the database, see authKeys).
 */
export class AccessTokens {
  constructor(private readonly key: Buffer) {}

  sign(claims: AccessClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
    return `v1.${body}.${this.mac(body)}`
  }

  /** The claims of a well-formed, correctly signed, unexpired token; otherwise undefined. */
  verify(token: string, nowMs: number): AccessClaims | undefined {
    const [version, body, mac] = token.split('.')
    if (version !== 'v1' || !body || !mac) return undefined
    const expected = Buffer.from(this.mac(body))
    const given = Buffer.from(mac)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
    let claims: AccessClaims
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as AccessClaims
    } catch {
      return undefined
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return undefined
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !Array.isArray(claims.roles)) return undefined
    if (!claims.roles.every((r) => (STAFF_ROLES as readonly string[]).includes(r))) return undefined
    return claims
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(`v1.${body}`).digest('base64url')
  }
}
