import { countsAsUpdate } from '@zw/shared'
import { publishedEntry } from './cadenceEntries'
import { AccountPublicationModel, PublishingAccountModel, type AccountPublicationDoc } from './model'
import { ensureMiniProgramAccount } from './publishingAccounts'

/**
 * Publication records written before columns and the stored `counts` flag existed get
 * them (the column from the item's type, known only for the mini-program: 政策文件 when
 * unknown), and accounts their columns and last counted update. Does nothing once done.
 */
export async function backfillPublicationRecords(): Promise<void> {
  const old = await AccountPublicationModel.find({ counts: { $exists: false } }, { text: 0 }).lean<AccountPublicationDoc[]>()
  for (const p of old) {
    await AccountPublicationModel.updateOne({ _id: p._id }, { $set: { counts: countsAsUpdate(publishedEntry(p)), column: p.column ?? 'policy' } })
  }
  if (!old.length) return
  for (const accountId of new Set(old.map((p) => p.accountId))) {
    const account = await PublishingAccountModel.findById(accountId).lean()
    if (account?.channel === 'miniprogram') await ensureMiniProgramAccount(account.department, account.createdAt)
    const last = await AccountPublicationModel.findOne({ accountId, counts: true }, { at: 1 }).sort({ at: -1 }).lean<AccountPublicationDoc>()
    await PublishingAccountModel.updateOne({ _id: accountId }, { $set: { lastUpdateAt: last?.at ?? null } })
  }
}
