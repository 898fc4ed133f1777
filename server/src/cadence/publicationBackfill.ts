import { countsAsUpdate } from '@zw/shared'
import { publishedEntry } from './cadenceEntries'
import { AccountPublicationModel, CadenceUpgradeModel, PublishingAccountModel, RecentTextsModel, type AccountPublicationDoc } from './model'
import { createOnce } from '../platform/db'
import { ensureMiniProgramAccount } from './publishingAccounts'
import { recountWeek } from './weekTallies'

const RECENT_DAYS = 30

/** The upgrade's name in cadence_upgrades. */
const UPGRADE = 'publication-records-columns-counts-tallies'

/** Runs the backfill unless an earlier start did (a lookup by `_id`, not a scan). */
export async function backfillOnce(now: Date): Promise<void> {
  if (await CadenceUpgradeModel.exists({ _id: UPGRADE })) return
  await backfillPublicationRecords(now)
  await createOnce(CadenceUpgradeModel, { _id: UPGRADE, at: now })
}

/**
 * Publication records written before columns, the stored `counts` flag and the weekly
 * tallies existed get them (the column from the item's type is not in old records:
 * 政策文件), and their accounts their columns, last counted update and recent texts.
 * Does nothing once done (one query that finds nothing).
 */
export async function backfillPublicationRecords(now = new Date()): Promise<number> {
  const old = await AccountPublicationModel.find({ counts: { $exists: false } }).lean<AccountPublicationDoc[]>()
  if (!old.length) return 0
  for (const p of old) {
    await AccountPublicationModel.updateOne({ _id: p._id }, { $set: { counts: countsAsUpdate(publishedEntry(p)), column: p.column ?? 'policy' } })
  }
  for (const week of new Set(old.map((p) => p.week))) await recountWeek(week)
  for (const accountId of new Set(old.map((p) => p.accountId))) {
    const account = await PublishingAccountModel.findById(accountId).lean()
    if (account?.channel === 'miniprogram') await ensureMiniProgramAccount(account.department, account.createdAt)
    const records = await AccountPublicationModel.find({ accountId }, { itemId: 1, at: 1, text: 1, counts: 1 }).sort({ at: 1 }).lean<AccountPublicationDoc[]>()
    const last = records.filter((r) => r.counts).at(-1)
    await PublishingAccountModel.updateOne({ _id: accountId }, { $set: { lastUpdateAt: last?.at ?? null } })
    const since = now.getTime() - RECENT_DAYS * 86_400_000
    const recent = records.filter((r) => r.at.getTime() >= since).map((r) => ({ itemId: r.itemId, at: r.at, text: r.text }))
    await RecentTextsModel.updateOne({ _id: accountId }, { $set: { recent } }, { upsert: true })
  }
  return old.length
}
