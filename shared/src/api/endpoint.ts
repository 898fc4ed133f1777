import type { z } from '../zod'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * One HTTP endpoint, described once and used three ways: the server binds its handler
 * to it (and validates input with its schemas), the OpenAPI document is generated from
 * it, and the typed client derives argument and result types from it.
 *
 * `path` uses OpenAPI's `{name}` placeholders.
 */
export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod
  path: string
  summary: string
  tag: string
  params?: P
  query?: Q
  body?: B
  response: R
  /** HTTP status of success; 200 unless said. */
  status?: number
  /**
   * `staff`: needs a staff access token, `citizen`: a citizen's (both `Authorization:
   * Bearer …`; neither is accepted for the other); public otherwise.
   */
  auth?: 'staff' | 'citizen'
  /** Error codes this endpoint documents beyond the common ones. */
  errors?: readonly string[]
}

export function defineEndpoint<
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
  R extends z.ZodType = z.ZodType,
  A extends 'staff' | 'citizen' | undefined = undefined,
>(endpoint: Endpoint<P, Q, B, R> & { auth?: A }): Endpoint<P, Q, B, R> & { auth: A } {
  return endpoint as Endpoint<P, Q, B, R> & { auth: A }
}

type InputOf<S, K extends string> = S extends z.ZodNever ? {} : S extends z.ZodType ? { [k in K]: z.input<S> } : {}

/** What a caller passes: `{ params?, query?, body? }` as the endpoint declares. */
export type EndpointInput<E> = E extends Endpoint<infer P, infer Q, infer B, z.ZodType>
  ? InputOf<P, 'params'> & InputOf<Q, 'query'> & InputOf<B, 'body'>
  : never

/** What a caller gets back on success. */
export type EndpointResult<E> = E extends Endpoint<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never

/** Fills `{name}` placeholders of a path, encoding each value. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path parameter "${name}" for ${path}`)
    return encodeURIComponent(String(value))
  })
}
