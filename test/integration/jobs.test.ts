import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Writable } from 'node:stream'
import { connectDatabase, type Database } from '../../server/src/platform/db'
import { createLogger } from '../../server/src/platform/logger'
import { JobScheduler, type JobDefinition } from '../../server/src/platform/jobs/scheduler'
import { JobRun, JobState } from '../../server/src/platform/jobs/model'
import { freshDatabaseUri } from '../support/database'

const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) })
let db: Database
beforeAll(async () => {
  db = connectDatabase(freshDatabaseUri('jobs'), { logger, connectTimeoutMs: 5000 })
  await db.ready
})
afterAll(() => db.close())
beforeEach(async () => {
  await JobRun.deleteMany({})
  await JobState.deleteMany({})
})

/** A job that records the slots it ran for. */
function recordingJob(name: string, cronExpr: string, extra: Partial<JobDefinition> = {}) {
  const ran: string[] = []
  const job: JobDefinition = {
    name,
    cron: cronExpr,
    ...extra,
    run: async ({ slot }) => {
      await new Promise((r) => setTimeout(r, 20))
      ran.push(slot.toISOString())
      if (extra.run) await extra.run({ slot, trigger: 'schedule', logger })
    },
  }
  return { job, ran }
}

// Monday 2026-11-23 09:00 in Beijing is 01:00 UTC.
const MONDAY_9AM = new Date('2026-11-23T01:00:00Z')

describe('a job slot reached by several instances', () => {
  it('runs exactly once', async () => {
    const { job, ran } = recordingJob('weekly-report', '0 9 * * 1')
    const instances = [1, 2, 3].map(() => new JobScheduler([job], logger))
    const results = await Promise.all(instances.map((s) => s.runSlot(job, MONDAY_9AM, 'schedule')))
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(ran).toEqual([MONDAY_9AM.toISOString()])
    const run = await JobRun.findById(`weekly-report@${MONDAY_9AM.toISOString()}`).lean()
    expect(run).toMatchObject({ status: 'succeeded', attempts: 1, trigger: 'schedule' })
  })
})

describe('after downtime', () => {
  it("catches up each missed weekly slot once, in order, when the job asks for 'each'", async () => {
    const { job, ran } = recordingJob('weekly-report', '0 9 * * 1', { catchUp: 'each' })
    await JobState.create({ _id: job.name, firstSeenAt: new Date('2026-11-01T00:00:00Z') })
    const now = () => new Date('2026-11-23T03:00:00Z') // Monday 11:00 Beijing
    const first = new JobScheduler([job], logger, now)
    await first.start()
    await first.stop()
    expect(ran).toEqual(['2026-11-02T01:00:00.000Z', '2026-11-09T01:00:00.000Z', '2026-11-16T01:00:00.000Z', '2026-11-23T01:00:00.000Z'])
    // A second instance starting later finds nothing missed.
    const second = new JobScheduler([job], logger, now)
    await second.start()
    await second.stop()
    expect(ran).toHaveLength(4)
    expect(await JobRun.countDocuments({ job: job.name, trigger: 'catch-up' })).toBe(4)
  })

  it("runs only the latest missed slot by default", async () => {
    const { job, ran } = recordingJob('floor-check', '0 8 * * *')
    await JobState.create({ _id: job.name, firstSeenAt: new Date('2026-11-10T00:00:00Z') })
    const s = new JobScheduler([job], logger, () => new Date('2026-11-21T12:00:00Z'))
    await s.start()
    await s.stop()
    expect(ran).toEqual(['2026-11-21T00:00:00.000Z']) // 08:00 Beijing on the 21st
  })

  it('does not invent missed runs for a job it has never seen', async () => {
    const { job, ran } = recordingJob('new-job', '* * * * *')
    const s = new JobScheduler([job], logger)
    await s.catchUp()
    expect(ran).toEqual([])
    expect(await JobState.findById('new-job')).not.toBeNull()
  })

  it('takes over a run whose instance died, once its lease has run out', async () => {
    const { job, ran } = recordingJob('floor-check', '0 8 * * *')
    const slot = new Date('2026-11-21T00:00:00Z')
    await JobState.create({ _id: job.name, firstSeenAt: new Date('2026-11-01T00:00:00Z') })
    await JobRun.create({ _id: `floor-check@${slot.toISOString()}`, job: job.name, slot, status: 'running', instance: 'dead-host:1', attempts: 1, startedAt: new Date('2026-11-21T00:00:01Z'), leaseUntil: new Date('2026-11-21T00:10:00Z'), trigger: 'schedule' })
    const stillLeased = new JobScheduler([job], logger, () => new Date('2026-11-21T00:05:00Z'))
    expect(await stillLeased.runSlot(job, slot, 'schedule')).toBe(false)
    const later = new JobScheduler([job], logger, () => new Date('2026-11-21T01:00:00Z'))
    await later.catchUp()
    expect(ran).toEqual([slot.toISOString()])
    expect(await JobRun.findById(`floor-check@${slot.toISOString()}`).lean()).toMatchObject({ status: 'succeeded', attempts: 2, instance: later.instance })
  })
})

