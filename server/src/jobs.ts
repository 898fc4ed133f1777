import type { JobDefinition } from './platform/jobs/scheduler'
import type { Services } from './services'

/**
 * Every scheduled job of the server, from every domain. Each domain exports its job
 * definitions (name, cron in Asia/Shanghai, catch-up policy, run) and lists them here;
 * JobScheduler makes each slot run once across instances and catches up after downtime.
 */
export function allJobs(services: Services): JobDefinition[] {
  return [...services.review.jobs, ...services.cadence.jobs, ...services.push.jobs, ...services.channels.jobs, ...services.pay.jobs, ...services.disclosure.jobs, ...services.interaction.jobs]
}
