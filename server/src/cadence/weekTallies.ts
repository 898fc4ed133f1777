import { AccountPublicationModel, WeekTallyModel, type WeekTallyDoc } from './model'

/** Adds `delta` counted updates to an account's week. */
export async function addToTally(week: string, accountId: string, delta: number): Promise<void> {
  await WeekTallyModel.updateOne({ _id: week }, { $inc: { [`counts.${accountId}`]: delta } }, { upsert: true })
}

/** Counted updates per account and week over `weeks`, keyed accountId → week → count (only the weeks' documents are read). */
export async function talliesOf(weeks: readonly string[], accountIds?: readonly string[]): Promise<Map<string, Map<string, number>>> {
  // One lookup by `_id` per week: the embedded FerretDB pushes `_id` equality down to
  // SQLite (an `$in` it would answer by decoding every week of the history).
  const docs = (await Promise.all(weeks.map((w) => WeekTallyModel.findById(w).lean<WeekTallyDoc>()))).filter((d) => d !== null)
  const wanted = accountIds ? new Set(accountIds) : undefined
  const out = new Map<string, Map<string, number>>()
  for (const d of docs) {
    for (const [accountId, n] of Object.entries(d.counts ?? {})) {
      if (wanted && !wanted.has(accountId)) continue
      let byWeek = out.get(accountId)
      if (!byWeek) out.set(accountId, (byWeek = new Map()))
      byWeek.set(d._id, n)
    }
  }
  return out
}

/** One account's count in one week. */
export async function tallyOf(week: string, accountId: string): Promise<number> {
  return (await talliesOf([week], [accountId])).get(accountId)?.get(week) ?? 0
}

/**
 * Counts a week again from the publication records (which say whether each counts) and
 * stores it: the weekly report does this for the week it reports, so a count the
 * recorder missed (a crash between its two writes) is right from then on.
 */
export async function recountWeek(week: string): Promise<void> {
  const rows = await AccountPublicationModel.aggregate<{ _id: string; n: number }>([{ $match: { week, counts: true } }, { $group: { _id: '$accountId', n: { $sum: 1 } } }])
  await WeekTallyModel.updateOne({ _id: week }, { $set: { counts: Object.fromEntries(rows.map((r) => [r._id, r.n])) } }, { upsert: true })
}
