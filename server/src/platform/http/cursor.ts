import { ValidationError } from '../errors'

/** Opaque cursors: base64url of a small JSON value. A tampered cursor is a 400. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export function decodeCursor<T>(cursor: string, check: (v: unknown) => v is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (check(value)) return value
  } catch {
    // fall through
  }
  throw new ValidationError([{ path: 'query.cursor', message: '分页游标无效，请从第一页重新开始' }])
}
