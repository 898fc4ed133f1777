import { countsAsUpdate, type CadenceEntry } from '@zw/shared'
import { EditionModel, type EditionDoc } from '../review/model'
import { AccountPublicationModel, type AccountPublicationDoc, type PublishingAccountDoc } from './model'

/** A recorded publication as the weekly rule (shared/src/rules/cadence.ts) sees it. */
export const publishedEntry = (p: AccountPublicationDoc): CadenceEntry => ({ at: p.at, state: 'published', minor: p.minor, unpublishedInError: p.unpublishedInError, duplicateOf: p.duplicateOf })

/** A scheduled edition as the weekly rule sees it: a forecast update (a minor revision is none). */
export const scheduledEntry = (e: Pick<EditionDoc, 'scheduledAt' | 'minor' | 'number'>): CadenceEntry => ({ at: e.scheduledAt!, state: 'scheduled', minor: e.number > 1 && e.minor, unpublishedInError: false, duplicateOf: null })

/** The department's editions scheduled to publish in [from, to). */
export const scheduledEditionsOf = (department: string, from: Date, to: Date) =>
  EditionModel.find({ department, state: 'scheduled', scheduledAt: { $gte: from, $lt: to } }, { scheduledAt: 1, minor: 1, number: 1 }).lean<EditionDoc[]>()

/**
 * When the account last had a counted update at or before `at`: the account keeps its
 * latest; only a moment before that (a run caught up after downtime) reads the records.
 */
export async function lastCountedUpdate(account: Pick<PublishingAccountDoc, '_id' | 'lastUpdateAt'>, at: Date): Promise<Date | null> {
  if (account.lastUpdateAt && account.lastUpdateAt <= at) return new Date(account.lastUpdateAt)
  if (!account.lastUpdateAt) return null
  return (await AccountPublicationModel.findOne({ accountId: account._id, counts: true, at: { $lte: at } }, { at: 1 }).sort({ at: -1 }).lean<AccountPublicationDoc>())?.at ?? null
}

/** Scheduled editions due in [from, to) that will count as updates, per department. */
export async function forecastByDepartment(from: Date, to: Date): Promise<Map<string, number>> {
  const due = await EditionModel.find({ state: 'scheduled', scheduledAt: { $gte: from, $lt: to } }, { department: 1, scheduledAt: 1, minor: 1, number: 1 }).lean<EditionDoc[]>()
  const out = new Map<string, number>()
  for (const e of due) if (countsAsUpdate(scheduledEntry(e))) out.set(e.department, (out.get(e.department) ?? 0) + 1)
  return out
}
