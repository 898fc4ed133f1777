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
import type { EditionStarter } from './editionStarter'
import type { ItemWithdrawer } from './itemWithdrawer'
import type { ItemUnpublisher } from './itemUnpublisher'
import type { ValidityChanger } from './validityChanger'
import type { ItemHistory } from './itemHistory'
import type { EditionForcePublisher } from './editionForcePublisher'
import type { ReviewInbox } from './reviewInbox'
import type { RetrospectiveReviewer } from './retrospectiveReviewer'
import type { DepartmentDashboard } from './departmentDashboard'
import type { PrePublicationChecker } from './prePublicationChecker'
import type { WordingRulesEditor } from './wordingRulesEditor'
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
  starter: EditionStarter
  withdrawer: ItemWithdrawer
  unpublisher: ItemUnpublisher
  validity: ValidityChanger
  history: ItemHistory
  forcePublisher: EditionForcePublisher
  inbox: ReviewInbox
  retrospective: RetrospectiveReviewer
  dashboard: DepartmentDashboard
  checker: PrePublicationChecker
  wordingRules: WordingRulesEditor
}

/** Editorial workflow endpoints: thin — the binding authenticated and parsed; services decide. */
export function reviewHandlers(s: ReviewServices, now: () => Date): Handlers {
  const view = (staff: StaffPrincipal) => async (doc: EditionDoc) => toEdition(doc, staff, await s.checker.findings(doc, now()))
  const views = (staff: StaffPrincipal, docs: EditionDoc[]) => Promise.all(docs.map(view(staff)))
  return {
    createItemDraft: async ({ staff, body }) => view(staff)(await s.drafter.createItem(staff, body)),
    getEdition: async ({ staff, params }) => {
      const doc = await loadEdition(params.id)
      // Drafts of another department stay closed, to editors and reviewers alike.
      if (!can(staff, 'content.read', doc.department)) throw new ForbiddenError()
      return view(staff)(doc)
    },
    updateEdition: async ({ staff, params, body }) => view(staff)(await s.drafter.update(staff, params.id, body)),
    submitEdition: async ({ staff, params, body }) => view(staff)(await s.submitter.submit(staff, params.id, body.note, { changeNote: body.changeNote, minor: body.minor })),
    recallEdition: async ({ staff, params }) => view(staff)(await s.submitter.recall(staff, params.id)),
    discardEdition: async ({ staff, params }) => view(staff)(await s.drafter.discard(staff, params.id)),
    forcePublishEdition: async ({ staff, params, body }) => view(staff)(await s.forcePublisher.forcePublish(staff, params.id, body.reason)),
    listReviewTasks: async ({ staff }) => ({ items: await s.inbox.tasksFor(staff, now()) }),
    completeRetrospectiveReview: async ({ staff, params, body }) => {
      await s.retrospective.complete(staff, params.id, body.outcome, body.note)
      return { items: await s.inbox.tasksFor(staff, now()) }
    },
    getDepartmentDashboard: async ({ staff }) => s.dashboard.of(staff, now()),
    getWordingRules: ({ staff }) => s.wordingRules.view(staff),
    putWordingRules: ({ staff, body }) => s.wordingRules.replace(staff, body.rules),
    listStaffItems: async ({ staff, query }) => s.history.list(staff, query.status),
    getStaffItem: async ({ staff, params }) => s.history.of(staff, params.id),
    startItemEdition: async ({ staff, params, body }) => view(staff)(await s.starter.start(staff, params.id, body)),
    withdrawItem: async ({ staff, params, body }) => {
      await s.withdrawer.withdraw(staff, params.id, body.explanation)
      return s.history.of(staff, params.id)
    },
    unpublishItem: async ({ staff, params, body }) => {
      await s.unpublisher.unpublish(staff, params.id, body.reason, body.note)
      return s.history.of(staff, params.id)
    },
    changeItemValidity: async ({ staff, params, body }) => {
      await s.validity.change(staff, params.id, body)
      return s.history.of(staff, params.id)
    },
    approveEdition: async ({ staff, params, body }) => view(staff)(await s.reviewer.approve(staff, params.id, body.checklist, body.overrides)),
    rejectEdition: async ({ staff, params, body }) => view(staff)(await s.reviewer.reject(staff, params.id, body.failed, body.reasons)),
    publishEdition: async ({ staff, params }) => view(staff)(await s.publisher.publishNow(staff, params.id)),
    scheduleEdition: async ({ staff, params, body }) => view(staff)(await s.scheduler.schedule(staff, params.id, new Date(body.at))),
    unscheduleEdition: async ({ staff, params }) => view(staff)(await s.scheduler.unschedule(staff, params.id)),
    listReviewQueue: async ({ staff }) => ({ items: await views(staff, await s.queues.reviewQueue(staff)) }),
    listMyEditions: async ({ staff }) => ({ items: await views(staff, await s.queues.mine(staff)) }),
  }
}
