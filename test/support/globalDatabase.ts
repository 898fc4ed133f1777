/**
 * Starts one throw-away FerretDB for the run (fresh temporary folder, removed after).
 * Each test file takes its own database on it (see `freshDatabaseUri`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { startFerretDb } from '../../server/src/platform/embeddedDb'

declare module 'vitest' {
  export interface ProvidedContext {
    /** `mongodb://127.0.0.1:PORT` of the run's FerretDB, without a database name. */
    mongoServer: string
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-test-db-'))
  const db = await startFerretDb({ dataDir, dbName: 'setup' })
  project.provide('mongoServer', `mongodb://127.0.0.1:${db.port}`)
  return async () => {
    await db.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
