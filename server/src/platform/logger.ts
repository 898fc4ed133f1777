import { AsyncLocalStorage } from 'node:async_hooks'
import pino, { type DestinationStream, type Logger } from 'pino'

export type { Logger }

/** The request a line of log belongs to; set by the requestContext middleware. */
export const requestContext = new AsyncLocalStorage<{ reqId: string }>()

/** Requests running in `requestContext` now. */
let inContext = 0

/**
 * Runs a request in `requestContext`, so whatever logs while it is handled, however deep,
 * writes its id. On Node 20 an enabled AsyncLocalStorage costs a hook call on every promise
 * the process makes, whichever request it belongs to; so the storage is enabled only while
 * some request is running in it (docs/adr/0012): the public reads, which log nothing deep
 * inside, run outside it and pay nothing when no other request is in flight.
 */
export function inRequestContext<T>(store: { reqId: string }, fn: () => Promise<T>): Promise<T> {
  inContext += 1
  const leave = () => {
    inContext -= 1
    if (inContext === 0) requestContext.disable()
  }
  let running: Promise<T>
  try {
    running = requestContext.run(store, fn)
  } catch (err) {
    leave()
    throw err
  }
  return running.then(
    (value) => {
      leave()
      return value
    },
    (err: unknown) => {
      leave()
      throw err
    },
  )
}

/**
 * Field names whose values never reach a log, wherever they appear: credentials,
 * WeChat identities and citizens' personal data.
 */
export const REDACTED_KEYS = [
  'password',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'secret',
  'authorization',
  'cookie',
  'session_key',
  'sessionKey',
  'openid',
  'unionid',
  'idNumber',
  'mobile',
  'phone',
] as const

/**
 * Standard output written in 8 KB batches instead of a system call per line, and at
 * least every 250 ms so a quiet server's lines are not held back; flushed on shutdown
 * (`logger.flush()`).
 */
export function bufferedStdout(): DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 8 * 1024 })
  setInterval(() => destination.flush(), 250).unref()
  return destination
}

const SECRET = new Set<string>(REDACTED_KEYS)

function redact(value: unknown, depth: number): unknown {
  if (depth > 4 || value === null || typeof value !== 'object' || value instanceof Error || value instanceof Date) return value
  if (Array.isArray(value)) return value.some((v) => v !== null && typeof v === 'object') ? value.map((v) => redact(v, depth + 1)) : value
  let copy: Record<string, unknown> | undefined
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key]
    const next = SECRET.has(key) ? '[redacted]' : redact(v, depth + 1)
    if (next !== v) {
      copy ??= { ...(value as Record<string, unknown>) }
      copy[key] = next
    }
  }
  return copy ?? value
}

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Every line written while a request is handled carries its id, whoever logs it.
      mixin: () => {
        const store = requestContext.getStore()
        return store ? { reqId: store.reqId } : {}
      },
      // Redaction by key name at any depth (to 4 levels), done in one pass over the
      // logged object; cheaper than wildcard path redaction on every line.
      formatters: { log: (obj) => redact(obj, 0) as Record<string, unknown> },
    },
    options.destination,
  )
}

/** A connection string with user and password removed, safe to log. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@')
}
