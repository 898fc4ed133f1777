import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError, type ApiClient } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { startTestApp, type TestApp } from '../support/app'
import { ROOT } from '../support/serverProcess'
import { outcome, STAFF_PASSWORD, staffSession } from '../support/staff'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

function adminCreate(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin-create.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, MONGODB_URI: t.dbUri, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
}

describe('the first platform administrator', () => {
  it('has no default account: nobody can log in before `npm run admin:create` makes one', async () => {
    expect(await outcome(t.api.call('staffLogIn', { body: { username: 'admin', password: 'admin' } }))).toBe('UNAUTHENTICATED')
  })

  it('is created by `npm run admin:create`, refusing a weak password, and can then log in', async () => {
    const weak = adminCreate(['--username', 'root-admin', '--name', '平台管理员', '--department', 'guiyang-hrss'], { ADMIN_PASSWORD: 'short' })
    expect(weak.status).toBe(64)
    expect(weak.stderr).toContain('密码至少 10 位')
    const made = adminCreate(['--username', 'root-admin', '--name', '平台管理员', '--department', 'guiyang-hrss'], { ADMIN_PASSWORD: 'Platform2026admin' })
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)
    expect(made.stdout).toContain('已创建平台管理员 root-admin')
    const again = adminCreate(['--username', 'root-admin', '--name', '平台管理员', '--department', 'guiyang-hrss'], { ADMIN_PASSWORD: 'Platform2026admin' })
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('该用户名已被使用')
    const session = await t.api.call('staffLogIn', { body: { username: 'Root-Admin', password: 'Platform2026admin' } })
    expect(session.staff).toMatchObject({ username: 'root-admin', roles: ['platform-admin'], departmentName: '贵阳市人力资源和社会保障局' })
    const audit = await AuditRecordModel.find({ subject: `staff:${session.staff.id}` }).sort({ at: 1 }).lean()
    expect(audit.map((a) => a.action)).toEqual(['staff.created', 'staff.login-succeeded'])
    expect(audit[0]!.actor.name).toBe('npm run admin:create')
    expect(JSON.stringify(audit)).not.toContain('scrypt$') // never the password hash
  }, 120_000)
})

