import type { StaffPrincipal } from '../auth/principal'
import { publishEditionItem } from './editionItemPublication'
import { AppError } from '../platform/errors'
import type { EditionDoc } from './model'
import type { PrePublicationChecker } from './prePublicationChecker'
import { requireInterpretedPoliciesPublic } from './interpretedPolicies'
import type { PublicationEvents } from './publicationEvents'
import { loadEdition, transition } from './editionTransition'

/**
 * Publishes an approved edition now: the checks run again (a blocking finding must have
 * been overridden at approval), the edition moves to published, and its item takes its
 * content and goes public.
 */
export class EditionPublisher {
  constructor(
    private readonly now: () => Date,
    private readonly checker: PrePublicationChecker,
    private readonly events: PublicationEvents,
    /** Brings this instance's public read model up to date (other instances poll). */
    private readonly contentChanged: () => Promise<void>,
  ) {}

  async publishNow(staff: StaffPrincipal, id: string): Promise<EditionDoc> {
    const doc = await loadEdition(id)
    const now = this.now()
    const open = await this.checker.open(doc, now)
    await requireInterpretedPoliciesPublic(doc)
    if (open.length) throw new AppError('CONFLICT', `发布前检查未通过：${open[0]!.message}`, { findings: open })
    const published = await transition(doc, 'publish', staff, now, { $set: { publishedAt: now } })
    await publishEditionItem(published, now, now, this.checker, this.events)
    await this.contentChanged()
    return { ...published, itemPublished: true }
  }
}
