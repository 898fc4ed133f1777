import { formatShanghaiDate, type ClockSettings, type WorkingCalendar } from '@zw/shared'
import { SYSTEM_ACTOR } from '../platform/audit/auditTrail'
import type { FeePayments } from './feePayments'
import type { IdCipher } from './idCipher'

/** What every disclosure service stands on: the server's one calendar, the clock setting, the time, the ID cipher, payments (absent: not configured). */
export interface DisclosureContext {
  calendar: WorkingCalendar
  settings: ClockSettings
  now: () => Date
  cipher: IdCipher
  payments: FeePayments | undefined
  /** Brings the calendar up to date with the years loaded on any instance (cheap when recent). */
  freshCalendar: () => Promise<void>
}

export const todayOf = (ctx: DisclosureContext) => formatShanghaiDate(ctx.now())

/** The system as actor (jobs, the payment notification). */
export { SYSTEM_ACTOR }
export const SYSTEM_REF = { id: SYSTEM_ACTOR.id, name: SYSTEM_ACTOR.name }
