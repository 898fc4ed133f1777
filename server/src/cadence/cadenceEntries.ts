import { countsAsUpdate, type CadenceEntry } from '@zw/shared'
import { EditionModel, type EditionDoc } from '../review/model'
import { AccountPublicationModel, type AccountPublicationDoc } from './model'

/** A recorded publication as the weekly rule (shared/src/rules/cadence.ts) sees it. */
export const publishedEntry = (p: AccountPublicationDoc): CadenceEntry => ({ at: p.at, state: 'published', minor: p.minor, unpublishedInError: p.unpublishedInError, duplicateOf: p.duplicateOf })

/** A scheduled edition as the weekly rule sees it: a forecast update (a minor revision is none). */
export const scheduledEntry = (e: Pick<EditionDoc, 'scheduledAt' | 'minor' | 'number'>): CadenceEntry => ({ at: e.scheduledAt!, state: 'scheduled', minor: e.number > 1 && e.minor, unpublishedInError: false, duplicateOf: null })

/** The department's editions scheduled to publish in [from, to). */
export const scheduledEditionsOf = (department: string, from: Date, to: Date) =>
  EditionModel.find({ department, state: 'scheduled', scheduledAt: { $gte: from, $lt: to } }, { scheduledAt: 1, minor: 1, number: 1 }).lean<EditionDoc[]>()

/** The last publication of an account at or before `at` that counts as an update. */
export async function lastCountedUpdate(accountId: string, at: Date): Promise<AccountPublicationDoc | undefined> {
  const recent = await AccountPublicationModel.find({ accountId, at: { $lte: at } }, { text: 0 }).sort({ at: -1 }).limit(50).lean<AccountPublicationDoc[]>()
  return recent.find((p) => countsAsUpdate(publishedEntry(p)))
}
