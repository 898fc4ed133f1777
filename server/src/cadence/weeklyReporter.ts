import { addWeeks, weekBounds, weekKey } from '@zw/shared'
import type { CadenceCounter } from './cadenceCounter'
import { CadenceReportModel, CadenceWarningModel, PublishingAccountModel, type CadenceReportDoc, type PublishingAccountDoc } from './model'
import { createOnce } from '../platform/db'


/**
 * The weekly report, written on Monday for the week before (a run caught up after
 * downtime reports the week before its own slot): per account its count, whether it met
 * its minimum (paused accounts are listed but not judged) and its streak of weeks met;
 * per department the share of accounts that met it; the floor breaches of the week.
 * One report per week, whatever the number of runs.
 */
export class WeeklyReporter {
  constructor(private readonly counter: CadenceCounter) {}

  async report(at: Date): Promise<CadenceReportDoc | undefined> {
    const week = addWeeks(weekKey(at), -1)
    const { start, end } = weekBounds(week)
    const accounts = (await PublishingAccountModel.find({ createdAt: { $lt: end } }).sort({ _id: 1 }).lean<PublishingAccountDoc[]>())
    const rows: CadenceReportDoc['accounts'] = []
    for (const a of accounts) {
      const c = await this.counter.week(a._id, week)
      const paused = !!a.paused
      const compliant = !paused && c.published >= a.minPerWeek
      rows.push({ accountId: a._id, department: a.department, name: a.name, published: c.published, minimum: a.minPerWeek, compliant, paused, streak: compliant ? await this.streak(a, week) : 0 })
    }
    const departments = [...new Set(rows.map((r) => r.department))].sort().map((department) => {
      const judged = rows.filter((r) => r.department === department && !r.paused)
      const met = judged.filter((r) => r.compliant).length
      return { department, accounts: judged.length, compliant: met, rate: judged.length ? Math.round((met / judged.length) * 1000) / 1000 : 1 }
    })
    const breaches = (await CadenceWarningModel.find({ kind: 'floor-breach', createdAt: { $gte: start, $lt: end } }).lean()).map((w) => ({ accountId: w.accountId, department: w.department, daysWithoutUpdate: w.details.daysWithoutUpdate ?? 0, at: w.createdAt }))
    const doc: CadenceReportDoc = { _id: week, createdAt: at, accounts: rows, departments, breaches }
    return (await createOnce(CadenceReportModel, doc)) ? doc : undefined // undefined: reported already
  }

  /**
   * Weeks in a row, ending with `week`, in which the account met its minimum (counted from
   * the publications themselves, so reports written out of order, as two instances
   * catching up do, agree).
   */
  private async streak(account: PublishingAccountDoc, week: string): Promise<number> {
    let streak = 0
    for (let w = week; streak < MAX_STREAK_WEEKS && weekBounds(w).end > account.createdAt; w = addWeeks(w, -1)) {
      if ((await this.counter.week(account._id, w)).published < account.minPerWeek) break
      streak += 1
    }
    return streak
  }
}

/** Streaks are counted back at most two years. */
const MAX_STREAK_WEEKS = 104
