import { formatShanghaiDate, OFFICIAL_ARRANGEMENTS, toShanghaiParts, type CalendarStatus, type WorkingCalendar } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError, ValidationError } from '../platform/errors'
import { can } from '@zw/shared'
import { CalendarYearModel, type CalendarYearDoc } from './model'

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

/**
 * The years of the working calendar a platform admin loads (holidays and 调休 working
 * days as the State Council publishes them): stored, then added to the server's one
 * WorkingCalendar, so every deadline of every domain uses them. From November the
 * status warns when next year is missing.
 */
export class CalendarYears {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly now: () => Date,
  ) {}

  private readAt = Number.NEGATIVE_INFINITY

  /** Adds the stored years to the calendar (at start, and from then on what other instances loaded). */
  async start(): Promise<void> {
    this.readAt = performance.now()
    for (const y of await CalendarYearModel.find().lean<CalendarYearDoc[]>()) this.calendar.load({ year: y._id, holidays: y.holidays, workdays: y.workdays, source: y.source })
  }

  /** Reads the stored years again when the last read is older than `maxAgeMs` (a year loaded on another instance is used here within a minute). */
  async refresh(maxAgeMs = 60_000): Promise<void> {
    if (performance.now() - this.readAt >= maxAgeMs) await this.start()
  }

  /** The warning for admins, from November, when next year's arrangement is missing; null otherwise. */
  missingNextYear(): string | null {
    const { year, month } = toShanghaiParts(this.now())
    if (month < 11 || this.calendar.covers(year + 1)) return null
    return `尚未导入 ${year + 1} 年的节假日安排。国务院公布后请平台管理员及时导入，否则跨年的期限将无法计算。`
  }

  async status(): Promise<CalendarStatus> {
    await this.refresh()
    const loaded = await CalendarYearModel.find().lean<CalendarYearDoc[]>()
    const byYear = new Map<number, CalendarStatus['years'][number]>()
    for (const a of OFFICIAL_ARRANGEMENTS) byYear.set(a.year, { year: a.year, source: a.source, holidays: a.holidays.length, workdays: a.workdays.length, loaded: false })
    for (const y of loaded) byYear.set(y._id, { year: y._id, source: y.source, holidays: y.holidays.length, workdays: y.workdays.length, loaded: true })
    return { years: [...byYear.values()].sort((a, b) => a.year - b.year), warning: this.missingNextYear() }
  }

  async load(staff: StaffPrincipal, year: number, body: { holidays: string[]; workdays: string[]; source: string }): Promise<CalendarStatus> {
    if (!can(staff, 'platform.configure')) throw new ForbiddenError('只有平台管理员可以导入节假日安排')
    const problems: { path: string; message: string }[] = []
    body.holidays.forEach((d, i) => {
      if (!d.startsWith(`${year}-`)) problems.push({ path: `holidays.${i}`, message: `${d} 不在 ${year} 年` })
    })
    body.workdays.forEach((d, i) => {
      if (!d.startsWith(`${year}-`)) problems.push({ path: `workdays.${i}`, message: `${d} 不在 ${year} 年` })
      else if (weekdayOf(d) !== 0 && weekdayOf(d) !== 6) problems.push({ path: `workdays.${i}`, message: `${d} 不是周末，无需调休上班` })
      else if (body.holidays.includes(d)) problems.push({ path: `workdays.${i}`, message: `${d} 同时出现在放假日期中` })
    })
    if (problems.length) throw new ValidationError(problems)
    const before = await CalendarYearModel.findById(year).lean<CalendarYearDoc>()
    const holidays = [...new Set(body.holidays)].sort()
    const workdays = [...new Set(body.workdays)].sort()
    const now = this.now()
    const doc = { holidays, workdays, source: body.source, loadedBy: { id: staff.id, name: staff.displayName }, loadedAt: now }
    if (before) await CalendarYearModel.updateOne({ _id: year }, { $set: doc })
    else await CalendarYearModel.create({ _id: year, ...doc })
    this.calendar.load({ year, holidays, workdays, source: body.source })
    await recordAudit({
      at: now,
      actor: auditActorOf(staff),
      action: 'calendar.load-year',
      subject: `calendar:${year}`,
      before: before ? { holidays: before.holidays, workdays: before.workdays, source: before.source } : null,
      after: { holidays, workdays, source: body.source, loadedOn: formatShanghaiDate(now) },
    })
    return this.status()
  }
}
