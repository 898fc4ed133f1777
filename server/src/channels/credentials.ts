import type { ChannelCredentials } from '@zw/shared'
import type { SecretBox } from '../platform/secretBox'
import type { ChannelAccountDoc } from './model'

export const sealCredentials = (box: SecretBox, c: ChannelCredentials) => box.seal(JSON.stringify(c))

/** The account's credentials, opened only where a platform call needs them (never logged, never returned). */
export function openCredentials<K extends ChannelCredentials['kind']>(box: SecretBox, account: Pick<ChannelAccountDoc, 'sealedCredentials'>, kind: K): Extract<ChannelCredentials, { kind: K }> | null {
  if (!account.sealedCredentials) return null
  const c = JSON.parse(box.open(account.sealedCredentials)) as ChannelCredentials
  return c.kind === kind ? (c as Extract<ChannelCredentials, { kind: K }>) : null
}
