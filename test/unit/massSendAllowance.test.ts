import { describe, expect, it } from 'vitest'
import { massSendRefusal, massSendSlots } from '@zw/shared'

describe('mass-send allowance of a 公众号', () => {
  it('gives a 订阅号 one slot per Beijing day', () => {
    expect(massSendSlots('subscription', new Date('2026-11-22T15:59:00Z'))).toEqual(['2026-11-22'])
    // 16:00 UTC is midnight in Beijing: a new day, a new slot.
    expect(massSendSlots('subscription', new Date('2026-11-22T16:00:00Z'))).toEqual(['2026-11-23'])
  })
  it('gives a 服务号 four slots per Beijing month', () => {
    expect(massSendSlots('service', new Date('2026-11-30T15:59:59Z'))).toEqual(['2026-11#1', '2026-11#2', '2026-11#3', '2026-11#4'])
    expect(massSendSlots('service', new Date('2026-11-30T16:00:00Z'))).toEqual(['2026-12#1', '2026-12#2', '2026-12#3', '2026-12#4'])
    expect(massSendSlots('service', new Date('2026-12-31T16:30:00Z'))[0]).toBe('2027-01#1')
  })
  it('says which limit was reached', () => {
    expect(massSendRefusal('subscription')).toContain('每天只能群发 1 次')
    expect(massSendRefusal('service')).toContain('每月只能群发 4 次')
  })
})
