import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'

/** A database of its own for one test file, on the run's throw-away FerretDB. */
export function freshDatabaseUri(label = 't'): string {
  return `${inject('mongoServer')}/${label}_${randomBytes(4).toString('hex')}`
}
