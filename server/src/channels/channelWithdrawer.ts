import type { Logger } from '../platform/logger'
import { recordAudit } from '../platform/audit/auditTrail'
import { WeChatApiError } from '../platform/wechat/wechatHttp'
import { OfficialAccountApi } from '../platform/officialAccount/officialAccountApi'
import { officialAccountError } from '../platform/officialAccount/errorMessages'
import { ChannelAccountModel, ChannelDeliveryModel, type ChannelAccountDoc, type ChannelDeliveryDoc } from './model'
import { openCredentials } from './credentials'
import type { ChannelDeps } from './channelSettings'

const WEIBO_MANUAL = '微博分享接口不支持删除，请登录该微博账号手动删除这条微博（或发布更正说明）'

/**
 * Corrections: when an item is withdrawn (撤回) or taken down (下线), what was not yet sent
 * is cancelled, and what is live is removed where the platform allows it — a 公众号
 * publication by `freepublish/delete` — or marked as needing a manual action the editor
 * sees on the item page (微博, or a deletion the platform refused). Audited as the system.
 */
export class ChannelWithdrawer {
  constructor(
    private readonly deps: ChannelDeps,
    private readonly logger: Logger,
  ) {}

  async withdrawn(itemId: string): Promise<void> {
    const now = this.deps.now()
    for (const d of await ChannelDeliveryModel.find({ itemId }).lean<ChannelDeliveryDoc[]>()) {
      if (d.correction || d.cancelled) continue
      if (d.state === 'pending' || d.state === 'failed') {
        await ChannelDeliveryModel.updateOne({ _id: d._id }, { $set: { cancelled: true, error: d.state === 'pending' ? '内容已撤回，未发送' : d.error, updatedAt: now } })
        continue
      }
      const correction = await this.correct(d)
      await ChannelDeliveryModel.updateOne({ _id: d._id }, { $set: { correction, ...(d.state === 'sent' ? { cancelled: true } : {}), updatedAt: now } })
      await recordAudit({ at: now, actor: { id: 'system', name: '渠道分发' }, action: `channels.correction-${correction.state}`, subject: `content:${itemId}`, after: { channel: d.channel, platformId: d.platformId, message: correction.message } })
    }
  }

  private async correct(d: ChannelDeliveryDoc): Promise<{ state: 'deleted' | 'manual'; message: string }> {
    if (d.channel === 'weibo') return { state: 'manual', message: WEIBO_MANUAL }
    if (d.state === 'sent' || !d.platformId) return { state: 'manual', message: '公众号文章正在发布中，请发布完成后在公众平台手动删除' }
    const account = await ChannelAccountModel.findById(d.accountId).lean<ChannelAccountDoc>()
    const creds = account && openCredentials(this.deps.box, account, 'official-account')
    if (!creds) return { state: 'manual', message: '公众号凭据缺失，请在公众平台手动删除该文章' }
    try {
      await new OfficialAccountApi({ baseUrl: this.deps.settings.officialAccountBaseUrl, appId: creds.appId, appSecret: creds.appSecret, timeoutMs: this.deps.settings.timeoutMs }, this.deps.now).deletePublish(d.platformId)
      return { state: 'deleted', message: '已从公众号删除' }
    } catch (err) {
      const message = err instanceof WeChatApiError ? officialAccountError(err.errcode, err.errmsg).message : (err as Error).message
      this.logger.warn({ delivery: d._id, message }, 'official account deletion failed')
      return { state: 'manual', message: `公众号删除失败（${message}），请在公众平台手动删除该文章` }
    }
  }
}
