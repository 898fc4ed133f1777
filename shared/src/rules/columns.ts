import { wholeDaysBetween } from '../time'

/** A column as the staleness rule sees it. */
export interface ColumnFacts {
  /** Items in the column that the public can see now. */
  liveItems: number
  /** The column's last counted update (none: never updated). */
  lastUpdateAt: Date | string | null | undefined
  staleAfterDays: number
  /** A column the account does not run (不开设) is not judged. */
  active: boolean
}

export type ColumnCondition = 'ok' | 'stale' | 'blank' | 'inactive'

/**
 * 开天窗 and stale columns: a column the account runs with nothing public in it is blank;
 * one whose last update is more than its threshold ago (or that was never updated) is
 * stale. Whole days, counted from the last update to `now`.
 */
export function columnCondition(c: ColumnFacts, now: Date): { condition: ColumnCondition; daysSinceUpdate: number | null } {
  const daysSinceUpdate = c.lastUpdateAt == null ? null : wholeDaysBetween(c.lastUpdateAt, now)
  if (!c.active) return { condition: 'inactive', daysSinceUpdate }
  if (c.liveItems === 0) return { condition: 'blank', daysSinceUpdate }
  if (daysSinceUpdate === null || daysSinceUpdate > c.staleAfterDays) return { condition: 'stale', daysSinceUpdate }
  return { condition: 'ok', daysSinceUpdate }
}
