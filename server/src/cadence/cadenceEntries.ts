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
  return (await AccountPublicationModel.findOne({ accountId, counts: true, at: { $lte: at } }, { text: 0 }).sort({ at: -1 }).lean<AccountPublicationDoc>()) ?? undefined
}

/**
 * Counted updates per account and week over `weeks` (consecutive, oldest first), in one
 * aggregation: of the given accounts, or of every account. Keyed accountId → week → count.
 */
export async function weeklyTallies(weeks: readonly string[], accountIds?: string[]): Promise<Map<string, Map<string, number>>> {
  const rows = await AccountPublicationModel.aggregate<{ _id: { a: string; w: string }; n: number }>([
    { $match: { ...(accountIds ? { accountId: { $in: accountIds } } : {}), week: { $gte: weeks[0]!, $lte: weeks.at(-1)! }, counts: true } },
    { $group: { _id: { a: '$accountId', w: '$week' }, n: { $sum: 1 } } },
  ])
  const out = new Map<string, Map<string, number>>()
  for (const r of rows) {
    let byWeek = out.get(r._id.a)
    if (!byWeek) out.set(r._id.a, (byWeek = new Map()))
    byWeek.set(r._id.w, r.n)
  }
  return out
}

/** Scheduled editions due in [from, to) that will count as updates, per department. */
export async function forecastByDepartment(from: Date, to: Date): Promise<Map<string, number>> {
  const due = await EditionModel.find({ state: 'scheduled', scheduledAt: { $gte: from, $lt: to } }, { department: 1, scheduledAt: 1, minor: 1, number: 1 }).lean<EditionDoc[]>()
  const out = new Map<string, number>()
  for (const e of due) if (countsAsUpdate(scheduledEntry(e))) out.set(e.department, (out.get(e.department) ?? 0) + 1)
  return out
}
