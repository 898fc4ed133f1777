import type { Logger } from '../platform/logger'
import { publishEditionItem } from './editionItemPublication'
import { EditionModel, type EditionDoc } from './model'
import { systemStep } from './editionTransition'
import type { PrePublicationChecker } from './prePublicationChecker'
import { requireInterpretedPoliciesPublic } from './interpretedPolicies'
import type { PublicationEvents } from './publicationEvents'

/** Scheduled editions more than this late count as overdue in /readyz. */
const OVERDUE_MS = 60_000

/**
 * Publishes scheduled editions whose time has come: run every minute by the job
 * scheduler on every instance, and at start for what fell due while no instance was up.
 * Each edition is claimed by moving it from scheduled to published (one instance wins);
 * the winner then makes its item public. Editions left published with their item not yet
 * public (an instance died in between) are finished by the next run.
 */
export class ScheduledEditionPublisher {
  constructor(
    private readonly contentChanged: () => Promise<void>,
    private readonly logger: Logger,
    private readonly checker: PrePublicationChecker,
    private readonly events?: PublicationEvents,
  ) {}

  /** Publishes what is due at `now`; answers how many items went public. */
  async publishDue(now: Date): Promise<number> {
    let published = 0
    const due = await EditionModel.find({ state: 'scheduled', scheduledAt: { $lte: now } }).sort({ scheduledAt: 1 }).limit(500).lean<EditionDoc[]>()
    for (const doc of due) {
      // The checks run again at publication; an edition that no longer passes stays scheduled and is reported.
      const open = await this.checker.open(doc, now)
      if (open.length) {
        this.logger.warn({ edition: doc._id.toString(), finding: open[0]!.message }, 'scheduled edition not published: checks fail')
        continue
      }
      try {
        await requireInterpretedPoliciesPublic(doc)
      } catch (err) {
        this.logger.warn({ edition: doc._id.toString(), reason: (err as Error).message }, 'scheduled interpretation not published: its policy is not public')
        continue
      }
      const at = doc.scheduledAt ?? now
      const claimed = await systemStep(doc, { from: 'scheduled', to: 'published', action: 'edition.publish-scheduled', who: '定时发布', at: now, set: { publishedAt: at }, before: { scheduledAt: doc.scheduledAt } })
      if (!claimed) continue // another instance took it
      await publishEditionItem(claimed, at, now, this.checker, this.events)
      published += 1
    }
    for (const doc of await EditionModel.find({ state: 'published', itemPublished: false, updatedAt: { $lt: new Date(now.getTime() - OVERDUE_MS) } }).limit(100).lean<EditionDoc[]>()) {
      this.logger.warn({ edition: doc._id.toString() }, 'finishing the publication of an edition left halfway')
      await publishEditionItem(doc, doc.publishedAt ?? now, now, this.checker, this.events)
      published += 1
    }
    if (published) await this.contentChanged()
    return published
  }

  /** Scheduled editions more than a minute past their time. */
  overdueCount(now: Date): Promise<number> {
    return EditionModel.countDocuments({ state: 'scheduled', scheduledAt: { $lt: new Date(now.getTime() - OVERDUE_MS) } })
  }
}