describe('a member of staff logging in', () => {
  it('gets a short-lived access token that opens staff endpoints, and nothing without it', async () => {
    const { session, api } = await staffSession(t, 'editor-a', 'guiyang-hrss', ['editor'])
    const lifetime = Date.parse(session.accessTokenExpiresAt) - Date.now()
    expect(lifetime).toBeGreaterThan(14 * 60_000)
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000)
    expect(await api.call('getStaffMe', {})).toMatchObject({ username: 'editor-a', department: 'guiyang-hrss', roles: ['editor'] })
    expect(await outcome(t.api.call('getStaffMe', {}))).toBe('UNAUTHENTICATED')
    expect(await outcome(t.asStaff('v1.e30.forged').call('getStaffMe', {}))).toBe('UNAUTHENTICATED')
    // A token signed for someone else's claims cannot be edited: change one character of the claims.
    const [v, body, mac] = session.accessToken.split('.')
    const tampered = `${v}.${body!.slice(0, -2)}${body!.at(-2) === 'A' ? 'B' : 'A'}${body!.at(-1)}.${mac}`
    expect(await outcome(t.asStaff(tampered).call('getStaffMe', {}))).toBe('UNAUTHENTICATED')
  })

  it('is told only that the name or password is wrong, with a Chinese message, for both', async () => {
    await staffSession(t, 'editor-b', 'guiyang-hrss', ['editor'])
    for (const body of [{ username: 'editor-b', password: 'wrong-password-1' }, { username: 'nobody-here', password: 'wrong-password-1' }]) {
      const err = await t.api.call('staffLogIn', { body }).catch((e: ApiClientError) => e)
      expect(err).toBeInstanceOf(ApiClientError)
      expect((err as ApiClientError).status).toBe(401)
      expect((err as ApiClientError).message).toBe('用户名或密码不正确')
    }
    const empty = await t.api.call('staffLogIn', { body: { username: '', password: '' } }).catch((e: ApiClientError) => e)
    expect((empty as ApiClientError).code).toBe('VALIDATION_FAILED')
    expect((empty as ApiClientError).fields.map((f) => f.message)).toEqual(['请输入用户名', '请输入密码'])
  })

  it('is locked out after five wrong passwords in a row, even with the right one, until an admin unlocks the account', async () => {
    const { id } = await staffSession(t, 'reviewer-lock', 'xinxiang-gov-office', ['reviewer'])
    for (let i = 0; i < 5; i++) expect(await outcome(t.api.call('staffLogIn', { body: { username: 'reviewer-lock', password: `Wrong${i}password` } }))).toBe('UNAUTHENTICATED')
    const locked = await t.api.call('staffLogIn', { body: { username: 'reviewer-lock', password: STAFF_PASSWORD } }).catch((e: ApiClientError) => e)
    expect((locked as ApiClientError).status).toBe(423)
    expect((locked as ApiClientError).code).toBe('ACCOUNT_LOCKED')
    const admin = await staffSession(t, 'xx-admin', 'xinxiang-gov-office', ['department-admin'])
    const listed = await admin.api.call('listStaff', { query: {} })
    expect(listed.items.find((a) => a.username === 'reviewer-lock')!.lockedUntil).not.toBeNull()
    const unlocked = await admin.api.call('unlockStaff', { params: { id } })
    expect(unlocked.lockedUntil).toBeNull()
    expect((await t.api.call('staffLogIn', { body: { username: 'reviewer-lock', password: STAFF_PASSWORD } })).staff.username).toBe('reviewer-lock')
    const actions = (await AuditRecordModel.find({ subject: `staff:${id}` }).sort({ at: 1, _id: 1 }).lean()).map((a) => a.action)
    expect(actions.filter((a) => a === 'staff.login-failed')).toHaveLength(5)
    expect(actions).toEqual(expect.arrayContaining(['staff.locked', 'staff.login-refused', 'staff.unlocked']))
    const unlock = await AuditRecordModel.findOne({ subject: `staff:${id}`, action: 'staff.unlocked' }).lean()
    expect(unlock!.actor.name).toBe('xx-admin')
    expect(unlock!.actor.ip).toBe('127.0.0.1')
    expect(unlock!.beforeHash).not.toBe(unlock!.afterHash)
  })

  it('refreshes with the refresh token, which then stops working (rotation); logging out ends the session at once', async () => {
    const { session } = await staffSession(t, 'editor-refresh', 'guiyang-hrss', ['editor'])
    const renewed = await t.api.call('staffRefresh', { body: { refreshToken: session.refreshToken } })
    expect(renewed.refreshToken).not.toBe(session.refreshToken)
    expect(await outcome(t.api.call('staffRefresh', { body: { refreshToken: session.refreshToken } }))).toBe('UNAUTHENTICATED')
    const api = t.asStaff(renewed.accessToken)
    expect((await api.call('getStaffMe', {})).username).toBe('editor-refresh')
    await api.call('staffLogOut', {})
    expect(await outcome(api.call('getStaffMe', {}))).toBe('UNAUTHENTICATED')
    expect(await outcome(t.api.call('staffRefresh', { body: { refreshToken: renewed.refreshToken } }))).toBe('UNAUTHENTICATED')
  })

  it('loses every session at once when an admin revokes them', async () => {
    const target = await staffSession(t, 'editor-revoked', 'sanyuan-hrss', ['editor'])
    const admin = await staffSession(t, 'sy-admin', 'sanyuan-hrss', ['department-admin'])
    expect((await target.api.call('getStaffMe', {})).username).toBe('editor-revoked')
    expect((await admin.api.call('revokeStaffSessions', { params: { id: target.id } })).revoked).toBe(1)
    expect(await outcome(target.api.call('getStaffMe', {}))).toBe('UNAUTHENTICATED')
    expect(await outcome(t.api.call('staffRefresh', { body: { refreshToken: target.session.refreshToken } }))).toBe('UNAUTHENTICATED')
  })

  it('gets new roles from an admin, audited, effective on the next request; the platform-admin role only from a platform admin', async () => {
    const target = await staffSession(t, 'editor-promoted', 'sanyuan-hrss', ['editor'])
    const admin = await staffSession(t, 'sy-admin-3', 'sanyuan-hrss', ['department-admin'])
    expect(await outcome(target.api.call('listReviewQueue', {}))).toBe('FORBIDDEN')
    const changed = await admin.api.call('setStaffRoles', { params: { id: target.id }, body: { roles: ['editor', 'reviewer'] } })
    expect(changed.roles).toEqual(['editor', 'reviewer'])
    expect(await outcome(target.api.call('listReviewQueue', {}))).toBe('OK') // same session, new rights
    const audit = await AuditRecordModel.findOne({ action: 'staff.roles-changed', subject: `staff:${target.id}` }).lean()
    expect(audit).toMatchObject({ actor: { id: admin.id }, before: { roles: ['editor'] }, after: { roles: ['editor', 'reviewer'] } })
    expect(await outcome(admin.api.call('setStaffRoles', { params: { id: target.id }, body: { roles: ['platform-admin'] } }))).toBe('FORBIDDEN')
    expect(await outcome(admin.api.call('setStaffRoles', { params: { id: admin.id }, body: { roles: ['editor'] } }))).toBe('CONFLICT')
    const refused = await admin.api.call('setStaffRoles', { params: { id: target.id }, body: { roles: [] } }).catch((e: ApiClientError) => e)
    expect(refused).toMatchObject({ status: 400, fields: [{ path: 'roles', message: '至少选择一个角色' }] })
  })

  it('is shut out at once when an admin disables the account (停用), and let back in when enabled', async () => {
    const target = await staffSession(t, 'editor-leaving', 'sanyuan-hrss', ['editor'])
    const admin = await staffSession(t, 'sy-admin-2', 'sanyuan-hrss', ['department-admin'])
    expect(await outcome(admin.api.call('setStaffDisabled', { params: { id: admin.id }, body: { disabled: true } }))).toBe('CONFLICT')
    expect((await admin.api.call('setStaffDisabled', { params: { id: target.id }, body: { disabled: true } })).disabled).toBe(true)
    expect(await outcome(target.api.call('getStaffMe', {}))).toBe('UNAUTHENTICATED')
    const refused = await t.api.call('staffLogIn', { body: { username: 'editor-leaving', password: STAFF_PASSWORD } }).catch((e: ApiClientError) => e)
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', message: '该账号已停用，请联系管理员' })
    expect(await AuditRecordModel.countDocuments({ action: 'staff.disabled', subject: `staff:${target.id}`, 'actor.id': admin.id })).toBe(1)
    await admin.api.call('setStaffDisabled', { params: { id: target.id }, body: { disabled: false } })
    expect((await t.api.call('staffLogIn', { body: { username: 'editor-leaving', password: STAFF_PASSWORD } })).staff.username).toBe('editor-leaving')
  })
})

