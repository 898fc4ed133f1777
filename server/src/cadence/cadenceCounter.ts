import { countWeek, weekBounds, type CadenceEntry } from '@zw/shared'
import { EditionModel, type EditionDoc } from '../review/model'
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
    const scheduled = account.channel === 'miniprogram' ? await EditionModel.find({ department: account.department, state: 'scheduled', scheduledAt: { $gte: start, $lt: end } }, { scheduledAt: 1, minor: 1, number: 1 }).lean<EditionDoc[]>() : []
    const entries: CadenceEntry[] = [
      ...published.map((p) => ({ at: p.at, state: 'published' as const, minor: p.minor, unpublishedInError: p.unpublishedInError, duplicateOf: p.duplicateOf })),
      ...scheduled.map((s) => ({ at: s.scheduledAt!, state: 'scheduled' as const, minor: s.number > 1 && s.minor, unpublishedInError: false, duplicateOf: null })),
    ]
    return { ...countWeek(entries, week), minimum: account.minPerWeek, paused: !!account.paused }
  }
}
