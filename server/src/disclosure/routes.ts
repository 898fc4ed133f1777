import type { Handlers } from '../platform/http/endpoints'
import type { AnnualReporter } from './annualReport'
import type { ApplicationRegistrar, ApplicationSubmitter } from './applicationIntake'
import type { ApplicationReader } from './applicationReader'
import type { ApplicationStepper } from './applicationStepper'
import type { ApplicationWithdrawer } from './applicationWithdrawer'
import type { CalendarYears } from './calendarYears'
import type { CorrectionSubmitter } from './correctionSubmitter'
import type { FeePaymentOpener } from './feePaymentOpener'
import type { DisclosureTaskList } from './taskList'

/** The disclosure domain's HTTP handlers: parse (done by the binding) and hand over to the services. */
export function disclosureHandlers(d: { submitter: ApplicationSubmitter; registrar: ApplicationRegistrar; reader: ApplicationReader; stepper: ApplicationStepper; withdrawer: ApplicationWithdrawer; corrector: CorrectionSubmitter; paymentOpener: FeePaymentOpener; calendarYears: CalendarYears; reporter: AnnualReporter; tasks: DisclosureTaskList }): Handlers {
  return {
    submitDisclosure: ({ citizen, body }) => d.submitter.submit(citizen, body),
    listMyDisclosures: ({ citizen }) => d.reader.listMine(citizen),
    getMyDisclosure: ({ citizen, params }) => d.reader.getMine(citizen, params.id),
    withdrawMyDisclosure: ({ citizen, params }) => d.withdrawer.withdraw(citizen, params.id),
    correctMyDisclosure: ({ citizen, params, body }) => d.corrector.submit(citizen, params.id, body),
    payDisclosureFee: ({ citizen, params }) => d.paymentOpener.open(citizen, params.id),
    listDisclosures: ({ staff, query }) => d.reader.listForStaff(staff, query),
    registerDisclosure: ({ staff, body }) => d.registrar.register(staff, body),
    getDisclosure: ({ staff, params }) => d.reader.getForStaff(staff, params.id),
    actOnDisclosure: ({ staff, params, body }) => d.stepper.take(staff, params.id, body),
    listDisclosureTasks: ({ staff }) => d.tasks.list(staff),
    getWorkingCalendar: () => d.calendarYears.status(),
    loadWorkingCalendarYear: ({ staff, params, body }) => d.calendarYears.load(staff, params.year, body),
    getDisclosureReport: ({ staff, query }) => d.reporter.report(staff, query),
    setDisclosureReportEntries: ({ staff, body }) => d.reporter.setEntries(staff, body),
  }
}
