import { comparableText, isNearDuplicate, weekKey, type ContentDraft } from '@zw/shared'
import { AccountPublicationModel, PublishingAccountModel, type AccountPublicationDoc } from './model'
import { accountIdOf, ensureMiniProgramAccount } from './publishingAccounts'
import { createOnce } from '../platform/db'

const DUPLICATE_WINDOW_DAYS = 30
/** Text compared for re-posts: the title and the start of the body (enough to tell, cheap to keep). */
const TEXT_CHARS = 2000

/**
 * Records publications on publishing accounts, as the review domain reports them: a new
 * item or a revision published on the department's mini-program account (other channels
 * come with the channel layer). Checks whether it repeats an item of the account from
 * the 30 days before; the record is written once per account and edition.
 */
export class PublicationRecorder {
  async published(e: { itemId: string; edition: number; department: string; content: ContentDraft; at: Date; minor: boolean }): Promise<void> {
    await ensureMiniProgramAccount(e.department, e.at)
    const accountId = accountIdOf('miniprogram', e.department)
    const text = comparableText(`${e.content.title}${e.content.body}`).slice(0, TEXT_CHARS)
    const since = new Date(e.at.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000)
    const recent = await AccountPublicationModel.find({ accountId, at: { $gte: since, $lte: e.at }, itemId: { $ne: e.itemId } }, { itemId: 1, text: 1 }).lean<Pick<AccountPublicationDoc, 'itemId' | 'text'>[]>()
    const same = recent.find((r) => isNearDuplicate(r.text, text))
    // Written once per account and edition (a publication finished twice records nothing more).
    await createOnce(AccountPublicationModel, {
      _id: `${accountId}:${e.itemId}:${e.edition}`,
      accountId,
      itemId: e.itemId,
      edition: e.edition,
      title: e.content.title,
      text,
      at: e.at,
      week: weekKey(e.at),
      minor: e.minor,
      unpublishedInError: false,
      duplicateOf: same?.itemId ?? null,
    })
  }

  /** The item was taken down as published in error: its publications stop counting. */
  async unpublishedInError(itemId: string): Promise<void> {
    await AccountPublicationModel.updateMany({ itemId }, { $set: { unpublishedInError: true } })
  }

  /** Accounts of a department (for reports). */
  accountsOf(department: string) {
    return PublishingAccountModel.find({ department }).lean()
  }
}
