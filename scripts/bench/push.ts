/**
 * `npm run bench:push [-- --citizens 100000] [-- --million] [-- --rate 500] [-- --data DIR]
 *                     [-- --window 64] [-- --in-flight 2] [-- --latency 0]`
 *
 * Seeds citizens who all match one campaign (long-term consent), then in one run:
 * 1. the fake WeChat's raw capacity: autocannon against its subscribe/send with the
 *    sender's concurrency (its connections, `wechatConnectionsFor`), no rate limit; the
 *    fake answers after `--latency` ms (0: at once), here and in 3 and 4;
 * 2. the time to resolve the audience (one streamed pass over the accounts, matched);
 *    then the database's own ceiling: accounts read and records written per second, so
 *    the delivery rate can be read against what the database allows;
 * 3. delivery: a push worker process sends the campaign to everyone; messages/s while
 *    sending, and the worker's peak RSS;
 * 4. with PUSH_WECHAT_RATE_PER_SECOND = --rate, a second campaign to a part of them: the
 *    achieved rate over its steady middle.
 * Writes bench-results/push.json (push-million.json with `--million`, which seeds
 * 1,000,000: slow, minutes; `-latency-N` added with a latency); `--profile DIR`
 * writes a CPU profile of the delivery run's worker there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import mongoose from 'mongoose'
import { audienceIncludes } from '@zw/shared'
import { startFerretDb } from '../../server/src/platform/embeddedDb'
import { wechatConnectionsFor } from '../../server/src/push/pushSettings'

const ROOT = path.resolve(import.meta.dirname, '../..')
const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '100000' },
    million: { type: 'boolean', default: false },
    rate: { type: 'string', default: '500' },
    window: { type: 'string', default: '64' },
    // The fake answers each message after this many ms (0: at once); raw capacity and delivery are both measured against it.
    latency: { type: 'string', default: '0' },
    // Windows handed over and still out while the next is recorded (PUSH_WINDOWS_IN_FLIGHT).
    'in-flight': { type: 'string', default: '2' },
    data: { type: 'string' },
    // Write a CPU profile of the unlimited delivery run's worker to this folder.
    profile: { type: 'string' },
  },
})
const CITIZENS = values.million ? 1_000_000 : Number(values.citizens)
const RATE = Number(values.rate)
const WINDOW = Number(values.window)
const LATENCY_MS = Number(values.latency)
const WINDOWS_IN_FLIGHT = Number(values['in-flight'])
/** The sender's connections to WeChat (`wechatConnectionsFor`): the raw load uses as many. */
const CONCURRENCY = wechatConnectionsFor({ window: WINDOW, windowsInFlight: WINDOWS_IN_FLIGHT })
const TEMPLATE = 'TPL-BENCH-NOTICE'
const TARGETS = { deliveryVsRaw: 0.7, rssMbAtMillion: 400, rateWithinPct: 5 }
const log = (msg: string) => process.stdout.write(`[bench:push] ${msg}\n`)

const dataDir = values.data ?? fs.mkdtempSync(path.join(os.tmpdir(), 'zw-bench-push-'))
const db = await startFerretDb({ dataDir, dbName: 'benchpush' })
const conn = await mongoose.createConnection(db.uri, { maxPoolSize: 1 }).asPromise()
const accounts = conn.db!.collection('citizen_accounts')

