/**
 * For e2e: the real server (h5 build + API) on a free port, against the run's FerretDB.
 * Needs the h5 build (`npm test` builds it first).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { ROOT, startServer } from './serverProcess'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(ROOT, 'miniapp/dist-h5/index.html'))) {
    throw new Error('e2e needs the h5 build: run `npm run build:h5` (npm test does).')
  }
  const server = await startServer({ MONGODB_URI: `${project.getProvidedContext().mongoServer}/e2e` })
  project.provide('baseUrl', server.url)
  return async () => {
    await server.stop()
  }
}
