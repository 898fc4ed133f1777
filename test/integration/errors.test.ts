import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBodySchema } from '@zw/shared'
import { startTestApp, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({
    bodyLimit: '10kb',
    // A route that fails unexpectedly, appended after the h5 files (reached for unknown GETs).
    extend: (app) =>
      app.use((ctx) => {
        if (ctx.path === '/boom') throw new Error('secret internals: connection string mongodb://user:pw@x')
      }),
  })
})
afterAll(() => t.close())

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/application\/json/)
  const body = apiErrorBodySchema.parse(await res.json())
  expect(body.error.code).toBe(code)
  expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/) // said in Chinese
  expect(body.error.requestId).toBe(res.headers.get('x-request-id'))
  return body
}

describe('a client that sends something wrong gets the documented error JSON', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await fetch(`${t.url}/api/v1/site`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": "未闭合',
    })
    await expectError(res, 400, 'MALFORMED_JSON')
  })

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE naming the limit', async () => {
    const res = await fetch(`${t.url}/api/v1/site`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '政'.repeat(20_000) }),
    })
    const body = await expectError(res, 413, 'PAYLOAD_TOO_LARGE')
    expect(body.error.message).toContain('10kb')
  })

  it('answers an unknown API route with 404 NOT_FOUND', async () => {
    await expectError(await fetch(`${t.url}/api/v1/no-such-thing`), 404, 'NOT_FOUND')
  })

  it('answers an unknown page path with 404 NOT_FOUND', async () => {
    await expectError(await fetch(`${t.url}/no/such/file.js`), 404, 'NOT_FOUND')
  })

  it('answers a known route with a wrong method with 405', async () => {
    await expectError(await fetch(`${t.url}/api/v1/site`, { method: 'DELETE' }), 405, 'METHOD_NOT_ALLOWED')
  })

  it('keeps a well-formed caller request id and makes one up otherwise', async () => {
    const kept = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } })
    expect(kept.headers.get('x-request-id')).toBe('abc-123')
    const replaced = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } })
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('an unexpected failure', () => {
  it('answers 500 INTERNAL without leaking the cause, and logs it with the request id', async () => {
    const res = await fetch(`${t.url}/boom`)
    const body = await expectError(res, 500, 'INTERNAL')
    expect(JSON.stringify(body)).not.toContain('secret internals')
    const line = t.logs().find((l) => l.msg === 'unhandled error')
    expect(line?.reqId).toBe(body.error.requestId)
  })
})
