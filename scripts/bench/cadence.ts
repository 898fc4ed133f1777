/**
 * `npm run bench:cadence [-- --accounts 1000 --weeks 52 --runs 10 --data DIR]`
 *
 * Seeds publishing accounts (four channels per department) with `--weeks` ISO weeks of
 * publication records (0–4 a week, some minor or re-posts: ≈ 100,000 for 1,000 × 52),
 * their columns and some floor breaches into the embedded database, then computes the
 * platform's 合规概览 (ComplianceOverview, as the workbench asks for it) once cold and
 * `--runs` times warm, and one department's 更新频次 dashboard; reports the times and the
 * database's plan for the weekly-count aggregation. Writes bench-results/cadence.json.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import mongoose from 'mongoose'
import { addWeeks, countsAsUpdate, weekBounds, weekKey } from '@zw/shared'
import { startFerretDb } from '../../server/src/platform/embeddedDb'
import { ensureIndexes } from '../../server/src/platform/db'
import { AccountPublicationModel, CHANNELS } from '../../server/src/cadence/model'
import { ComplianceOverview } from '../../server/src/cadence/complianceOverview'
import { CadenceDashboard } from '../../server/src/cadence/cadenceDashboard'
import '../../server/src/content/model'
import '../../server/src/review/model'
import type { StaffPrincipal } from '../../server/src/auth/principal'

const ROOT = path.resolve(import.meta.dirname, '../..')
const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    weeks: { type: 'string', default: '52' },
    runs: { type: 'string', default: '10' },
    data: { type: 'string' },
  },
})
const ACCOUNTS = Number(values.accounts)
const WEEKS = Number(values.weeks)
const RUNS = Number(values.runs)
const TARGET_WARM_MS = 1000
const log = (msg: string) => process.stdout.write(`[bench:cadence] ${msg}\n`)

const keep = values.data ? path.resolve(values.data) : undefined
const dataDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'zw-bench-cadence-'))
const db = await startFerretDb({ dataDir, dbName: 'bench_cadence' })
process.on('exit', () => {
  if (!keep) fs.rmSync(dataDir, { recursive: true, force: true })
})
await mongoose.connect(db.uri, { maxPoolSize: 1 })
await ensureIndexes()

// Wednesday noon of the week after the seeded ones (Beijing).
const now = new Date(weekBounds(weekKey(new Date('2026-11-25T04:00:00Z'))).start.getTime() + 2.5 * 86_400_000)
const currentWeek = weekKey(now)
const firstWeek = addWeeks(currentWeek, -WEEKS)
const marker = path.join(dataDir, `seeded-${ACCOUNTS}x${WEEKS}.json`)

// A fixed pseudo-random sequence, so every run seeds the same data.
let seed = 20261122
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)

let publications = 0
let seedSeconds = 0
if (fs.existsSync(marker)) {
  ;({ publications, seedSeconds } = JSON.parse(fs.readFileSync(marker, 'utf8')) as { publications: number; seedSeconds: number })
  log(`reusing ${ACCOUNTS} accounts × ${WEEKS} weeks (${publications} publications) seeded earlier in ${dataDir}`)
} else {
  const started = Date.now()
  log(`seeding ${ACCOUNTS} accounts × ${WEEKS} weeks…`)
  const createdAt = weekBounds(firstWeek).start
  const accounts = []
  const columns = []
  const breaches = []
  // Written as the recorder writes them: the records, and the weekly tallies of those that count.
  const raw = (name: string) => mongoose.connection.db!.collection<{ _id: string; [field: string]: unknown }>(name)
  const tallies = new Map<string, Record<string, number>>()
  let batch: { _id: string; [field: string]: unknown }[] = []
  const flush = async () => {
    if (batch.length) await raw('account_publications').insertMany(batch, { ordered: false })
    batch = []
  }
  for (let i = 0; i < ACCOUNTS; i++) {
    const department = `bench-dept-${String(Math.floor(i / CHANNELS.length)).padStart(4, '0')}`
    const channel = CHANNELS[i % CHANNELS.length]!
    const accountId = `${channel}:${department}`
    let lastUpdateAt: Date | null = null
    // Some accounts fall quiet for the last weeks (to be at risk, or in breach).
    const quietFrom = random() < 0.1 ? WEEKS - 1 - Math.floor(random() * 4) : WEEKS + 1
    // The history, and the current week up to now.
    for (let w = 0; w <= WEEKS; w++) {
      const week = addWeeks(firstWeek, w)
      const start = weekBounds(week).start.getTime()
      const count = w >= quietFrom ? 0 : Math.floor(random() * 5)
      for (let k = 0; k < count; k++) {
        const at = new Date(start + Math.floor(random() * 7 * 86_400_000))
        if (at > now) continue
        const minor = random() < 0.05
        const duplicateOf = random() < 0.02 ? `item-${i}-${w}-dup` : null
        const entry = { at, state: 'published' as const, minor, unpublishedInError: false, duplicateOf }
        const counts = countsAsUpdate(entry)
        if (counts && (!lastUpdateAt || at > lastUpdateAt)) lastUpdateAt = at
        if (counts) {
          const tally = tallies.get(week) ?? {}
          tally[accountId] = (tally[accountId] ?? 0) + 1
          tallies.set(week, tally)
        }
        batch.push({ _id: `${accountId}:item-${i}-${w}-${k}:1`, accountId, itemId: `item-${i}-${w}-${k}`, edition: 1, column: channel === 'miniprogram' ? 'policy' : 'news', title: `第 ${w} 周第 ${k} 条`, text: '', at, week, minor, unpublishedInError: false, duplicateOf, counts })
        publications += 1
        if (batch.length === 1000) await flush()
      }
    }
    accounts.push({ _id: accountId, department, channel, name: `${department}（${channel}）`, minPerWeek: [1, 2, 2, 3][i % 4], maxGapDays: 14, paused: random() < 0.02 ? { reason: '账号注销中', at: createdAt, by: 'bench' } : null, lastUpdateAt, createdAt })
    for (const code of channel === 'miniprogram' ? ['policy', 'interpretation', 'guide'] : ['news', 'notice']) {
      columns.push({ _id: `${accountId}:${code}`, accountId, department, code, name: code, kind: code, staleAfterDays: code === 'news' ? 14 : 183, active: true, lastUpdateAt: code === 'policy' || code === 'news' ? lastUpdateAt : null, createdAt })
    }
    if (quietFrom < WEEKS - 2) breaches.push({ _id: `floor-breach:${accountId}:bench`, kind: 'floor-breach', accountId, department, week: addWeeks(currentWeek, -1), audience: 'department-admin', createdAt: new Date(now.getTime() - 86_400_000), details: { daysWithoutUpdate: 15 } })
  }
  await flush()
  await raw('publishing_accounts').insertMany(accounts)
  await raw('account_columns').insertMany(columns)
  await raw('cadence_week_tallies').insertMany([...tallies.entries()].map(([week, counts]) => ({ _id: week, counts })))
  if (breaches.length) await raw('cadence_warnings').insertMany(breaches)
  seedSeconds = (Date.now() - started) / 1000
  log(`seeded ${publications} publications in ${seedSeconds.toFixed(1)} s`)
  if (keep) fs.writeFileSync(marker, JSON.stringify({ publications, seedSeconds }))
}

const platformAdmin: StaffPrincipal = { id: 'bench', username: 'bench', displayName: 'bench', department: 'guiyang-hrss', roles: ['platform-admin'], sessionId: 'bench', ip: '127.0.0.1', userAgent: 'bench' }
// No content in this benchmark: every column is blank (the read model answers from memory in the server).
const content = { listedByColumn: () => new Map(), coverageFacts: () => ({ policies: [], interpretations: [] }) }
const overview = new ComplianceOverview(content)
const dashboard = new CadenceDashboard(content)
const time = async <T>(fn: () => Promise<T>) => {
  const t0 = process.hrtime.bigint()
  const result = await fn()
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result }
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const round = (x: number) => Math.round(x * 10) / 10
  return { median: round(s[Math.floor(s.length / 2)]!), p95: round(s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!), max: round(s.at(-1)!), min: round(s[0]!) }
}

const cold = await time(() => overview.of(platformAdmin, now))
const warm: number[] = []
for (let i = 0; i < RUNS; i++) warm.push((await time(() => overview.of(platformAdmin, now))).ms)
const o = cold.result
log(`platform overview: cold ${cold.ms.toFixed(0)} ms; warm ${JSON.stringify(stats(warm))} ms — ${o.departments.length} departments, ${o.atRisk.length} at risk, ${o.breaches.length} breaches, ${o.columns.length} problem columns`)

const oneDepartment = 'bench-dept-0007'
const deptWarm: number[] = []
await dashboard.of(platformAdmin, now, oneDepartment)
for (let i = 0; i < RUNS; i++) deptWarm.push((await time(() => dashboard.of(platformAdmin, now, oneDepartment))).ms)
log(`department dashboard (${CHANNELS.length} accounts): warm ${JSON.stringify(stats(deptWarm))} ms`)

// The database's plans: the weekly counts (12 tally documents by _id) against counting
// the publication records of the same weeks (what the first version did).
const weeks = Array.from({ length: 12 }, (_, i) => addWeeks(currentWeek, i - 11))
const explainOf = async (command: Record<string, unknown>) => (await mongoose.connection.db!.command({ explain: command, verbosity: 'queryPlanner' })) as Record<string, unknown>
const talliesFilter = { _id: weeks.at(-1)! }
const talliesPlan = await explainOf({ find: 'cadence_week_tallies', filter: talliesFilter })
const pipeline = [{ $match: { week: { $gte: weeks[0]!, $lte: weeks.at(-1)! }, counts: true } }, { $group: { _id: { a: '$accountId', w: '$week' }, n: { $sum: 1 } } }]
const recordsPlan = await explainOf({ aggregate: 'account_publications', pipeline, cursor: {} })
const recordsCount = await time(() => AccountPublicationModel.aggregate(pipeline))
const indexes = (await AccountPublicationModel.collection.indexes()).map((i) => ({ name: i.name, key: i.key }))
log(`tallies (one of 12 lookups): ${JSON.stringify(talliesPlan.queryPlanner)} pushdown ${String(talliesPlan.filterPushdown)}`)
log(`counting the records instead: ${recordsCount.ms.toFixed(0)} ms, plan ${JSON.stringify(recordsPlan.queryPlanner)} pushdown ${String(recordsPlan.filterPushdown)}`)

const report = {
  benchmark: 'cadence',
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  database: 'FerretDB v1.24.0 (SQLite), embedded',
  accounts: ACCOUNTS,
  weeks: WEEKS,
  publications,
  seedSeconds,
  platformOverviewMs: { cold: Math.round(cold.ms * 10) / 10, warm: stats(warm), runs: RUNS },
  departmentDashboardMs: { warm: stats(deptWarm), accounts: CHANNELS.length },
  overview: { departments: o.departments.length, atRisk: o.atRisk.length, breaches: o.breaches.length, problemColumns: o.columns.length, currentWeekRate: o.weeks.at(-1)!.rate },
  queries: {
    weeklyCounts: { collection: 'cadence_week_tallies', filter: talliesFilter, lookups: weeks.length, index: '_id_ (one document per ISO week; FerretDB pushes _id equality down to SQLite)', plan: talliesPlan },
    countingRecordsInstead: { collection: 'account_publications', pipeline, ms: Math.round(recordsCount.ms), index: 'week_1 on MongoDB; FerretDB v1 (SQLite) scans', plan: recordsPlan },
    accounts: { collection: 'publishing_accounts', filter: 'all (platform) or { department } (department_1)' },
    breaches: { collection: 'cadence_warnings', filter: "{ kind: 'floor-breach', createdAt: this quarter }", index: 'kind_1_createdAt_-1' },
    columns: { collection: 'account_columns', filter: 'all (platform) or { accountId: { $in } } (accountId_1)' },
    indexesOnPublications: indexes,
  },
  target: { platformOverviewWarmMs: TARGET_WARM_MS },
  pass: { platformOverviewWarm: stats(warm).median <= TARGET_WARM_MS },
}
fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true })
fs.writeFileSync(path.join(ROOT, 'bench-results', 'cadence.json'), `${JSON.stringify(report, null, 2)}\n`)
log(JSON.stringify({ platformOverviewMs: report.platformOverviewMs, pass: report.pass }))
await mongoose.disconnect()
await db.stop()
process.exit(0)
