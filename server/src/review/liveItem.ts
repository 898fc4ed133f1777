import { can, decide, OPEN_EDITION_STATES, type EditionAction, type EditionState } from '@zw/shared'
import { Types } from 'mongoose'
import type { StaffPrincipal } from '../auth/principal'
import { ContentItem, type ContentItemDoc } from '../content/model'
import { AppError, ForbiddenError, NotFoundError } from '../platform/errors'
import { EditionModel, type EditionDoc } from './model'
import { systemStep } from './editionTransition'

/**
 * Actions on what is live (withdraw, unpublish, validity) act on the item, whose status is
 * the truth of what the public sees; the workflow table decides who may take them from
 * which state, as for editions. Answers the item, or throws FORBIDDEN / NOT_FOUND / CONFLICT.
 */
export async function loadLiveItemFor(itemId: string, action: EditionAction, staff: StaffPrincipal): Promise<ContentItemDoc> {
  const item = await ContentItem.findById(itemId).lean<ContentItemDoc>()
  if (!item) throw new NotFoundError('内容不存在')
  if (!can(staff, 'content.read', item.department)) throw new ForbiddenError('只能处理本部门的内容')
  const decision = decide({ state: item.status as EditionState, department: item.department, makers: [] }, action, staff)
  if (!decision.ok) throw new AppError(decision.code, decision.message)
  return item
}

/** Moves the edition record of what was live along with its item (items seeded without editions have none). */
export async function moveLiveEdition(itemId: Types.ObjectId, from: EditionState[], to: EditionState, now: Date): Promise<void> {
  await EditionModel.updateOne({ itemId, state: { $in: from } }, { $set: { state: to, updatedAt: now } })
}

/**
 * A withdrawn or unpublished item takes no new edition: any open one (a scheduled one
 * included) is discarded, so it cannot bring the item back. Each is audited.
 */
export async function discardOpenEditions(itemId: Types.ObjectId, now: Date, why: string): Promise<number> {
  const open = await EditionModel.find({ itemId, state: { $in: [...OPEN_EDITION_STATES] } }, { _id: 1, number: 1, state: 1 }).lean<Pick<EditionDoc, '_id' | 'number' | 'state'>[]>()
  let n = 0
  for (const e of open) {
    if (await systemStep({ ...e, itemId }, { from: e.state, to: 'discarded', action: 'edition.discarded', who: '系统', at: now, reason: why })) n += 1
  }
  return n
}
