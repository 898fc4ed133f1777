import type { Handlers } from '../platform/http/endpoints'
import { isClientCopyFresh, NOT_MODIFIED, rawJson } from '../platform/http/conditional'
import { NotFoundError } from '../platform/errors'
import { listItemsJson } from './lister'
import type { ContentReadModel } from './readModel'
import { searchItemsJson } from './search/searcher'
import { recordView } from './viewCounter'

// Browsers keep public reads but ask again every time (a 304 from memory when unchanged):
// a withdrawn, unpublished or revised item must change for everyone at once (ADR 0011).
const LIST_CACHE = 'public, no-cache'
const DETAIL_CACHE = 'public, no-cache'
const GONE = '该内容不存在或已不再公开'

/** Public reading API: thin — parse (done by the binding), validators, call the service. */
export function contentHandlers(model: ContentReadModel, now: () => Date): Handlers {
  return {
    listItems: ({ query, ctx }) => {
      if (model.ready && isClientCopyFresh(ctx, `W/"s${model.seq}"`, LIST_CACHE)) return NOT_MODIFIED
      return rawJson(listItemsJson(model, query))
    },
    searchItems: ({ query, ctx }) => {
      if (model.ready && isClientCopyFresh(ctx, `W/"s${model.seq}"`, LIST_CACHE)) return NOT_MODIFIED
      return rawJson(searchItemsJson(model, query))
    },
    getItem: ({ params, ctx }) => {
      const item = model.get(params.id)
      if (!item) throw new NotFoundError(GONE)
      if (isClientCopyFresh(ctx, `W/"${item.id}-v${item.version}"`, DETAIL_CACHE)) return NOT_MODIFIED
      const json = model.detailJson(params.id)
      if (!json) throw new NotFoundError(GONE)
      return rawJson(json) // validated against the contract when it was stored
    },
    recordView: async ({ params, body }) => {
      const result = await recordView(model, params.id, body.visitorId, now())
      model.setViews(params.id, result.views)
      return result
    },
  }
}
