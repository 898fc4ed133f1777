import { countWeek, weekBounds, type CadenceEntry } from '@zw/shared'
import { publishedEntry, scheduledEditionsOf, scheduledEntry } from './cadenceEntries'
import { AccountPublicationModel, PublishingAccountModel, type AccountPublicationDoc, type PublishingAccountDoc } from './model'

/**
 * An account's week as the rule sees it: counted updates published, scheduled editions of
 * its department due in the week (the forecast), and the minimum.
 */
export class CadenceCounter {
  async week(accountId: string, week: string): Promise<{ published: number; forecast: number; minimum: number; paused: boolean }> {
    const account = await PublishingAccountModel.findById(accountId).lean<PublishingAccountDoc>()
    if (!account) return { published: 0, forecast: 0, minimum: 0, paused: false }
    const { start, end } = weekBounds(week)
    const published = await AccountPublicationModel.find({ accountId, week }).lean<AccountPublicationDoc[]>()
    const scheduled = account.channel === 'miniprogram' ? await scheduledEditionsOf(account.department, start, end) : []
    const entries: CadenceEntry[] = [...published.map(publishedEntry), ...scheduled.map(scheduledEntry)]
    return { ...countWeek(entries, week), minimum: account.minPerWeek, paused: !!account.paused }
  }
}
