import { comparableText, countsAsUpdate, isNearDuplicate, weekKey, type ContentDraft } from '@zw/shared'
import { AccountColumnModel, AccountPublicationModel, PublishingAccountModel, RecentTextsModel, type AccountPublicationDoc, type RecentTextsDoc } from './model'
import { addToTally } from './weekTallies'
import { accountIdOf, columnIdOf, ensureMiniProgramAccount } from './publishingAccounts'
import { publishedEntry } from './cadenceEntries'
import { createOnce } from '../platform/db'

const DUPLICATE_WINDOW_DAYS = 30
/** Text compared for re-posts: the title and the start of the body (enough to tell, cheap to keep). */
const TEXT_CHARS = 2000

/** A publication on an account, whoever reports it; `text` is its whole text (title and body), compared for re-posts. */
export type AccountPost = Pick<AccountPublicationDoc, 'accountId' | 'itemId' | 'edition' | 'column' | 'title' | 'text' | 'at' | 'minor'>

/**
 * Records publications on publishing accounts: a new item or a revision published on the
 * department's mini-program account, in the column of its type (as the review domain
 * reports them), and posts on the department's other channels (as its editors record
 * them, until those channels report themselves). Checks whether it repeats an item of
 * the account from the 30 days before; the record is written once per account and
 * edition. Keeps the week's tally, the column's post count and the account's and the
 * column's last counted update. Reads only small documents (the account's recent
 * texts), never the records.
 */
export class PublicationRecorder {
  async published(e: { itemId: string; edition: number; department: string; content: ContentDraft; at: Date; minor: boolean }): Promise<void> {
    await ensureMiniProgramAccount(e.department, e.at)
    await this.record({ accountId: accountIdOf('miniprogram', e.department), itemId: e.itemId, edition: e.edition, column: e.content.type, title: e.content.title, text: `${e.content.title}${e.content.body}`, at: e.at, minor: e.minor })
  }

  /** Records a post; answers whether it was new (false: recorded before) and what it repeats. */
  async record(e: AccountPost): Promise<{ recorded: boolean; duplicateOf: string | null; counts: boolean }> {
    const { accountId } = e
    const text = comparableText(e.text).slice(0, TEXT_CHARS)
    const since = new Date(e.at.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000)
    const recent = (await RecentTextsModel.findById(accountId).lean<RecentTextsDoc>())?.recent ?? []
    const same = recent.find((r) => r.itemId !== e.itemId && new Date(r.at) >= since && new Date(r.at) <= e.at && isNearDuplicate(r.text, text))
    const record = {
      _id: `${accountId}:${e.itemId}:${e.edition}`,
      accountId,
      itemId: e.itemId,
      edition: e.edition,
      column: e.column,
      title: e.title,
      text,
      at: e.at,
      week: weekKey(e.at),
      minor: e.minor,
      unpublishedInError: false,
      duplicateOf: same?.itemId ?? null,
    }
    const counts = countsAsUpdate(publishedEntry({ ...record, counts: true }))
    // Written once per account and edition (a publication finished twice records nothing more).
    if (!(await createOnce(AccountPublicationModel, { ...record, counts }))) return { recorded: false, duplicateOf: record.duplicateOf, counts }
    await RecentTextsModel.updateOne({ _id: accountId }, { $push: { recent: { itemId: e.itemId, at: e.at, text } } }, { upsert: true })
    await trimRecentTexts(accountId, since, recent)
    if (e.edition === 1) await AccountColumnModel.updateOne({ _id: columnIdOf(accountId, record.column) }, { $inc: { recordedPosts: 1 } })
    if (counts) {
      await addToTally(record.week, accountId, 1)
      await PublishingAccountModel.updateOne({ _id: accountId }, { $max: { lastUpdateAt: e.at } })
      await AccountColumnModel.updateOne({ _id: columnIdOf(accountId, record.column) }, { $max: { lastUpdateAt: e.at } })
    }
    return { recorded: true, duplicateOf: record.duplicateOf, counts }
  }

  /** The item was taken down as published in error: its publications stop counting. */
  async unpublishedInError(itemId: string): Promise<void> {
    const affected = await AccountPublicationModel.find({ itemId }, { accountId: 1, column: 1, week: 1, counts: 1 }).lean<Pick<AccountPublicationDoc, '_id' | 'accountId' | 'column' | 'week' | 'counts'>[]>()
    for (const p of affected) {
      // Each record stops counting once (a takedown told twice takes nothing off twice).
      const changed = await AccountPublicationModel.updateOne({ _id: p._id, unpublishedInError: false }, { $set: { unpublishedInError: true, counts: false } })
      if (changed.modifiedCount !== 1) continue
      if (p.counts) await addToTally(p.week, p.accountId, -1)
      if (p._id.endsWith(':1')) await AccountColumnModel.updateOne({ _id: columnIdOf(p.accountId, p.column) }, { $inc: { recordedPosts: -1 } })
    }
    // The last counted updates may have been this item's: look them up again.
    for (const accountId of new Set(affected.map((p) => p.accountId))) {
      await PublishingAccountModel.updateOne({ _id: accountId }, { $set: { lastUpdateAt: (await lastCounted({ accountId }))?.at ?? null } })
    }
    for (const { accountId, column } of affected) {
      await AccountColumnModel.updateOne({ _id: columnIdOf(accountId, column) }, { $set: { lastUpdateAt: (await lastCounted({ accountId, column }))?.at ?? null } })
    }
  }
}

const lastCounted = (where: { accountId: string; column?: string }) =>
  AccountPublicationModel.findOne({ ...where, counts: true }, { at: 1 }).sort({ at: -1 }).lean<Pick<AccountPublicationDoc, 'at'>>()

/**
 * Drops texts older than `since` from the front of the account's list (they were appended
 * in order). FerretDB v1 ignores `$push … $slice` and conditions in `$pull`, so each is
 * popped only while it is still first: a trim racing another takes nothing twice.
 */
async function trimRecentTexts(accountId: string, since: Date, seen: RecentTextsDoc['recent']): Promise<void> {
  for (const old of seen) {
    if (new Date(old.at) >= since) break
    const popped = await RecentTextsModel.updateOne({ _id: accountId, 'recent.0.itemId': old.itemId, 'recent.0.at': old.at }, { $pop: { recent: -1 } })
    if (popped.modifiedCount !== 1) break
  }
}
