import mongoose from 'mongoose'
import type { Logger } from './logger'
import { redactUri } from './logger'

// Fail at once when there is no connection instead of queueing for 10 s (domain-facts §9).
mongoose.set('bufferCommands', false)
mongoose.set('strictQuery', true)

/** Whether a write failed on a unique index (E11000): the claim, record or name is taken already. */
export const isDuplicateKeyError = (err: unknown): boolean => (err as { code?: number }).code === 11000

/**
 * Inserts `doc` unless a document with its unique key exists: the way a step that may run
 * twice (a repeated job, a publication finished again, two instances) writes its record
 * once. Answers whether this call wrote it.
 */
export async function createOnce<T>(model: mongoose.Model<T>, doc: Partial<T>): Promise<boolean> {
  try {
    await model.create(doc)
    return true
  } catch (err) {
    if (isDuplicateKeyError(err)) return false
    throw err
  }
}

/** Whether the server is FerretDB (its buildInfo says so). */
async function isFerretDb(connection: mongoose.Connection): Promise<boolean> {
  const info = (await connection.db!.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string; ferretdb?: unknown }
  return typeof info.ferretdbVersion === 'string' || info.ferretdb !== undefined
}

/**
 * Creates the indexes every model declares, and waits for them. The rules lean on unique
 * indexes (one edition number per item, one retrospective task per edition …), so they
 * must exist before the first request; mongoose's automatic index build runs in the
 * background and is cut short when the FerretDB connection is reopened (see below).
 */
export async function ensureIndexes(): Promise<void> {
  for (const name of mongoose.modelNames()) await mongoose.model(name).createIndexes()
}

export interface Database {
  connection: mongoose.Connection
  /** True when the database answers a ping within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>
  /** Resolves once the first connection is made (retrying in the background until then). */
  ready: Promise<void>
  close(): Promise<void>
}

/**
 * Connects mongoose to `uri`. A database that does not answer does not stop the server:
 * start-up logs it clearly, `/readyz` answers 503, and the connection is retried with
 * back-off until it succeeds or the server shuts down.
 */
export function connectDatabase(uri: string, options: { logger: Logger; connectTimeoutMs: number }): Database {
  const { logger } = options
  const connection = mongoose.connection
  let closed = false
  let attempt = 0
  let retryTimer: NodeJS.Timeout | undefined
  const safeUri = redactUri(uri)

  const ready = new Promise<void>((resolve) => {
    const tryConnect = async () => {
      attempt += 1
      try {
        const connectOptions = { serverSelectionTimeoutMS: options.connectTimeoutMs, connectTimeoutMS: options.connectTimeoutMs, autoIndex: true }
        await mongoose.connect(uri, connectOptions)
        if (await isFerretDb(connection)) {
          // FerretDB v1 (SQLite) runs concurrent operations on one document without
          // isolation: conditional updates and $inc lose to each other. One operation at
          // a time from this process makes them atomic again (docs/adr/0010).
          await mongoose.disconnect()
          await mongoose.connect(uri, { ...connectOptions, maxPoolSize: 1 })
          logger.info({ db: safeUri }, 'FerretDB: one database operation at a time')
        }
        logger.info({ db: safeUri, attempt }, 'database connected')
        resolve()
      } catch (err) {
        if (closed) return
        const delay = Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5))
        logger.error(
          { db: safeUri, attempt, retryInMs: delay, err: { message: (err as Error).message } },
          `database unreachable at ${safeUri}; /readyz answers 503 until it connects; retrying`,
        )
        retryTimer = setTimeout(tryConnect, delay)
      }
    }
    void tryConnect()
  })

  return {
    connection,
    ready,
    async ping(timeoutMs = 2000) {
      if (connection.readyState !== 1 || !connection.db) return false
      try {
        await Promise.race([
          connection.db.admin().ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('ping timeout')), timeoutMs).unref()),
        ])
        return true
      } catch {
        return false
      }
    },
    async close() {
      closed = true
      if (retryTimer) clearTimeout(retryTimer)
      await mongoose.disconnect()
    },
  }
}

/**
 * Inserts `docs` (each with its own unique `_id`), skipping those whose `_id` exists;
 * answers the ids this call wrote. One round trip for the batch (unordered), so a few
 * duplicates do not stop the rest. Other errors propagate. The records must be complete
 * (no schema defaults or casting are applied).
 */
export async function insertManyOnce<T extends { _id: string }>(model: mongoose.Model<T>, docs: T[]): Promise<Set<string>> {
  const written = new Set(docs.map((d) => d._id))
  if (!docs.length) return written
  try {
    // Straight to the driver: the callers build complete records, and mongoose's casting of each one costs more than the insert.
    await model.collection.insertMany(docs as never[], { ordered: false })
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { code?: number; err?: { code?: number; index?: number }; index?: number }[] }).writeErrors
    if (!writeErrors?.length) throw err
    for (const e of writeErrors) {
      const code = e.code ?? e.err?.code
      if (code !== 11000) throw err
      written.delete(docs[e.index ?? e.err?.index ?? -1]!._id)
    }
  }
  return written
}
