import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError } from '@zw/shared'
import { startTestApp, type TestApp } from '../support/app'
import { outcome, STAFF_PASSWORD, staffSession } from '../support/staff'

// Its own file (its own app and database): it leaves 127.0.0.1 blocked for log-ins.
let own: TestApp
beforeAll(async () => {
  own = await startTestApp()
})
afterAll(() => own.close())

describe('guessing passwords from one address', () => {
  it('is refused with RATE_LIMITED after 20 failed log-ins in 10 minutes, whichever accounts were tried', async () => {
    await staffSession(own, 'real-person', 'guiyang-hrss', ['editor'])
    for (let i = 0; i < 20; i++) expect(await outcome(own.api.call('staffLogIn', { body: { username: `guess-${i}`, password: 'Guess12345x' } }))).toBe('UNAUTHENTICATED')
    const err = (await own.api.call('staffLogIn', { body: { username: 'real-person', password: STAFF_PASSWORD } }).catch((e: ApiClientError) => e)) as ApiClientError
    expect(err.status).toBe(429)
    expect(err.code).toBe('RATE_LIMITED')
  }, 60_000)
})
