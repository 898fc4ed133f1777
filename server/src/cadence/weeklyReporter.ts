import { addWeeks, weekBounds, weekKey } from '@zw/shared'
import { CadenceReportModel, CadenceWarningModel, PublishingAccountModel, type CadenceReportDoc, type PublishingAccountDoc } from './model'
import { createOnce } from '../platform/db'
import { recountWeek, talliesOf } from './weekTallies'


/**
 * The weekly report, written on Monday for the week before (a run caught up after
 * downtime reports the week before its own slot): per account its count, whether it met
 * its minimum (paused accounts are listed but not judged) and its streak of weeks met;
 * per department the share of accounts that met it; the floor breaches of the week.
 * One report per week, whatever the number of runs.
 */
export class WeeklyReporter {
  async report(at: Date): Promise<CadenceReportDoc | undefined> {
    const week = addWeeks(weekKey(at), -1)
    const { start, end } = weekBounds(week)
    await recountWeek(week)
    const accounts = (await PublishingAccountModel.find({ createdAt: { $lt: end } }).sort({ _id: 1 }).lean<PublishingAccountDoc[]>())
    // The weeks a streak can reach back to, read at once.
    const history = Array.from({ length: MAX_STREAK_WEEKS }, (_, i) => addWeeks(week, -i))
    const tallies = await talliesOf(history)
    const rows: CadenceReportDoc['accounts'] = accounts.map((a) => {
      const counts = tallies.get(a._id)
      const published = counts?.get(week) ?? 0
      const paused = !!a.paused
      const compliant = !paused && published >= a.minPerWeek
      return { accountId: a._id, department: a.department, name: a.name, published, minimum: a.minPerWeek, compliant, paused, streak: compliant ? streakOf(a, history, counts) : 0 }
    })
    const departments = [...new Set(rows.map((r) => r.department))].sort().map((department) => {
      const judged = rows.filter((r) => r.department === department && !r.paused)
      const met = judged.filter((r) => r.compliant).length
      return { department, accounts: judged.length, compliant: met, rate: judged.length ? Math.round((met / judged.length) * 1000) / 1000 : 1 }
    })
    const breaches = (await CadenceWarningModel.find({ kind: 'floor-breach', createdAt: { $gte: start, $lt: end } }).lean()).map((w) => ({ accountId: w.accountId, department: w.department, daysWithoutUpdate: w.details.daysWithoutUpdate ?? 0, at: w.createdAt }))
    const doc: CadenceReportDoc = { _id: week, createdAt: at, accounts: rows, departments, breaches }
    return (await createOnce(CadenceReportModel, doc)) ? doc : undefined // undefined: reported already
  }
}

/** Streaks are counted back at most two years. */
const MAX_STREAK_WEEKS = 104

/**
 * Weeks in a row, ending with the first of `history` (newest first), in which the account
 * met its minimum; counted from the weeks' tallies, so reports written out of order, as
 * two instances catching up do, agree.
 */
function streakOf(account: PublishingAccountDoc, history: string[], counts: Map<string, number> | undefined): number {
  let streak = 0
  for (const w of history) {
    if (weekBounds(w).end <= account.createdAt || (counts?.get(w) ?? 0) < account.minPerWeek) break
    streak += 1
  }
  return streak
}
