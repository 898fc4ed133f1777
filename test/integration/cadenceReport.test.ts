import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentDraft } from '@zw/shared'
import { CadenceReportModel } from '../../server/src/cadence/model'
import { JobScheduler } from '../../server/src/platform/jobs/scheduler'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const beijing = (local: string) => new Date(`${local}+08:00`)
let n = 0
const publishAt = (department: string, local: string) =>
  t.services.cadence.recorder.published({
    itemId: `rep-${++n}`,
    edition: 1,
    department,
    content: policyDraft({ title: `周报测试更新 ${n}，编号 ${n * 15485863}`, body: `<p>各不相同的内容 ${n * 32452843} ${'周'.repeat(n)}</p>`, department: department as never }) as ContentDraft,
    at: beijing(local),
    minor: false,
  })

describe('the weekly report', () => {
  it('reports each past week once on Monday — each missed Monday after downtime — with compliance, streaks and department rates', async () => {
    // guiyang: two updates in W48 and in W49; sanyuan: one in W49 (its first).
    await publishAt('guiyang-hrss', '2026-11-24T10:00:00')
    await publishAt('guiyang-hrss', '2026-11-26T10:00:00')
    await publishAt('guiyang-hrss', '2026-12-01T10:00:00')
    await publishAt('guiyang-hrss', '2026-12-03T10:00:00')
    await publishAt('sanyuan-hrss', '2026-12-02T10:00:00')
    let clock = beijing('2026-11-30T08:00:00') // Monday of W49, before the report
    const jobs = () => new JobScheduler(t.services.cadence.jobs, t.logger, () => clock)
    await jobs().catchUp()
    clock = beijing('2026-12-15T12:00:00') // down until Tuesday of W51
    await Promise.all([jobs().catchUp(), jobs().catchUp()])
    await jobs().catchUp()

    const reports = await CadenceReportModel.find({}).sort({ _id: 1 }).lean()
    expect(reports.map((r) => r._id)).toEqual(['2026-W48', '2026-W49', '2026-W50'])
    const row = (week: string, accountId: string) => reports.find((r) => r._id === week)!.accounts.find((a) => a.accountId === accountId)
    expect(row('2026-W48', 'miniprogram:guiyang-hrss')).toMatchObject({ published: 2, compliant: true, streak: 1 })
    expect(row('2026-W48', 'miniprogram:sanyuan-hrss')).toBeUndefined() // not there yet
    expect(row('2026-W49', 'miniprogram:guiyang-hrss')).toMatchObject({ published: 2, compliant: true, streak: 2 })
    expect(row('2026-W49', 'miniprogram:sanyuan-hrss')).toMatchObject({ published: 1, minimum: 2, compliant: false, streak: 0 })
    expect(row('2026-W50', 'miniprogram:guiyang-hrss')).toMatchObject({ published: 0, compliant: false, streak: 0 })
    expect(reports.find((r) => r._id === '2026-W49')!.departments).toEqual([
      { department: 'guiyang-hrss', accounts: 1, compliant: 1, rate: 1 },
      { department: 'sanyuan-hrss', accounts: 1, compliant: 0, rate: 0 },
    ])
    expect(reports.find((r) => r._id === '2026-W49')!.createdAt).toEqual(beijing('2026-12-07T09:00:00'))

    // As people read it: a department its part, a platform admin all of it; the latest by default.
    const person = (department: string, role: 'editor' | 'platform-admin') => ({ id: role, username: role, displayName: role, department, roles: [role], sessionId: 's', ip: '127.0.0.1', userAgent: 't' }) as never
    const latest = (await t.services.cadence.reports.read(person('guiyang-hrss', 'editor'), { department: 'guiyang-hrss' })).report!
    expect(latest.week).toBe('2026-W50')
    expect(latest.accounts.map((a) => a.accountId)).toEqual(['miniprogram:guiyang-hrss'])
    const w49 = (await t.services.cadence.reports.read(person('guiyang-hrss', 'platform-admin'), { week: '2026-W49' })).report!
    expect(w49.accounts.map((a) => [a.name, a.published, a.compliant, a.streak])).toEqual([
      ['贵阳市人力资源和社会保障局（小程序）', 2, true, 2],
      ['三明市三元区人力资源和社会保障局（小程序）', 1, false, 0],
    ])
    expect(w49.departments.map((d) => [d.departmentName, d.rate])).toEqual([
      ['贵阳市人力资源和社会保障局', 1],
      ['三明市三元区人力资源和社会保障局', 0],
    ])
    await expect(t.services.cadence.reports.read(person('guiyang-hrss', 'editor'), {})).rejects.toThrow('只有平台管理员')
    expect((await t.services.cadence.reports.read(person('guiyang-hrss', 'platform-admin'), { week: '2026-W30' })).report).toBeNull()
  })
})
