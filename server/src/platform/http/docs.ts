import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import Router from '@koa/router'

const require = createRequire(import.meta.url)
const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'))
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>政务两微一端 API 文档</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' })`

/** `/api/openapi.json` and a Swagger UI at `/api/docs`, served from the npm package (no CDN). */
export function docsRouter(document: () => Record<string, unknown>): Router {
  const router = new Router()
  let cached: Record<string, unknown> | undefined
  router.get('/api/openapi.json', (ctx) => {
    cached ??= document()
    ctx.body = cached
  })
  router.get('/api/docs', (ctx) => {
    ctx.type = 'text/html; charset=utf-8'
    ctx.body = PAGE
  })
  router.get('/api/docs/init.js', (ctx) => {
    ctx.type = 'application/javascript; charset=utf-8'
    ctx.body = INIT
  })
  router.get('/api/docs/:asset', (ctx, next) => {
    const type = ASSETS[ctx.params.asset!]
    if (!type) return next()
    ctx.type = type
    ctx.set('Cache-Control', 'public, max-age=86400')
    ctx.body = fs.createReadStream(path.join(SWAGGER_DIR, ctx.params.asset!))
  })
  return router
}
