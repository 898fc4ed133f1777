import { DEFAULT_SENSITIVE_WORDS, type MessageCategory, type SensitiveWord, type WorkingCalendar } from '@zw/shared'
import type Router from '@koa/router'
import type { CitizenProfiles } from '../auth/citizenProfile'
import type { ListedContent } from '../push/campaignDrafter'
import type { CitizenNotice } from '../push/citizenNotifier'
import type { JobDefinition } from '../platform/jobs/scheduler'
import type { Logger } from '../platform/logger'
import type { Authenticate, Handlers } from '../platform/http/endpoints'
import { Setting } from '../platform/settings'
import type { ContentSecurityChecker } from '../platform/wechat/contentSecurity'
import type { FileStorage } from '../content/attachments/fileStorage'
import { CommentModerator, CommentSubmitter } from './comments'
import { ConsultationArchiver } from './consultationArchiver'
import { ConsultationDesk } from './consultationDesk'
import { ConsultationDrafter } from './consultationDrafter'
import { PublishedConsultationFiles } from './consultationFiles'
import { ConsultationPhaseKeeper } from './consultationPhaseKeeper'
import { ConsultationPublisher } from './consultationPublisher'
import { ConsultationReader } from './consultationReader'
import { ConsultationReporter } from './consultationReporter'
import { ContentScreener } from './contentScreener'
import type { InteractionContext } from './context'
import { DEFAULT_CITIZEN_DAILY_LIMITS, type CitizenDailyLimits } from './dailyLimits'
import { DEFAULT_INTERACTION_SETTINGS, DepartmentSettings } from './departmentSettings'
import { MessageAssigner } from './messageAssigner'
import { MessageDesk } from './messageDesk'
import { MessageModerator } from './messageModerator'
import { MessageReader } from './messageReader'
import { MessageReplier } from './messageReplier'
import { messageStatsCsvRouter, MessageStatistics } from './messageStatistics'
import { MessageSubmitter } from './messageSubmitter'
import { MessageSweep } from './messageSweep'
import { MessageUnpublisher } from './messageUnpublisher'
import { CommentModel, InteractionDayCountModel, MessageModel } from './model'
import { interactionHandlers, type InteractionServices } from './routes'
import { SensitiveWordsEditor } from './sensitiveWordsEditor'
import { InteractionTaskList } from './taskList'

export interface InteractionSettingsOptions {
  /** When the daily message sweep runs (cron, Beijing time). */
  dailyCron?: string
  /** The server's default answer days per category (a department may set its own). */
  answerDays?: Partial<Record<MessageCategory, number>>
  /** The default of whether replies are reviewed by a second person. */
  replyReview?: boolean
  /** Messages and comments a citizen may send in a Beijing day (default 10 and 20). */
  dailyLimits?: Partial<CitizenDailyLimits>
  /** The clock of this domain (tests move it; default the server's). */
  now?: () => Date
}

export interface InteractionModule extends InteractionServices {
  context: InteractionContext
  replier: MessageReplier
  sweep: MessageSweep
  phases: ConsultationPhaseKeeper
  /** Files of published consultations: a source of the public file route. */
  publicFiles: PublishedConsultationFiles
  jobs: JobDefinition[]
  handlers: Handlers
  statsCsvRouter(authenticate: Authenticate): Router
}

/** 互动交流 (issue 9): citizen messages with answer deadlines, public consultations with feedback reports. */
export function createInteractionModule(deps: {
  calendar: WorkingCalendar
  freshCalendar: () => Promise<void>
  now: () => Date
  logger: Logger
  contentSecurity?: ContentSecurityChecker
  content: ListedContent
  notify: (n: CitizenNotice) => Promise<number>
  citizenProfiles: CitizenProfiles
  /** The public attachment storage, where staff upload consultation files. */
  storage: FileStorage
  options?: InteractionSettingsOptions
}): InteractionModule {
  const o = deps.options ?? {}
  const now = o.now ?? deps.now
  const words = new Setting<SensitiveWord[]>('interaction-sensitive-words', () => [...DEFAULT_SENSITIVE_WORDS])
  const settings = new DepartmentSettings({ replyReview: o.replyReview ?? DEFAULT_INTERACTION_SETTINGS.replyReview, answerDays: { ...DEFAULT_INTERACTION_SETTINGS.answerDays, ...o.answerDays } }, now)
  const context: InteractionContext = {
    calendar: deps.calendar,
    freshCalendar: deps.freshCalendar,
    now,
    screener: new ContentScreener(deps.contentSecurity, words, now, deps.logger),
    settings,
    notify: deps.notify,
    content: deps.content,
    logger: deps.logger,
    storage: deps.storage,
    consultationFiles: new PublishedConsultationFiles(),
    dailyLimits: { ...DEFAULT_CITIZEN_DAILY_LIMITS, ...o.dailyLimits },
  }
  const replier = new MessageReplier(context)
  const reporter = new ConsultationReporter(context)
  const statistics = new MessageStatistics(context)
  const services: InteractionServices = {
    submitter: new MessageSubmitter(context),
    messages: new MessageReader(context),
    desk: new MessageDesk({ moderator: new MessageModerator(context), assigner: new MessageAssigner(context), replier, unpublisher: new MessageUnpublisher(context) }),
    statistics,
    tasks: new InteractionTaskList(),
    settings,
    words: new SensitiveWordsEditor(words, now),
    consultations: new ConsultationReader(context),
    drafter: new ConsultationDrafter(context),
    consultationDesk: new ConsultationDesk({ publisher: new ConsultationPublisher(context), reporter, archiver: new ConsultationArchiver(context) }),
    commenter: new CommentSubmitter(context),
    commentModerator: new CommentModerator(context),
  }
  const sweep = new MessageSweep(context, replier, reporter)
  const phases = new ConsultationPhaseKeeper(context)
  // A deleted account loses the link to its messages and comments; they are the department's records and stay. Its daily counts go.
  deps.citizenProfiles.onDelete(async (citizenId) => {
    await MessageModel.updateMany({ citizenId }, { $set: { citizenId: null } })
    await CommentModel.updateMany({ citizenId }, { $set: { citizenId: null } })
    await InteractionDayCountModel.deleteMany({ citizenId })
  })
  const jobs: JobDefinition[] = [
    // Once a day across instances; after downtime only the latest day (the sweep checks the present state).
    { name: 'interaction-daily', cron: o.dailyCron ?? '0 8 * * *', leaseMs: 30 * 60_000, run: async (ctx) => void (await sweep.run(ctx.slot)) },
    // Each minute: consultations open and close on the minute (reads are right without it; this records it).
    { name: 'consultation-phases', cron: '* * * * *', leaseMs: 5 * 60_000, run: async (ctx) => void (await phases.run(ctx.slot)) },
  ]
  return { ...services, context, replier, sweep, phases, publicFiles: context.consultationFiles, jobs, handlers: interactionHandlers(services), statsCsvRouter: (authenticate) => messageStatsCsvRouter(statistics, authenticate) }
}
