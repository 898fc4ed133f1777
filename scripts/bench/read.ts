/**
 * `npm run bench:read [-- --items 100000 --duration 10 --connections 50]`
 *
 * Seeds generated public items into a fresh embedded database, starts the real server on
 * it and, in the same run, a bare Koa server returning a fixed JSON body; then loads
 * each of list, detail, search (popular queries, then distinct ones that miss the result
 * cache) and the bare endpoint with autocannon and reports
 * requests/s, p50/p95/p99 latency, the detail/bare ratio and the server's peak RSS.
 * Writes bench-results/read.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import mongoose from 'mongoose'
import { startFerretDb, freePort } from '../../server/src/platform/embeddedDb'
import { generateItems } from './generateContent'

const ROOT = path.resolve(import.meta.dirname, '../..')
const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    // Keep the seeded database in this folder and reuse it on the next run with the same --items.
    data: { type: 'string' },
  },
})
const ITEMS = Number(values.items)
const DURATION = Number(values.duration)
const CONNECTIONS = Number(values.connections)
const TARGETS = { detailVsBare: 0.5, searchP95Ms: 50, rssMb: 300 }

const log = (msg: string) => process.stdout.write(`[bench:read] ${msg}\n`)

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${out.slice(-2000)}`)), timeoutMs)
    const on = (c: Buffer) => {
      out += c.toString()
      const m = pattern.exec(out)
      if (m) {
        clearTimeout(timer)
        // Stop looking at the output (the server logs every request) but keep draining it.
        child.stdout?.off('data', on)
        child.stderr?.off('data', on)
        child.stdout?.resume()
        child.stderr?.resume()
        resolve(m)
      }
    }
    child.stdout?.on('data', on)
    child.stderr?.on('data', on)
  })
}

async function waitForLogLine(file: string, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const m = pattern.exec(fs.readFileSync(file, 'utf8'))
    if (m) return m
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`timed out waiting for ${pattern} in ${file}`)
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Peak RSS of the server during the current load phase (sampled every 200 ms). */
let phasePeakRss = 0
async function load(name: string, base: string, paths: () => string) {
  phasePeakRss = 0
  // warm-up, not measured
  await autocannon({ url: base, connections: CONNECTIONS, duration: 2, requests: [{ setupRequest: (r) => ({ ...r, path: paths() }) }] })
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests: [{ setupRequest: (r) => ({ ...r, path: paths() }) }] }, (err, res) => (err ? reject(err) : resolve(res)))
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  })
  latencies.sort((a, b) => a - b)
  const summary = {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    serverPeakRssMb: base === bareUrl ? undefined : Math.round(phasePeakRss),
  }
  log(`${name}: ${summary.requestsPerSecond} req/s, p50 ${summary.latencyMs.p50} ms, p95 ${summary.latencyMs.p95} ms, p99 ${summary.latencyMs.p99} ms, non-2xx ${summary.non2xx}${summary.serverPeakRssMb ? `, server peak RSS ${summary.serverPeakRssMb} MB` : ''}`)
  return summary
}

// The server as production runs it: the bundle, on plain node (built first, from the code as it is now).
const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts'], { cwd: ROOT, stdio: 'ignore' })
if (built.status !== 0) throw new Error('npm run build:server failed')

const keep = values.data ? path.resolve(values.data) : undefined
const dataDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'zw-bench-read-'))
fs.mkdirSync(dataDir, { recursive: true })
const seededMarker = path.join(dataDir, `seeded-${ITEMS}.json`)
const children: ChildProcess[] = []
const cleanup = () => {
  for (const c of children) c.kill('SIGKILL')
  if (!keep) fs.rmSync(dataDir, { recursive: true, force: true })
}
process.on('exit', cleanup)

