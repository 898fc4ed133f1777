import { formatShanghaiDate, type WorkingCalendar } from '@zw/shared'
import type { ListedContent } from '../push/campaignDrafter'
import type { CitizenNotice } from '../push/citizenNotifier'
import type { Logger } from '../platform/logger'
import type { FileStorage } from '../content/attachments/fileStorage'
import type { PublishedConsultationFiles } from './consultationFiles'
import type { CitizenDailyLimits } from './dailyLimits'
import type { ContentScreener } from './contentScreener'
import type { DepartmentSettings } from './departmentSettings'

/** What every interaction service stands on. */
export interface InteractionContext {
  /** The server's one working calendar (bundled years and those an admin loaded). */
  calendar: WorkingCalendar
  /** Brings the calendar up to date with years loaded on any instance. */
  freshCalendar: () => Promise<void>
  now: () => Date
  screener: ContentScreener
  settings: DepartmentSettings
  /** Tells citizens (inbox and, with consent, WeChat): the push domain's notifier. */
  notify: (n: CitizenNotice) => Promise<number>
  /** Published items, to link a message to one. */
  content: ListedContent
  logger: Logger
  /** The public attachment storage: consultation files are uploaded there (`POST /api/v1/staff/files`). */
  storage: FileStorage
  /** Files of published consultations, as the public file route sees them. */
  consultationFiles: PublishedConsultationFiles
  /** How many messages and comments a citizen may send in a Beijing day. */
  dailyLimits: CitizenDailyLimits
}

export const todayOf = (ctx: InteractionContext) => formatShanghaiDate(ctx.now())
export const SYSTEM_REF = { id: 'system', name: '系统' }
