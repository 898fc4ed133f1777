import type { ReviewCheck } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { AppError } from '../platform/errors'
import type { EditionDoc } from './model'
import type { PrePublicationChecker } from './prePublicationChecker'
import { loadEdition, transition } from './editionTransition'

/** Reviewers approve (all four checks confirmed, a reason for each blocking finding published anyway) or reject (naming the failed checks). */
export class EditionReviewer {
  constructor(
    private readonly now: () => Date,
    private readonly checker: PrePublicationChecker,
  ) {}

  async approve(staff: StaffPrincipal, id: string, checklist: Record<ReviewCheck, true>, overrides: { key: string; reason: string }[]): Promise<EditionDoc> {
    const doc = await loadEdition(id)
    const now = this.now()
    const blocking = (await this.checker.findings(doc, now)).filter((f) => f.blocking)
    const unexplained = blocking.filter((f) => !f.overridable || !overrides.some((o) => o.key === f.key))
    if (unexplained.length) {
      throw new AppError('CONFLICT', `还有未处理的检查结果：${unexplained[0]!.message}`, { findings: unexplained })
    }
    const recorded = overrides.filter((o) => blocking.some((f) => f.key === o.key)).map((o) => ({ ...o, staffId: staff.id, name: staff.username, at: now }))
    const reason = recorded.length ? recorded.map((o) => `${o.key}: ${o.reason}`).join('；') : undefined
    return transition(doc, 'approve', staff, now, { $set: { approval: { by: staff.id, at: now, checklist }, overrides: recorded } }, reason)
  }

  async reject(staff: StaffPrincipal, id: string, failed: ReviewCheck[], reasons: string): Promise<EditionDoc> {
    const doc = await loadEdition(id)
    const now = this.now()
    return transition(doc, 'reject', staff, now, { $set: { rejection: { failed, reasons, by: staff.id, at: now }, approval: null } }, reasons)
  }
}
