import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentDraft } from '@zw/shared'
import type { StaffPrincipal } from '../../server/src/auth/principal'
import { CadenceWarningModel } from '../../server/src/cadence/model'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { startTestApp, type TestApp } from '../support/app'
import { interpretationDraft, policyDraft, published } from '../support/content'
import { outcome, staffSession } from '../support/staff'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const beijing = (local: string) => new Date(`${local}+08:00`)
const A = 'guiyang-hrss'
const B = 'sanyuan-hrss'
const principal = (department: string, roles: StaffPrincipal['roles']): StaffPrincipal => ({ id: `p-${department}-${roles.join()}`, username: 'p', displayName: '测试', department, roles, sessionId: 's', ip: '127.0.0.1', userAgent: 't' })
const platformAdmin = principal(A, ['platform-admin'])
let n = 0
const publishAt = (department: string, local: string) =>
  t.services.cadence.recorder.published({
    itemId: `ov-${++n}`,
    edition: 1,
    department,
    content: policyDraft({ title: `概览测试更新 ${n}，编号 ${n * 15485863}`, body: `<p>各不相同的内容 ${n * 32452843} ${'概'.repeat(n)}</p>`, department: department as never }) as ContentDraft,
    at: beijing(local),
    minor: false,
  })
// Wednesday of 2026-W48, in 2026-Q4.
const now = beijing('2026-11-25T12:00:00')

