/**
 * `npm run size`: sizes of the production weapp build, per package, against WeChat's
 * limits (domain-facts §8: main package and each subpackage ≤ 2 MB, total ≤ 20 MB).
 * Counts every file DevTools would upload (project.config.json packOptions.ignore
 * suffixes excluded). Our own budget for the main package is 1.5 MB, to leave room under
 * WeChat's 2 MB. Prints a table and writes reports/weapp-size.json; exits 1 over a limit
 * or the budget.
 */
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const DIST = path.join(ROOT, 'miniapp', 'dist')
const MB = 1024 * 1024
export const LIMITS = { package: 2 * MB, total: 20 * MB }
export const MAIN_BUDGET = 1.5 * MB

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? files(full) : [full]
  })
}

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  console.error('No weapp build at miniapp/dist: run `npm run build:weapp` first.')
  process.exit(1)
}
const projectConfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as {
  packOptions?: { ignore?: { type: string; value: string }[] }
}
const ignoredSuffixes = (projectConfig.packOptions?.ignore ?? []).filter((i) => i.type === 'suffix').map((i) => i.value)
const appJson = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
  subPackages?: { root: string }[]
  subpackages?: { root: string }[]
}
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))

const sizes = new Map<string, number>([['main', 0], ...subRoots.map((r) => [r, 0] as [string, number])])
for (const file of files(DIST)) {
  const rel = path.relative(DIST, file).split(path.sep).join('/')
  if (ignoredSuffixes.some((s) => rel.endsWith(s))) continue
  const pkg = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? 'main'
  sizes.set(pkg, sizes.get(pkg)! + fs.statSync(file).size)
}
const total = [...sizes.values()].reduce((a, b) => a + b, 0)
const packages = [...sizes].map(([name, bytes]) => {
  const limit = name === 'main' ? MAIN_BUDGET : LIMITS.package
  return { name, bytes, limit, ok: bytes <= limit }
})
const report = { build: 'weapp production', measuredAt: new Date().toISOString(), packages, total: { bytes: total, limit: LIMITS.total, ok: total <= LIMITS.total } }

for (const p of packages) console.log(`${p.name.padEnd(12)} ${(p.bytes / 1024).toFixed(1).padStart(9)} KB  (${p.name === 'main' ? 'budget' : 'limit'} ${p.limit / MB} MB)${p.ok ? '' : '  OVER LIMIT'}`)
console.log(`${'total'.padEnd(12)} ${(total / 1024).toFixed(1).padStart(9)} KB  (limit ${LIMITS.total / MB} MB)`)
fs.mkdirSync(path.join(ROOT, 'reports'), { recursive: true })
fs.writeFileSync(path.join(ROOT, 'reports', 'weapp-size.json'), `${JSON.stringify(report, null, 2)}\n`)
if (!report.total.ok || packages.some((p) => !p.ok)) process.exit(1)
