/**
 * e2e set-up and checks straight in the database of the server under test (its
 * connection string comes from globalServer.ts): open, do, close.
 */
import mongoose from 'mongoose'
import type { StaffRole } from '@zw/shared'
import { createAccount } from '../../server/src/auth/staffAccounts'

export async function withServerDatabase<T>(uri: string, run: (connection: mongoose.Connection) => Promise<T>): Promise<T> {
  await mongoose.connect(uri)
  try {
    return await run(mongoose.connection)
  } finally {
    await mongoose.disconnect()
  }
}

/** Staff accounts made as `npm run admin:create` and 账号管理 would, all with one password. */
export function createStaffAccounts(uri: string, password: string, accounts: { username: string; displayName: string; department: string; roles: StaffRole[] }[]): Promise<void> {
  return withServerDatabase(uri, async () => {
    for (const a of accounts) await createAccount({ ...a, department: a.department as never, password }, new Date(), { id: 'e2e', name: 'e2e setup' })
  })
}
