import { formatShanghaiDate } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { isDuplicateKeyError } from '../platform/db'
import { WeChatApiError } from '../platform/wechat/wechatHttp'
import { OfficialAccountApi } from '../platform/officialAccount/officialAccountApi'
import { officialAccountError } from '../platform/officialAccount/errorMessages'
import { ChannelAccountModel, ChannelDeliveryModel, MassSendModel, type ChannelAccountDoc, type ChannelDeliveryDoc } from './model'
import { openCredentials } from './credentials'
import type { ChannelDeps } from './channelSettings'

/**
 * 群发: never automatic. A department admin asks for one live 公众号 article to be sent to
 * all followers; a subscription account may mass-send once a (Beijing) day, enforced by
 * inserting `accountId:date` first (two admins at once: one wins). If WeChat refuses, the
 * day's slot is given back. Audited.
 */
export class MassSender {
  constructor(private readonly deps: ChannelDeps) {}

  async send(staff: StaffPrincipal, id: string): Promise<ChannelDeliveryDoc> {
    const d = await ChannelDeliveryModel.findById(id).lean<ChannelDeliveryDoc>()
    if (!d) throw new NotFoundError('发送记录不存在')
    if (!staff.roles.includes('department-admin') || staff.department !== d.department) throw new ForbiddenError('只有本部门管理员可以申请群发')
    if (d.channel !== 'official-account' || d.state !== 'live' || !d.mediaId) throw new ConflictError('只有已在公众号发布的文章可以群发')
    if (d.massSentAt) throw new ConflictError('该文章已群发过')
    const now = this.deps.now()
    const slot = `${d.accountId}:${formatShanghaiDate(now)}`
    try {
      await MassSendModel.create({ _id: slot, deliveryId: id, by: staff.id, at: now })
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new ConflictError('今天已群发过（订阅号每天只能群发 1 次），请明天再试')
      throw err
    }
    const account = await ChannelAccountModel.findById(d.accountId).lean<ChannelAccountDoc>()
    const creds = account && openCredentials(this.deps.box, account, 'official-account')
    try {
      if (!creds) throw new ConflictError('公众号凭据缺失，请部门管理员重新填写')
      const api = new OfficialAccountApi({ baseUrl: this.deps.settings.officialAccountBaseUrl, appId: creds.appId, appSecret: creds.appSecret, timeoutMs: this.deps.settings.timeoutMs }, this.deps.now)
      await api.massSendAll(d.mediaId)
    } catch (err) {
      await MassSendModel.deleteOne({ _id: slot })
      if (err instanceof WeChatApiError) throw new AppError('CONFLICT', `群发失败：${officialAccountError(err.errcode, err.errmsg).message}`)
      throw err
    }
    const moved = await ChannelDeliveryModel.findOneAndUpdate({ _id: id }, { $set: { massSentAt: now, updatedAt: now } }, { new: true }).lean<ChannelDeliveryDoc>()
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'channels.mass-sent', subject: `content:${d.itemId}`, after: { accountId: d.accountId, platformId: d.platformId } })
    return moved!
  }
}
