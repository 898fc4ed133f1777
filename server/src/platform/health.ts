import type { Handlers } from './http/endpoints'
import type { Database } from './db'
import { ServiceUnavailableError } from './errors'

/** `/healthz`: the process is up. `/readyz`: the database answers a ping. */
export function healthHandlers(db: Database): Handlers {
  return {
    getHealth: () => ({ status: 'ok' }),
    getReadiness: async () => {
      if (!(await db.ping())) throw new ServiceUnavailableError('数据库暂时不可用', { database: 'down' })
      return { status: 'ready', database: 'up' }
    },
  }
}
