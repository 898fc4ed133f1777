import mongoose, { Schema } from 'mongoose'
import { formatShanghaiDateTime } from '@zw/shared'
import { StaffAccountModel, type StaffAccountDoc } from '../auth/model'
import type { StaffPrincipal } from '../auth/principal'
import { consentUsedUp, StaffConsentModel, takeConsent } from '../auth/staffWeChat'
import type { Logger } from '../platform/logger'
import type { WeChatClients } from '../platform/wechat/clients'
import { thing, timeValue } from '../platform/wechat/subscribeMessages'
import type { EditionDoc } from './model'
import { createOnce } from '../platform/db'

type NotificationState = 'pending' | 'sending' | 'sent' | 'no-binding' | 'no-consent' | 'failed'

/** A 待审核提醒 to one reviewer about one submission (the inbox task exists either way). */
export interface ReviewerNotificationDoc {
  /** `editionId:submittedAt(ms):staffId` — one per reviewer per submission. */
  _id: string
  staffId: string
  editionId: string
  title: string
  submitterName: string
  submittedAt: Date
  state: NotificationState
  attempts: number
  nextAttemptAt: Date
  leaseUntil: Date | null
  lastError: string | null
  createdAt: Date
  sentAt: Date | null
}
export const ReviewerNotificationModel = mongoose.model<ReviewerNotificationDoc>(
  'ReviewerNotification',
  new Schema<ReviewerNotificationDoc>(
    {
      _id: String,
      staffId: { type: String, required: true },
      editionId: { type: String, required: true },
      title: String,
      submitterName: String,
      submittedAt: Date,
      state: { type: String, required: true },
      attempts: { type: Number, default: 0 },
      nextAttemptAt: Date,
      leaseUntil: { type: Date, default: null },
      lastError: { type: String, default: null },
      createdAt: Date,
      sentAt: { type: Date, default: null },
    },
    { collection: 'reviewer_notifications', versionKey: false },
  ).index({ state: 1, nextAttemptAt: 1 }),
)

const MAX_ATTEMPTS = 5
const LEASE_MS = 60_000

/**
 * 待审核提醒: when an edition is submitted, each reviewer of its department (not its
 * makers) gets a WeChat subscription message — if they bound their WeChat and have
 * consent left. Recorded first, then delivered by `deliverDue` (at once, and by a job every
 * minute for retries): each record is claimed by one instance; -1 / network errors are
 * retried with backoff up to MAX_ATTEMPTS; 43101 marks the consent used up. A message is
 * sent at most once unless an instance dies between sending and recording it.
 */
export class ReviewerNotifier {
  constructor(
    private readonly wechat: WeChatClients | undefined,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  /** Records a reminder per reviewer; answers how many. Nothing when WeChat or the template is not configured. */
  async editionSubmitted(edition: EditionDoc, submitter: StaffPrincipal): Promise<number> {
    if (!this.wechat?.reviewTemplateId || !edition.submittedAt) return 0
    const reviewers = await StaffAccountModel.find({ department: edition.department, roles: 'reviewer', disabled: false }, { _id: 1 }).lean<Pick<StaffAccountDoc, '_id'>[]>()
    const now = this.now()
    let n = 0
    for (const r of reviewers) {
      const staffId = r._id.toString()
      if (edition.makers.includes(staffId)) continue
      const created = await createOnce(ReviewerNotificationModel, {
        _id: `${edition._id.toString()}:${edition.submittedAt.getTime()}:${staffId}`,
        staffId,
        editionId: edition._id.toString(),
        title: edition.content.title,
        submitterName: submitter.displayName,
        submittedAt: edition.submittedAt,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: null,
        lastError: null,
        createdAt: now,
        sentAt: null,
      })
      if (created) n += 1
    }
    return n
  }

  /** Delivers reminders that are due (and takes back ones whose sender died); answers how many were sent. */
  async deliverDue(): Promise<number> {
    if (!this.wechat?.reviewTemplateId) return 0
    const now = this.now()
    await ReviewerNotificationModel.updateMany({ state: 'sending', leaseUntil: { $lt: now } }, { $set: { state: 'pending', leaseUntil: null } })
    const due = await ReviewerNotificationModel.find({ state: 'pending', nextAttemptAt: { $lte: now } }).sort({ nextAttemptAt: 1 }).limit(200).lean<ReviewerNotificationDoc[]>()
    let sent = 0
    for (const n of due) if (await this.deliver(n, now)) sent += 1
    return sent
  }

  private async deliver(n: ReviewerNotificationDoc, now: Date): Promise<boolean> {
    const wechat = this.wechat!
    const templateId = wechat.reviewTemplateId!
    const claimed = await ReviewerNotificationModel.findOneAndUpdate({ _id: n._id, state: 'pending' }, { $set: { state: 'sending', leaseUntil: new Date(now.getTime() + LEASE_MS) } }, { new: true }).lean()
    if (!claimed) return false // another instance has it
    const finish = (state: NotificationState, extra: Partial<ReviewerNotificationDoc> = {}) => ReviewerNotificationModel.updateOne({ _id: n._id }, { $set: { state, leaseUntil: null, ...extra } })
    const account = await StaffAccountModel.findById(n.staffId, { wechatOpenId: 1, disabled: 1 }).lean<StaffAccountDoc>()
    if (!account?.wechatOpenId || account.disabled) {
      await finish('no-binding')
      return false
    }
    if (!(await takeConsent(n.staffId, templateId))) {
      await finish('no-consent')
      return false
    }
    const outcome = await wechat.messages.send({
      touser: account.wechatOpenId,
      template_id: templateId,
      page: `workbench/pages/edition/index?id=${n.editionId}`,
      data: { thing1: thing(n.title), thing2: thing(n.submitterName), time3: timeValue(formatShanghaiDateTime(n.submittedAt)) },
      miniprogram_state: wechat.miniprogramState,
    })
    if (outcome.status === 'sent') {
      await finish('sent', { sentAt: now, attempts: n.attempts + 1 })
      return true
    }
    if (outcome.status === 'no-consent') {
      await consentUsedUp(n.staffId, templateId)
      await finish('no-consent', { attempts: n.attempts + 1, lastError: '43101' })
      return false
    }
    // Not sent: a one-time consent taken for it is given back.
    await StaffConsentModel.updateOne({ _id: `${n.staffId}:${templateId}`, longTerm: false }, { $inc: { remaining: 1 } })
    const attempts = n.attempts + 1
    const lastError = `${outcome.errcode} ${outcome.message}`
    if (outcome.status === 'retry' && attempts < MAX_ATTEMPTS) {
      await finish('pending', { attempts, lastError, nextAttemptAt: new Date(now.getTime() + 2 ** attempts * 30_000) })
    } else {
      this.logger.warn({ notification: n._id, errcode: outcome.errcode }, 'reviewer reminder not delivered')
      await finish('failed', { attempts, lastError })
    }
    return false
  }
}