const db = await startFerretDb({ dataDir, dbName: 'bench' })
const seedStarted = Date.now()
let ids: string[]
let seedSeconds: number
if (fs.existsSync(seededMarker)) {
  ;({ ids, seedSeconds } = JSON.parse(fs.readFileSync(seededMarker, 'utf8')) as { ids: string[]; seedSeconds: number })
  log(`FerretDB at ${db.uri}; reusing ${ITEMS} items seeded earlier in ${dataDir}`)
} else {
  log(`FerretDB at ${db.uri}; generating and inserting ${ITEMS} items…`)
  ;({ ids, seedSeconds } = await seed())
  if (keep) fs.writeFileSync(seededMarker, JSON.stringify({ ids, seedSeconds }))
}

async function seed() {
  await mongoose.connect(db.uri)
  const collection = mongoose.connection.collection('content_items')
  const ids: string[] = []
  let batch: Record<string, unknown>[] = []
  for (const doc of generateItems(ITEMS)) {
    batch.push(doc)
    if (ids.length < 5000 || Math.random() < 0.01) ids.push(String(doc._id))
    if (batch.length === 1000) {
      await collection.insertMany(batch, { ordered: false })
      batch = []
    }
  }
  if (batch.length) await collection.insertMany(batch, { ordered: false })
  await mongoose.disconnect()
  const seedSeconds = (Date.now() - seedStarted) / 1000
  log(`seeded in ${seedSeconds.toFixed(1)} s`)
  return { ids, seedSeconds }
}
const port = await freePort()
// Its log goes to a file, as in production (a log shipper reads it), not through this
// process's event loop, which is busy driving the load.
const serverLog = path.join(dataDir, 'server.log')
const logFd = fs.openSync(serverLog, 'w')
// Exactly the node options of `npm run start:prod`.
const startProd = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:prod']!
const words = startProd.split(/\s+/)
const nodeAt = words.indexOf('node')
const prodEnv = Object.fromEntries(words.slice(0, nodeAt).map((w) => w.split('=') as [string, string]))
const nodeArgs = words.slice(nodeAt + 1)
const server = spawn(process.execPath, nodeArgs, {
  cwd: ROOT,
  env: { ...process.env, ...prodEnv, NODE_ENV: 'production', DISCLOSURE_ID_KEY: 'ab'.repeat(32), MONGODB_URI: db.uri, PORT: String(port), LOG_LEVEL: 'info', SEED_DEMO_CONTENT: 'false' },
  stdio: ['ignore', logFd, logFd],
})
children.push(server)
const loadStarted = Date.now()
// RSS is sampled from the server's start, so the peak includes loading the read model.
let peakRss = 0
let loadPeakRss = 0
let loading = true
const sampler = setInterval(() => {
  const now = rssMb(server.pid!)
  peakRss = Math.max(peakRss, now)
  phasePeakRss = Math.max(phasePeakRss, now)
  if (loading) loadPeakRss = Math.max(loadPeakRss, now)
}, 200)
const loaded = await waitForLogLine(serverLog, /"items":(\d+),"ms":(\d+),"rssMb":(\d+),"heapMb":(\d+),"arrayBuffersMb":(\d+)[^\n]*"msg":"content read model loaded"/, 600_000)
log(`server read model loaded ${loaded[1]} items in ${loaded[2]} ms (start-up ${((Date.now() - loadStarted) / 1000).toFixed(1)} s); rss ${loaded[3]} MB, heap ${loaded[4]} MB, array buffers ${loaded[5]} MB`)
const base = `http://127.0.0.1:${port}`

const bare = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/bareServer.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
children.push(bare)
const bareUrl = (await waitForLine(bare, /BARE_URL (\S+)/, 30_000))[1]!

loading = false
const rssAfterLoad = rssMb(server.pid!)

const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!
const QUERIES = ['征地补偿', '就业创业补贴', '城乡居民养老保险', '临时救助', '政务公开', '养老', '补贴 申领', '危房改造', '信息公开 年度报告', '社会保险', '征', '高校毕业生']
const LIST_PATHS = ['/api/v1/items?limit=20', '/api/v1/items?type=policy&limit=20', '/api/v1/items?topic=employment&limit=20', '/api/v1/items?region=520102000000&limit=20', '/api/v1/items?department=guiyang-hrss&from=2024-01-01&limit=20']

