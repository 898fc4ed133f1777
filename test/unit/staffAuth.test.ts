import { describe, expect, it } from 'vitest'
import { can, newPasswordSchema, usernameSchema, type StaffRole } from '@zw/shared'
import { AccessTokens } from '../../server/src/auth/accessTokens'
import { LoginThrottle } from '../../server/src/auth/loginThrottle'
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from '../../server/src/auth/passwordHasher'

describe('permissions (can)', () => {
  const actor = (...roles: StaffRole[]) => ({ roles, department: 'guiyang-hrss' })
  it('give department actions only for the own department, and only to the roles that do them', () => {
    expect(can(actor('editor'), 'content.write', 'guiyang-hrss')).toBe(true)
    expect(can(actor('editor'), 'content.write', 'xinxiang-gov-office')).toBe(false)
    expect(can(actor('editor'), 'content.review', 'guiyang-hrss')).toBe(false)
    expect(can(actor('reviewer'), 'content.review', 'guiyang-hrss')).toBe(true)
    expect(can(actor('reviewer'), 'content.write', 'guiyang-hrss')).toBe(false)
    expect(can(actor('editor', 'reviewer'), 'content.review', 'guiyang-hrss')).toBe(true)
    expect(can(actor('department-admin'), 'content.force-publish', 'guiyang-hrss')).toBe(true)
    expect(can(actor('department-admin'), 'content.force-publish', undefined)).toBe(false)
  })
  it('give a platform admin the platform and all staff management, but not content work', () => {
    expect(can(actor('platform-admin'), 'staff.manage', 'xinxiang-gov-office')).toBe(true)
    expect(can(actor('platform-admin'), 'audit.read')).toBe(true)
    expect(can(actor('platform-admin'), 'content.review', 'guiyang-hrss')).toBe(false)
    expect(can(actor('department-admin'), 'staff.manage', 'guiyang-hrss')).toBe(true)
    expect(can(actor('department-admin'), 'staff.manage', 'xinxiang-gov-office')).toBe(false)
    expect(can(actor('department-admin'), 'audit.read')).toBe(false)
  })
})

describe('access tokens', () => {
  const tokens = new AccessTokens(Buffer.alloc(32, 7))
  const claims = { sub: 'a'.repeat(24), sid: 'b'.repeat(24), department: 'guiyang-hrss', roles: ['editor' as const], exp: 2_000_000_000 }
  it('verify what they signed until it expires', () => {
    const token = tokens.sign(claims)
    expect(tokens.verify(token, 1_999_999_999_000)).toEqual(claims)
    expect(tokens.verify(token, 2_000_000_000_000)).toBeUndefined()
  })
  it('reject another key, edited claims and unknown roles', () => {
    const token = tokens.sign(claims)
    expect(new AccessTokens(Buffer.alloc(32, 8)).verify(token, 0)).toBeUndefined()
    const [v, , mac] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['platform-admin'] })).toString('base64url')
    expect(tokens.verify(`${v}.${forged}.${mac}`, 0)).toBeUndefined()
    expect(tokens.verify(tokens.sign({ ...claims, roles: ['root' as never] }), 0)).toBeUndefined()
    expect(tokens.verify('not-a-token', 0)).toBeUndefined()
  })
})

describe('password hashes', () => {
  it('verify the password they were made from, not another, with a fresh salt each time', async () => {
    const a = await hashPassword('Zhengwu2026pass')
    const b = await hashPassword('Zhengwu2026pass')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('Zhengwu2026pass', a)).toBe(true)
    expect(await verifyPassword('Zhengwu2026pasS', a)).toBe(false)
    expect(await verifyPassword('anything', UNKNOWN_USER_HASH)).toBe(false)
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false)
  })
  it('have rules for new passwords and user names, with Chinese messages', () => {
    expect(newPasswordSchema.safeParse('abcdefghij').error?.issues[0]?.message).toBe('密码须同时包含字母和数字')
    expect(newPasswordSchema.safeParse('abc123').error?.issues[0]?.message).toBe('密码至少 10 位')
    expect(newPasswordSchema.safeParse('abcdefghi1').success).toBe(true)
    expect(usernameSchema.parse('  Zhang.San ')).toBe('zhang.san')
    expect(usernameSchema.safeParse('张三').success).toBe(false)
  })
})

describe('log-in throttle', () => {
  it('blocks an address after its limit of failures in the window, and lets it in again after', () => {
    const throttle = new LoginThrottle(3, 1000)
    for (let i = 0; i < 3; i++) {
      expect(throttle.blocked('10.0.0.1', i)).toBe(false)
      throttle.recordFailure('10.0.0.1', i)
    }
    expect(throttle.blocked('10.0.0.1', 10)).toBe(true)
    expect(throttle.blocked('10.0.0.2', 10)).toBe(false)
    expect(throttle.blocked('10.0.0.1', 1001)).toBe(false)
  })
})
