import { randomBytes } from 'node:crypto'
import { AuthKeyModel } from './model'

/**
 * The key access tokens are signed with: made once, kept in the database, so every
 * instance signs and checks with the same key. Two instances starting together both
 * try to create it; the unique id lets one win and the other read it.
 */
export async function accessTokenKey(): Promise<Buffer> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await AuthKeyModel.findById('access-token').lean()
    if (existing) return Buffer.from(existing.key, 'base64url')
    try {
      await AuthKeyModel.create({ _id: 'access-token', key: randomBytes(32).toString('base64url'), createdAt: new Date() })
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err
    }
  }
  throw new Error('could not create or read the access-token key')
}
