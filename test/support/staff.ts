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
