import { describe, expect, it } from 'vitest'
import { inRequestContext, requestContext } from '../../server/src/platform/logger'

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5))

describe('the request context of log lines', () => {
  it('keeps each of two overlapping requests on its own id across awaits', async () => {
    const seen: string[] = []
    const request = (reqId: string) =>
      inRequestContext({ reqId }, async () => {
        await tick()
        seen.push(`${reqId}:${requestContext.getStore()?.reqId}`)
        await tick()
        seen.push(`${reqId}:${requestContext.getStore()?.reqId}`)
      })
    await Promise.all([request('a'), request('b')])
    expect(seen.sort()).toEqual(['a:a', 'a:a', 'b:b', 'b:b'])
  })

  it('is switched off once no request runs in it, and on again for the next one', async () => {
    let release!: () => void
    const first = inRequestContext({ reqId: 'first' }, () => new Promise<void>((resolve) => (release = resolve)))
    const second = inRequestContext({ reqId: 'second' }, async () => {
      await tick()
      return requestContext.getStore()?.reqId
    })
    // The second ends while the first still runs: the first keeps its id.
    expect(await second).toBe('second')
    const stillFirst = await inRequestContext({ reqId: 'first' }, async () => requestContext.getStore()?.reqId)
    expect(stillFirst).toBe('first')
    release()
    await first
    // Nothing runs in it now: no id, and the storage is disabled, so no hook is paid for
    // (`enabled` is Node 20's own field of AsyncLocalStorage; see docs/adr/0012).
    expect(requestContext.getStore()).toBeUndefined()
    expect(Reflect.get(requestContext, 'enabled')).toBe(false)
    expect(await inRequestContext({ reqId: 'later' }, async () => (await tick(), requestContext.getStore()?.reqId))).toBe('later')
  })

  it('leaves the context when the request fails', async () => {
    await expect(inRequestContext({ reqId: 'fails' }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(Reflect.get(requestContext, 'enabled')).toBe(false)
    expect(await inRequestContext({ reqId: 'next' }, async () => requestContext.getStore()?.reqId)).toBe('next')
  })
})
