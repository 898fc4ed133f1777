/** `npm run bench <name> [-- options]`: runs scripts/bench/<name>.ts (e.g. `npm run bench read`). */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const [name, ...rest] = process.argv.slice(2)
const dir = import.meta.dirname
const available = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !['run.ts', 'bareServer.ts', 'generateContent.ts'].includes(f)).map((f) => f.replace(/\.ts$/, ''))
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench <name> [-- options]; benchmarks: ${available.join(', ')}`)
  process.exit(2)
}
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, `${name}.ts`), ...rest], { stdio: 'inherit' })
process.exit(result.status ?? 1)
