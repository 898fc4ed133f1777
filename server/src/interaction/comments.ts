import mongoose from 'mongoose'
import { acceptsComments, can, COMMENT_STATE_LABELS, consultationPhase, decideComment, personalDataWarning, type commentBodySchema, type z } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { citizenActor } from '../auth/citizenActor'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import type { InteractionContext } from './context'
import { DailyQuota } from './dailyLimits'
import { commentsOf, loadConsultation } from './consultationView'
import { CommentModel, type CommentDoc } from './model'

const myCommentOf = (c: CommentDoc) => ({ id: c._id.toString(), text: c.text, public: c.public, state: c.state, stateLabel: COMMENT_STATE_LABELS[c.state], at: c.createdAt.toISOString(), personalDataWarning: c.public ? personalDataWarning(c.screening.personalData) : null })

/** A stable pseudonym of a writer within one consultation (staff see who wrote several, not who they are). */
const writerOf = (c: CommentDoc, order: Map<string, number>) => (c.citizenId ? `网友${order.get(c.citizenId)}` : '已注销的网友')

/**
 * A citizen comments on an open consultation (several times, up to the daily limit across
 * consultations: COMMENT_DAILY_LIMIT), public or for the department only. The text goes through the same content check as messages: passed, it
 * is counted (and shown if public); held, it waits for a reviewer. Audited without the text.
 */
export class CommentSubmitter {
  private readonly quota: DailyQuota

  constructor(private readonly ctx: InteractionContext) {
    this.quota = new DailyQuota(ctx)
  }

  async submit(citizen: CitizenPrincipal, consultationId: string, body: z.output<typeof commentBodySchema>) {
    const consultation = await loadConsultation(consultationId)
    if (consultation.state === 'draft') throw new NotFoundError('没有这次征求意见')
    const now = this.ctx.now()
    if (!acceptsComments(consultation, now)) {
      const phase = consultationPhase(consultation, now)
      throw new ConflictError(phase === 'scheduled' ? '征集尚未开始，请在开始后再提意见' : '征集已结束，不能再提意见')
    }
    // One of the day's places (COMMENT_DAILY_LIMIT), taken before WeChat is asked.
    const doc = await this.quota.within(citizen.id, 'comment', async () => {
      const screening = await this.ctx.screener.screen({ text: body.text, openid: citizen.account.openid, scene: 2 })
      const comment: CommentDoc = { _id: new mongoose.Types.ObjectId(), consultationId, department: consultation.department, citizenId: citizen.id, text: body.text, public: body.public, state: screening.verdict === 'pass' ? 'accepted' : 'moderation', screening, moderation: null, createdAt: now }
      await CommentModel.create(comment)
      return comment
    })
    await recordAudit({ at: now, actor: citizenActor(citizen), action: 'interaction.comment-received', subject: `consultation:${consultationId}`, after: { comment: doc._id.toString(), state: doc.state, public: doc.public, verdict: doc.screening.verdict, words: doc.screening.words.map((w) => w.word) } })
    return myCommentOf(doc)
  }

  async listMine(citizen: CitizenPrincipal, consultationId: string) {
    const consultation = await loadConsultation(consultationId)
    if (consultation.state === 'draft') throw new NotFoundError('没有这次征求意见')
    return { comments: (await CommentModel.find({ consultationId, citizenId: citizen.id }).sort({ createdAt: 1 }).lean<CommentDoc[]>()).map(myCommentOf) }
  }
}

/** The department reads every comment (private and held ones too) and moderates those held by the content check. */
export class CommentModerator {
  constructor(private readonly ctx: InteractionContext) {}

  async list(staff: StaffPrincipal, consultationId: string) {
    const consultation = await loadConsultation(consultationId)
    if (!can(staff, 'interaction.handle', consultation.department)) throw new ForbiddenError('只能查看本部门征求意见收到的意见')
    const comments = await commentsOf(consultationId)
    const order = new Map<string, number>()
    for (const c of comments) if (c.citizenId && !order.has(c.citizenId)) order.set(c.citizenId, order.size + 1)
    return {
      comments: comments.map((c) => ({
        id: c._id.toString(),
        text: c.text,
        public: c.public,
        state: c.state,
        stateLabel: COMMENT_STATE_LABELS[c.state],
        verdict: c.screening.verdict,
        words: c.screening.words.map((w) => w.word),
        platformError: c.screening.platform.error,
        writer: writerOf(c, order),
        at: c.createdAt.toISOString(),
        moderation: c.moderation ? { decision: c.moderation.decision, by: c.moderation.by.name, note: c.moderation.note } : null,
      })),
    }
  }

  async moderate(staff: StaffPrincipal, consultationId: string, commentId: string, body: { decision: 'approve' | 'reject'; reason: string }) {
    const consultation = await loadConsultation(consultationId)
    const comment = await CommentModel.findById(commentId).lean<CommentDoc>()
    if (!comment || comment.consultationId !== consultationId) throw new NotFoundError('没有这条意见')
    const decision = decideComment({ state: comment.state, department: consultation.department }, body.decision, staff)
    if (!decision.ok) throw new AppError(decision.code, decision.message)
    const now = this.ctx.now()
    const moderation = { decision: body.decision === 'approve' ? 'approved' : 'rejected', by: { id: staff.id, name: staff.displayName }, at: now, note: body.reason }
    const moved = await CommentModel.findOneAndUpdate({ _id: comment._id, state: comment.state }, { $set: { state: decision.to, moderation } }, { new: true }).lean<CommentDoc>()
    if (!moved) throw new ConflictError('意见已被他人审核，请刷新后重试')
    await recordAudit({ at: now, actor: auditActorOf(staff), action: `interaction.comment-${body.decision === 'approve' ? 'approved' : 'rejected'}`, subject: `consultation:${consultationId}`, before: { comment: commentId, state: comment.state }, after: { comment: commentId, state: moved.state, verdict: comment.screening.verdict }, ...(body.reason ? { reason: body.reason } : {}) })
    return this.list(staff, consultationId)
  }
}
