import type { Logger } from '../platform/logger'
import { ContentReadModel } from './readModel'
import { contentHandlers } from './routes'
import { warmUpTokenizer } from './search/tokenizer'

export interface ContentModule {
  readModel: ContentReadModel
  handlers: ReturnType<typeof contentHandlers>
  start(): Promise<void>
  stop(): Promise<void>
}

/** The content domain as the app uses it: read model, services, handlers. */
export function createContentModule(deps: { logger: Logger; now: () => Date; pollMs?: number }): ContentModule {
  const readModel = new ContentReadModel(deps.logger, { pollMs: deps.pollMs })
  return {
    readModel,
    handlers: contentHandlers(readModel, deps.now),
    async start() {
      warmUpTokenizer()
      await readModel.start()
    },
    stop: () => readModel.stop(),
  }
}