describe('a failing job', () => {
  it('records the failure and the next slot still runs', async () => {
    let calls = 0
    const job: JobDefinition = {
      name: 'flaky',
      cron: '0 * * * *',
      run: async () => {
        calls += 1
        if (calls === 1) throw new Error('platform timed out')
      },
    }
    const s = new JobScheduler([job], logger)
    await s.runSlot(job, new Date('2026-11-21T01:00:00Z'), 'schedule')
    await s.runSlot(job, new Date('2026-11-21T02:00:00Z'), 'schedule')
    const runs = await JobRun.find({ job: 'flaky' }).sort({ slot: 1 }).lean()
    expect(runs.map((r) => [r.status, r.error ?? null])).toEqual([['failed', 'platform timed out'], ['succeeded', null]])
  })
})

describe('stopping', () => {
  it('waits for a run in progress before it resolves', async () => {
    let finished = false
    const job: JobDefinition = {
      name: 'slow',
      cron: '0 8 * * *',
      run: async () => {
        await new Promise((r) => setTimeout(r, 300))
        finished = true
      },
    }
    await JobState.create({ _id: 'slow', firstSeenAt: new Date('2026-11-01T00:00:00Z') })
    const s = new JobScheduler([job], logger, () => new Date('2026-11-21T12:00:00Z'))
    const starting = s.start()
    await new Promise((r) => setTimeout(r, 50))
    await s.stop()
    expect(finished).toBe(true)
    await starting
  })

  it('asks a run in progress that can end early to do so, then waits for it', async () => {
    let release!: () => void
    const asked = new Promise<void>((r) => (release = r))
    let stopCalls = 0
    let finished = false
    const job: JobDefinition = {
      name: 'long-campaign',
      cron: '0 8 * * *',
      // Would run until told to stop (a campaign being sent).
      run: async () => {
        await asked
        finished = true
      },
      stop: () => {
        stopCalls++
        release()
      },
    }
    await JobState.create({ _id: 'long-campaign', firstSeenAt: new Date('2026-11-01T00:00:00Z') })
    const s = new JobScheduler([job], logger, () => new Date('2026-11-21T12:00:00Z'))
    const starting = s.start()
    await new Promise((r) => setTimeout(r, 50))
    expect(finished).toBe(false)
    await s.stop()
    expect(stopCalls).toBe(1)
    expect(finished).toBe(true)
    await starting
  })

  it('refuses a cron expression it cannot schedule by the minute', () => {
    expect(() => new JobScheduler([{ name: 'x', cron: '*/5 * * * * *', run: async () => {} }], logger)).toThrow(/five-field/)
    expect(() => new JobScheduler([{ name: 'x', cron: 'every monday', run: async () => {} }], logger)).toThrow(/five-field/)
  })
})
