import { weekKey } from './weeks'

/** One item on a publishing account, as the weekly count sees it. */
export interface CadenceEntry {
  /** When it was published, or is scheduled to be. */
  at: Date | string
  state: 'published' | 'scheduled'
  /** A minor revision or an item marked minor: no update for the count. */
  minor: boolean
  /** Taken down because it was published in error. */
  unpublishedInError: boolean
  /** Set when it repeats another item of the account from the 30 days before. */
  duplicateOf: string | null
}

/** Whether an entry is an update that counts toward the weekly minimum (published or, as forecast, scheduled). */
export function countsAsUpdate(e: CadenceEntry): boolean {
  return !e.minor && !e.unpublishedInError && e.duplicateOf === null
}

/**
 * An account's week: updates published in it, and scheduled ones (the forecast) — each
 * counted by its Beijing ISO week. Minor changes, items taken down as published in
 * error, and re-posts of the same content do not count.
 */
export function countWeek(entries: readonly CadenceEntry[], week: string): { published: number; forecast: number } {
  let published = 0
  let forecast = 0
  for (const e of entries) {
    if (!countsAsUpdate(e) || weekKey(e.at) !== week) continue
    if (e.state === 'published') published += 1
    else forecast += 1
  }
  return { published, forecast }
}

/** Days without an update that make the floor check warn urgently and an account at risk. */
export const URGENT_GAP_DAYS = 10

/**
 * Why an account is at risk now, if it is: short of its minimum this week even counting
 * what is scheduled, and/or 10 days or more without an update (since its creation when it
 * has had none). Paused accounts are never at risk (the caller leaves them out).
 */
export function riskOf(week: { published: number; forecast: number; minimum: number }, daysQuiet: number): { short: boolean; quiet: boolean } {
  return { short: week.published + week.forecast < week.minimum, quiet: daysQuiet >= URGENT_GAP_DAYS }
}
