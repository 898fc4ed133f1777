import type { Middleware } from 'koa'
import type { JobDefinition } from '../jobs/scheduler'
import type { Logger } from '../logger'
import { FeePayments } from './feePayments'
import { payNotifyMiddleware } from './notifyRoute'
import { WeChatPayClient, type WeChatPaySettings } from './wechatPayClient'

/**
 * WeChat Pay as the composition root builds it. `payments` is always there: without
 * merchant credentials its operations that need WeChat Pay throw PaymentsDisabledError
 * (a clear 503 for the citizen), and there is neither a notification route nor a job.
 */
export interface PayModule {
  payments: FeePayments
  client: WeChatPayClient | null
  /** The notification route, mounted before the body parser; null when payments are off. */
  notifyMiddleware: Middleware | null
  jobs: JobDefinition[]
}

export interface PayModuleOptions extends WeChatPaySettings {
  /** Orders open this long without a notification are queried by the reconciliation job (10 by default). */
  reconcileAfterMinutes?: number
  /** When the reconciliation job runs (cron, Asia/Shanghai; every 5 minutes by default). */
  reconcileCron?: string
}

export function createPayModule(deps: { options?: PayModuleOptions; now: () => Date; logger: Logger }): PayModule {
  const client = deps.options ? new WeChatPayClient({ now: deps.now, ...deps.options }) : null
  const payments = new FeePayments(client, { now: deps.now, logger: deps.logger, reconcileAfterMinutes: deps.options?.reconcileAfterMinutes })
  if (!client) return { payments, client, notifyMiddleware: null, jobs: [] }
  const reconcile: JobDefinition = {
    name: 'wechatpay-reconcile',
    cron: deps.options?.reconcileCron ?? '*/5 * * * *',
    leaseMs: 10 * 60_000,
    run: async ({ logger }) => {
      const report = await payments.reconcile()
      if (report.checked || report.handled || report.refundsChecked) logger.info(report, 'WeChat Pay reconciliation')
    },
  }
  return { payments, client, notifyMiddleware: payNotifyMiddleware(payments, deps.logger), jobs: [reconcile] }
}
