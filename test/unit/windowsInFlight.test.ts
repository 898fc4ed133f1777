import { describe, expect, it } from 'vitest'
import { WindowsInFlight } from '../../server/src/push/windowsInFlight'

/** A window whose end the test decides. */
function window() {
  let finish!: () => void
  let fail!: (err: Error) => void
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve
    fail = reject
  })
  return { done, finish, fail }
}
const tick = () => new Promise((r) => setImmediate(r))

describe('windows in flight', () => {
  it('lets the next window start while one is out, and waits for the oldest at the limit', async () => {
    const out = new WindowsInFlight(2)
    const a = window()
    const b = window()
    await out.add(a.done) // one out: the sender goes on at once
    expect(out.size).toBe(1)
    let added = false
    const adding = out.add(b.done).then(() => (added = true))
    await tick()
    expect(added).toBe(false) // two out: waits for the first
    a.finish()
    await adding
    expect(added).toBe(true)
    expect(out.size).toBe(1)
    b.finish()
    await out.drain()
    expect(out.size).toBe(0)
  })

  it('with a limit of one, each window finishes before the next starts', async () => {
    const out = new WindowsInFlight(1)
    const a = window()
    let added = false
    const adding = out.add(a.done).then(() => (added = true))
    await tick()
    expect(added).toBe(false)
    a.finish()
    await adding
    expect(out.size).toBe(0)
  })

  it('reports a failed window at the next add, after the windows before it finished', async () => {
    const out = new WindowsInFlight(2)
    const a = window()
    const b = window()
    await out.add(a.done)
    a.fail(new Error('database gone'))
    const adding = out.add(b.done)
    await expect(adding).rejects.toThrow('database gone')
    // The failure is raised once; what is still out is waited for without throwing.
    b.finish()
    await out.settle()
    await expect(out.drain()).resolves.toBeUndefined()
  })

  it('settle waits for every window, even after a failure, and leaves the failure to drain', async () => {
    const out = new WindowsInFlight(3)
    const a = window()
    const b = window()
    await out.add(a.done)
    await out.add(b.done)
    let settled = false
    const settling = out.settle().then(() => (settled = true))
    b.fail(new Error('WeChat gone'))
    await tick()
    expect(settled).toBe(false)
    a.finish()
    await settling
    expect(out.size).toBe(0)
    await expect(out.drain()).rejects.toThrow('WeChat gone')
  })

  it('refuses a limit below one', () => {
    expect(() => new WindowsInFlight(0)).toThrow(RangeError)
  })
})
