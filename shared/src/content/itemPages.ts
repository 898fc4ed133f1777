import type { ContentType } from './labels'

/** The mini-program page of each kind of item (as WeChat wants a message's `page`: no leading slash). */
export const ITEM_PAGES: Record<ContentType, string> = {
  policy: 'pages/policy/index',
  interpretation: 'pages/interpretation/index',
  guide: 'pages/guide/index',
}

/** The page that shows one item: `pages/policy/index?id=…`; a push link adds its own marks after it. */
export const itemPagePath = (type: ContentType, id: string): string => `${ITEM_PAGES[type]}?id=${encodeURIComponent(id)}`
