import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { ServiceUnavailableError } from './errors'

/**
 * Secrets at rest (channel credentials): AES-256-GCM with a key from configuration, a
 * fresh 12-byte nonce per value, the tag checked on opening. Stored as
 * `v1.<nonce>.<tag>.<ciphertext>` (base64url). Without a key in production it refuses
 * to seal or open anything; elsewhere a fixed development key is used.
 */
export class SecretBox {
  private readonly key: Buffer | null

  constructor(key: string | undefined, production: boolean) {
    if (key) this.key = /^[0-9a-fA-F]{64}$/.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64')
    else this.key = production ? null : createHash('sha256').update('zhengwu-lwyd development channel credentials key').digest()
    if (this.key && this.key.length !== 32) throw new Error('CHANNEL_CREDENTIALS_KEY must be 32 bytes')
  }

  private keyOrThrow(): Buffer {
    if (!this.key) throw new ServiceUnavailableError('未配置渠道凭据加密密钥（CHANNEL_CREDENTIALS_KEY），无法保存或使用渠道凭据')
    return this.key
  }

  seal(plain: string): string {
    return sealGcm(this.keyOrThrow(), plain, '.')
  }

  open(sealed: string): string {
    return openGcm(this.keyOrThrow(), sealed, '.')
  }
}

/**
 * AES-256-GCM of a short text under `key` (32 bytes): a fresh 12-byte nonce, the tag kept,
 * as `v1<sep>nonce<sep>tag<sep>ciphertext` in base64url. The one way this server seals
 * secrets and personal numbers at rest (channel credentials, applicants' ID numbers).
 */
export function sealGcm(key: Buffer, plain: string, sep: string): string {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(sep)
}

/** The text `sealGcm` sealed; throws when it, its nonce or its tag was altered. */
export function openGcm(key: Buffer, sealed: string, sep: string): string {
  const [v, nonce, tag, data] = sealed.split(sep)
  if (v !== 'v1' || !nonce || !tag || data === undefined) throw new Error('not a sealed value')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}