// Seed (kept in --data for the next run with the same number).
const seededFile = path.join(dataDir, `seeded-${CITIZENS}.json`)
let seedSeconds = 0
if (!fs.existsSync(seededFile)) {
  await conn.db!.dropDatabase()
  const t0 = performance.now()
  const now = new Date()
  for (let i = 0; i < CITIZENS; i += 1000) {
    await accounts.insertMany(
      Array.from({ length: Math.min(1000, CITIZENS - i) }, (_, j) => ({
        _id: `bench-${String(i + j).padStart(7, '0')}` as never,
        openid: `o-bench-${i + j}`,
        region: '410721000000',
        groups: [],
        mobile: null,
        subscriptions: [{ topic: 'land-acquisition-compensation', region: '410721000000', frequency: 'immediate', digestAt: null }],
        consents: [{ templateId: TEMPLATE, kind: 'long-term', granted: 1, usedFloor: 0, updatedAt: now }],
        createdAt: now,
        lastLogInAt: now,
      })),
      { ordered: false },
    )
    if ((i / 1000) % 100 === 0) log(`seeded ${i}`)
  }
  seedSeconds = Math.round((performance.now() - t0) / 100) / 10
  fs.writeFileSync(seededFile, JSON.stringify({ citizens: CITIZENS }))
  log(`seeded ${CITIZENS} citizens in ${seedSeconds} s`)
} else {
  for (const c of ['push_campaigns', 'push_deliveries', 'push_delivery_outcomes', 'push_day_slots', 'push_consent_uses']) await conn.db!.collection(c).drop().catch(() => undefined)
}

// The fake WeChat in its own process.
function startFake(): Promise<{ child: ChildProcess; url: string; appId: string; appSecret: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/fakeWeChatMain.ts'), '--accept-all', '--lean', '--latency', String(LATENCY_MS), '--template', TEMPLATE], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const line = out.split('\n').find((l) => l.startsWith('{'))
      if (line) resolve({ child, ...(JSON.parse(line) as { url: string; appId: string; appSecret: string }) })
    })
    child.once('exit', (code) => reject(new Error(`fake WeChat exited ${code}`)))
  })
}
const fake = await startFake()
const stats = async () => (await (await fetch(`${fake.url}/__fake/stats`)).json()) as { delivered: number; sendCalls: number }

