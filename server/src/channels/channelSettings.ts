import type { SecretBox } from '../platform/secretBox'

/** How the channel layer reaches the platforms and retries (configuration; tests shorten the times). */
export interface ChannelSettings {
  officialAccountBaseUrl: string
  weiboBaseUrl: string
  /** Weibo's status length (unconfirmed; 140 by default). */
  weiboTextLimit: number
  /** First retry after this, doubling each time up to capMs; automatic attempts up to maxAttempts. */
  retry: { baseMs: number; capMs: number; maxAttempts: number }
  /** How often a publishing OA article is asked about (freepublish/get). */
  pollMs: number
  /** How long a worker holds a delivery it is sending (a dead worker's is taken over after it). */
  leaseMs: number
  timeoutMs: number
}

export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = {
  officialAccountBaseUrl: 'https://api.weixin.qq.com',
  weiboBaseUrl: 'https://api.weibo.com',
  weiboTextLimit: 140,
  retry: { baseMs: 30_000, capMs: 3_600_000, maxAttempts: 6 },
  pollMs: 30_000,
  leaseMs: 120_000,
  timeoutMs: 15_000,
}

/** The wait before automatic attempt `n + 1` after `n` failed ones: base · 2^(n−1), capped. */
export const backoffMs = (retry: ChannelSettings['retry'], n: number) => Math.min(retry.capMs, retry.baseMs * 2 ** Math.max(0, n - 1))

export interface ChannelDeps {
  box: SecretBox
  settings: ChannelSettings
  now: () => Date
}
