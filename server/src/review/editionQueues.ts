import { can } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { EditionModel, type EditionDoc } from './model'

/** Lists of editions as staff work through them: the review queue, and one's own. */
export class EditionQueues {
  /** Submitted editions of the reviewer's department, oldest submission first. */
  async reviewQueue(staff: StaffPrincipal): Promise<EditionDoc[]> {
    if (!can(staff, 'content.review', staff.department)) throw new ForbiddenError('只有审核员可以查看待审核稿件')
    return EditionModel.find({ department: staff.department, state: 'submitted' }).sort({ submittedAt: 1 }).limit(200).lean<EditionDoc[]>()
  }

  async mine(staff: StaffPrincipal): Promise<EditionDoc[]> {
    return EditionModel.find({ makers: staff.id }).sort({ updatedAt: -1 }).limit(200).lean<EditionDoc[]>()
  }
}
