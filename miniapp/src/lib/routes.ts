import Taro from '@tarojs/taro'
import { itemPagePath, type ContentType, type TopicCode, type ValidityStatus } from '@zw/shared'

export const HOME_PATH = '/pages/index/index'
export const LIST_PATH = '/pages/list/index'
export const SEARCH_PATH = '/pages/search/index'
export const STAFF_PATH = '/workbench/pages/index/index'

/** The page that shows one item: `/pages/policy/index?id=…` and so on. */
export function itemPath(type: ContentType, id: string): string {
  return `/${itemPagePath(type, id)}`
}

export interface ListFilters {
  type?: ContentType
  topic?: TopicCode
  department?: string
  region?: string
  validity?: ValidityStatus
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

/** The list page with the given filters. */
export function listPath(filters: ListFilters = {}): string {
  return withQuery(LIST_PATH, { ...filters })
}

/** The search page, with the query filled in when given. */
export function searchPath(q?: string): string {
  return withQuery(SEARCH_PATH, { q: q?.trim() })
}

/**
 * Opens a page. WeChat keeps at most 10 pages in the stack; when it is full, the current
 * page is replaced instead so the tap never does nothing.
 */
export function openPage(url: string): void {
  Taro.navigateTo({ url }).catch(() => {
    void Taro.redirectTo({ url }).catch(() => undefined)
  })
}

/** Page parameters arrive still URL-encoded (h5 and weapp alike): decode them safely. */
export function decodeParam(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
