import type Router from '@koa/router'
import type { Context } from 'koa'
import { endpoints, type Endpoints, type OperationId, type z } from '@zw/shared'
import { ValidationError } from '../errors'
import { NOT_MODIFIED, RawJson } from './conditional'
import type { StaffPrincipal } from '../../auth/principal'
import type { CitizenPrincipal } from '../../auth/citizenAuthenticator'

type SchemaOutput<S> = S extends z.ZodNever ? undefined : S extends z.ZodType ? z.output<S> : undefined

/** What a handler receives: input already validated against the endpoint's schemas. */
export interface HandlerInput<K extends OperationId> {
  params: SchemaOutput<NonNullable<Endpoints[K]['params']>>
  query: SchemaOutput<NonNullable<Endpoints[K]['query']>>
  body: SchemaOutput<NonNullable<Endpoints[K]['body']>>
  /** Who a staff endpoint acts for (authenticated before the handler runs). */
  staff: Endpoints[K]['auth'] extends 'staff' ? StaffPrincipal : undefined
  /** Who a citizen endpoint acts for (authenticated before the handler runs). */
  citizen: Endpoints[K]['auth'] extends 'citizen' ? CitizenPrincipal : undefined
  ctx: Context
}

/** Finds who a staff request acts for, or throws UNAUTHENTICATED. */
export type Authenticate = (ctx: Context) => Promise<StaffPrincipal>
/** Finds who a citizen request acts for, or throws UNAUTHENTICATED. */
export type AuthenticateCitizen = (ctx: Context) => Promise<CitizenPrincipal>
type HandlerResult<K extends OperationId> = z.input<Endpoints[K]['response']> | typeof NOT_MODIFIED | RawJson
export type Handler<K extends OperationId> = (input: HandlerInput<K>) => Promise<HandlerResult<K>> | HandlerResult<K>
export type Handlers = { [K in OperationId]?: Handler<K> }

function parseInput(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined
  const result = schema.safeParse(value ?? {})
  if (!result.success) throw ValidationError.fromZod(result.error, where === 'body' ? undefined : where)
  return result.data
}

/** `/policies/{id}` (OpenAPI) → `/policies/:id` (@koa/router). */
export function routerPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1')
}

/**
 * Binds handlers to the shared contract: routes stay thin (parse, authorise, call a
 * service), and the answer is parsed with the response schema, so fields a model holds
 * but the contract does not name never leave the server.
 */
export function bindEndpoints(router: Router, handlers: Handlers, authenticate: Authenticate, authenticateCitizen: AuthenticateCitizen): void {
  for (const [operation, handler] of Object.entries(handlers) as [OperationId, Handler<OperationId>][]) {
    const endpoint = endpoints[operation] as Endpoints[OperationId] & {
      params?: z.ZodType
      query?: z.ZodType
      body?: z.ZodType
      auth?: 'staff' | 'citizen'
    }
    router.register(routerPath(endpoint.path), [endpoint.method], async (ctx: Context) => {
      // Who first: an unauthenticated caller learns nothing about the input it sent.
      const staff = endpoint.auth === 'staff' ? await authenticate(ctx) : undefined
      const citizen = endpoint.auth === 'citizen' ? await authenticateCitizen(ctx) : undefined
      const input = {
        staff,
        citizen,
        params: parseInput(endpoint.params, ctx.params, 'params'),
        query: parseInput(endpoint.query, ctx.query, 'query'),
        body: parseInput(endpoint.body, (ctx.request as { body?: unknown }).body, 'body'),
        ctx,
      } as HandlerInput<OperationId>
      const result = await handler(input)
      if (result === NOT_MODIFIED) {
        ctx.status = 304
        ctx.body = null
        return
      }
      ctx.status = endpoint.status ?? 200
      if (result instanceof RawJson) {
        ctx.type = 'application/json; charset=utf-8'
        ctx.body = result.json
        return
      }
      ctx.body = endpoint.response.parse(result)
    })
  }
}

/** Operation ids of the contract that no handler serves; the app refuses to start with any. */
export function unboundOperations(handlers: Handlers): OperationId[] {
  return (Object.keys(endpoints) as OperationId[]).filter((op) => !handlers[op])
}
