import { EditionDrafter } from './editionDrafter'
import { EditionPublisher } from './editionPublisher'
import { EditionQueues } from './editionQueues'
import { EditionReviewer } from './editionReviewer'
import { EditionSubmitter } from './editionSubmitter'
import { reviewHandlers, type ReviewServices } from './routes'
import { EditionScheduler } from './editionScheduler'
import { EditionStarter } from './editionStarter'
import { ItemHistory } from './itemHistory'
import { ItemUnpublisher } from './itemUnpublisher'
import { ItemWithdrawer } from './itemWithdrawer'
import { ValidityChanger } from './validityChanger'
import { EditionForcePublisher } from './editionForcePublisher'
import { ReviewInbox } from './reviewInbox'
import { RetrospectiveReviewer } from './retrospectiveReviewer'
import { DepartmentDashboard } from './departmentDashboard'
import { DEFAULT_WORDING_RULES, type WordingRule, type WorkingCalendar } from '@zw/shared'
import type { FileStorage } from '../content/attachments/fileStorage'
import { Setting } from '../platform/settings'
import { PrePublicationChecker } from './prePublicationChecker'
import { WordingRulesEditor } from './wordingRulesEditor'
import { ReviewerNotifier } from './reviewerNotifier'
import { PublicationEvents } from './publicationEvents'
import type { WeChatClients } from '../platform/wechat/clients'
import { ScheduledEditionPublisher } from './scheduledEditionPublisher'
import type { JobDefinition } from '../platform/jobs/scheduler'
import type { Logger } from '../platform/logger'

export interface ReviewModule extends ReviewServices {
  handlers: ReturnType<typeof reviewHandlers>
  scheduledPublisher: ScheduledEditionPublisher
  notifier: ReviewerNotifier
  /** Publications, for the domains that count them (cadence). */
  events: PublicationEvents
  jobs: JobDefinition[]
}

/** The review domain: editions from draft to publication, 先审后发. */
export function createReviewModule(deps: { now: () => Date; contentChanged: () => Promise<void>; logger: Logger; calendar: WorkingCalendar; storage: FileStorage; wechat?: WeChatClients }): ReviewModule {
  const notifier = new ReviewerNotifier(deps.wechat, deps.now, deps.logger)
  const wordingRules = new Setting<WordingRule[]>('wording-rules', () => [...DEFAULT_WORDING_RULES])
  const checker = new PrePublicationChecker(deps.storage, wordingRules)
  const events = new PublicationEvents()
  const services: ReviewServices = {
    drafter: new EditionDrafter(deps.now),
    submitter: new EditionSubmitter(deps.now, checker, notifier, deps.logger),
    reviewer: new EditionReviewer(deps.now, checker),
    publisher: new EditionPublisher(deps.now, checker, events, deps.contentChanged),
    queues: new EditionQueues(),
    scheduler: new EditionScheduler(deps.now),
    starter: new EditionStarter(deps.now),
    withdrawer: new ItemWithdrawer(deps.now, deps.contentChanged, events),
    unpublisher: new ItemUnpublisher(deps.now, deps.contentChanged, events),
    validity: new ValidityChanger(deps.now, deps.contentChanged),
    history: new ItemHistory(),
    forcePublisher: new EditionForcePublisher(deps.now, deps.calendar, checker, events, deps.contentChanged),
    inbox: new ReviewInbox(deps.calendar),
    retrospective: new RetrospectiveReviewer(deps.now),
    dashboard: new DepartmentDashboard(deps.calendar),
    checker,
    wordingRules: new WordingRulesEditor(wordingRules, deps.now),
  }
  const scheduledPublisher = new ScheduledEditionPublisher(deps.contentChanged, deps.logger, checker, events)
  const publishScheduled: JobDefinition = {
    name: 'publish-scheduled-editions',
    cron: '* * * * *',
    catchUp: 'latest', // one run publishes everything due, however long the downtime
    run: async ({ logger }) => {
      const n = await scheduledPublisher.publishDue(deps.now())
      if (n) logger.info({ published: n }, 'scheduled editions published')
    },
  }
  const deliverReminders: JobDefinition = {
    name: 'deliver-reviewer-reminders',
    cron: '* * * * *',
    catchUp: 'latest',
    run: async ({ logger }) => {
      const n = await notifier.deliverDue()
      if (n) logger.info({ sent: n }, 'reviewer reminders sent')
    },
  }
  return { ...services, handlers: reviewHandlers(services, deps.now), scheduledPublisher, notifier, events, jobs: [publishScheduled, deliverReminders] }
}
