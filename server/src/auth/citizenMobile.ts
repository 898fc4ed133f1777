import { createHash, randomInt } from 'node:crypto'
import mongoose, { Schema } from 'mongoose'
import type { CitizenProfile } from '@zw/shared'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ServiceUnavailableError, ValidationError } from '../platform/errors'
import { RetryPolicy } from '../platform/delivery/retryPolicy'
import type { SmsClients } from '../platform/sms/clients'
import type { CitizenPrincipal } from './citizenAuthenticator'
import { citizenActor } from './citizenActor'
import { citizenProfileOf } from './citizenLogIn'
import { CitizenAccountModel, type CitizenAccountDoc } from './citizenModel'

/** A code sent to a number a citizen wants to use, waiting to be typed in (one per citizen). */
interface MobileCodeDoc {
  _id: string
  mobile: string
  codeHash: string
  expiresAt: Date
  sentAt: Date
  attempts: number
}
const MobileCodeModel = mongoose.model<MobileCodeDoc>(
  'CitizenMobileCode',
  new Schema<MobileCodeDoc>({ _id: String, mobile: String, codeHash: String, expiresAt: Date, sentAt: Date, attempts: Number }, { collection: 'citizen_mobile_codes', versionKey: false }),
)

const CODE_MINUTES = 5
const RESEND_AFTER_MS = 60_000
const MAX_ATTEMPTS = 5
const hash = (citizenId: string, code: string) => createHash('sha256').update(`${citizenId}:${code}`).digest('hex')

/**
 * A citizen's mobile number for SMS pushes, verified by a 6-digit code sent to it (valid
 * 5 minutes, one a minute, five tries), removable at any time. The number is never in
 * an answer, a log line or the audit trail; the code is kept only as a hash.
 */
export class CitizenMobile {
  constructor(
    private readonly sms: SmsClients | undefined,
    private readonly verifyTemplateId: string | undefined,
    private readonly now: () => Date,
  ) {}

  async sendCode(citizen: CitizenPrincipal, mobile: string): Promise<{ ok: true; expiresInSeconds: number }> {
    if (!this.sms || !this.verifyTemplateId) throw new ServiceUnavailableError('短信服务暂未开通，暂时不能绑定手机号')
    const now = this.now()
    const pending = await MobileCodeModel.findById(citizen.id).lean<MobileCodeDoc>()
    if (pending && now.getTime() - pending.sentAt.getTime() < RESEND_AFTER_MS) {
      throw new AppError('RATE_LIMITED', `验证码已发送，请 ${Math.ceil((RESEND_AFTER_MS - (now.getTime() - pending.sentAt.getTime())) / 1000)} 秒后再试`)
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const result = await this.sms.sender.sendWithRetries({ phone: mobile, templateId: this.verifyTemplateId, params: [code, String(CODE_MINUTES)], signName: this.sms.signName }, { policy: new RetryPolicy({ maxAttempts: 3 }) })
    if (result.outcome !== 'sent') throw new ServiceUnavailableError(result.outcome === 'failed' ? '验证码发送失败，请检查手机号或明天再试' : '短信暂时发不出去，请稍后再试')
    await MobileCodeModel.deleteOne({ _id: citizen.id })
    await MobileCodeModel.create({ _id: citizen.id, mobile, codeHash: hash(citizen.id, code), expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000), sentAt: now, attempts: 0 })
    return { ok: true, expiresInSeconds: CODE_MINUTES * 60 }
  }

  async verify(citizen: CitizenPrincipal, code: string): Promise<CitizenProfile> {
    const now = this.now()
    const pending = await MobileCodeModel.findById(citizen.id).lean<MobileCodeDoc>()
    const wrong = (message: string) => new ValidationError([{ path: 'code', message }])
    if (!pending || pending.expiresAt <= now) throw wrong('验证码已过期，请重新获取')
    if (pending.attempts >= MAX_ATTEMPTS) throw wrong('输错次数太多，请重新获取验证码')
    if (pending.codeHash !== hash(citizen.id, code)) {
      await MobileCodeModel.updateOne({ _id: citizen.id }, { $inc: { attempts: 1 } })
      throw wrong(`验证码不对，还可以再试 ${MAX_ATTEMPTS - pending.attempts - 1} 次`)
    }
    const updated = await CitizenAccountModel.findOneAndUpdate({ _id: citizen.id }, { $set: { mobile: pending.mobile } }, { new: true }).lean<CitizenAccountDoc>()
    await MobileCodeModel.deleteOne({ _id: citizen.id })
    await recordAudit({ at: now, actor: citizenActor(citizen), action: 'citizen.mobile-verified', subject: `citizen:${citizen.id}`, before: { hasMobile: !!citizen.account.mobile }, after: { hasMobile: true } })
    return citizenProfileOf(updated!)
  }

  async remove(citizen: CitizenPrincipal): Promise<CitizenProfile> {
    const updated = await CitizenAccountModel.findOneAndUpdate({ _id: citizen.id }, { $set: { mobile: null } }, { new: true }).lean<CitizenAccountDoc>()
    await MobileCodeModel.deleteOne({ _id: citizen.id })
    await recordAudit({ at: this.now(), actor: citizenActor(citizen), action: 'citizen.mobile-removed', subject: `citizen:${citizen.id}`, before: { hasMobile: !!citizen.account.mobile }, after: { hasMobile: false } })
    return citizenProfileOf(updated!)
  }

  /** For account deletion: a pending code goes too. */
  static async erase(citizenId: string): Promise<void> {
    await MobileCodeModel.deleteOne({ _id: citizenId })
  }
}
