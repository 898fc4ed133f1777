import { TOPICS } from '@zw/shared'
import type { Handlers } from '../platform/http/endpoints'

export const SITE_NAME = '政务公开'

/** The home page's data: who we are, the server's clock, the topic catalogue. */
export function siteHandlers(now: () => Date): Handlers {
  return {
    getSite: () => ({
      name: SITE_NAME,
      description: '政策文件、政策解读、办事指南，一站查阅；关心的事，按地区订阅提醒。',
      serverTime: now().toISOString(),
      timezone: 'Asia/Shanghai',
      topics: [...TOPICS],
    }),
  }
}
