import type { Handlers } from '../platform/http/endpoints'
import { isClientCopyFresh, NOT_MODIFIED } from '../platform/http/conditional'
import { NotFoundError } from '../platform/errors'
import type { DetailReader } from './detailReader'
import { listItems } from './lister'
import type { ContentReadModel } from './readModel'
import { searchItems } from './search/searcher'
import { recordView } from './viewCounter'

const LIST_CACHE = 'public, max-age=30'
const DETAIL_CACHE = 'public, max-age=60'

/** Public reading API: thin — parse (done by the binding), validators, call the service. */
export function contentHandlers(model: ContentReadModel, details: DetailReader, now: () => Date): Handlers {
  return {
    listItems: ({ query, ctx }) => {
      if (model.ready && isClientCopyFresh(ctx, `W/"s${model.seq}"`, LIST_CACHE)) return NOT_MODIFIED
      return listItems(model, query)
    },
    searchItems: ({ query, ctx }) => {
      if (model.ready && isClientCopyFresh(ctx, `W/"s${model.seq}"`, LIST_CACHE)) return NOT_MODIFIED
      return searchItems(model, query)
    },
    getItem: async ({ params, ctx }) => {
      const item = model.get(params.id)
      if (!item) throw new NotFoundError('该内容不存在或已不再公开')
      if (isClientCopyFresh(ctx, `W/"${item.id}-v${item.version}"`, DETAIL_CACHE)) return NOT_MODIFIED
      return details.read(params.id)
    },
    recordView: ({ params, body }) => recordView(model, params.id, body.visitorId, now()),
  }
}