describe('合规概览 (compliance overview)', () => {
  beforeAll(async () => {
    // A: two updates in W46 and W47, one so far in W48. B: one update in W46, nothing since.
    for (const at of ['2026-11-10T09:00:00', '2026-11-12T09:00:00', '2026-11-17T09:00:00', '2026-11-19T09:00:00', '2026-11-23T09:00:00']) await publishAt(A, at)
    await publishAt(B, '2026-11-10T10:00:00')
    // A has one policy the public can see; B none.
    await published(policyDraft({ title: '贵阳人社公开的一份政策', department: A }), beijing('2026-11-10T09:00:00'))
    await t.services.content.readModel.syncNow()
    // Floor breaches of B: one this quarter, one in the last.
    const breach = (id: string, at: string) => CadenceWarningModel.create({ _id: id, kind: 'floor-breach', accountId: `miniprogram:${B}`, department: B, week: '2026-W00', audience: 'department-admin', createdAt: beijing(at), details: { daysWithoutUpdate: 15 } })
    await breach('floor-breach:b:1', '2026-11-25T08:30:00')
    await breach('floor-breach:b:0', '2026-09-20T08:30:00')
  })

  it('gives the platform its compliance rate by week, per department, accounts at risk and this quarter’s breaches', async () => {
    const o = await t.services.cadence.overview.of(platformAdmin, now)
    expect(o).toMatchObject({ department: null, week: '2026-W48', quarter: '2026-Q4' })
    expect(o.weeks).toHaveLength(12)
    expect(o.weeks.slice(-4)).toEqual([
      { week: '2026-W45', accounts: 0, compliant: 0, rate: null }, // neither account existed
      { week: '2026-W46', accounts: 2, compliant: 1, rate: 0.5 },
      { week: '2026-W47', accounts: 2, compliant: 1, rate: 0.5 },
      { week: '2026-W48', accounts: 2, compliant: 0, rate: 0 },
    ])
    expect(o.departments.map((d) => [d.department, d.accounts, d.atRisk, d.breaches, d.weeks.at(-2)!.rate])).toEqual([
      [A, 1, 1, 0, 1],
      [B, 1, 1, 1, 0],
    ])
    // B has gone 15 days without an update: first; A is short this week.
    expect(o.atRisk.map((r) => [r.accountId, r.published, r.minimum, r.daysSinceUpdate])).toEqual([
      [`miniprogram:${B}`, 0, 2, 15],
      [`miniprogram:${A}`, 1, 2, 2],
    ])
    expect(o.atRisk[0]!.reason).toBe('本周已发布 0 条，少于最低要求 2 条；已 15 天无更新')
    expect(o.breaches).toEqual([{ accountId: `miniprogram:${B}`, department: B, departmentName: '三明市三元区人力资源和社会保障局', name: '三明市三元区人力资源和社会保障局（小程序）', at: beijing('2026-11-25T08:30:00').toISOString(), daysWithoutUpdate: 15 }])
  })

  it('finds blank columns (开天窗) and stale ones, by each column’s own threshold', async () => {
    const problems = async () => (await t.services.cadence.overview.of(platformAdmin, now)).columns.map((c) => `${c.department} ${c.column} ${c.condition}`)
    // A publishes policies only, B nothing the public can see.
    expect(await problems()).toEqual([`${A} 办事指南 blank`, `${A} 政策解读 blank`, `${B} 办事指南 blank`, `${B} 政策解读 blank`, `${B} 政策文件 blank`])
    // A's admin: A does not run a 办事指南 column; its 政策文件 may go one day without an update.
    const admin = await staffSession(t, 'ov-admin', A, ['department-admin'])
    const dash = await admin.api.call('updateAccountColumn', { params: { id: `miniprogram:${A}:guide` }, body: { staleAfterDays: 183, active: false } })
    expect(dash.accounts[0]!.columns.find((c) => c.code === 'guide')).toMatchObject({ active: false, condition: 'inactive' })
    await admin.api.call('updateAccountColumn', { params: { id: `miniprogram:${A}:policy` }, body: { staleAfterDays: 1, active: true } })
    expect((await problems()).filter((p) => p.startsWith(A))).toEqual([`${A} 政策解读 blank`, `${A} 政策文件 stale`])
    const audit = await AuditRecordModel.find({ action: 'cadence.column-configured' }).sort({ at: 1 }).lean()
    expect(audit.map((r) => [r.subject, r.before, r.after])).toEqual([
      [`column:miniprogram:${A}:guide`, { staleAfterDays: 183, active: true }, { staleAfterDays: 183, active: false }],
      [`column:miniprogram:${A}:policy`, { staleAfterDays: 183, active: true }, { staleAfterDays: 1, active: true }],
    ])
    // Another department's admin may not; nor may an editor of the department.
    const other = await staffSession(t, 'ov-admin-b', B, ['department-admin'])
    expect(await outcome(other.api.call('updateAccountColumn', { params: { id: `miniprogram:${A}:policy` }, body: { staleAfterDays: 30, active: true } }))).toBe('FORBIDDEN')
    const editor = await staffSession(t, 'ov-editor', A, ['editor'])
    expect(await outcome(editor.api.call('updateAccountColumn', { params: { id: `miniprogram:${A}:policy` }, body: { staleAfterDays: 30, active: true } }))).toBe('FORBIDDEN')
    expect(await AuditRecordModel.countDocuments({ action: 'cadence.column-configured' })).toBe(2)
  })

  it('lists important policies interpreted fewer than twice this year, with the days left', async () => {
    const important = await published(policyDraft({ title: '贵阳市就业创业补贴管理办法', department: A, policy: { important: true } }), beijing('2025-06-01T09:00:00'))
    await published(policyDraft({ title: '一般性通知', department: A }), beijing('2025-06-01T09:00:00'))
    await published(interpretationDraft([important], { title: '去年的解读', department: A }), beijing('2025-07-01T09:00:00'))
    await published(interpretationDraft([important], { title: '今年的第一次解读', department: A }), beijing('2026-03-01T09:00:00'))
    await t.services.content.readModel.syncNow()
    const coverage = async () => (await t.services.cadence.overview.of(platformAdmin, now)).coverage
    // 2026-11-25 12:00 in Beijing: 37 days left in the year, today included.
    expect(await coverage()).toEqual([{ policyId: important, title: '贵阳市就业创业补贴管理办法', department: A, departmentName: '贵阳市人力资源和社会保障局', interpretedThisYear: 1, needed: 2, daysLeft: 37 }])
    expect((await t.services.cadence.overview.of(principal(B, ['editor']), now, B)).coverage).toEqual([])
    await published(interpretationDraft([important], { title: '今年的第二次解读', department: A }), beijing('2026-11-20T09:00:00'))
    await t.services.content.readModel.syncNow()
    expect(await coverage()).toEqual([])
  })

  it('shows a department its own overview, and only a platform admin the whole platform', async () => {
    const editorA = principal(A, ['editor'])
    const own = await t.services.cadence.overview.of(editorA, now, A)
    expect(own.departments.map((d) => d.department)).toEqual([A])
    expect(own.atRisk.map((r) => r.accountId)).toEqual([`miniprogram:${A}`])
    expect(own.breaches).toEqual([])
    await expect(t.services.cadence.overview.of(editorA, now)).rejects.toThrow('只有平台管理员')
    await expect(t.services.cadence.overview.of(editorA, now, B)).rejects.toThrow('只能查看本部门')
  })

  it('exports any of the tables as CSV that Excel reads, for whoever may see it', async () => {
    const admin = await staffSession(t, 'ov-platform', A, ['platform-admin'])
    const csv = async (qs: string, token = admin.session.accessToken) => fetch(`${t.url}/api/v1/staff/cadence/export.csv?${qs}`, { headers: { authorization: `Bearer ${token}` } })
    const res = await csv('table=compliance')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())
    expect(text.startsWith('\uFEFF"部门","账号数","当前风险账号","本季度断更",')).toBe(true)
    const lines = text.trim().split('\r\n')
    expect(lines.map((l) => l.split(',')[0])).toEqual(['"部门"', '"贵阳市人力资源和社会保障局"', '"三明市三元区人力资源和社会保障局"', '"合计"'])
    // The export judges the real present: this quarter's breaches, whichever quarter that is.
    const breaches = new TextDecoder().decode(await (await csv('table=breaches')).arrayBuffer())
    const expected = (await t.services.cadence.overview.of(platformAdmin, new Date())).breaches.length
    expect(breaches.trim().split('\r\n')).toHaveLength(1 + expected)
    expect(breaches).toContain('"部门","账号","记录时间（北京时间）","连续无更新（天）"')
    const accounts = new TextDecoder().decode(await (await csv(`table=accounts&department=${B}`)).arrayBuffer())
    expect(accounts).toContain('"三明市三元区人力资源和社会保障局（小程序）"')
    const coverage = new TextDecoder().decode(await (await csv('table=coverage')).arrayBuffer())
    expect(coverage).toContain('"部门","政策文件","本年已解读（次）","要求（次）","本年剩余（天）"')
    const bad = await csv('table=everything')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'query.table', message: '请选择要导出的表格' }] } } })
    const editor = await staffSession(t, 'ov-editor-csv', B, ['editor'])
    expect((await csv('table=compliance', editor.session.accessToken)).status).toBe(403)
    expect((await csv(`table=compliance&department=${B}`, editor.session.accessToken)).status).toBe(200)
  })
})