// 1. Raw capacity of the fake: the same request the sender makes, same concurrency.
const token = ((await (await fetch(`${fake.url}/cgi-bin/stable_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credential', appid: fake.appId, secret: fake.appSecret }) })).json()) as { access_token: string }).access_token
const sample = { touser: 'o-bench-raw', template_id: TEMPLATE, page: 'pages/policy/index?id=x&c=y&d=z', data: { thing1: { value: '征地补偿标准调整' }, thing2: { value: '新乡市人民政府办公室' }, time3: { value: '2026-11-22 09:00' } }, lang: 'zh_CN', miniprogram_state: 'formal' }
const raw = await autocannon({ url: `${fake.url}/cgi-bin/message/subscribe/send?access_token=${token}`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sample), connections: CONCURRENCY, duration: 10 })
const rawPerSecond = Math.round(raw.requests.average)
log(`fake raw capacity: ${rawPerSecond} req/s at ${CONCURRENCY} connections, answers after ${LATENCY_MS} ms (non-2xx ${raw.non2xx})`)

// 2. Resolving the audience: one streamed pass, matched by the shared rule.
const rule = { topics: ['land-acquisition-compensation'], topicMatch: 'any' as const, regions: ['410700000000'], groups: [] }
let t = performance.now()
let matching = 0
for await (const a of accounts.find({}, { projection: { groups: 1, subscriptions: 1 } }).batchSize(1000)) {
  if (audienceIncludes(rule, { groups: (a.groups as string[]) ?? [], subscriptions: (a.subscriptions as { topic: string; region: string }[]) ?? [] })) matching++
}
const resolveSeconds = Math.round((performance.now() - t) / 100) / 10
log(`audience resolved: ${matching} in ${resolveSeconds} s`)

// 2b. What the database allows at most, whatever the sender does: per message it reads one
// account and writes three records (daily-cap slot, delivery, outcome; ADR 0015/0016).
// Measured here: windows of slim records with a unique _id and one index, as the sender writes them.
const journal = conn.db!.collection('bench_journal')
await journal.drop().catch(() => undefined)
await journal.createIndex({ campaignId: 1 })
const JOURNAL_DOCS = Math.min(20_000, CITIZENS)
t = performance.now()
for (let i = 0; i < JOURNAL_DOCS; i += WINDOW) {
  await journal.insertMany(Array.from({ length: Math.min(WINDOW, JOURNAL_DOCS - i) }, (_, j) => ({ _id: `bench-campaign:bench-${String(i + j).padStart(7, '0')}` as never, campaignId: 'bench-campaign', citizenId: `bench-${i + j}`, at: new Date() })), { ordered: false })
}
const journalPerSecond = Math.round(JOURNAL_DOCS / ((performance.now() - t) / 1000))
await journal.drop().catch(() => undefined)
const accountsPerSecond = Math.round(CITIZENS / resolveSeconds)
const databaseCeiling = Math.round(1 / (1 / accountsPerSecond + 3 / journalPerSecond))
log(`database alone: accounts read ${accountsPerSecond}/s, records written ${journalPerSecond}/s in windows of ${WINDOW}: at most ${databaseCeiling} messages/s`)

// 3. Delivery by a push worker.
const campaigns = conn.db!.collection('push_campaigns')
const campaignDoc = (name: string, regions: string[]) => {
  const now = new Date()
  const _id = new mongoose.Types.ObjectId()
  return {
    _id, kind: 'campaign', key: `bench:${_id.toString()}`, sourceCampaigns: [], itemTags: null, name, department: 'xinxiang-gov-office', state: 'scheduled',
    audience: { ...rule, regions }, itemId: 'bench-item', itemTitle: '征地补偿', itemPage: 'pages/policy/index?id=bench-item',
    message: { title: '征地补偿标准调整', text: '请查看。' }, channels: { wechat: true, sms: false }, sendAt: null, urgent: true, makers: ['a'],
    createdBy: { id: 'a', name: 'a' }, approvedBy: { id: 'b', name: 'b' }, stats: { targeted: 0, sent: { wechat: 0, sms: 0, inbox: 0 }, failed: {}, skipped: { cap: 0, noConsent: 0 }, unconfirmed: 0, inboxRead: 0, linkOpened: 0 },
    lease: null, runs: 0, waitingUntil: null, createdAt: now, updatedAt: now,
  }
}
// The worker as production runs it: the bundle, built now from the sources (never a stale one).
const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts'], { cwd: ROOT, stdio: 'ignore' })
if (built.status !== 0) throw new Error('building server/dist failed (npm run build:server)')
function startWorker(rate: number, profileDir?: string): ChildProcess {
  const entry = ['server/dist/pushWorker.js']
  return spawn(process.execPath, ['--enable-source-maps', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...entry], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', DISCLOSURE_ID_KEY: 'ab'.repeat(32), LOG_LEVEL: 'warn', MONGODB_URI: db.uri, WECHAT_API_BASE_URL: fake.url, WECHAT_APP_ID: fake.appId, WECHAT_APP_SECRET: fake.appSecret, WECHAT_PUSH_TEMPLATE_ID: TEMPLATE, PUSH_WINDOW: String(WINDOW), PUSH_WINDOWS_IN_FLIGHT: String(WINDOWS_IN_FLIGHT), PUSH_WORKER_POLL_MS: '200', PUSH_WECHAT_RATE_PER_SECOND: String(rate) },
  })
}
const rssMbOf = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Math.round(Number(m[1]) / 1024) : 0
  } catch {
    return 0
  }
}
const stateOf = async (id: mongoose.Types.ObjectId) => (await campaigns.findOne({ _id: id }))?.state as string | undefined

const first = campaignDoc('bench: everyone', ['410700000000'])
const before = (await stats()).delivered
const worker = startWorker(0, values.profile)
await campaigns.insertOne(first as never)
let peakRss = 0
let firstAt = 0
const startedAt = performance.now()
while ((await stateOf(first._id)) !== 'sent') {
  peakRss = Math.max(peakRss, rssMbOf(worker.pid!))
  if (!firstAt && (await stats()).delivered > before) firstAt = performance.now()
  await new Promise((r) => setTimeout(r, 250))
}
const sendSeconds = (performance.now() - (firstAt || startedAt)) / 1000
const delivered = (await stats()).delivered - before
const deliveryPerSecond = Math.round(delivered / sendSeconds)
log(`delivered ${delivered} in ${sendSeconds.toFixed(1)} s: ${deliveryPerSecond} msg/s (${((deliveryPerSecond / rawPerSecond) * 100).toFixed(1)}% of raw), worker peak RSS ${peakRss} MB`)
worker.kill('SIGTERM')
await new Promise((r) => worker.once('exit', r))

// 4. A configured rate: a second campaign (everyone again: the daily cap allows two) at RATE messages/s.
const second = campaignDoc('bench: rate-limited', ['410700000000'])
const limited = startWorker(RATE)
const base = (await stats()).delivered
await campaigns.insertOne(second as never)
const samples: { at: number; delivered: number }[] = []
const limitSeconds = Math.min(30, Math.max(10, Math.ceil(CITIZENS / RATE / 2)))
const until = performance.now() + limitSeconds * 1000
while (performance.now() < until && (await stateOf(second._id)) !== 'sent') {
  samples.push({ at: performance.now(), delivered: (await stats()).delivered - base })
  await new Promise((r) => setTimeout(r, 500))
}
limited.kill('SIGTERM')
// It stops after the window in hand: wait, so that the fake and the database outlive it.
await new Promise((r) => (limited.exitCode !== null ? r(null) : limited.once('exit', r)))
// The steady middle: from the first sample with messages, dropping the first and last second.
const moving = samples.filter((s) => s.delivered > 0)
const a = moving.find((s) => s.at >= moving[0]!.at + 1000) ?? moving[0]!
const b = moving.at(-2) ?? moving.at(-1)!
const achievedRate = Math.round(((b.delivered - a.delivered) / ((b.at - a.at) / 1000)) * 10) / 10
log(`configured ${RATE}/s, achieved ${achievedRate}/s`)
await new Promise((r) => setTimeout(r, 500))

fake.child.kill('SIGTERM')
const report = {
  benchmark: 'push',
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  citizens: CITIZENS,
  seedSeconds,
  window: WINDOW,
  windowsInFlight: WINDOWS_IN_FLIGHT,
  concurrency: CONCURRENCY,
  fakeLatencyMs: LATENCY_MS,
  fakeRawCapacityPerSecond: rawPerSecond,
  audience: { matching, resolveSeconds },
  database: {
    engine: 'FerretDB v1.24.0 (SQLite), embedded',
    accountsReadPerSecond: accountsPerSecond,
    recordsWrittenPerSecond: journalPerSecond,
    /** Messages/s the database alone allows: one account read and three records written per message. */
    ceilingMessagesPerSecond: databaseCeiling,
    ceilingVsRaw: Math.round((databaseCeiling / rawPerSecond) * 1000) / 1000,
  },
  delivery: { delivered, seconds: Math.round(sendSeconds * 10) / 10, messagesPerSecond: deliveryPerSecond, vsRaw: Math.round((deliveryPerSecond / rawPerSecond) * 1000) / 1000, vsDatabaseCeiling: Math.round((deliveryPerSecond / databaseCeiling) * 1000) / 1000, workerPeakRssMb: peakRss },
  rateLimited: { configuredPerSecond: RATE, achievedPerSecond: achievedRate, deviationPct: Math.round((Math.abs(achievedRate - RATE) / RATE) * 1000) / 10 },
  targets: TARGETS,
  pass: {
    deliveryVsRaw: deliveryPerSecond / rawPerSecond >= TARGETS.deliveryVsRaw,
    rss: CITIZENS >= 1_000_000 ? peakRss <= TARGETS.rssMbAtMillion : null,
    rate: Math.abs(achievedRate - RATE) / RATE <= TARGETS.rateWithinPct / 100,
  },
}
fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true })
const resultFile = `push${CITIZENS >= 1_000_000 ? '-million' : ''}${LATENCY_MS ? `-latency-${LATENCY_MS}` : ''}.json`
fs.writeFileSync(path.join(ROOT, 'bench-results', resultFile), `${JSON.stringify(report, null, 2)}\n`)
log(JSON.stringify(report.pass))
await conn.close()
await db.stop()
process.exit(0)
