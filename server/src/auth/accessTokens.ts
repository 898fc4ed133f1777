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
 * Signs and checks tokens: `<version>.<claims, base64url JSON>.<HMAC-SHA256, base64url>`.
 * The version is part of what is signed, so a token of one kind (staff `v1`, citizen
 * `c1`) never passes as the other. The key is shared by every instance (kept in the
 * database, see authKeys).
 */
export class SignedTokens<C extends { exp: number }> {
  constructor(
    private readonly key: Buffer,
    private readonly version: string,
    private readonly wellFormed: (claims: C) => boolean,
  ) {}

  sign(claims: C): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
    return `${this.version}.${body}.${this.mac(body)}`
  }

  /** The claims of a well-formed, correctly signed, unexpired token; otherwise undefined. */
  verify(token: string, nowMs: number): C | undefined {
    const [version, body, mac] = token.split('.')
    if (version !== this.version || !body || !mac) return undefined
    const expected = Buffer.from(this.mac(body))
    const given = Buffer.from(mac)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
    let claims: C
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as C
    } catch {
      return undefined
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return undefined
    return this.wellFormed(claims) ? claims : undefined
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(`${this.version}.${body}`).digest('base64url')
  }
}

/** Staff access tokens (`v1`). */
export class AccessTokens extends SignedTokens<AccessClaims> {
  constructor(key: Buffer) {
    super(key, 'v1', (c) => typeof c.sub === 'string' && typeof c.sid === 'string' && Array.isArray(c.roles) && c.roles.every((r) => (STAFF_ROLES as readonly string[]).includes(r)))
  }
}

/** What a citizen's access token says: which citizen, which session, until when. */
export interface CitizenClaims {
  sub: string
  sid: string
  exp: number
}

/** Citizen access tokens (`c1`): long-lived like a mini-program session; revoked with their session. */
export class CitizenTokens extends SignedTokens<CitizenClaims> {
  constructor(key: Buffer) {
    super(key, 'c1', (c) => typeof c.sub === 'string' && typeof c.sid === 'string')
  }
}
