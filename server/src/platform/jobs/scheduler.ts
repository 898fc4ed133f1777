import { randomUUID } from 'node:crypto'
import os from 'node:os'
import cron, { type ScheduledTask } from 'node-cron'
import { SHANGHAI_TIMEZONE } from '@zw/shared'
import type { Logger } from '../logger'
import { JobRun, JobState, type JobRunDoc } from './model'

export interface JobContext {
  /** The scheduled minute this run is for (UTC instant). */
  slot: Date
  trigger: JobRunDoc['trigger']
  logger: Logger
}

export interface JobDefinition {
  name: string
  /** Five-field cron expression, read in Asia/Shanghai. */
  cron: string
  /**
   * After downtime: run only the latest missed slot (a check of the present state), or
   * each missed slot in order (one report per missed week). Default 'latest'.
   */
  catchUp?: 'latest' | 'each'
  /** How long a run may hold its claim before another instance may take it over. */
  leaseMs?: number
  run(ctx: JobContext): Promise<void>
  /** Asks a run under way to end early (at shutdown); the scheduler then waits for it. */
  stop?(): void
}

const MINUTE = 60_000
/** Downtime longer than this is not scanned minute by minute; older slots are not caught up. */
const CATCH_UP_WINDOW_MS = 45 * 24 * 60 * MINUTE
const MAX_EACH = 100

const floorToMinute = (d: Date) => new Date(Math.floor(d.getTime() / MINUTE) * MINUTE)
const slotKey = (job: string, slot: Date) => `${job}@${slot.toISOString()}`

/**
 * Runs jobs on their cron schedules (node-cron, Asia/Shanghai) with their state in the
 * database: each slot runs once across all instances (the insert of its JobRun is the
 * claim), a run abandoned by a dead instance is taken over after its lease, and slots
 * missed while no instance was up are caught up at start.
 */
export class JobScheduler {
  private readonly tasks = new Map<string, ScheduledTask>()
  private readonly inFlight = new Set<Promise<unknown>>()
  private stopped = false
  readonly instance = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`

  constructor(
    private readonly jobs: JobDefinition[],
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const job of jobs) {
      if (job.cron.trim().split(/\s+/).length !== 5 || !cron.validate(job.cron)) {
        throw new Error(`job ${job.name}: "${job.cron}" is not a five-field cron expression`)
      }
    }
    const names = jobs.map((j) => j.name)
    if (new Set(names).size !== names.length) throw new Error(`duplicate job names: ${names.join(', ')}`)
  }

  /** Catches up missed slots, then schedules every job. */
  async start(): Promise<void> {
    for (const job of this.jobs) {
      const task = cron.createTask(job.cron, (ctx) => this.track(this.runSlot(job, floorToMinute(ctx.date), 'schedule')), {
        name: job.name,
        timezone: SHANGHAI_TIMEZONE,
        noOverlap: false, // overlap across instances is handled by the claim
      })
      this.tasks.set(job.name, task)
    }
    await this.catchUp()
    if (this.stopped) return
    for (const task of this.tasks.values()) await task.start()
  }

  /** Runs every missed slot that is due (see `catchUp` of each job). Safe to call anytime. */
  async catchUp(): Promise<void> {
    for (const job of this.jobs) {
      const slots = await this.missedSlots(job)
      for (const slot of slots) {
        if (this.stopped) return
        await this.track(this.runSlot(job, slot, 'catch-up'))
      }
    }
  }

  /** The slots of `job` after its last recorded run (or first sighting) up to now. */
  async missedSlots(job: JobDefinition): Promise<Date[]> {
    const now = this.now()
    const state = await JobState.findOneAndUpdate(
      { _id: job.name },
      { $setOnInsert: { firstSeenAt: now } },
      { upsert: true, new: true },
    ).lean<{ firstSeenAt: Date }>()
    const last = await JobRun.findOne({ job: job.name }).sort({ slot: -1 }).lean<JobRunDoc>()
    const from = Math.max(state!.firstSeenAt.getTime(), last?.slot.getTime() ?? 0, now.getTime() - CATCH_UP_WINDOW_MS)
    const task = this.tasks.get(job.name) ?? cron.createTask(job.cron, () => {}, { timezone: SHANGHAI_TIMEZONE })
    const slots: Date[] = []
    for (let t = floorToMinute(new Date(from)).getTime() + MINUTE; t <= now.getTime(); t += MINUTE) {
      if (task.match(new Date(t))) slots.push(new Date(t))
    }
    if (last && last.status === 'running' && last.leaseUntil < now) slots.unshift(last.slot) // abandoned
    return (job.catchUp ?? 'latest') === 'each' ? slots.slice(-MAX_EACH) : slots.slice(-1)
  }

  /**
   * Claims and runs one slot; returns false when another instance has it. A claim whose
   * lease ran out (its instance died) is taken over.
   */
  async runSlot(job: JobDefinition, slot: Date, trigger: JobRunDoc['trigger']): Promise<boolean> {
    const key = slotKey(job.name, slot)
    const startedAt = this.now()
    const leaseUntil = new Date(startedAt.getTime() + (job.leaseMs ?? 10 * MINUTE))
    let claimed = false
    try {
      await JobRun.create({ _id: key, job: job.name, slot, status: 'running', instance: this.instance, attempts: 1, startedAt, leaseUntil, trigger })
      claimed = true
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err
      const takenOver = await JobRun.findOneAndUpdate(
        { _id: key, status: 'running', leaseUntil: { $lt: startedAt } },
        { $set: { instance: this.instance, startedAt, leaseUntil, trigger }, $inc: { attempts: 1 } },
      )
      claimed = takenOver !== null
    }
    if (!claimed) return false
    const log = this.logger.child({ job: job.name, slot: slot.toISOString(), trigger })
    log.info('job run started')
    try {
      await job.run({ slot, trigger, logger: log })
      await JobRun.updateOne({ _id: key, instance: this.instance }, { $set: { status: 'succeeded', finishedAt: this.now() } })
      log.info('job run succeeded')
    } catch (err) {
      await JobRun.updateOne(
        { _id: key, instance: this.instance },
        { $set: { status: 'failed', finishedAt: this.now(), error: (err as Error).message } },
      )
      log.error({ err }, 'job run failed')
    }
    return true
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    const tracked = promise.catch((err: unknown) => {
      this.logger.error({ err }, 'job scheduling failed')
      return undefined as T
    })
    this.inFlight.add(tracked)
    void tracked.finally(() => this.inFlight.delete(tracked))
    return tracked
  }

  /** Stops scheduling, asks runs in progress to end early (jobs that can), and waits for them. */
  async stop(): Promise<void> {
    this.stopped = true
    for (const task of this.tasks.values()) await task.destroy()
    this.tasks.clear()
    for (const job of this.jobs) job.stop?.()
    await Promise.all([...this.inFlight])
  }
}
