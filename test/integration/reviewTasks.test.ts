import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError, type ContentDraftInput } from '@zw/shared'
import type { StaffPrincipal } from '../../server/src/auth/principal'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { EditionModel } from '../../server/src/review/model'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { outcome, staffSession } from '../support/staff'

type Session = Awaited<ReturnType<typeof staffSession>>
let t: TestApp
let editor: Session
let reviewer: Session
let editorReviewer: Session
let admin: Session
let adminWhoWrites: Session
const DEPT = 'xinxiang-gov-office'

beforeAll(async () => {
  t = await startTestApp()
  editor = await staffSession(t, 'rt-editor', DEPT, ['editor'])
  reviewer = await staffSession(t, 'rt-reviewer', DEPT, ['reviewer'])
  editorReviewer = await staffSession(t, 'rt-both', DEPT, ['editor', 'reviewer'])
  admin = await staffSession(t, 'rt-admin', DEPT, ['department-admin'])
  adminWhoWrites = await staffSession(t, 'rt-admin-editor', DEPT, ['department-admin', 'editor'])
})
afterAll(() => t.close())

const draft = (title: string) => policyDraft({ title, department: DEPT, body: '<p>因汛情紧急，现将有关事项通知如下。</p>' }) as ContentDraftInput
const principal = (s: Session, roles: StaffPrincipal['roles']): StaffPrincipal => ({ id: s.id, username: 'x', displayName: 'x', department: DEPT, roles, sessionId: 's', ip: '127.0.0.1', userAgent: 'test' })
const fails = async (call: Promise<unknown>) => {
  try {
    await call
  } catch (err) {
    if (err instanceof ApiClientError) return { status: err.status, code: err.code, message: err.message, fields: Object.fromEntries(err.fields.map((f) => [f.path, f.message])) }
  }
  throw new Error('expected the call to fail')
}

