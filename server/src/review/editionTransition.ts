import { decide, type EditionAction, type EditionState } from '@zw/shared'
import type { UpdateQuery } from 'mongoose'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { AppError, ConflictError, NotFoundError } from '../platform/errors'
import { recordAudit } from '../platform/audit/auditTrail'
import { EditionModel, type EditionDoc } from './model'

export async function loadEdition(id: string): Promise<EditionDoc> {
  const doc = await EditionModel.findById(id).lean<EditionDoc>()
  if (!doc) throw new NotFoundError('稿件不存在')
  return doc
}

/**
 * Takes one workflow step: the workflow table decides (permission, state, maker–checker),
 * then the edition moves only if it is still in the state it was read in (two reviewers
 * acting at once: one wins, the other gets CONFLICT), and the step is audited.
 */
export async function transition(doc: EditionDoc, action: EditionAction, staff: StaffPrincipal, now: Date, update: UpdateQuery<EditionDoc> = {}, reason?: string): Promise<EditionDoc> {
  const decision = decide(doc, action, staff)
  if (!decision.ok) throw new AppError(decision.code, decision.message)
  const $set = { ...(update.$set as object), state: decision.to, updatedAt: now }
  const moved = await EditionModel.findOneAndUpdate({ _id: doc._id, state: doc.state }, { ...update, $set }, { new: true }).lean<EditionDoc>()
  if (!moved) throw new ConflictError('稿件状态已被他人改变，请刷新后重试')
  await recordAudit({
    at: now,
    actor: auditActorOf(staff),
    action: `edition.${action}`,
    subject: `content:${doc.itemId.toString()}`,
    before: { edition: doc.number, state: doc.state },
    after: { edition: moved.number, state: moved.state },
    ...(reason ? { reason } : {}),
  })
  return moved
}

/**
 * A step the system takes on an edition (scheduled publication, 三同步, supersession,
 * discarding): it moves only if still in `from` (of several instances one wins), and is
 * audited with `who` as the actor. Answers the moved edition, or null when it had moved.
 */
export async function systemStep(
  doc: Pick<EditionDoc, '_id' | 'itemId' | 'number'>,
  step: { from: EditionState; to: EditionState; action: string; who: string; at: Date; set?: Partial<EditionDoc>; before?: object; after?: object; reason?: string },
): Promise<EditionDoc | null> {
  const moved = await EditionModel.findOneAndUpdate({ _id: doc._id, state: step.from }, { $set: { ...step.set, state: step.to, updatedAt: step.at } }, { new: true }).lean<EditionDoc>()
  if (!moved) return null
  await recordAudit({
    at: step.at,
    actor: { id: 'system', name: step.who },
    action: step.action,
    subject: `content:${doc.itemId.toString()}`,
    before: { edition: doc.number, state: step.from, ...step.before },
    after: { edition: doc.number, state: step.to, ...step.after },
    ...(step.reason ? { reason: step.reason } : {}),
  })
  return moved
}
