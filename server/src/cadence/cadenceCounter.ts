import { countWeek, weekBounds } from '@zw/shared'
import { scheduledEditionsOf, scheduledEntry } from './cadenceEntries'
import { PublishingAccountModel, type PublishingAccountDoc } from './model'
import { receivesEditions } from './publishingAccounts'
import { tallyOf } from './weekTallies'

/**
 * An account's week as the rule sees it: counted updates published (the week's tally),
 * scheduled editions of its department due in the week (the forecast), and the minimum.
 */
export class CadenceCounter {
  async week(accountId: string, week: string): Promise<{ published: number; forecast: number; minimum: number; paused: boolean }> {
    const account = await PublishingAccountModel.findById(accountId).lean<PublishingAccountDoc>()
    if (!account) return { published: 0, forecast: 0, minimum: 0, paused: false }
    const { start, end } = weekBounds(week)
    const scheduled = receivesEditions(account) ? await scheduledEditionsOf(account.department, start, end) : []
    return { published: await tallyOf(week, accountId), forecast: countWeek(scheduled.map(scheduledEntry), week).forecast, minimum: account.minPerWeek, paused: !!account.paused }
  }
}
