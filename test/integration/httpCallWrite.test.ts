import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Agent } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpCall } from '../../server/src/platform/delivery/httpAgent'

/**
 * `HttpCall.onWrite`, which the push sender's hand-over log relies on (ADR 0016): it is
 * called when the request is about to be written to a connection — not while it waits in
 * the pool for one, and not when no connection can be opened.
 */
let server: http.Server
let origin: string
const arrived: string[] = []
let holdFirst = true
beforeAll(async () => {
  server = http.createServer((req, res) => {
    arrived.push(req.url ?? '')
    req.resume()
    req.on('end', () => {
      const delay = holdFirst && req.url === '/first' ? 300 : 0
      setTimeout(() => res.end('{"ok":true}'), delay)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server.close(r))
})

describe('a request is marked written just before it goes out on a connection', () => {
  it('is marked once per request, before the server sees it', async () => {
    const agent = new Agent({ connections: 2 })
    const marks: string[] = []
    const seenAtMark: number[] = []
    const answer = await httpCall(agent, { origin, path: '/once', method: 'POST', body: '{}', timeoutMs: 2000, onWrite: () => (marks.push('once'), seenAtMark.push(arrived.filter((u) => u === '/once').length)) })
    expect(answer.status).toBe(200)
    expect(marks).toEqual(['once'])
    expect(seenAtMark).toEqual([0])
    await agent.close()
  })

  it('is not marked while the request waits in the pool for a free connection', async () => {
    const agent = new Agent({ connections: 1 })
    const marks: string[] = []
    const first = httpCall(agent, { origin, path: '/first', method: 'POST', body: '{}', timeoutMs: 2000, onWrite: () => marks.push('first') })
    const second = httpCall(agent, { origin, path: '/second', method: 'POST', body: '{}', timeoutMs: 2000, onWrite: () => marks.push('second') })
    await new Promise((r) => setTimeout(r, 150))
    // The first holds the only connection for 300 ms: the second has not gone out.
    expect(marks).toEqual(['first'])
    expect(arrived).not.toContain('/second')
    await Promise.all([first, second])
    expect(marks).toEqual(['first', 'second'])
    await agent.close()
  })

  it('is not marked when no connection can be opened', async () => {
    const closed = http.createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise((r) => closed.close(r))
    const agent = new Agent({ connections: 1 })
    let marked = 0
    await expect(httpCall(agent, { origin: `http://127.0.0.1:${port}`, path: '/', method: 'POST', body: '{}', timeoutMs: 2000, onWrite: () => marked++ })).rejects.toThrow()
    expect(marked).toBe(0)
    await agent.close()
  })
})
