/**
 * `npm run db:install` (also run after `npm install`): builds the pinned FerretDB into
 * `.tools/` unless it is there already. Without Go it explains and exits 0, because a
 * deployment that sets MONGODB_URI does not need it; `npm start` and the tests then say
 * the same thing and stop.
 */
import { ensureFerretDb, DEFAULT_FERRETDB_BIN } from '../server/src/platform/embeddedDb'

const started = Date.now()
try {
  await ensureFerretDb(process.env.FERRETDB_BIN || DEFAULT_FERRETDB_BIN, (line) => console.log(`[db:install] ${line}`))
  console.log(`[db:install] FerretDB ok (${((Date.now() - started) / 1000).toFixed(1)} s)`)
} catch (err) {
  const message = (err as Error).message
  console.warn(`[db:install] ${message}`)
  if (process.env.CI || !/Go is not available/.test(message)) process.exit(1)
}
