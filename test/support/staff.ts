import { expect } from 'vitest'
import { ApiClientError, type StaffRole } from '@zw/shared'
import { createAccount } from '../../server/src/auth/staffAccounts'
import type { TestApp } from './app'

export const STAFF_PASSWORD = 'Zhengwu2026pass'

/** Creates an account directly (as `npm run admin:create` does) and logs it in over HTTP. */
export async function staffSession(t: TestApp, username: string, department: string, roles: StaffRole[]) {
  const account = await createAccount({ username, displayName: `测试${username}`, department: department as never, roles, password: STAFF_PASSWORD }, new Date(), { id: 'test', name: 'test' })
  const session = await t.api.call('staffLogIn', { body: { username, password: STAFF_PASSWORD } })
  return { id: account._id.toString(), session, api: t.asStaff(session.accessToken) }
}

/** The error code an API call fails with, or 'OK'. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call
    return 'OK'
  } catch (err) {
    if (err instanceof ApiClientError) return err.code
    throw err
  }
}

export type Role = 'editor' | 'reviewer' | 'department-admin' | 'platform-admin'
export const ROLES: readonly Role[] = ['editor', 'reviewer', 'department-admin', 'platform-admin']
export type Outcomes = Record<string, Record<Role, { own: string; other: string }>>

/**
 * The outcome (error code or 'OK') of each call for each role, acting on something of
 * its own and of another department: the shape of the role × department tables, so a
 * test compares it with the table written out by hand.
 */
export async function outcomesOf<A>(calls: Record<string, (actor: A, where: 'own' | 'other') => Promise<unknown>>, actors: Record<Role, A>): Promise<Outcomes> {
  const got: Outcomes = {}
  for (const [op, call] of Object.entries(calls)) {
    got[op] = {} as Record<Role, { own: string; other: string }>
    for (const role of ROLES) got[op]![role] = { own: await outcome(call(actors[role], 'own')), other: await outcome(call(actors[role], 'other')) }
  }
  return got
}

/** The message per field of a call that must be refused as bad input (a 400, VALIDATION_FAILED). */
export async function refusedFields(call: Promise<unknown>): Promise<Record<string, string>> {
  const err = (await call.catch((e: unknown) => e)) as ApiClientError
  expect(err).toBeInstanceOf(ApiClientError)
  expect(err.status).toBe(400)
  expect(err.code).toBe('VALIDATION_FAILED')
  return Object.fromEntries(err.fields.map((f) => [f.path, f.message]))
}
