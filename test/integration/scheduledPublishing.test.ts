import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError, type ContentDraftInput } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { ContentItem } from '../../server/src/content/model'
import { EditionModel } from '../../server/src/review/model'
import { ScheduledEditionPublisher } from '../../server/src/review/scheduledEditionPublisher'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { outcome, staffSession } from '../support/staff'

let t: TestApp
let editor: Awaited<ReturnType<typeof staffSession>>
let reviewer: Awaited<ReturnType<typeof staffSession>>
const CHECKLIST = { political: true, legal: true, secrecy: true, wording: true } as const
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()

beforeAll(async () => {
  t = await startTestApp()
  editor = await staffSession(t, 'sch-editor', 'xinxiang-gov-office', ['editor'])
  reviewer = await staffSession(t, 'sch-reviewer', 'xinxiang-gov-office', ['reviewer'])
})
afterAll(() => t.close())

async function approvedEdition(title: string) {
  const e = await editor.api.call('createItemDraft', { body: policyDraft({ department: 'xinxiang-gov-office', regions: ['410700000000'], title }) as ContentDraftInput })
  await editor.api.call('submitEdition', { params: { id: e.id }, body: {} })
  await reviewer.api.call('approveEdition', { params: { id: e.id }, body: { checklist: CHECKLIST } })
  return e
}

describe('scheduled publishing', () => {
  it('needs at least five minutes, a reviewer who did not write it, and can be taken off the schedule', async () => {
    const e = await approvedEdition('关于定时发布测试一的通知')
    const soon = (await reviewer.api.call('scheduleEdition', { params: { id: e.id }, body: { at: inMinutes(4) } }).catch((x: ApiClientError) => x)) as ApiClientError
    expect(soon.code).toBe('VALIDATION_FAILED')
    expect(soon.fields).toEqual([{ path: 'at', message: '定时发布时间须至少在 5 分钟之后' }])
    expect(await outcome(editor.api.call('scheduleEdition', { params: { id: e.id }, body: { at: inMinutes(10) } }))).toBe('FORBIDDEN')
    const scheduled = await reviewer.api.call('scheduleEdition', { params: { id: e.id }, body: { at: inMinutes(10) } })
    expect(scheduled).toMatchObject({ state: 'scheduled', actions: ['unschedule'] })
    const back = await reviewer.api.call('unscheduleEdition', { params: { id: e.id } })
    expect(back).toMatchObject({ state: 'approved', scheduledAt: null })
  })

  it('publishes each due edition exactly once when several instances run the job at the same moment, and reports none overdue after', async () => {
    const due = await approvedEdition('关于定时发布测试二的通知')
    const later = await approvedEdition('关于定时发布测试三的通知')
    const dueAt = inMinutes(6)
    await reviewer.api.call('scheduleEdition', { params: { id: due.id }, body: { at: dueAt } })
    await reviewer.api.call('scheduleEdition', { params: { id: later.id }, body: { at: inMinutes(60) } })

    // The clock moves past the due time, but no instance ran the job yet: /readyz shows it overdue.
    const whenDue = new Date(Date.parse(dueAt) + 2 * 60_000)
    expect(await t.services.review.scheduledPublisher.overdueCount(whenDue)).toBe(1)
    expect(await t.services.review.scheduledPublisher.overdueCount(new Date())).toBe(0)

    // Three instances' publishers race on the same database.
    const sync = () => t.services.content.readModel.syncNow()
    const instances = [0, 1, 2].map(() => new ScheduledEditionPublisher(sync, t.logger, t.services.review.checker))
    const counts = await Promise.all(instances.map((p) => p.publishDue(whenDue)))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1)

    const item = await ContentItem.findById(due.itemId).lean()
    expect(item).toMatchObject({ status: 'published', version: 2 })
    expect(item!.publishedAt!.toISOString()).toBe(dueAt) // published as of its scheduled time
    expect((await EditionModel.findById(due.id).lean())!.state).toBe('published')
    expect((await EditionModel.findById(later.id).lean())!.state).toBe('scheduled')
    expect(await AuditRecordModel.countDocuments({ subject: `content:${due.itemId}`, action: 'edition.publish-scheduled' })).toBe(1)
    expect((await t.api.call('getItem', { params: { id: due.itemId } })).title).toBe('关于定时发布测试二的通知')
    expect(await t.services.review.scheduledPublisher.overdueCount(whenDue)).toBe(0)
    expect((await t.api.call('getReadiness', {})).overdueScheduledEditions).toBe(0)
  })

  it('after downtime, one run publishes everything that fell due, and finishes a publication an instance left halfway', async () => {
    const a = await approvedEdition('关于定时发布测试四的通知')
    const b = await approvedEdition('关于定时发布测试五的通知')
    await reviewer.api.call('scheduleEdition', { params: { id: a.id }, body: { at: inMinutes(6) } })
    const bAt = new Date(inMinutes(8))
    await reviewer.api.call('scheduleEdition', { params: { id: b.id }, body: { at: bAt.toISOString() } })
    // An instance claimed b (scheduled → published) and died before its item went public.
    await EditionModel.updateOne({ _id: b.id }, { $set: { state: 'published', publishedAt: bAt, updatedAt: bAt } })
    expect((await ContentItem.findById(b.itemId).lean())!.status).toBe('draft')

    const restartedAt = new Date(Date.now() + 3 * 60 * 60_000) // three hours of downtime
    // Due by then: a, and the one the previous test scheduled an hour ahead.
    expect(await EditionModel.countDocuments({ state: 'scheduled', scheduledAt: { $lte: restartedAt } })).toBe(2)
    expect(await t.services.review.scheduledPublisher.publishDue(restartedAt)).toBe(3)
    expect(await EditionModel.countDocuments({ state: 'scheduled', scheduledAt: { $lte: restartedAt } })).toBe(0)
    for (const e of [a, b]) {
      const item = await ContentItem.findById(e.itemId).lean()
      expect(item).toMatchObject({ status: 'published', version: 2 })
      expect((await EditionModel.findById(e.id).lean())!.itemPublished).toBe(true)
    }
    expect((await ContentItem.findById(b.itemId).lean())!.publishedAt!.toISOString()).toBe(bAt.toISOString())
    // Nothing left to do: a second run publishes nothing.
    expect(await t.services.review.scheduledPublisher.publishDue(restartedAt)).toBe(0)
  })
})
