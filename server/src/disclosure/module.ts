import path from 'node:path'
import { DEFAULT_CLOCK_SETTINGS, type ClockSettings, type WorkingCalendar } from '@zw/shared'
import type Router from '@koa/router'
import type { CitizenProfiles } from '../auth/citizenProfile'
import type { JobDefinition } from '../platform/jobs/scheduler'
import type { Logger } from '../platform/logger'
import type { Authenticate, AuthenticateCitizen, Handlers } from '../platform/http/endpoints'
import { LocalDiskStorage, type FileStorage } from '../content/attachments/fileStorage'
import { FileBinder } from './fileBinder'
import { eraseCitizenFiles } from './fileEraser'
import { DisclosureFileReader } from './fileReader'
import { disclosureFileRouter } from './fileRoutes'
import { DisclosureFileUploader } from './fileUploader'
import { annualReportCsvRouter, AnnualReporter } from './annualReport'
import { ApplicationRegistrar, ApplicationSubmitter } from './applicationIntake'
import { ApplicationReader } from './applicationReader'
import { ApplicationStepper } from './applicationStepper'
import { ApplicationWithdrawer } from './applicationWithdrawer'
import { CalendarYears } from './calendarYears'
import { CorrectionSubmitter } from './correctionSubmitter'
import type { DisclosureContext } from './context'
import { DailySweep } from './dailySweep'
import { FeePaymentOpener } from './feePaymentOpener'
import { FeePaymentRecorder } from './feePaymentRecorder'
import { connectWeChatPayFees } from './wechatPayFees'
import type { FeePayments as PayLedger } from '../platform/wechatpay/feePayments'
import type { FeePayments } from './feePayments'
import { FeeRefunder } from './feeRefunder'
import { DEVELOPMENT_ID_KEY, IdCipher } from './idCipher'
import { DisclosureApplicationModel } from './model'
import { disclosureHandlers } from './routes'
import { DisclosureTaskList } from './taskList'

export interface DisclosureSettings {
  /** 64 hex characters; the development key when unset (config refuses production without one). */
  idKey?: string
  feePausesClock?: boolean
  /** When the daily sweep runs (cron, Beijing time). */
  dailyCron?: string
  /** The payment provider (the WeChat Pay module); unset: online payment is off. */
  payments?: FeePayments
  /** The clock of this domain (tests move it; default the server's). */
  now?: () => Date
}

export interface DisclosureModule {
  context: DisclosureContext
  calendarYears: CalendarYears
  submitter: ApplicationSubmitter
  registrar: ApplicationRegistrar
  reader: ApplicationReader
  stepper: ApplicationStepper
  withdrawer: ApplicationWithdrawer
  payments: FeePaymentRecorder
  refunder: FeeRefunder
  sweep: DailySweep
  reporter: AnnualReporter
  jobs: JobDefinition[]
  handlers: Handlers
  reportCsvRouter(authenticate: Authenticate): Router
  /** Private files: uploads by applicants and staff, and the authorised download (docs/adr/0024). */
  fileRouter(authenticate: Authenticate, authenticateCitizen: AuthenticateCitizen): Router
  /** Where the private files' bytes are (never the public file storage). */
  fileStorage: FileStorage
  start(): Promise<void>
}

/** 依申请公开: applications, the statutory clock over the server's working calendar, handling, fees, the daily sweep and the annual report. */
export function createDisclosureModule(deps: { calendar: WorkingCalendar; now: () => Date; logger: Logger; citizenProfiles: CitizenProfiles; dataDir: string; settings?: DisclosureSettings; payLedger?: PayLedger }): DisclosureModule {
  const s = deps.settings ?? {}
  const settings: ClockSettings = { ...DEFAULT_CLOCK_SETTINGS, ...(s.feePausesClock === undefined ? {} : { feePausesClock: s.feePausesClock }) }
  const now = s.now ?? deps.now
  const calendarYears = new CalendarYears(deps.calendar, now)
  const context: DisclosureContext = { calendar: deps.calendar, settings, now, cipher: new IdCipher(s.idKey ?? DEVELOPMENT_ID_KEY), payments: s.payments, freshCalendar: () => calendarYears.refresh() }
  const recorder = new FeePaymentRecorder(context)
  // Fees paid by WeChat Pay when the server has a merchant configured (the ledger is always there; enabled only then).
  if (!context.payments && deps.payLedger?.enabled) context.payments = connectWeChatPayFees(deps.payLedger, recorder, deps.logger)
  const refunder = new FeeRefunder(context)
  // Applicants' and staff's files, apart from the public attachments so the public file route can never reach them.
  const fileStorage = new LocalDiskStorage(path.join(deps.dataDir, 'disclosure-files'))
  const binder = new FileBinder()
  const files = { uploader: new DisclosureFileUploader(context, fileStorage), reader: new DisclosureFileReader(context, fileStorage) }
  const services = {
    submitter: new ApplicationSubmitter(context, binder),
    registrar: new ApplicationRegistrar(context, binder),
    reader: new ApplicationReader(context),
    stepper: new ApplicationStepper(context, refunder, binder),
    withdrawer: new ApplicationWithdrawer(context, refunder),
    corrector: new CorrectionSubmitter(context, binder),
    paymentOpener: new FeePaymentOpener(context),
    calendarYears,
    reporter: new AnnualReporter(context),
    tasks: new DisclosureTaskList(),
  }
  const sweep = new DailySweep(context, calendarYears, deps.logger, fileStorage)
  // A deleted account loses the link to its applications; the applications themselves are the agency's records and stay.
  // Files they uploaded but never sent are erased; those that came with an application stay with it, no longer linked to the account.
  deps.citizenProfiles.onDelete(async (citizenId) => {
    await DisclosureApplicationModel.updateMany({ citizenId }, { $set: { citizenId: null } })
    await eraseCitizenFiles(citizenId, fileStorage)
  })
  // Once a day across instances; after downtime only the latest day (the sweep checks the present state).
  const daily: JobDefinition = { name: 'disclosure-daily', cron: s.dailyCron ?? '0 8 * * *', leaseMs: 30 * 60_000, run: async (ctx) => void (await sweep.run(ctx.slot)) }
  return {
    ...services,
    context,
    payments: recorder,
    refunder,
    sweep,
    jobs: [daily],
    handlers: disclosureHandlers(services),
    reportCsvRouter: (authenticate) => annualReportCsvRouter(services.reporter, authenticate),
    fileRouter: (authenticate, authenticateCitizen) => disclosureFileRouter({ ...files, authenticate, authenticateCitizen }),
    fileStorage,
    start: () => calendarYears.start(),
  }
}
