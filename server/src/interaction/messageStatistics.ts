import type Router from '@koa/router'
import { CalendarGapError, can, DEPARTMENT_CODES, departmentNameOf, formatShanghaiDate, messageClock, messageStatsQuerySchema, messageStatsRow, type MessageClock, type MessageStats } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError, ValidationError } from '../platform/errors'
import type { Authenticate } from '../platform/http/endpoints'
import { csvDownloadRouter } from '../platform/http/csv'
import type { InteractionContext } from './context'
import { MessageModel, type MessageDoc } from './model'

/**
 * 留言统计 over the messages that arrived from–to (Beijing dates; default: this year to
 * today): received, answered on time, overdue (answered late, or open past the due date
 * today), still open, and the average working days to an answer — per department (a
 * department's staff see theirs; platform admins every department, or one). Messages
 * not accepted in moderation are not counted.
 */
export class MessageStatistics {
  constructor(private readonly ctx: InteractionContext) {}

  async stats(staff: StaffPrincipal, query: { from?: string; to?: string; department?: string }): Promise<MessageStats> {
    const platform = can(staff, 'platform.configure')
    const departments = query.department ? [query.department] : platform ? [...DEPARTMENT_CODES] : [staff.department]
    for (const d of departments) if (!can(staff, 'interaction.stats', d)) throw new ForbiddenError('只能查看本部门的留言统计')
    await this.ctx.freshCalendar()
    const today = formatShanghaiDate(this.ctx.now())
    const from = query.from ?? `${today.slice(0, 4)}-01-01`
    const to = query.to ?? today
    if (from > to) throw new ValidationError([{ path: 'from', message: '开始日期不能晚于结束日期' }])
    const docs = await MessageModel.find({ receivedOn: { $gte: from, $lte: to }, state: { $ne: 'rejected' } }, { department: 1, receivedOn: 1, answerDays: 1, reply: 1 }).lean<MessageDoc[]>()
    let calendarGap: string | null = null
    const rows = departments.map((department) => {
      const clocks: MessageClock[] = []
      for (const d of docs.filter((x) => x.department === department)) {
        try {
          clocks.push(messageClock({ receivedOn: d.receivedOn, answerDays: d.answerDays, answeredOn: d.reply?.answeredOn ?? null }, today, this.ctx.calendar))
        } catch (err) {
          if (!(err instanceof CalendarGapError)) throw err
          calendarGap = err.message
        }
      }
      return { ...messageStatsRow(department, clocks), departmentName: departmentNameOf(department) }
    })
    return { from, to, rows, calendarGap }
  }
}

export const STATS_CSV_HEADER = ['部门', '收到', '已答复', '按期答复', '逾期', '未答复', '平均办理工作日']

/** `GET /api/v1/staff/interaction/stats.csv?from=…&to=…&department=…`: the statistics as CSV (UTF-8 with BOM). */
export function messageStatsCsvRouter(statistics: MessageStatistics, authenticate: Authenticate): Router {
  return csvDownloadRouter('/api/v1/staff/interaction/stats.csv', messageStatsQuerySchema, authenticate, async (staff, query) => {
    const s = await statistics.stats(staff, query)
    return { filename: `message-stats-${s.from}-${s.to}.csv`, header: STATS_CSV_HEADER, rows: s.rows.map((r) => [r.departmentName, r.received, r.answered, r.answeredOnTime, r.overdue, r.open, r.averageHandlingDays ?? '—']) }
  })
}
