import type { Handlers } from './http/endpoints'
import type { Database } from './db'
import { ServiceUnavailableError } from './errors'

/**
 * `/healthz`: the process is up. `/readyz`: the database answers a ping; its answer
 * also counts scheduled editions overdue for publication (should be 0; more means the
 * publishing job is not running anywhere).
 */
export function healthHandlers(db: Database, overdueScheduledEditions: () => Promise<number>): Handlers {
  return {
    getHealth: () => ({ status: 'ok' }),
    getReadiness: async () => {
      if (!(await db.ping())) throw new ServiceUnavailableError('数据库暂时不可用', { database: 'down' })
      return { status: 'ready', database: 'up', overdueScheduledEditions: await overdueScheduledEditions() }
    },
  }
}
