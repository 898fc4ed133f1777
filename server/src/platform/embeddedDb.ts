/**
 * The embedded database for `npm start` and the tests: FerretDB v1 with its SQLite
 * backend (docs/adr/0002). `ensureFerretDb` builds the pinned version from the Go module
 * proxy into `.tools/` when it is missing; `startFerretDb` runs it on a free loopback
 * port, waits until it answers `ping`, and stops it with the process.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import mongoose from 'mongoose'
import { PROJECT_ROOT } from './paths'

const run = promisify(execFile)

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB'
export const FERRETDB_VERSION = 'v1.24.0'
export const DEFAULT_FERRETDB_BIN = path.join(PROJECT_ROOT, '.tools', 'ferretdb', FERRETDB_VERSION, 'ferretdb')

async function installedVersion(binary: string): Promise<string | undefined> {
  if (!fs.existsSync(binary)) return undefined
  try {
    const { stdout } = await run(binary, ['--version'])
    return /^version:\s*(\S+)/m.exec(stdout)?.[1]
  } catch {
    return undefined
  }
}

/**
 * Makes sure the pinned FerretDB is at `binary`, building it if needed. `go install
 * …@version` cannot be used: the proxy refuses the version list it asks for, and a
 * module-cache build lacks the generated version file. So: download the module, copy
 * it, write `build/version/version.txt`, build.
 */
export async function ensureFerretDb(
  binary: string = DEFAULT_FERRETDB_BIN,
  log: (line: string) => void = () => {},
): Promise<string> {
  const found = await installedVersion(binary)
  if (found === FERRETDB_VERSION) return binary
  if (binary !== DEFAULT_FERRETDB_BIN) {
    throw new Error(`FERRETDB_BIN=${binary} is not FerretDB ${FERRETDB_VERSION} (found: ${found ?? 'nothing runnable'})`)
  }
  try {
    await run('go', ['version'])
  } catch {
    throw new Error(
      `FerretDB ${FERRETDB_VERSION} is not installed and Go is not available to build it. ` +
        'Install Go (>= 1.22), or set MONGODB_URI to an existing MongoDB.',
    )
  }
  log(`building FerretDB ${FERRETDB_VERSION} into ${path.dirname(binary)} (about a minute, once)`)
  const env = { ...process.env, GOFLAGS: '-mod=mod', GOWORK: 'off', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' }
  const { stdout } = await run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
    env,
    cwd: os.tmpdir(),
    maxBuffer: 10 * 1024 * 1024,
  })
  const moduleDir = (JSON.parse(stdout) as { Dir: string }).Dir
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferretdb-src-'))
  try {
    fs.cpSync(moduleDir, work, { recursive: true })
    await run('chmod', ['-R', 'u+w', work])
    fs.writeFileSync(path.join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`)
    fs.mkdirSync(path.dirname(binary), { recursive: true })
    const partial = `${binary}.partial-${process.pid}`
    await run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      env,
      cwd: work,
      maxBuffer: 10 * 1024 * 1024,
    })
    fs.renameSync(partial, binary)
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
  const built = await installedVersion(binary)
  if (built !== FERRETDB_VERSION) throw new Error(`built FerretDB reports version ${built ?? 'none'}`)
  log(`FerretDB ${FERRETDB_VERSION} ready at ${binary}`)
  return binary
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface EmbeddedDb {
  /** Connection string including the database name. */
  uri: string
  port: number
  process: ChildProcess
  stop(): Promise<void>
}

export interface StartOptions {
  /** Folder of the SQLite files; created if missing; kept after stop. */
  dataDir: string
  dbName?: string
  binary?: string
  readyTimeoutMs?: number
}

async function pingUntilReady(uri: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`FerretDB exited with code ${child.exitCode} before answering:\n${output()}`)
    }
    const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 500, directConnection: true })
    try {
      await client.connect()
      await client.db('admin').command({ ping: 1 })
      return
    } catch (err) {
      lastError = err
    } finally {
      await client.close().catch(() => {})
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`FerretDB did not answer ping within ${timeoutMs} ms: ${(lastError as Error)?.message}\n${output()}`)
}

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

export async function startFerretDb(options: StartOptions): Promise<EmbeddedDb> {
  const binary = await ensureFerretDb(options.binary ?? DEFAULT_FERRETDB_BIN)
  const dataDir = path.resolve(options.dataDir)
  fs.mkdirSync(dataDir, { recursive: true })
  const port = await freePort()
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
      '--log-format=text',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  running.add(child)
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.once('exit', () => running.delete(child))

  const uri = `mongodb://127.0.0.1:${port}/${options.dbName ?? 'zhengwu'}`
  try {
    await pingUntilReady(uri, child, options.readyTimeoutMs ?? 30_000, () => output)
  } catch (err) {
    child.kill('SIGKILL')
    throw err
  }
  return {
    uri,
    port,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}
