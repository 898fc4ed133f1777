import { fileURLToPath } from 'node:url'
import path from 'node:path'

/** The repository root, found from this file's place (server/src/platform). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
