import type { Context } from 'koa'

/** Returned by a handler when the client's copy is current: the binding answers 304. */
export const NOT_MODIFIED = Symbol('not-modified')

const opaque = (tag: string) => tag.trim().replace(/^W\//, '')

/** Weak comparison of If-None-Match (a list, or `*`) with an entity tag (RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((t) => opaque(t) === opaque(etag))
}

/**
 * Sets the validators of a public read and tells whether the client's cached copy is
 * still good, so the handler can answer 304 without loading anything. As the origin
 * server we validate even when the request says `Cache-Control: no-cache` (which asks
 * caches to revalidate with us, not to skip validation).
 */
export function isClientCopyFresh(ctx: Context, etag: string, cacheControl: string): boolean {
  ctx.set('ETag', etag)
  ctx.set('Cache-Control', cacheControl)
  return (ctx.method === 'GET' || ctx.method === 'HEAD') && etagMatches(ctx.get('if-none-match'), etag)
}

/** A JSON answer serialised (and checked against the contract) ahead of time, as text or UTF-8 bytes. */
export class RawJson {
  constructor(readonly json: string | Buffer) {}
}
export const rawJson = (json: string | Buffer) => new RawJson(json)
