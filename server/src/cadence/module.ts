import type { PublicationEvents } from '../review/publicationEvents'
import { CadenceCounter } from './cadenceCounter'
import { PublicationRecorder } from './publicationRecorder'
import { ShortfallWarner } from './shortfallWarner'
import { CadenceDashboard, type PublicContent } from './cadenceDashboard'
import { WeeklyReporter } from './weeklyReporter'
import { AccountPauser } from './accountPauser'
import { ComplianceOverview } from './complianceOverview'
import { ColumnConfigurer } from './columnConfigurer'
import { CadenceTasks } from './cadenceTasks'
import { AccountRuleSetter } from './accountRuleSetter'
import { WeeklyReportReader } from './weeklyReportReader'
import { ChannelAccountRegistrar } from './channelAccountRegistrar'
import { ChannelPostRecorder } from './channelPostRecorder'
import { cadenceExportRouter } from './cadenceExport'
import { backfillOnce } from './publicationBackfill'
import type { Authenticate, Handlers } from '../platform/http/endpoints'
import type Router from '@koa/router'
import type { JobDefinition } from '../platform/jobs/scheduler'

export interface CadenceModule {
  recorder: PublicationRecorder
  /** 登记账号 and 登记发布, for the channels domain (its accounts are cadence accounts; its live posts count). */
  registrar: ChannelAccountRegistrar
  posts: ChannelPostRecorder
  counter: CadenceCounter
  warner: ShortfallWarner
  dashboard: CadenceDashboard
  overview: ComplianceOverview
  tasks: CadenceTasks
  reports: WeeklyReportReader
  reporter: WeeklyReporter
  handlers: Handlers
  jobs: JobDefinition[]
  /** CSV exports of the cadence tables (not JSON, so outside the contract's endpoints). */
  exportRouter(authenticate: Authenticate): Router
  /** Brings records written by earlier versions up to date; call after the database connects. */
  start(): Promise<void>
}

/** When the cadence jobs run (cron, Asia/Shanghai); each may be set in configuration. */
export interface CadenceSchedule {
  midWeek: string
  lateWeek: string
  floor: string
  weeklyReport: string
}
export const DEFAULT_CADENCE_SCHEDULE: CadenceSchedule = { midWeek: '0 10 * * 3', lateWeek: '0 15 * * 5', floor: '30 8 * * *', weeklyReport: '0 9 * * 1' }

/** The cadence domain (更新频次): publishing accounts, the publications counted on them, the weekly rule. */
export function createCadenceModule(deps: { publications: PublicationEvents; content: PublicContent; now: () => Date; schedule?: Partial<CadenceSchedule> }): CadenceModule {
  const recorder = new PublicationRecorder()
  deps.publications.onPublished((e) => recorder.published(e))
  deps.publications.onTakenDown((itemId) => recorder.unpublishedInError(itemId))
  const counter = new CadenceCounter()
  const warner = new ShortfallWarner(counter)
  const reporter = new WeeklyReporter()
  const schedule = { ...DEFAULT_CADENCE_SCHEDULE, ...deps.schedule }
  // Each judges the moment of its slot, so a run caught up after downtime judges the week it was due in.
  const job = (name: string, cron: string, check: (at: Date) => Promise<number>): JobDefinition => ({
    name,
    cron,
    catchUp: 'each',
    run: async ({ slot, logger }) => {
      const n = await check(slot)
      if (n) logger.info({ warnings: n }, 'cadence warnings written')
    },
  })
  const jobs = [
    job('cadence-mid-week-forecast', schedule.midWeek, (at) => warner.midWeek(at)),
    job('cadence-late-week-escalation', schedule.lateWeek, (at) => warner.lateWeek(at)),
    job('cadence-daily-floor', schedule.floor, (at) => warner.floor(at)),
    job('cadence-weekly-report', schedule.weeklyReport, async (at) => ((await reporter.report(at)) ? 1 : 0)),
  ]
  const dashboard = new CadenceDashboard(deps.content)
  const overview = new ComplianceOverview(deps.content)
  // Routes are thin: the binding authenticated and parsed; the services decide who sees and does what.
  const pauser = new AccountPauser(deps.now)
  const columns = new ColumnConfigurer(deps.now)
  const tasks = new CadenceTasks(counter)
  const rules = new AccountRuleSetter(deps.now)
  const reports = new WeeklyReportReader()
  const registrar = new ChannelAccountRegistrar(deps.now)
  const posts = new ChannelPostRecorder(recorder, deps.now)
  const handlers: Handlers = {
    getCadenceDashboard: ({ staff, query }) => dashboard.of(staff, deps.now(), query.department),
    getCadenceOverview: ({ staff, query }) => overview.of(staff, deps.now(), query.department),
    listCadenceTasks: ({ staff }) => tasks.of(staff, deps.now()),
    getCadenceReport: ({ staff, query }) => reports.read(staff, query),
    pausePublishingAccount: async ({ staff, params, body }) => dashboard.of(staff, deps.now(), (await pauser.pause(staff, params.id, body.reason)).department),
    resumePublishingAccount: async ({ staff, params }) => dashboard.of(staff, deps.now(), (await pauser.resume(staff, params.id)).department),
    registerPublishingAccount: async ({ staff, body }) => dashboard.of(staff, deps.now(), (await registrar.register(staff, body)).department),
    recordChannelPost: async ({ staff, params, body }) => dashboard.of(staff, deps.now(), (await posts.record(staff, params.id, body)).department),
    setPublishingAccountRule: async ({ staff, params, body }) => dashboard.of(staff, deps.now(), (await rules.set(staff, params.id, body)).department),
    updateAccountColumn: async ({ staff, params, body }) => dashboard.of(staff, deps.now(), (await columns.configure(staff, params.id, body)).department),
  }
  return {
    recorder,
    registrar,
    posts,
    counter,
    warner,
    dashboard,
    overview,
    tasks,
    reports,
    reporter,
    handlers,
    jobs,
    exportRouter: (authenticate) => cadenceExportRouter({ dashboard, overview, reports, authenticate, now: deps.now }),
    start: () => backfillOnce(deps.now()),
  }
}
