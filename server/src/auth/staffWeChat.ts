import { grantOf, type ConsentResult } from '@zw/shared'
import mongoose, { Schema } from 'mongoose'
import type { StaffWeChat as StaffWeChatView } from '@zw/shared'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, ServiceUnavailableError } from '../platform/errors'
import type { WeChatClients } from '../platform/wechat/clients'
import { WeChatApiError } from '../platform/wechat/wechatHttp'
import { StaffAccountModel, type StaffAccountDoc } from './model'
import { auditActorOf, type StaffPrincipal } from './principal'
import { isDuplicateKeyError } from '../platform/db'

/**
 * What a member of staff allowed through `wx.requestSubscribeMessage`, per template:
 * long-term (政务民生 templates), or a count of one-time sends left. A send uses one;
 * WeChat's 43101 means none is left, whatever we counted.
 */
interface ConsentDoc {
  _id: string
  staffId: string
  templateId: string
  longTerm: boolean
  remaining: number
  updatedAt: Date
}
export const StaffConsentModel = mongoose.model<ConsentDoc>(
  'StaffMessageConsent',
  new Schema<ConsentDoc>({ _id: String, staffId: { type: String, index: true }, templateId: String, longTerm: Boolean, remaining: Number, updatedAt: Date }, { collection: 'staff_message_consents', versionKey: false }),
)


/**
 * Which account an openid is bound to, keyed by the openid itself: a unique `_id` is
 * enforced on every database (FerretDB v1 does not enforce a sparse unique index on the
 * account's field), so one WeChat can never log in to two accounts.
 */
interface BindingDoc {
  _id: string
  staffId: string
  at: Date
}
export const StaffWeChatBindingModel = mongoose.model<BindingDoc>(
  'StaffWeChatBinding',
  new Schema<BindingDoc>({ _id: String, staffId: { type: String, index: true }, at: Date }, { collection: 'staff_wechat_bindings', versionKey: false }),
)

/** The account an openid is bound to, if any. */
export async function staffIdOfOpenId(openid: string): Promise<string | undefined> {
  return (await StaffWeChatBindingModel.findById(openid).lean<BindingDoc>())?.staffId
}

/** A `wx.login` code's openid, or a clear error for the person. */
export async function openIdOrExplain(wechat: WeChatClients | undefined, code: string): Promise<string> {
  if (!wechat) throw new ServiceUnavailableError('本系统未配置微信小程序，不能使用微信登录或绑定')
  try {
    return (await wechat.openIdOf(code)).openid
  } catch (err) {
    if (err instanceof WeChatApiError && err.errcode === 40029) throw new AppError('UNAUTHENTICATED', '微信登录凭证无效或已使用，请重试')
    if (err instanceof WeChatApiError && err.errcode === 45011) throw new AppError('RATE_LIMITED', '微信登录过于频繁，请稍后再试')
    if (err instanceof WeChatApiError) throw new ServiceUnavailableError('暂时无法连接微信，请稍后再试')
    throw err
  }
}

/** Staff WeChat: bind the openid of one's mini-program log-in, unbind, and keep the consent ledger. */
export class StaffWeChat {
  constructor(
    private readonly wechat: WeChatClients | undefined,
    private readonly now: () => Date,
  ) {}

  async view(staffId: string): Promise<StaffWeChatView> {
    const account = await StaffAccountModel.findById(staffId, { wechatOpenId: 1 }).lean<StaffAccountDoc>()
    const consents = await StaffConsentModel.find({ staffId }).lean<ConsentDoc[]>()
    return {
      available: !!this.wechat,
      bound: !!account?.wechatOpenId,
      reviewTemplateId: this.wechat?.reviewTemplateId ?? null,
      reviewTemplateLongTerm: this.wechat?.reviewTemplateLongTerm ?? false,
      consents: consents.map((c) => ({ templateId: c.templateId, longTerm: c.longTerm, remaining: c.remaining })),
    }
  }

  async bind(staff: StaffPrincipal, code: string): Promise<StaffWeChatView> {
    const openid = await openIdOrExplain(this.wechat, code)
    const now = this.now()
    try {
      await StaffWeChatBindingModel.create({ _id: openid, staffId: staff.id, at: now })
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err
      if ((await staffIdOfOpenId(openid)) !== staff.id) throw new ConflictError('该微信已绑定其他工作台账号')
    }
    // One WeChat per account: an earlier binding of this account is replaced.
    await StaffWeChatBindingModel.deleteMany({ staffId: staff.id, _id: { $ne: openid } })
    await StaffAccountModel.updateOne({ _id: staff.id }, { $set: { wechatOpenId: openid } })
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'staff.wechat-bound', subject: `staff:${staff.id}`, after: { bound: true } })
    return this.view(staff.id)
  }

  async unbind(staff: StaffPrincipal): Promise<StaffWeChatView> {
    await StaffWeChatBindingModel.deleteMany({ staffId: staff.id })
    await StaffAccountModel.updateOne({ _id: staff.id }, { $unset: { wechatOpenId: 1 } })
    await StaffConsentModel.deleteMany({ staffId: staff.id })
    await recordAudit({ at: this.now(), actor: auditActorOf(staff), action: 'staff.wechat-unbound', subject: `staff:${staff.id}`, before: { bound: true }, after: { bound: false } })
    return this.view(staff.id)
  }

  /** Records what the person answered in `wx.requestSubscribeMessage`. */
  async recordConsent(staff: StaffPrincipal, results: { templateId: string; result: string; kind: 'one-time' | 'long-term' }[]): Promise<StaffWeChatView> {
    const now = this.now()
    for (const r of results) {
      const _id = `${staff.id}:${r.templateId}`
      const grant = grantOf(r.result as ConsentResult, r.kind)
      if (grant === 'nothing' || grant === 'revoked') {
        // Refused or banned: nothing may be sent with this template.
        await StaffConsentModel.updateOne({ _id }, { $set: { staffId: staff.id, templateId: r.templateId, longTerm: false, remaining: 0, updatedAt: now } }, { upsert: true })
      } else if (grant === 'long-term') {
        await StaffConsentModel.updateOne({ _id }, { $set: { staffId: staff.id, templateId: r.templateId, longTerm: true, updatedAt: now }, $setOnInsert: { remaining: 0 } }, { upsert: true })
      } else {
        await StaffConsentModel.updateOne({ _id }, { $set: { staffId: staff.id, templateId: r.templateId, updatedAt: now }, $setOnInsert: { longTerm: false }, $inc: { remaining: 1 } }, { upsert: true })
      }
    }
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'staff.message-consent', subject: `staff:${staff.id}`, after: { results } })
    return this.view(staff.id)
  }
}

/** Consent to send one message with `templateId` to `staffId` now: taken (one-time consents are used up), or not there. */
export async function takeConsent(staffId: string, templateId: string): Promise<boolean> {
  const _id = `${staffId}:${templateId}`
  const consent = await StaffConsentModel.findById(_id).lean<ConsentDoc>()
  if (!consent) return false
  if (consent.longTerm) return true
  const taken = await StaffConsentModel.updateOne({ _id, remaining: { $gt: 0 } }, { $inc: { remaining: -1 } })
  return taken.modifiedCount === 1
}

/** WeChat answered 43101: whatever we counted, no consent is left. */
export async function consentUsedUp(staffId: string, templateId: string): Promise<void> {
  await StaffConsentModel.updateOne({ _id: `${staffId}:${templateId}` }, { $set: { longTerm: false, remaining: 0 } })
}
