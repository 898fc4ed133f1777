import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addWeeks, weekKey, type ContentDraft } from '@zw/shared'
import type { StaffPrincipal } from '../../server/src/auth/principal'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const beijing = (local: string) => new Date(`${local}+08:00`)
const DEPT = 'yinchuan-civil-affairs'
const staff: StaffPrincipal = { id: 'x', username: 'x', displayName: 'x', department: DEPT, roles: ['editor'], sessionId: 's', ip: '127.0.0.1', userAgent: 't' }
let n = 0
const publishAt = (at: Date, extra: { minor?: boolean } = {}) =>
  t.services.cadence.recorder.published({ itemId: `dash-${++n}`, edition: 1, department: DEPT, content: policyDraft({ title: `银川民政第 ${n} 条更新，编号 ${n * 104729}`, body: `<p>内容 ${n * 7907} 各不相同 ${'民政'.repeat(n % 7)}</p>`, department: DEPT }) as ContentDraft, at, minor: extra.minor ?? false })

describe('更新频次 dashboard of a department', () => {
  it('shows 12 weeks oldest first, the current week at risk until it has its minimum, and days since the last update', async () => {
    // Two updates two weeks ago, one last week, one (and a minor one) this week (2026-W48).
    await publishAt(beijing('2026-11-10T10:00:00'))
    await publishAt(beijing('2026-11-12T10:00:00'))
    await publishAt(beijing('2026-11-18T10:00:00'))
    await publishAt(beijing('2026-11-23T10:00:00'))
    await publishAt(beijing('2026-11-24T10:00:00'), { minor: true })
    const now = beijing('2026-11-25T12:00:00')
    const dash = await t.services.cadence.dashboard.of(staff, now)
    expect(dash.week).toBe('2026-W48')
    const account = dash.accounts.find((a) => a.id === `miniprogram:${DEPT}`)!
    expect(account.weeks).toHaveLength(12)
    expect(account.weeks[0]!.week).toBe(addWeeks('2026-W48', -11))
    expect(account.weeks.slice(-3)).toEqual([
      { week: '2026-W46', published: 2, forecast: 0, compliant: true, tracked: true },
      { week: '2026-W47', published: 1, forecast: 0, compliant: false, tracked: true },
      { week: '2026-W48', published: 1, forecast: 0, compliant: false, tracked: true },
    ])
    // Weeks before the account existed are not judged.
    expect(account.weeks[0]).toMatchObject({ tracked: false, compliant: true })
    expect(account).toMatchObject({ atRisk: true, daysSinceUpdate: 2, lastUpdateAt: beijing('2026-11-23T10:00:00').toISOString(), minPerWeek: 2 })

    await publishAt(beijing('2026-11-25T11:00:00'))
    const after = (await t.services.cadence.dashboard.of(staff, now)).accounts.find((a) => a.id === `miniprogram:${DEPT}`)!
    expect(after.weeks.at(-1)).toEqual({ week: weekKey(now), published: 2, forecast: 0, compliant: true, tracked: true })
    expect(after.atRisk).toBe(false)
    expect(after.daysSinceUpdate).toBe(0)
  })
})

describe('更新要求 of an account', () => {
  it('a department admin sets the weekly minimum and the longest gap; the dashboard and the floor check judge by them', async () => {
    const { staffSession } = await import('../support/staff')
    const { AuditRecordModel } = await import('../../server/src/platform/audit/auditTrail')
    const { CadenceWarningModel } = await import('../../server/src/cadence/model')
    const dept = 'xinxiang-gov-office'
    const id = `miniprogram:${dept}`
    const at = (local: string) => beijing(local)
    const publish = (local: string) =>
      t.services.cadence.recorder.published({ itemId: `rule-${++n}`, edition: 1, department: dept, content: policyDraft({ title: `新乡更新 ${n}，编号 ${n * 3571}`, body: `<p>内容 ${n * 6053} ${'乡'.repeat(n % 9)}</p>`, department: dept }) as ContentDraft, at: at(local), minor: false })
    await publish('2026-12-07T10:00:00')
    await publish('2026-12-08T10:00:00')
    const admin = await staffSession(t, 'rule-admin', dept, ['department-admin'])
    const week = async (now: string) => (await t.services.cadence.dashboard.of({ ...staff, department: dept }, at(now), dept)).accounts.find((a) => a.id === id)!
    expect((await week('2026-12-09T12:00:00')).weeks.at(-1)!.compliant).toBe(true)
    const after = await admin.api.call('setPublishingAccountRule', { params: { id }, body: { minPerWeek: 3, maxGapDays: 7 } })
    expect(after.accounts.find((a) => a.id === id)).toMatchObject({ minPerWeek: 3, maxGapDays: 7 })
    expect(await week('2026-12-09T12:00:00')).toMatchObject({ minPerWeek: 3, atRisk: true })
    expect((await week('2026-12-09T12:00:00')).weeks.at(-1)!.compliant).toBe(false)
    // Eight days without an update is a breach of a 7-day gap.
    expect(await t.services.cadence.warner.floor(at('2026-12-16T11:00:00'))).toBeGreaterThanOrEqual(1)
    expect(await CadenceWarningModel.findOne({ accountId: id, kind: 'floor-breach' }).lean()).toMatchObject({ details: { daysWithoutUpdate: 8 } })
    expect((await AuditRecordModel.find({ action: 'cadence.account-rule-set', subject: `account:${id}` }).lean()).map((r) => [r.before, r.after])).toEqual([[{ minPerWeek: 2, maxGapDays: 14 }, { minPerWeek: 3, maxGapDays: 7 }]])
  })
})
