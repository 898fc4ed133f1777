import { can } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import type { Handlers } from '../platform/http/endpoints'
import { ForbiddenError } from '../platform/errors'
import type { EditionDrafter } from './editionDrafter'
import type { EditionPublisher } from './editionPublisher'
import type { EditionQueues } from './editionQueues'
import type { EditionReviewer } from './editionReviewer'
import type { EditionScheduler } from './editionScheduler'
import type { EditionSubmitter } from './editionSubmitter'
import { loadEdition } from './editionTransition'
import { toEdition } from './editionView'
import type { EditionDoc } from './model'

export interface ReviewServices {
  drafter: EditionDrafter
  submitter: EditionSubmitter
  reviewer: EditionReviewer
  publisher: EditionPublisher
  queues: EditionQueues
  scheduler: EditionScheduler
}

/** Editorial workflow endpoints: thin — the binding authenticated and parsed; services decide. */
export function reviewHandlers(s: ReviewServices, now: () => Date): Handlers {
  const view = (staff: StaffPrincipal) => (doc: EditionDoc) => toEdition(doc, staff, now())
  return {
    createItemDraft: async ({ staff, body }) => view(staff)(await s.drafter.createItem(staff, body)),
    getEdition: async ({ staff, params }) => {
      const doc = await loadEdition(params.id)
      // Drafts of another department stay closed, to editors and reviewers alike.
      if (!can(staff, 'content.read', doc.department)) throw new ForbiddenError()
      return view(staff)(doc)
    },
    updateEdition: async ({ staff, params, body }) => view(staff)(await s.drafter.update(staff, params.id, body)),
    submitEdition: async ({ staff, params, body }) => view(staff)(await s.submitter.submit(staff, params.id, body.note)),
    approveEdition: async ({ staff, params, body }) => view(staff)(await s.reviewer.approve(staff, params.id, body.checklist, body.overrides)),
    rejectEdition: async ({ staff, params, body }) => view(staff)(await s.reviewer.reject(staff, params.id, body.failed, body.reasons)),
    publishEdition: async ({ staff, params }) => view(staff)(await s.publisher.publishNow(staff, params.id)),
    scheduleEdition: async ({ staff, params, body }) => view(staff)(await s.scheduler.schedule(staff, params.id, new Date(body.at))),
    unscheduleEdition: async ({ staff, params }) => view(staff)(await s.scheduler.unschedule(staff, params.id)),
    listReviewQueue: async ({ staff }) => ({ items: (await s.queues.reviewQueue(staff)).map(view(staff)) }),
    listMyEditions: async ({ staff }) => ({ items: (await s.queues.mine(staff)).map(view(staff)) }),
  }
}
