import { describe, expect, it } from 'vitest'
import { RecentTexts } from '../../server/src/content/recentTexts'

describe('RecentTexts (recent search result texts)', () => {
  it('keeps texts within its character budget, dropping the least recently used first', () => {
    const recent = new RecentTexts(10)
    recent.set(1, ['abc', 'd']) // 4
    recent.set(2, ['efg']) // 7
    expect(recent.get(1)).toEqual(['abc', 'd']) // 1 is now the most recent
    recent.set(3, ['hijk']) // 11 > 10: drops 2, the least recently used
    expect(recent.get(2)).toBeUndefined()
    expect(recent.get(1)).toEqual(['abc', 'd'])
    expect(recent.get(3)).toEqual(['hijk'])
    expect(recent.size).toBe(2)
  })

  it('does not keep what is bigger than the whole budget', () => {
    const recent = new RecentTexts(5)
    recent.set(1, ['ab'])
    recent.set(2, ['abcdef'])
    expect(recent.get(2)).toBeUndefined()
    expect(recent.get(1)).toEqual(['ab'])
  })
})
