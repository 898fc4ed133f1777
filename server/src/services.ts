import type { Logger } from './platform/logger'
import { createContentModule, type ContentModule } from './content/module'

/** Every domain module of the server, built once per process (the composition root). */
export interface Services {
  content: ContentModule
  /** Starts what needs the database (read models); call after it connects. */
  start(): Promise<void>
  stop(): Promise<void>
}

export function createServices(deps: { logger: Logger; dataDir: string; now?: () => Date; contentPollMs?: number }): Services {
  const now = deps.now ?? (() => new Date())
  const content = createContentModule({ logger: deps.logger, now, dataDir: deps.dataDir, pollMs: deps.contentPollMs })
  return {
    content,
    start: () => content.start(),
    stop: () => content.stop(),
  }
}
