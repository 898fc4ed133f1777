/**
 * `npm start`: builds the h5 app when its sources are newer than the build, then starts
 * the server (embedded database unless MONGODB_URI is set). Production runs
 * `node --import tsx server/src/main.ts` directly, with the h5 build made in the image.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const BUILD_INDEX = path.join(ROOT, 'miniapp', 'dist-h5', 'index.html')
const SOURCES = ['miniapp/src', 'miniapp/config', 'shared/src'].map((p) => path.join(ROOT, p))

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

const builtAt = fs.existsSync(BUILD_INDEX) ? fs.statSync(BUILD_INDEX).mtimeMs : 0
if (!process.env.H5_DIR && Math.max(...SOURCES.map(newestMtime)) > builtAt) {
  console.log(builtAt ? 'h5 sources changed: rebuilding…' : 'building the h5 app (first start)…')
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0) {
    console.error('h5 build failed: run `npm run build:h5` to see why.')
    process.exit(1)
  }
}

await import('../server/src/main')
