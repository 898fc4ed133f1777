import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError, formatShanghaiDate } from '@zw/shared'
import { recordAudit } from '../../server/src/platform/audit/auditTrail'
import { startTestApp, type TestApp } from '../support/app'
import { outcome, STAFF_PASSWORD, staffSession } from '../support/staff'

let t: TestApp
let admin: Awaited<ReturnType<typeof staffSession>>
let editor: Awaited<ReturnType<typeof staffSession>>
beforeAll(async () => {
  t = await startTestApp()
  admin = await staffSession(t, 'audit-admin', 'guiyang-hrss', ['platform-admin'])
  editor = await staffSession(t, 'audit-editor', 'guiyang-hrss', ['editor'])
  // Two more log-ins and a failure for the editor.
  for (const password of [STAFF_PASSWORD, 'Wrong-pass-123', STAFF_PASSWORD]) await t.api.call('staffLogIn', { body: { username: 'audit-editor', password } }).catch(() => undefined)
})
afterAll(() => t.close())

describe('a platform admin searching the audit trail', () => {
  it('finds what happened to one account, newest first, page by page without gaps or repeats', async () => {
    const subject = `staff:${editor.id}`
    const all = await admin.api.call('listAudit', { query: { subject, limit: 100 } })
    expect(all.items.map((e) => e.action)).toEqual(['staff.login-succeeded', 'staff.login-failed', 'staff.login-succeeded', 'staff.login-succeeded', 'staff.created'])
    expect(all.items.every((e, i) => i === 0 || e.at <= all.items[i - 1]!.at)).toBe(true)
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await admin.api.call('listAudit', { query: { subject, limit: 2, ...(cursor ? { cursor } : {}) } })
      seen.push(...page.items.map((e) => e.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual(all.items.map((e) => e.id))
    const failed = await admin.api.call('listAudit', { query: { subject, action: 'staff.login-failed' } })
    expect(failed.items).toHaveLength(1)
    expect(failed.items[0]!.actor).toMatchObject({ name: 'audit-editor', ip: '127.0.0.1' })
  })

  it('filters by who acted and by Beijing dates', async () => {
    const byAdmin = await admin.api.call('listAudit', { query: { actor: admin.id } })
    expect(byAdmin.items.length).toBeGreaterThan(0)
    expect(byAdmin.items.every((e) => e.actor.id === admin.id)).toBe(true)
    const today = formatShanghaiDate(new Date())
    const yesterday = formatShanghaiDate(new Date(Date.now() - 86_400_000))
    expect((await admin.api.call('listAudit', { query: { subject: `staff:${editor.id}`, from: today, to: today } })).items).toHaveLength(5)
    expect((await admin.api.call('listAudit', { query: { subject: `staff:${editor.id}`, from: yesterday, to: yesterday } })).items).toHaveLength(0)
    const bad = (await admin.api.call('listAudit', { query: { from: today, to: yesterday } }).catch((e: ApiClientError) => e)) as ApiClientError
    expect(bad.code).toBe('VALIDATION_FAILED')
    expect(bad.fields).toEqual([{ path: 'query.to', message: '开始日期不能晚于结束日期' }])
  })

  it('is closed to everyone but platform admins', async () => {
    const deptAdmin = await staffSession(t, 'audit-dept-admin', 'guiyang-hrss', ['department-admin'])
    expect(await outcome(deptAdmin.api.call('listAudit', { query: {} }))).toBe('FORBIDDEN')
    expect(await outcome(editor.api.call('listAudit', { query: {} }))).toBe('FORBIDDEN')
    expect(await outcome(t.api.call('listAudit', { query: {} }))).toBe('UNAUTHENTICATED')
    expect((await fetch(`${t.url}/api/v1/audit/export.csv`)).status).toBe(401)
    const forbidden = await fetch(`${t.url}/api/v1/audit/export.csv`, { headers: { authorization: `Bearer ${editor.session.accessToken}` } })
    expect(forbidden.status).toBe(403)
  })

  it('exports the same search as CSV that Excel opens in Chinese, with formulas neutralised', async () => {
    await recordAudit({ at: new Date(), actor: { id: 'x', name: '=HYPERLINK("http://evil")' }, action: 'test.csv', subject: 'csv:1', reason: '含"引号"，和逗号' })
    const res = await fetch(`${t.url}/api/v1/audit/export.csv?subject=${encodeURIComponent(`staff:${editor.id}`)}`, { headers: { authorization: `Bearer ${admin.session.accessToken}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toBe('"时间（北京时间）","操作人","操作人编号","IP","操作","对象","原因","变更前哈希","变更后哈希"')
    expect(lines).toHaveLength(1 + 5)
    expect(lines[1]).toContain('"staff.login-succeeded"')
    const odd = await fetch(`${t.url}/api/v1/audit/export.csv?subject=csv:1`, { headers: { authorization: `Bearer ${admin.session.accessToken}` } })
    const row = (await odd.text()).trim().split('\r\n')[1]!
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(row).toContain('"含""引号""，和逗号"')
  })
})
