import path from 'node:path'
import type Router from '@koa/router'
import type { Logger } from '../platform/logger'
import { LocalDiskStorage, type FileStorage } from './attachments/fileStorage'
import { fileRouter, type PublicFileSource } from './fileRoutes'
import { ContentReadModel } from './readModel'
import { contentHandlers } from './routes'
import { warmUpTokenizer } from './search/tokenizer'

export interface ContentModule {
  readModel: ContentReadModel
  handlers: ReturnType<typeof contentHandlers>
  /** Attachment files (local disk under DATA_DIR/files by default). */
  storage: FileStorage
  /** `GET /api/v1/files/<key>`: files of published items, then of what the other sources show. */
  fileRouter(otherSources: readonly PublicFileSource[]): Router
  start(): Promise<void>
  stop(): Promise<void>
}

/** The content domain as the app uses it: read model, services, handlers. */
export function createContentModule(deps: { logger: Logger; now: () => Date; dataDir: string; pollMs?: number }): ContentModule {
  const readModel = new ContentReadModel(deps.logger, { pollMs: deps.pollMs })
  const storage = new LocalDiskStorage(path.join(deps.dataDir, 'files'))
  return {
    readModel,
    handlers: contentHandlers(readModel, deps.now),
    storage,
    fileRouter: (otherSources) => fileRouter([readModel, ...otherSources], storage),
    async start() {
      warmUpTokenizer()
      await readModel.start()
    },
    stop: () => readModel.stop(),
  }
}
