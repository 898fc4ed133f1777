import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { maskIdNumber, normalisedIdNumber } from '@zw/shared'

/** Used only outside production when DISCLOSURE_ID_KEY is unset (config refuses to start production without one). */
export const DEVELOPMENT_ID_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'

/**
 * Applicants' ID numbers at rest: AES-256-GCM (random 96-bit IV, the tag checked on
 * decryption), an HMAC-SHA-256 under a key derived from the same secret for counting one
 * person's applications without decrypting, and the masked form for showing. The clear
 * number is never stored, logged or audited.
 */
export class IdCipher {
  private readonly key: Buffer
  private readonly hashKey: Buffer

  constructor(hexKey: string) {
    if (!/^[0-9a-fA-F]{64}$/.test(hexKey)) throw new Error('DISCLOSURE_ID_KEY must be 64 hex characters (32 bytes)')
    this.key = Buffer.from(hexKey, 'hex')
    this.hashKey = createHmac('sha256', this.key).update('disclosure-id-hash').digest()
  }

  protect(idNumber: string): { idCipher: string; idHash: string; idMasked: string } {
    const clear = normalisedIdNumber(idNumber)
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const ct = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()])
    const tag = cipher.getAuthTag()
    return { idCipher: `v1:${iv.toString('base64url')}:${tag.toString('base64url')}:${ct.toString('base64url')}`, idHash: this.hash(clear), idMasked: maskIdNumber(clear) }
  }

  hash(idNumber: string): string {
    return createHmac('sha256', this.hashKey).update(normalisedIdNumber(idNumber)).digest('hex')
  }

  /** The clear number (for printing the reply letter by an authorised person); throws when the text or tag was altered. */
  reveal(idCipher: string): string {
    const [v, iv, tag, ct] = idCipher.split(':')
    if (v !== 'v1' || !iv || !tag || !ct) throw new Error('not an ID cipher text')
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8')
  }
}
