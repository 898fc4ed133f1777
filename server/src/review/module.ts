import { EditionDrafter } from './editionDrafter'
import { EditionPublisher } from './editionPublisher'
import { EditionQueues } from './editionQueues'
import { EditionReviewer } from './editionReviewer'
import { EditionSubmitter } from './editionSubmitter'
import { reviewHandlers, type ReviewServices } from './routes'

export interface ReviewModule extends ReviewServices {
  handlers: ReturnType<typeof reviewHandlers>
}

/** The review domain: editions from draft to publication, 先审后发. */
export function createReviewModule(deps: { now: () => Date; contentChanged: () => Promise<void> }): ReviewModule {
  const services: ReviewServices = {
    drafter: new EditionDrafter(deps.now),
    submitter: new EditionSubmitter(deps.now),
    reviewer: new EditionReviewer(deps.now),
    publisher: new EditionPublisher(deps.now, deps.contentChanged),
    queues: new EditionQueues(),
  }
  return { ...services, handlers: reviewHandlers(services, deps.now) }
}
