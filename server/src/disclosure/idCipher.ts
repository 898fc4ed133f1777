import { createHmac } from 'node:crypto'
import { maskIdNumber, normalisedIdNumber } from '@zw/shared'
import { openGcm, sealGcm } from '../platform/secretBox'

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
    return { idCipher: sealGcm(this.key, clear, ':'), idHash: this.hash(clear), idMasked: maskIdNumber(clear) }
  }

  hash(idNumber: string): string {
    return createHmac('sha256', this.hashKey).update(normalisedIdNumber(idNumber)).digest('hex')
  }

  /** The clear number (for printing the reply letter by an authorised person); throws when the text or tag was altered. */
  reveal(idCipher: string): string {
    return openGcm(this.key, idCipher, ':')
  }
}