// Distinct searches (two random words, a random filter): almost every one misses the result cache.
const WORDS = ['征地', '补偿', '就业', '创业', '补贴', '养老', '保险', '救助', '低保', '公开', '政务', '住房', '危房', '改造', '农民', '医疗', '教育', '扶贫', '申请', '办理', '标准', '通知', '办法', '社会', '服务', '公示', '监督', '考核', '目录', '平台', '网站', '信息', '解读', '回应', '决策', '规划', '项目', '资金', '审计', '安全']
const FILTERS = ['', '&type=policy', '&type=interpretation', '&region=520102000000', '&region=410700000000', '&department=guiyang-hrss', '&from=2024-01-01', '&validity=valid']
const distinct = () => `/api/v1/search?q=${encodeURIComponent(`${pick(WORDS)} ${pick(WORDS)}`)}${pick(FILTERS)}&limit=20`

// This machine's speed drifts from minute to minute (shared virtual cores), so the
// detail/bare ratio is taken from three bare and three detail runs, taken in turns:
// the median of the three ratios of neighbouring runs.
const pairs: { bare: Awaited<ReturnType<typeof load>>; detail: Awaited<ReturnType<typeof load>> }[] = []
for (let round = 1; round <= 3; round++) {
  pairs.push({ bare: await load(`bare (${round}/3)`, bareUrl, () => '/'), detail: await load(`detail (${round}/3)`, base, () => `/api/v1/items/${pick(ids)}`) })
}
const ratios = pairs.map((p) => p.detail.requestsPerSecond / p.bare.requestsPerSecond)
const medianPair = pairs[ratios.indexOf([...ratios].sort((a, b) => a - b)[1]!)]!
const results = {
  bare: medianPair.bare,
  detail: medianPair.detail,
  list: await load('list', base, () => pick(LIST_PATHS)),
  search: await load('search', base, () => `/api/v1/search?q=${encodeURIComponent(pick(QUERIES))}&limit=20`),
  searchDistinct: await load('search (distinct queries)', base, distinct),
}
clearInterval(sampler)

const report = {
  benchmark: 'read',
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  database: 'FerretDB v1.24.0 (SQLite), embedded',
  items: ITEMS,
  connections: CONNECTIONS,
  durationSeconds: DURATION,
  seedSeconds,
  readModelLoadMs: Number(loaded[2]),
  serverMemoryAfterLoadMb: { rss: Number(loaded[3]), heap: Number(loaded[4]), arrayBuffers: Number(loaded[5]) },
  results,
  detailVsBare: Math.round((results.detail.requestsPerSecond / results.bare.requestsPerSecond) * 1000) / 1000,
  detailVsBareRounds: ratios.map((r) => Math.round(r * 1000) / 1000),
  serverRssMb: { loadPeak: Math.round(loadPeakRss), afterLoad: Math.round(rssAfterLoad), peak: Math.round(peakRss) },
  targets: TARGETS,
  pass: {
    detailVsBare: results.detail.requestsPerSecond / results.bare.requestsPerSecond >= TARGETS.detailVsBare,
    searchP95: results.search.latencyMs.p95 <= TARGETS.searchP95Ms,
    searchDistinctP95: results.searchDistinct.latencyMs.p95 <= TARGETS.searchP95Ms,
    rss: peakRss < TARGETS.rssMb,
  },
}
fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true })
fs.writeFileSync(path.join(ROOT, 'bench-results', 'read.json'), `${JSON.stringify(report, null, 2)}\n`)
log(JSON.stringify({ detailVsBare: report.detailVsBare, serverRssMb: report.serverRssMb, pass: report.pass }))
server.kill('SIGTERM')
bare.kill('SIGTERM')
await db.stop()
process.exit(0)
