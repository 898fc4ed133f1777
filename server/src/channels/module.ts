import type { Logger } from '../platform/logger'
import type { JobDefinition } from '../platform/jobs/scheduler'
import type { Handlers } from '../platform/http/endpoints'
import { SecretBox } from '../platform/secretBox'
import type { PublicationEvents } from '../review/publicationEvents'
import type { ChannelAccountRegistrar } from '../cadence/channelAccountRegistrar'
import type { ChannelPostRecorder } from '../cadence/channelPostRecorder'
import type { FileStorage } from '../content/attachments/fileStorage'
import { ChannelAccountLister, ChannelAccountSaver } from './channelAccounts'
import { ChannelDeliverer, type DelivererHooks } from './channelDeliverer'
import { ChannelWithdrawer } from './channelWithdrawer'
import { DeliveryRetrier } from './deliveryRetrier'
import { ItemChannelsReader } from './itemChannels'
import { MassSender } from './massSender'
import { OutboxWriter } from './outboxWriter'
import { channelHandlers } from './routes'
import { DEFAULT_CHANNEL_SETTINGS, type ChannelDeps, type ChannelSettings } from './channelSettings'

export interface ChannelsModule {
  outbox: OutboxWriter
  deliverer: ChannelDeliverer
  withdrawer: ChannelWithdrawer
  handlers: Handlers
  jobs: JobDefinition[]
  deps: ChannelDeps
  /** A deliverer of its own (tests: a second worker, one that "dies" at a hook). */
  newDeliverer(hooks?: DelivererHooks): ChannelDeliverer
  /** Starts this process's worker loop (when `workerPollMs` is set): sends what is due every so often, besides the every-minute job. */
  start(): void
  stop(): Promise<void>
}

export interface ChannelsOptions extends Partial<Omit<ChannelSettings, 'retry'>> {
  credentialsKey?: string
  production?: boolean
  /** This process's worker loop interval (ms); absent or 0: only the job (tests drive the deliverer themselves). */
  workerPollMs?: number
  retry?: Partial<ChannelSettings['retry']>
}

/**
 * The channels domain (两微, issue 8): the department's 公众号 / 微博 accounts, the outbox
 * written when an edition is published, its delivery, corrections on withdrawal, 群发.
 */
export function createChannelsModule(deps: { now: () => Date; logger: Logger; publications: PublicationEvents; registrar: ChannelAccountRegistrar; posts: ChannelPostRecorder; storage?: FileStorage; options?: ChannelsOptions }): ChannelsModule {
  const o = deps.options ?? {}
  const settings: ChannelSettings = {
    ...DEFAULT_CHANNEL_SETTINGS,
    ...Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'credentialsKey' && k !== 'production' && k !== 'retry' && k !== 'workerPollMs')),
    retry: { ...DEFAULT_CHANNEL_SETTINGS.retry, ...o.retry },
  }
  const cdeps: ChannelDeps = { box: new SecretBox(o.credentialsKey, o.production ?? false), settings, now: deps.now }
  const outbox = new OutboxWriter(cdeps)
  const withdrawer = new ChannelWithdrawer(cdeps, deps.logger)
  // In the publication step: the outbox is written before the edition is marked done (a crash in between is finished by the repair).
  deps.publications.onPublished(async (e) => {
    await outbox.published(e)
  })
  deps.publications.onWithdrawn((itemId) => withdrawer.withdrawn(itemId))
  deps.publications.onTakenDown((itemId) => withdrawer.withdrawn(itemId))
  const newDeliverer = (hooks?: DelivererHooks) => new ChannelDeliverer(cdeps, deps.posts, deps.logger, hooks, deps.storage)
  const deliverer = newDeliverer()
  // One pass at a time in this process, whether the loop or the job starts it: a record
  // whose lease ran out while its share was still on the wire must not be taken by the
  // other and reported as interrupted (records are leased, so other instances' passes
  // never send one twice either).
  let running: Promise<number> | null = null
  const pass = (): Promise<number> =>
    (running ??= deliverer.runDue().finally(() => {
      running = null
    }))
  const jobs: JobDefinition[] = [
    {
      name: 'deliver-channel-posts',
      cron: '* * * * *',
      catchUp: 'latest',
      run: async ({ logger }) => {
        // Several passes a minute would be nicer; a minute is what the scheduler gives, and one pass takes what is due.
        const n = await pass()
        if (n) logger.info({ deliveries: n }, 'channel deliveries worked on')
      },
    },
    {
      name: 'sweep-channel-outbox',
      cron: '*/10 * * * *',
      catchUp: 'latest',
      run: async ({ logger }) => {
        const n = await outbox.sweep()
        if (n) logger.warn({ written: n }, 'missing channel outbox records written')
      },
    },
  ]
  const handlers = channelHandlers({ lister: new ChannelAccountLister(), saver: new ChannelAccountSaver(cdeps, deps.registrar), reader: new ItemChannelsReader(), retrier: new DeliveryRetrier(cdeps), massSender: new MassSender(cdeps) })
  // The loop (when configured): a pass every CHANNEL_WORKER_POLL_MS, never two at once.
  let timer: ReturnType<typeof setInterval> | undefined
  return {
    outbox,
    deliverer,
    withdrawer,
    handlers,
    jobs,
    deps: cdeps,
    newDeliverer,
    start: () => {
      if (o.workerPollMs && !timer) timer = setInterval(() => void pass().catch((err: unknown) => deps.logger.error({ err }, 'channel worker pass failed')), o.workerPollMs)
    },
    stop: async () => {
      if (timer) clearInterval(timer)
      timer = undefined
      await running?.catch(() => undefined)
    },
  }
}
