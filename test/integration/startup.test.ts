import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import mongoose from 'mongoose'
import { apiErrorBodySchema } from '@zw/shared'
import { freePort } from '../../server/src/platform/embeddedDb'
import { freshDatabaseUri } from '../support/database'
import { logLines, spawnServer, startServer, type ServerProcess } from '../support/serverProcess'

let server: ServerProcess | undefined
afterEach(async () => {
  await server?.stop('SIGKILL')
  server = undefined
})

describe('an operator starting the server', () => {
  it('is stopped by a bad setting, with a message naming the variable', async () => {
    const { output, exited } = spawnServer({ PORT: 'abc', LOG_LEVEL: 'loud' })
    expect(await exited).toBe(78)
    expect(output()).toMatch(/Invalid configuration/)
    expect(output()).toMatch(/PORT: /)
    expect(output()).toMatch(/LOG_LEVEL: /)
  })

  it('rejects a MONGODB_URI that is not a MongoDB connection string', async () => {
    const { output, exited } = spawnServer({ MONGODB_URI: 'postgres://localhost/db' })
    expect(await exited).toBe(78)
    expect(output()).toMatch(/MONGODB_URI: .*mongodb:\/\//)
  })

  it('with a database that does not answer: /healthz 200, /readyz 503, and the log says why', async () => {
    const deadPort = await freePort() // nothing listens there
    server = await startServer({ MONGODB_URI: `mongodb://127.0.0.1:${deadPort}/zw`, DB_CONNECT_TIMEOUT_MS: '300' })
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(503)
    const body = apiErrorBodySchema.parse(await ready.json())
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE')
    expect(body.error.details).toMatchObject({ database: 'down' })
    await expect.poll(() => logLines(server!.output()).some((l) => String(l.msg).startsWith('database unreachable')), { timeout: 10_000 }).toBe(true)
    const line = logLines(server.output()).find((l) => String(l.msg).startsWith('database unreachable'))!
    expect(line.msg).toContain(`127.0.0.1:${deadPort}`)
    expect(line.msg).toContain('/readyz answers 503')
  })

  it('hides the password of MONGODB_URI in the log', async () => {
    const deadPort = await freePort()
    server = await startServer({ MONGODB_URI: `mongodb://editor:hunter2secret@127.0.0.1:${deadPort}/zw`, DB_CONNECT_TIMEOUT_MS: '300' })
    await expect.poll(() => server!.output().includes('database unreachable'), { timeout: 10_000 }).toBe(true)
    expect(server.output()).not.toContain('hunter2secret')
    expect(server.output()).toContain('***@127.0.0.1')
  })
})

describe('the production server', () => {
  it('starts, answers and writes its (batched) log lines within a moment', async () => {
    server = await startServer({ NODE_ENV: 'production', MONGODB_URI: freshDatabaseUri('prod'), DISCLOSURE_ID_KEY: 'ab'.repeat(32) })
    await expect.poll(async () => (await fetch(`${server!.url}/readyz`)).status, { timeout: 10_000 }).toBe(200)
    await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'prod-log-1' } })
    await expect.poll(() => logLines(server!.output()).some((l) => l.reqId === 'prod-log-1'), { timeout: 5_000 }).toBe(true)
    await expect.poll(() => logLines(server!.output()).some((l) => l.msg === 'content read model loaded'), { timeout: 5_000 }).toBe(true)
  })
})

describe('npm start with the embedded database', () => {
  it('keeps data written before a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-persist-'))
    const embeddedUri = (s: ServerProcess) => {
      const line = logLines(s.output()).find((l) => l.msg === 'embedded database (FerretDB/SQLite) ready')
      return String(line?.db)
    }
    try {
      server = await startServer({ DATA_DIR: dataDir })
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
      const first = await mongoose.createConnection(embeddedUri(server)).asPromise()
      await first.collection('restart_probe').insertOne({ note: '重启前写入', n: 42 })
      await first.close()
      expect(await server.stop('SIGTERM')).toBe(0)
      expect(server.output()).toContain('shutdown complete')
      // Stop accepting and drain, stop jobs, close the database, stop the embedded database.
      const steps = logLines(server.output()).filter((l) => l.msg === 'shutdown step done').map((l) => l.step)
      expect(steps).toEqual(['http', 'jobs', 'services', 'database', 'embedded-database'])

      server = await startServer({ DATA_DIR: dataDir })
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
      const second = await mongoose.createConnection(embeddedUri(server)).asPromise()
      const found = await second.collection('restart_probe').findOne({ n: 42 })
      await second.close()
      expect(found?.note).toBe('重启前写入')
      expect(fs.readdirSync(path.join(dataDir, 'db')).some((f) => f.endsWith('.sqlite'))).toBe(true)
    } finally {
      await server?.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
