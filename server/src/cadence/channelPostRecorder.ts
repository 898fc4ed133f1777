import { randomUUID } from 'node:crypto'
import { can, parseShanghaiDateTime } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError, NotFoundError, ValidationError } from '../platform/errors'
import { AccountColumnModel, PublishingAccountModel, type PublishingAccountDoc } from './model'
import type { PublicationRecorder } from './publicationRecorder'
import { columnIdOf } from './publishingAccounts'

/**
 * 登记发布: an editor of the department records a post made on one of its accounts on
 * another channel (title, link, when, which column), so it counts toward the account's
 * weekly minimum like a publication on the mini-program (minor changes and re-posts of
 * the same text within 30 days do not count). Not in the future; audited.
 */
export class ChannelPostRecorder {
  constructor(
    private readonly recorder: PublicationRecorder,
    private readonly now: () => Date,
  ) {}

  async record(staff: StaffPrincipal, accountId: string, post: { column: string; title: string; url: string; publishedAt: string; text: string; minor: boolean }): Promise<PublishingAccountDoc> {
    const account = await PublishingAccountModel.findById(accountId).lean<PublishingAccountDoc>()
    if (!account) throw new NotFoundError('账号不存在')
    if (!can(staff, 'content.write', account.department)) throw new ForbiddenError('只有本部门编辑可以登记发布')
    if (account.channel === 'miniprogram') throw new ValidationError([{ path: 'params.id', message: '小程序上的发布由系统自动记录，无需登记' }])
    const column = await AccountColumnModel.findById(columnIdOf(accountId, post.column)).lean()
    if (!column || !column.active) throw new ValidationError([{ path: 'column', message: '该账号没有这个栏目' }])
    const at = parseShanghaiDateTime(post.publishedAt)!
    const now = this.now()
    if (at.getTime() > now.getTime() + 60_000) throw new ValidationError([{ path: 'publishedAt', message: '发布时间不能晚于现在' }])
    const itemId = `post-${randomUUID()}`
    const result = await this.recorder.record({ accountId, itemId, edition: 1, column: post.column, title: post.title, text: `${post.title}${post.text}`, at, minor: post.minor })
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'cadence.post-recorded', subject: `account:${accountId}`, after: { itemId, column: post.column, title: post.title, url: post.url, publishedAt: at.toISOString(), minor: post.minor, counts: result.counts, duplicateOf: result.duplicateOf } })
    return account
  }

  /**
   * A post the channel layer delivered itself (issue 8: a 公众号 article or a 微博 live on
   * the department's account): recorded like an editor's, in the column of its kind, under
   * the item's own id (so taking the item down stops it counting too). Once per account,
   * item and edition; audited as the system.
   */
  async recordDelivered(accountId: string, post: { itemId: string; edition: number; column: string; title: string; url: string | null; text: string; at: Date; minor: boolean }): Promise<{ recorded: boolean; counts: boolean }> {
    const result = await this.recorder.record({ accountId, itemId: post.itemId, edition: post.edition, column: post.column, title: post.title, text: `${post.title}${post.text}`, at: post.at, minor: post.minor })
    if (result.recorded) await recordAudit({ at: this.now(), actor: { id: 'system', name: '渠道分发' }, action: 'cadence.post-recorded', subject: `account:${accountId}`, after: { itemId: post.itemId, edition: post.edition, column: post.column, title: post.title, url: post.url, publishedAt: post.at.toISOString(), minor: post.minor, counts: result.counts, duplicateOf: result.duplicateOf } })
    return result
  }
}
