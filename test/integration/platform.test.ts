import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endpoints, TOPICS } from '@zw/shared'
import { startTestApp, type TestApp } from '../support/app'

let t: TestApp
let releaseSlow: () => void = () => {}
let slowStarted: () => void = () => {}
const slowHasStarted = new Promise<void>((resolve) => (slowStarted = resolve))
beforeAll(async () => {
  t = await startTestApp({
    readSummaryEveryMs: 300,
    extend: (app, logger) =>
      app.use(async (ctx) => {
        if (ctx.path === '/slow') {
          // A request still being worked on when shutdown begins.
          slowStarted()
          await new Promise<void>((resolve) => (releaseSlow = resolve))
          ctx.body = { done: true }
        }
        if (ctx.path === '/chatty') {
          logger.info({ password: 'hunter2', openid: 'oAbCdEf123', user: { mobile: '13800138000', idNumber: '11010519491231002X' } }, 'inside a handler')
          ctx.body = { ok: true }
        }
      }),
  })
})
afterAll(() => t.close())

describe('health', () => {
  it('/healthz says the process is up and /readyz that the database answers', async () => {
    expect(await t.api.call('getHealth', {})).toEqual({ status: 'ok' })
    expect(await t.api.call('getReadiness', {})).toEqual({ status: 'ready', database: 'up', overdueScheduledEditions: 0 })
  })
})

describe('the typed client and the contract', () => {
  it('gets the site information the home page shows, validated against the shared schema', async () => {
    const site = await t.api.call('getSite', {})
    expect(site.name).toBe('政务公开')
    expect(site.topics.map((x) => x.code)).toEqual(TOPICS.map((x) => x.code))
    expect(Math.abs(Date.parse(site.serverTime) - Date.now())).toBeLessThan(60_000)
  })

  it('publishes an OpenAPI document listing exactly the contract, with resolvable schema refs', async () => {
    const res = await fetch(`${t.url}/api/openapi.json`)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } }
    expect(doc.openapi).toBe('3.0.3')
    const documented = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId))
    expect(documented.sort()).toEqual(Object.keys(endpoints).sort())
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!)
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref)
  })

  it('serves every documented operation (none of them 404s)', async () => {
    for (const e of Object.values(endpoints)) {
      const res = await fetch(`${t.url}${e.path}`, { method: e.method })
      expect(res.status, e.path).not.toBe(404)
    }
  })

  it('offers a browsable API documentation page with its assets', async () => {
    const page = await fetch(`${t.url}/api/docs`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('swagger-ui-bundle.js')
    const bundle = await fetch(`${t.url}/api/docs/swagger-ui-bundle.js`)
    expect(bundle.status).toBe(200)
    expect(Number((await bundle.arrayBuffer()).byteLength)).toBeGreaterThan(100_000)
  })
})

describe('logging', () => {
  it('puts the request id on every line of a request and never writes secrets or personal data', async () => {
    const res = await fetch(`${t.url}/chatty`, {
      headers: { 'x-request-id': 'req-log-1', authorization: 'Bearer tok-SECRET' },
    })
    expect(res.status).toBe(200)
    const lines = t.logs().filter((l) => l.reqId === 'req-log-1')
    expect(lines.map((l) => l.msg)).toEqual(['inside a handler', 'request'])
    const raw = t.rawLogs()
    for (const secret of ['hunter2', 'oAbCdEf123', '13800138000', '11010519491231002X', 'tok-SECRET']) {
      expect(raw).not.toContain(secret)
    }
    expect(lines[0]).toMatchObject({ password: '[redacted]', openid: '[redacted]', user: { mobile: '[redacted]', idNumber: '[redacted]' } })
  })

  it('logs the path of a request but not its query string', async () => {
    await fetch(`${t.url}/api/v1/site?mobile=13912345678`, { headers: { 'x-request-id': 'req-log-2' } })
    const line = t.logs().find((l) => l.reqId === 'req-log-2' && l.msg === 'request')
    expect(line).toMatchObject({ path: '/api/v1/site', status: 200 })
    expect(t.rawLogs()).not.toContain('13912345678')
  })
})

describe('logging of public reads', () => {
  it('counts quick successful public reads in a summary line and logs failed ones one by one', async () => {
    for (const id of ['req-read-1', 'req-read-2', 'req-read-3']) {
      const res = await fetch(`${t.url}/api/v1/items?limit=1`, { headers: { 'x-request-id': id } })
      expect(res.status).toBe(200)
    }
    const missing = await fetch(`${t.url}/api/v1/items/0123456789abcdef01234567`, { headers: { 'x-request-id': 'req-read-404' } })
    expect(missing.status).toBe(404)
    await new Promise((r) => setTimeout(r, 700))
    const logs = t.logs()
    expect(logs.filter((l) => String(l.reqId).startsWith('req-read-') && l.msg === 'request').map((l) => l.reqId)).toEqual(['req-read-404'])
    const summaries = logs.filter((l) => l.msg === 'public reads')
    expect(summaries.reduce((n, l) => n + Number(l.reads), 0)).toBeGreaterThanOrEqual(3)
    expect(summaries[0]).toMatchObject({ periodS: 0.3, p95UnderMs: expect.any(Number), maxMs: expect.any(Number) })
  })
})

describe('graceful shutdown', () => {
  it('finishes a request in flight, refuses new connections, then closes', async () => {
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get(`${t.url}/slow`, (res) => {
          let body = ''
          res.on('data', (c) => (body += c))
          res.on('end', () => resolve({ status: res.statusCode!, body }))
        })
        .on('error', reject)
    })
    await slowHasStarted
    const closing = t.running.close(5000)
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow()
    releaseSlow()
    expect(await inFlight).toEqual({ status: 200, body: '{"done":true}' })
    await closing
    expect(t.running.server.listening).toBe(false)
  })
})
