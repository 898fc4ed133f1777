import fs from 'node:fs'
import path from 'node:path'
import type { Middleware } from 'koa'
import serve from 'koa-static'
import type { Logger } from '../logger'

/**
 * Serves the h5 build at `/`. Hashed assets are cached for a year; index.html is always
 * revalidated so a new build is picked up. API paths never fall through to here.
 */
export function staticH5(dir: string, logger: Logger): Middleware {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    logger.warn({ dir }, 'h5 build not found: run `npm run build:h5` (npm start does it for you)')
  }
  const files = serve(dir, {
    index: 'index.html',
    gzip: false,
    setHeaders(res, filePath) {
      if (/\.[0-9a-f]{8,}\.(js|css)$/.test(filePath)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
      else res.setHeader('Cache-Control', 'no-cache')
    },
  })
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next()
    return files(ctx, next)
  }
}
