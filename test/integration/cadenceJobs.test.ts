import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentDraft } from '@zw/shared'
import { CadenceWarningModel } from '../../server/src/cadence/model'
import { JobScheduler } from '../../server/src/platform/jobs/scheduler'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

/** A Beijing wall-clock time as an instant. */
const beijing = (local: string) => new Date(`${local}+08:00`)
let n = 0
/** An update on the department's mini-program account at `at`, as the review domain reports it. */
const publishAt = (department: string, at: Date, text = `第 ${++n} 条更新：关于做好2026年冬季就业服务工作的通知，内容各不相同，编号 ${n * 7919}。`) =>
  t.services.cadence.recorder.published({ itemId: `item-${department}-${++n}`, edition: 1, department, content: policyDraft({ title: text, body: `<p>${text.repeat(3)}</p>`, department: department as never }) as ContentDraft, at, minor: false })
/** An instance of the server's jobs whose clock reads `now()`. */
const instance = (now: () => Date) => new JobScheduler(t.services.cadence.jobs, t.logger, now)
const warnings = (accountId: string) => CadenceWarningModel.find({ accountId }).sort({ createdAt: 1 }).lean()

describe('cadence jobs, on a controllable clock', () => {
  it('warns once on Wednesday and escalates once on Friday for a week with one update — with two instances running the jobs', async () => {
    const dept = 'guiyang-hrss'
    const account = `miniprogram:${dept}`
    await publishAt(dept, beijing('2026-11-23T10:00:00')) // the week before: fine
    await publishAt(dept, beijing('2026-11-24T10:00:00'))
    // Week 2026-W49 (Mon 11-30 to Sun 12-06): one update on Monday.
    await publishAt(dept, beijing('2026-11-30T10:00:00'))
    let clock = beijing('2026-11-30T12:00:00')
    const a = instance(() => clock)
    const b = instance(() => clock)
    await Promise.all([a.catchUp(), b.catchUp()]) // first sighting: nothing due yet
    expect(await warnings(account)).toEqual([])

    clock = beijing('2026-12-02T10:00:30') // just after Wednesday 10:00
    await Promise.all([a.catchUp(), b.catchUp()])
    clock = beijing('2026-12-03T12:00:00')
    await Promise.all([a.catchUp(), b.catchUp()])
    clock = beijing('2026-12-04T15:00:30') // just after Friday 15:00
    await Promise.all([a.catchUp(), b.catchUp()])
    await Promise.all([a.catchUp(), b.catchUp()])

    const got = await warnings(account)
    expect(got.map((w) => [w.kind, w.week, w.audience])).toEqual([
      ['weekly-forecast', '2026-W49', 'editors'],
      ['weekly-escalation', '2026-W49', 'department-admin'],
    ])
    expect(got[0]!.details).toMatchObject({ published: 1, forecast: 0, minimum: 2, missing: 1 })
    expect(got[0]!.createdAt).toEqual(beijing('2026-12-02T10:00:00'))
  })

  it('catches up once after the server was down from Tuesday to Saturday, without duplicates', async () => {
    const dept = 'sanyuan-hrss'
    const account = `miniprogram:${dept}`
    await publishAt(dept, beijing('2026-12-07T09:00:00')) // Monday of 2026-W50, one update only
    let clock = beijing('2026-12-08T09:00:00') // Tuesday: the jobs are seen, then the server goes down
    const before = instance(() => clock)
    await before.catchUp()
    clock = beijing('2026-12-12T09:00:00') // Saturday: up again
    const after = instance(() => clock)
    await after.catchUp()
    await after.catchUp()
    await instance(() => clock).catchUp()
    expect((await warnings(account)).map((w) => [w.kind, w.week])).toEqual([
      ['weekly-forecast', '2026-W50'],
      ['weekly-escalation', '2026-W50'],
    ])
  })

  it('records a breach for a 15-day gap, after an urgent warning at 10 days; an update ends the gap', async () => {
    const dept = 'shandong-hrss'
    const account = `miniprogram:${dept}`
    await publishAt(dept, beijing('2026-11-01T09:00:00'))
    const floor = (at: string) => t.services.cadence.warner.floor(beijing(at))
    await floor('2026-11-09T08:30:00') // 8 days
    expect(await warnings(account)).toEqual([])
    await floor('2026-11-11T08:30:00') // 10 days: urgent
    await floor('2026-11-12T08:30:00') // still the same gap: nothing new
    await floor('2026-11-16T08:30:00') // 15 days: breach
    await floor('2026-11-17T08:30:00')
    expect((await warnings(account)).filter((w) => w.kind.startsWith('floor')).map((w) => [w.kind, w.details.daysWithoutUpdate])).toEqual([
      ['floor-urgent', 10],
      ['floor-breach', 15],
    ])
    await publishAt(dept, beijing('2026-11-17T10:00:00'))
    await floor('2026-11-18T08:30:00')
    expect((await warnings(account)).filter((w) => w.kind.startsWith('floor'))).toHaveLength(2)
  })

  it('leaves a paused account alone (no warnings), shows why, and judges it again once resumed', async () => {
    const dept = 'xinxiang-gov-office'
    const account = `miniprogram:${dept}`
    await publishAt(dept, beijing('2026-12-14T09:00:00')) // Monday of 2026-W51, one update
    const admin = { id: 'adm', username: 'adm', displayName: '管理员', department: dept, roles: ['department-admin' as const], sessionId: 's', ip: '127.0.0.1', userAgent: 't' }
    const editor = { ...admin, id: 'ed', roles: ['editor' as const] }
    const { AccountPauser } = await import('../../server/src/cadence/accountPauser')
    const pauser = new AccountPauser(() => beijing('2026-12-15T09:00:00'))
    await expect(pauser.pause(editor, account, '账号注销中')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await pauser.pause(admin, account, '账号注销中')
    await t.services.cadence.warner.midWeek(beijing('2026-12-16T10:00:00'))
    expect((await warnings(account)).filter((w) => w.week === '2026-W51')).toEqual([])
    const dash = await t.services.cadence.dashboard.of(admin, beijing('2026-12-16T11:00:00'))
    expect(dash.accounts.find((a) => a.id === account)).toMatchObject({ paused: { reason: '账号注销中' }, atRisk: false })
    await pauser.resume(admin, account)
    await t.services.cadence.warner.lateWeek(beijing('2026-12-18T15:00:00'))
    expect((await warnings(account)).map((w) => [w.kind, w.week])).toEqual([['weekly-escalation', '2026-W51']])
  })
})

