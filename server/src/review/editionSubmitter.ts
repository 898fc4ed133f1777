import type { StaffPrincipal } from '../auth/principal'
import { AppError, ValidationError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import type { ReviewerNotifier } from './reviewerNotifier'
import type { EditionDoc } from './model'
import type { PrePublicationChecker } from './prePublicationChecker'
import { loadEdition, transition } from './editionTransition'

/**
 * Submits an edition for review. The automatic checks run first: a finding no one may
 * override (not 主动公开) stops it; other blocking findings (personal data, 错敏词) stop
 * it too unless the editor explains in `note` why it should go to a reviewer as it is.
 */
export class EditionSubmitter {
  constructor(
    private readonly now: () => Date,
    private readonly checker: PrePublicationChecker,
    private readonly notifier: ReviewerNotifier,
    private readonly logger: Logger,
  ) {}

  async submit(staff: StaffPrincipal, id: string, note?: string, change: { changeNote?: string; minor?: boolean } = {}): Promise<EditionDoc> {
    const doc = await loadEdition(id)
    const now = this.now()
    // A revision says what changed (for the public publication history) or that it is minor.
    const minor = change.minor ?? doc.minor
    const changeNote = minor ? null : (change.changeNote || doc.changeNote || null)
    if (doc.number > 1 && !minor && !changeNote) {
      throw new ValidationError([{ path: 'changeNote', message: '请填写修改说明（将在发布记录中向公众展示），或标明为细微修改' }])
    }
    const blocking = (await this.checker.findings(doc, now)).filter((f) => f.blocking)
    const fixedOnly = blocking.filter((f) => !f.overridable)
    if (fixedOnly.length || (blocking.length && !note?.trim())) {
      throw new AppError('CONFLICT', `发布前检查未通过：${blocking[0]!.message}`, { findings: blocking })
    }
    const submitted = await transition(doc, 'submit', staff, now, { $set: { submittedBy: staff.id, submittedAt: now, submitNote: note?.trim() || null, rejection: null, ...(doc.number > 1 ? { changeNote, minor } : {}) }, $addToSet: { makers: staff.id } })
    // The reviewers' reminders are recorded now and sent in the background (the inbox task is there either way).
    await this.notifier.editionSubmitted(submitted, staff)
    void this.notifier.deliverDue().catch((err: unknown) => this.logger.warn({ err: { message: (err as Error).message } }, 'reviewer reminders not delivered now; the job retries'))
    return submitted
  }

  /** 撤回送审: the author takes a submitted edition back to draft before anyone reviews it. */
  async recall(staff: StaffPrincipal, id: string): Promise<EditionDoc> {
    return transition(await loadEdition(id), 'recall', staff, this.now(), { $set: { submittedBy: null, submittedAt: null } })
  }
}
