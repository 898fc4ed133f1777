import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentDraft } from '@zw/shared'
import type { StaffPrincipal } from '../../server/src/auth/principal'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { staffSession } from '../support/staff'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const beijing = (local: string) => new Date(`${local}+08:00`)
const person = (department: string, role: StaffPrincipal['roles'][number]): StaffPrincipal => ({ id: `${department}-${role}`, username: role, displayName: role, department, roles: [role], sessionId: 's', ip: '127.0.0.1', userAgent: 't' })
let n = 0
const publishAt = (department: string, local: string) =>
  t.services.cadence.recorder.published({ itemId: `task-${++n}`, edition: 1, department, content: policyDraft({ title: `提醒测试 ${n}，编号 ${n * 6007}`, body: `<p>各不相同 ${n * 99991} ${'提'.repeat(n)}</p>`, department: department as never }) as ContentDraft, at: beijing(local), minor: false })
const titles = async (p: StaffPrincipal, local: string) => (await t.services.cadence.tasks.of(p, beijing(local))).items.map((i) => i.title)

describe('更新提醒 as workbench tasks', () => {
  it('shows the mid-week warning to editors and the escalation to the department admin, until the week has its minimum', async () => {
    const dept = 'guiyang-hrss'
    await publishAt(dept, '2026-11-30T10:00:00') // Monday of 2026-W49: one update
    await t.services.cadence.warner.midWeek(beijing('2026-12-02T10:00:00'))
    const editor = person(dept, 'editor')
    const admin = person(dept, 'department-admin')
    const reviewer = person(dept, 'reviewer')
    expect(await titles(editor, '2026-12-02T11:00:00')).toEqual(['贵阳市人力资源和社会保障局（小程序）本周还差 1 条更新'])
    expect(await titles(reviewer, '2026-12-02T11:00:00')).toEqual([])
    expect(await titles(person('sanyuan-hrss', 'editor'), '2026-12-02T11:00:00')).toEqual([])
    await t.services.cadence.warner.lateWeek(beijing('2026-12-04T15:00:00'))
    const adminTasks = (await t.services.cadence.tasks.of(admin, beijing('2026-12-04T16:00:00'))).items
    expect(adminTasks.map((i) => [i.kind, i.urgent])).toEqual([
      ['weekly-escalation', true],
      ['weekly-forecast', false],
    ])
    expect(adminTasks[0]!.title).toBe('贵阳市人力资源和社会保障局（小程序）本周还差 1 条更新（已升级至部门管理员）')
    expect(await titles(editor, '2026-12-04T16:00:00')).toHaveLength(1)
    // The second update of the week: nothing left to do.
    await publishAt(dept, '2026-12-04T17:00:00')
    expect(await titles(admin, '2026-12-04T18:00:00')).toEqual([])
  })

  it('shows 10 days without an update as urgent until the account is updated, and a breach to the admin', async () => {
    const dept = 'sanyuan-hrss'
    await publishAt(dept, '2026-12-01T09:00:00')
    await t.services.cadence.warner.floor(beijing('2026-12-11T09:30:00')) // 10 days
    const editor = person(dept, 'editor')
    const tasks = (await t.services.cadence.tasks.of(editor, beijing('2026-12-11T10:00:00'))).items
    expect(tasks.filter((i) => i.kind === 'floor-urgent').map((i) => [i.title, i.urgent])).toEqual([['三明市三元区人力资源和社会保障局（小程序）已 10 天无更新', true]])
    await t.services.cadence.warner.floor(beijing('2026-12-16T09:30:00')) // 15 days: a breach
    const admin = person(dept, 'department-admin')
    expect((await titles(admin, '2026-12-16T09:45:00')).filter((x) => x.includes('断更'))).toEqual(['三明市三元区人力资源和社会保障局（小程序）已 15 天无更新，已记录断更'])
    await publishAt(dept, '2026-12-16T10:00:00')
    expect((await t.services.cadence.tasks.of(admin, beijing('2026-12-16T11:00:00'))).items.filter((i) => i.kind.startsWith('floor'))).toEqual([])
  })

  it('answers the signed-in person over HTTP', async () => {
    const editor = await staffSession(t, 'tasks-editor', 'xinxiang-gov-office', ['editor'])
    expect(await editor.api.call('listCadenceTasks', {})).toEqual({ items: [] })
  })
})