describe('who may manage staff accounts (role × own or other department)', () => {
  const OWN = 'shandong-hrss' as const
  const OTHER = 'yinchuan-civil-affairs' as const
  type Role = 'editor' | 'reviewer' | 'department-admin' | 'platform-admin'
  const roles: Role[] = ['editor', 'reviewer', 'department-admin', 'platform-admin']
  // Expected outcome per endpoint, role and department of the account acted on. Written out, not derived.
  const EXPECTED: Record<string, Record<Role, { own: string; other: string }>> = {
    getStaffMe: { editor: { own: 'OK', other: 'OK' }, reviewer: { own: 'OK', other: 'OK' }, 'department-admin': { own: 'OK', other: 'OK' }, 'platform-admin': { own: 'OK', other: 'OK' } },
    listStaff: { editor: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, reviewer: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, 'department-admin': { own: 'OK', other: 'FORBIDDEN' }, 'platform-admin': { own: 'OK', other: 'OK' } },
    createStaff: { editor: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, reviewer: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, 'department-admin': { own: 'OK', other: 'FORBIDDEN' }, 'platform-admin': { own: 'OK', other: 'OK' } },
    revokeStaffSessions: { editor: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, reviewer: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, 'department-admin': { own: 'OK', other: 'FORBIDDEN' }, 'platform-admin': { own: 'OK', other: 'OK' } },
    unlockStaff: { editor: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, reviewer: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, 'department-admin': { own: 'OK', other: 'FORBIDDEN' }, 'platform-admin': { own: 'OK', other: 'OK' } },
    setStaffDisabled: { editor: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, reviewer: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, 'department-admin': { own: 'OK', other: 'FORBIDDEN' }, 'platform-admin': { own: 'OK', other: 'OK' } },
    setStaffRoles: { editor: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, reviewer: { own: 'FORBIDDEN', other: 'FORBIDDEN' }, 'department-admin': { own: 'OK', other: 'FORBIDDEN' }, 'platform-admin': { own: 'OK', other: 'OK' } },
  }

  it('matches the table for every staff endpoint, and nothing works without logging in', async () => {
    const targets = { own: await staffSession(t, 'target-own', OWN, ['editor']), other: await staffSession(t, 'target-other', OTHER, ['editor']) }
    const clients = {} as Record<Role, ApiClient>
    for (const role of roles) clients[role] = (await staffSession(t, `actor-${role}`, OWN, [role])).api
    let n = 0
    const calls: Record<string, (api: ApiClient, where: 'own' | 'other') => Promise<unknown>> = {
      getStaffMe: (api) => api.call('getStaffMe', {}),
      listStaff: (api, where) => api.call('listStaff', { query: { department: where === 'own' ? OWN : OTHER } }),
      createStaff: (api, where) => api.call('createStaff', { body: { username: `made-${++n}`, displayName: '新同事', department: where === 'own' ? OWN : OTHER, roles: ['editor'], password: STAFF_PASSWORD } }),
      revokeStaffSessions: (api, where) => api.call('revokeStaffSessions', { params: { id: targets[where].id } }),
      unlockStaff: (api, where) => api.call('unlockStaff', { params: { id: targets[where].id } }),
      setStaffDisabled: (api, where) => api.call('setStaffDisabled', { params: { id: targets[where].id }, body: { disabled: false } }),
      setStaffRoles: (api, where) => api.call('setStaffRoles', { params: { id: targets[where].id }, body: { roles: ['editor'] } }),
    }
    const got: typeof EXPECTED = {}
    for (const [op, call] of Object.entries(calls)) {
      got[op] = {} as Record<Role, { own: string; other: string }>
      for (const role of roles) got[op]![role] = { own: await outcome(call(clients[role], 'own')), other: await outcome(call(clients[role], 'other')) }
      expect(await outcome(call(t.api, 'own'))).toBe('UNAUTHENTICATED')
    }
    expect(got).toEqual(EXPECTED)
  }, 120_000)

  it('lets only a platform admin grant the platform-admin role', async () => {
    const deptAdmin = await staffSession(t, 'grant-dept-admin', OWN, ['department-admin'])
    const body = { username: 'would-be-root', displayName: '某人', department: OWN, roles: ['platform-admin' as const], password: STAFF_PASSWORD }
    expect(await outcome(deptAdmin.api.call('createStaff', { body }))).toBe('FORBIDDEN')
    const admin = await staffSession(t, 'grant-platform-admin', OTHER, ['platform-admin'])
    expect((await admin.api.call('createStaff', { body })).roles).toEqual(['platform-admin'])
  })

  it('refuses bad account details field by field, in Chinese, and writes nothing', async () => {
    const admin = await staffSession(t, 'validating-admin', OWN, ['department-admin'])
    const err = (await admin.api
      .call('createStaff', { body: { username: 'A B', displayName: '', department: 'nowhere' as never, roles: [], password: 'onlyletters' } })
      .catch((e: ApiClientError) => e)) as ApiClientError
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(Object.fromEntries(err.fields.map((f) => [f.path, f.message]))).toEqual({
      username: '用户名为 3–32 位小写字母、数字、点、短横线或下划线',
      displayName: '请填写姓名',
      department: '未知的部门',
      roles: '至少选择一个角色',
      password: '密码须同时包含字母和数字',
    })
    expect((await admin.api.call('listStaff', { query: {} })).items.map((a) => a.username)).not.toContain('a b')
  })
})

describe('the audit trail', () => {
  it('can be appended to but not changed or deleted through the model', async () => {
    const record = await AuditRecordModel.findOne({}).sort({ at: -1 })
    expect(record).not.toBeNull()
    await expect(AuditRecordModel.updateOne({ _id: record!._id }, { $set: { action: 'edited' } })).rejects.toThrow(/append-only/)
    await expect(AuditRecordModel.deleteMany({})).rejects.toThrow(/append-only/)
    await expect(AuditRecordModel.findOneAndUpdate({ _id: record!._id }, { $set: { action: 'edited' } })).rejects.toThrow(/append-only/)
    record!.action = 'edited'
    await expect(record!.save()).rejects.toThrow(/append-only/)
    expect((await AuditRecordModel.findById(record!._id).lean())!.action).not.toBe('edited')
  })
})
