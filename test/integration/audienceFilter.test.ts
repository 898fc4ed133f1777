import { audienceIncludes, type AudienceRule } from '@zw/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CitizenAccountModel } from '../../server/src/auth/citizenModel'
import { audienceFilter } from '../../server/src/push/audienceQuery'
import { startTestApp, type TestApp } from '../support/app'

/**
 * The database narrows a campaign's audience with `audienceFilter` and the shared rule
 * decides; on the real database (FerretDB here) the filter must never leave out anyone
 * the rule includes, for every kind of rule.
 */
let t: TestApp
const TOPICS = ['land-acquisition-compensation', 'agricultural-subsidies', 'employment-subsidies']
const AREAS = ['410721000000', '410721100000', '410721100201', '410702000000', '410700000000', '520102000000', '410000000000']
const GROUPS = ['farmer', 'graduate', 'veteran']
beforeAll(async () => {
  t = await startTestApp()
  const now = new Date()
  // Every citizen a small deterministic mix of subscriptions and groups.
  let seed = 7 // mulberry32
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return (((x ^ (x >>> 14)) >>> 0) / 4294967296 * n) | 0
  }
  await CitizenAccountModel.insertMany(
    Array.from({ length: 240 }, (_, i) => ({
      _id: `af-${i}`, openid: `o-af-${i}`, region: AREAS[next(AREAS.length)]!, mobile: null, consents: [], createdAt: now, lastLogInAt: now,
      groups: GROUPS.filter(() => next(3) === 0),
      subscriptions: Array.from({ length: next(4) }, () => ({ topic: TOPICS[next(TOPICS.length)]!, region: AREAS[next(AREAS.length)]!, frequency: 'immediate', digestAt: null })),
    })),
  )
})
afterAll(async () => {
  await t.close()
})

const rules: AudienceRule[] = [
  { topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: ['410700000000'], groups: [] },
  { topics: ['land-acquisition-compensation', 'employment-subsidies'], topicMatch: 'any', regions: ['410721000000', '520102000000'], groups: [] },
  { topics: ['land-acquisition-compensation', 'agricultural-subsidies'], topicMatch: 'all', regions: ['410721000000'], groups: [] },
  { topics: ['agricultural-subsidies'], topicMatch: 'any', regions: [], groups: ['farmer', 'veteran'] },
  { topics: ['employment-subsidies'], topicMatch: 'all', regions: ['410721100201'], groups: ['graduate'] },
  { topics: [], topicMatch: 'any', regions: [], groups: [] },
]

describe('narrowing an audience in the database', () => {
  it.each(rules.map((r, i) => [i, r] as const))('rule %i: the filter finds everyone the rule includes', async (_i, rule) => {
    const all = await CitizenAccountModel.find({ _id: /^af-/ }).lean()
    const expected = all.filter((a) => audienceIncludes(rule, { groups: a.groups, subscriptions: a.subscriptions ?? [] })).map((a) => a._id).sort()
    const narrowed = await CitizenAccountModel.find({ $and: [{ _id: /^af-/ }, audienceFilter(rule)] }).lean()
    const found = narrowed.filter((a) => audienceIncludes(rule, { groups: a.groups, subscriptions: a.subscriptions ?? [] })).map((a) => a._id).sort()
    expect(found).toEqual(expected)
    // It narrows: fewer than all, and nobody without a subscription to one of the topics.
    expect(narrowed.length).toBeLessThan(all.length)
    for (const a of narrowed) expect((a.subscriptions ?? []).some((s) => rule.topics.includes(s.topic))).toBe(true)
  })
  it('the rules above are not vacuous: most find someone', async () => {
    const all = await CitizenAccountModel.find({ _id: /^af-/ }).lean()
    const sizes = rules.map((rule) => all.filter((a) => audienceIncludes(rule, { groups: a.groups, subscriptions: a.subscriptions ?? [] })).length)
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4)
  })
})
