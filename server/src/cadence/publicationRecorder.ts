import { comparableText, countsAsUpdate, isNearDuplicate, weekKey, type ContentDraft } from '@zw/shared'
import { AccountColumnModel, AccountPublicationModel, PublishingAccountModel, type AccountPublicationDoc } from './model'
import { accountIdOf, columnIdOf, ensureMiniProgramAccount } from './publishingAccounts'
import { publishedEntry } from './cadenceEntries'
import { createOnce } from '../platform/db'

const DUPLICATE_WINDOW_DAYS = 30
/** Text compared for re-posts: the title and the start of the body (enough to tell, cheap to keep). */
const TEXT_CHARS = 2000

/**
 * Records publications on publishing accounts, as the review domain reports them: a new
 * item or a revision published on the department's mini-program account, in the column
 * of its type (other channels come with the channel layer). Checks whether it repeats an
 * item of the account from the 30 days before; the record is written once per account
 * and edition. Keeps the account's and the column's last counted update.
 */
export class PublicationRecorder {
  async published(e: { itemId: string; edition: number; department: string; content: ContentDraft; at: Date; minor: boolean }): Promise<void> {
    await ensureMiniProgramAccount(e.department, e.at)
    const accountId = accountIdOf('miniprogram', e.department)
    const text = comparableText(`${e.content.title}${e.content.body}`).slice(0, TEXT_CHARS)
    const since = new Date(e.at.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000)
    const recent = await AccountPublicationModel.find({ accountId, at: { $gte: since, $lte: e.at }, itemId: { $ne: e.itemId } }, { itemId: 1, text: 1 }).lean<Pick<AccountPublicationDoc, 'itemId' | 'text'>[]>()
    const same = recent.find((r) => isNearDuplicate(r.text, text))
    const record = {
      _id: `${accountId}:${e.itemId}:${e.edition}`,
      accountId,
      itemId: e.itemId,
      edition: e.edition,
      column: e.content.type,
      title: e.content.title,
      text,
      at: e.at,
      week: weekKey(e.at),
      minor: e.minor,
      unpublishedInError: false,
      duplicateOf: same?.itemId ?? null,
    }
    const counts = countsAsUpdate(publishedEntry({ ...record, counts: true }))
    // Written once per account and edition (a publication finished twice records nothing more).
    await createOnce(AccountPublicationModel, { ...record, counts })
    if (counts) {
      await PublishingAccountModel.updateOne({ _id: accountId }, { $max: { lastUpdateAt: e.at } })
      await AccountColumnModel.updateOne({ _id: columnIdOf(accountId, record.column) }, { $max: { lastUpdateAt: e.at } })
    }
  }

  /** The item was taken down as published in error: its publications stop counting. */
  async unpublishedInError(itemId: string): Promise<void> {
    const affected = await AccountPublicationModel.find({ itemId }, { accountId: 1, column: 1 }).lean<Pick<AccountPublicationDoc, 'accountId' | 'column'>[]>()
    await AccountPublicationModel.updateMany({ itemId }, { $set: { unpublishedInError: true, counts: false } })
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