describe('强制发布: a department admin publishes without review, and another reviewer reviews it afterwards', () => {
  it('needs a written reason, publishes at once, and gives a reviewer who did not write it a retrospective task that the dashboard counts', async () => {
    const e = await editorReviewer.api.call('createItemDraft', { body: draft('关于防汛应急响应的紧急通知（强制发布测试）') })
    const before = await admin.api.call('getDepartmentDashboard', {})

    expect(await fails(admin.api.call('forcePublishEdition', { params: { id: e.id }, body: { reason: '紧急' } }))).toMatchObject({ status: 400, fields: { reason: expect.stringContaining('至少 10 个字') } })
    expect(await outcome(reviewer.api.call('forcePublishEdition', { params: { id: e.id }, body: { reason: '汛情紧急，须立即向群众发布。' } }))).toBe('FORBIDDEN')
    expect((await editor.api.call('getEdition', { params: { id: e.id } })).state).toBe('draft')

    const forced = await admin.api.call('forcePublishEdition', { params: { id: e.id }, body: { reason: '汛情紧急，须立即向群众发布。' } })
    expect(forced).toMatchObject({ state: 'published', forced: { by: admin.id, reason: '汛情紧急，须立即向群众发布。' } })
    expect(forced.forced!.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect((await t.api.call('getItem', { params: { id: e.itemId } })).title).toBe('关于防汛应急响应的紧急通知（强制发布测试）')
    const audit = await AuditRecordModel.findOne({ subject: `content:${e.itemId}`, action: 'edition.forcePublish' }).lean()
    expect(audit).toMatchObject({ actor: { id: admin.id }, reason: '汛情紧急，须立即向群众发布。', after: { state: 'published' } })

    // The task goes to reviewers other than the author.
    const reviewerTasks = (await reviewer.api.call('listReviewTasks', {})).items.filter((x) => x.editionId === e.id)
    expect(reviewerTasks).toEqual([expect.objectContaining({ kind: 'retrospective', reason: '汛情紧急，须立即向群众发布。', dueOn: forced.forced!.dueOn, overdue: false })])
    expect((await editorReviewer.api.call('listReviewTasks', {})).items.filter((x) => x.editionId === e.id)).toEqual([])
    expect(await outcome(editorReviewer.api.call('completeRetrospectiveReview', { params: { id: reviewerTasks[0]!.id }, body: { outcome: 'confirmed' } }))).toBe('FORBIDDEN')

    const during = await admin.api.call('getDepartmentDashboard', {})
    expect(during.forcePublished.total).toBe(before.forcePublished.total + 1)
    expect(during.forcePublished.thisYear).toBe(before.forcePublished.thisYear + 1)
    expect(during.retrospectiveOpen).toBe(before.retrospectiveOpen + 1)

    const after = await reviewer.api.call('completeRetrospectiveReview', { params: { id: reviewerTasks[0]!.id }, body: { outcome: 'confirmed', note: '内容无误' } })
    expect(after.items.map((x) => x.editionId)).not.toContain(e.id)
    expect(await outcome(reviewer.api.call('completeRetrospectiveReview', { params: { id: reviewerTasks[0]!.id }, body: { outcome: 'confirmed' } }))).toBe('CONFLICT')
    const done = await admin.api.call('getDepartmentDashboard', {})
    expect(done.retrospectiveOpen).toBe(before.retrospectiveOpen)
    expect(done.forcePublished.total).toBe(before.forcePublished.total + 1)
  })

  it('never lets an admin force their own edition, nor past a finding nobody may override', async () => {
    const own = await adminWhoWrites.api.call('createItemDraft', { body: draft('管理员自己撰写的通知（强制发布测试）') })
    expect(await fails(adminWhoWrites.api.call('forcePublishEdition', { params: { id: own.id }, body: { reason: '我自己写的，想直接发布出去。' } }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不能审核或发布自己撰写') })
    const secret = await editor.api.call('createItemDraft', { body: policyDraft({ title: '依申请公开的文件（强制发布测试）', department: DEPT, policy: { disclosure: 'on-application' } }) as ContentDraftInput })
    expect(await fails(admin.api.call('forcePublishEdition', { params: { id: secret.id }, body: { reason: '领导要求立即发布这份文件。' } }))).toMatchObject({ code: 'CONFLICT' })
    expect((await editor.api.call('getEdition', { params: { id: secret.id } })).state).toBe('draft')
  })
})

describe('the reviewer inbox: age, and what has waited more than one working day', () => {
  it('counts working days in Beijing dates with 调休 and holidays, and warns instead of guessing past the calendar', async () => {
    const e = await editor.api.call('createItemDraft', { body: draft('审核时限测试稿件') })
    await editor.api.call('submitEdition', { params: { id: e.id }, body: {} })
    const inbox = t.services.review.inbox
    const me = principal(reviewer, ['reviewer'])
    const taskAt = async (submittedAt: string, now: string) => {
      await EditionModel.updateOne({ _id: e.id }, { $set: { submittedAt: new Date(submittedAt) } })
      return (await inbox.tasksFor(me, new Date(now))).find((x) => x.editionId === e.id)!
    }
    // Friday 16:00 in Beijing: due Monday, late from Tuesday 00:00 Beijing.
    expect(await taskAt('2026-11-20T08:00:00Z', '2026-11-23T15:59:00Z')).toMatchObject({ kind: 'review', dueOn: '2026-11-23', overdue: false, since: '2026-11-20T08:00:00.000Z' })
    expect(await taskAt('2026-11-20T08:00:00Z', '2026-11-23T16:00:00Z')).toMatchObject({ overdue: true })
    // The evening before National Day: the holiday week does not count.
    expect(await taskAt('2026-09-30T12:00:00Z', '2026-10-07T12:00:00Z')).toMatchObject({ dueOn: '2026-10-08', overdue: false })
    // 2027 has no data bundled: no due date and a warning naming the year, never a guess.
    expect(await taskAt('2026-12-31T02:00:00Z', '2027-01-05T02:00:00Z')).toMatchObject({ dueOn: null, overdue: false, calendarWarning: expect.stringContaining('缺少 2027 年的节假日安排') })
    // The author's own submission is not a task for them.
    expect((await inbox.tasksFor(principal(editorReviewer, ['editor', 'reviewer']), new Date())).map((x) => x.editionId)).toContain(e.id)
    const mine = await editorReviewer.api.call('createItemDraft', { body: draft('自己提交的稿件不进自己的任务') })
    await editorReviewer.api.call('submitEdition', { params: { id: mine.id }, body: {} })
    expect((await editorReviewer.api.call('listReviewTasks', {})).items.map((x) => x.editionId)).not.toContain(mine.id)
    expect((await reviewer.api.call('listReviewTasks', {})).items.map((x) => x.editionId)).toContain(mine.id)

    // Late reviews are counted on the dashboard.
    await EditionModel.updateOne({ _id: e.id }, { $set: { submittedAt: new Date('2026-11-02T02:00:00Z') } })
    const dash = await t.services.review.dashboard.of(principal(admin, ['department-admin']), new Date('2026-11-20T02:00:00Z'))
    expect(dash.overdueReview).toBeGreaterThanOrEqual(1)
    expect(dash.waitingReview).toBeGreaterThanOrEqual(2)
    expect(dash.overdueReview).toBeLessThan(dash.waitingReview)
  })

  it('is for reviewers of the department; the dashboard is for its staff, not the platform admin', async () => {
    const platform = await staffSession(t, 'rt-platform', DEPT, ['platform-admin'])
    expect(await outcome(editor.api.call('listReviewTasks', {}))).toBe('FORBIDDEN')
    expect(await outcome(admin.api.call('listReviewTasks', {}))).toBe('FORBIDDEN')
    expect(await outcome(platform.api.call('listReviewTasks', {}))).toBe('FORBIDDEN')
    expect(await outcome(editor.api.call('getDepartmentDashboard', {}))).toBe('OK')
    expect(await outcome(platform.api.call('getDepartmentDashboard', {}))).toBe('FORBIDDEN')
    const other = await staffSession(t, 'rt-other-admin', 'guiyang-hrss', ['department-admin'])
    const e = await editor.api.call('createItemDraft', { body: draft('其他部门管理员不能强制发布') })
    expect(await outcome(other.api.call('forcePublishEdition', { params: { id: e.id }, body: { reason: '跨部门强制发布应被拒绝。' } }))).toBe('FORBIDDEN')
    expect(await outcome(editor.api.call('forcePublishEdition', { params: { id: e.id }, body: { reason: '编辑不能强制发布任何稿件。' } }))).toBe('FORBIDDEN')
  })
})
