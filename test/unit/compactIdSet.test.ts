import { describe, expect, it } from 'vitest'
import { CompactIdSet } from '../../server/src/push/compactIdSet'

describe('CompactIdSet', () => {
  it('holds what was added, and nothing else, through growing', () => {
    const set = new CompactIdSet(4)
    const ids = Array.from({ length: 50_000 }, (_, i) => `6b02c62749dc499990507fff:citizen-${i}`)
    for (const id of ids.slice(0, 25_000)) set.add(id)
    for (const id of ids.slice(0, 1000)) set.add(id) // again: counted once
    expect(set.size).toBe(25_000)
    expect(ids.slice(0, 25_000).every((id) => set.has(id))).toBe(true)
    expect(ids.slice(25_000).some((id) => set.has(id))).toBe(false)
    // Ids differing in one character, in order, or empty.
    const near = new CompactIdSet()
    near.add('ab')
    expect([near.has('ba'), near.has('ab'), near.has('a'), near.has('')]).toEqual([false, true, false, false])
    near.add('')
    expect(near.has('')).toBe(true)
  })

  it('keeps a million ids in tens of MB, not hundreds', () => {
    const before = process.memoryUsage().arrayBuffers
    const set = new CompactIdSet(1_000_000)
    for (let i = 0; i < 1_000_000; i++) set.add(`6b02c62749dc499990507fff:bench-${String(i).padStart(7, '0')}`)
    const used = process.memoryUsage().arrayBuffers - before
    expect(set.size).toBe(1_000_000)
    expect(used).toBeLessThan(40 * 2 ** 20)
    expect(set.has('6b02c62749dc499990507fff:bench-0999999')).toBe(true)
    expect(set.has('6b02c62749dc499990507fff:bench-1000000')).toBe(false)
  })
})
