import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository root: the nearest folder above this module holding project.config.json
 * (the same from server/src under tsx and from the server/dist bundle).
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!fs.existsSync(path.join(dir, 'project.config.json'))) {
    const up = path.dirname(dir)
    if (up === dir) throw new Error('cannot find the project root (project.config.json)')
    dir = up
  }
  return dir
}

export const PROJECT_ROOT = findRoot()
