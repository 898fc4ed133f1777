import { massSendRefusal, massSendSlots } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { createOnce } from '../platform/db'
import { WeChatApiError } from '../platform/wechat/wechatHttp'
import { OfficialAccountApi } from '../platform/officialAccount/officialAccountApi'
import { officialAccountError } from '../platform/officialAccount/errorMessages'
import { ChannelAccountModel, ChannelDeliveryModel, MassSendModel, type ChannelAccountDoc, type ChannelDeliveryDoc } from './model'
import { openCredentials } from './credentials'
import type { ChannelDeps } from './channelSettings'
import { oaKindOf } from './channelAccounts'

/**
 * 群发: never automatic. A department admin asks for one live 公众号 article to be sent to
 * all followers; a 订阅号 may mass-send once a (Beijing) day, a 服务号 four times a
 * (Beijing) month (`massSendSlots`), enforced by inserting the first free slot
 * `accountId:slot` first (two admins at once: one wins each slot). If WeChat refuses, the
 * slot is given back. Audited.
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
    const account = await ChannelAccountModel.findById(d.accountId).lean<ChannelAccountDoc>()
    const kind = oaKindOf(account ?? {})
    let slot: string | undefined
    for (const s of massSendSlots(kind, now)) {
      if (await createOnce(MassSendModel, { _id: `${d.accountId}:${s}`, deliveryId: id, by: staff.id, at: now })) {
        slot = `${d.accountId}:${s}`
        break
      }
    }
    if (!slot) throw new ConflictError(massSendRefusal(kind))
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
