import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentDraft } from '@zw/shared'
import { AccountColumnModel, AccountPublicationModel, PublishingAccountModel, RecentTextsModel, WeekTallyModel } from '../../server/src/cadence/model'
import { backfillPublicationRecords } from '../../server/src/cadence/publicationBackfill'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const beijing = (local: string) => new Date(`${local}+08:00`)
const DEPT = 'xinxiang-gov-office'
const ACCOUNT = `miniprogram:${DEPT}`
let n = 0
const publishAt = (local: string) =>
  t.services.cadence.recorder.published({ itemId: `tally-${++n}`, edition: 1, department: DEPT, content: policyDraft({ title: `计数测试 ${n}，编号 ${n * 7919}`, body: `<p>互不相同 ${n * 104723} ${'新'.repeat(n)}</p>`, department: DEPT }) as ContentDraft, at: beijing(local), minor: false })
const tally = async (week: string) => ((await WeekTallyModel.findById(week).lean())?.counts ?? {})[ACCOUNT] ?? 0

describe('weekly tallies', () => {
  it('are kept as updates are recorded and taken down, and the weekly report recounts the finished week from the records', async () => {
    await publishAt('2026-12-07T10:00:00')
    await publishAt('2026-12-08T10:00:00')
    await publishAt('2026-12-09T10:00:00')
    expect(await tally('2026-W50')).toBe(3)
    // Told twice of the same publication, or of the same takedown: counted once.
    await t.services.cadence.recorder.published({ itemId: 'tally-1', edition: 1, department: DEPT, content: policyDraft({ department: DEPT }) as ContentDraft, at: beijing('2026-12-07T10:00:00'), minor: false })
    await t.services.cadence.recorder.unpublishedInError('tally-3')
    await t.services.cadence.recorder.unpublishedInError('tally-3')
    expect(await tally('2026-W50')).toBe(2)
    // A count the recorder missed (a crash between its writes) …
    await WeekTallyModel.updateOne({ _id: '2026-W50' }, { $set: { [`counts.${ACCOUNT}`]: 7 } })
    const report = await t.services.cadence.reporter.report(beijing('2026-12-14T09:00:00'))
    // … is right in the report and from then on.
    expect(report!.accounts.find((a) => a.accountId === ACCOUNT)).toMatchObject({ published: 2, compliant: true })
    expect(await tally('2026-W50')).toBe(2)
    // The texts new publications are compared with are those of the last 30 days.
    await publishAt('2027-01-20T10:00:00')
    expect((await RecentTextsModel.findById(ACCOUNT).lean())!.recent.map((r) => r.itemId)).toEqual([`tally-${n}`])
  })

  it('are built, with columns, last updates and recent texts, for records written before they existed', async () => {
    const old = (id: string, at: string, extra: Record<string, unknown> = {}) => ({ _id: `miniprogram:sanyuan-hrss:${id}:1`, accountId: 'miniprogram:sanyuan-hrss', itemId: id, edition: 1, title: id, text: `旧记录${id}的正文文字各不相同`, at: beijing(at), week: '2026-W51', minor: false, unpublishedInError: false, duplicateOf: null, ...extra })
    await PublishingAccountModel.collection.insertOne({ _id: 'miniprogram:sanyuan-hrss', department: 'sanyuan-hrss', channel: 'miniprogram', name: '三元（小程序）', minPerWeek: 2, maxGapDays: 14, paused: null, createdAt: beijing('2026-12-01T00:00:00') } as never)
    await AccountPublicationModel.collection.insertMany([old('o1', '2026-12-14T10:00:00'), old('o2', '2026-12-15T10:00:00'), old('o3', '2026-12-16T10:00:00', { minor: true })] as never)
    expect(await backfillPublicationRecords(beijing('2026-12-17T00:00:00'))).toBe(3)
    expect((await AccountPublicationModel.find({ accountId: 'miniprogram:sanyuan-hrss' }).sort({ _id: 1 }).lean()).map((p) => [p.itemId, p.counts, p.column])).toEqual([
      ['o1', true, 'policy'],
      ['o2', true, 'policy'],
      ['o3', false, 'policy'],
    ])
    expect(((await WeekTallyModel.findById('2026-W51').lean())!.counts)['miniprogram:sanyuan-hrss']).toBe(2)
    expect((await PublishingAccountModel.findById('miniprogram:sanyuan-hrss').lean())!.lastUpdateAt).toEqual(beijing('2026-12-15T10:00:00'))
    expect(await AccountColumnModel.countDocuments({ accountId: 'miniprogram:sanyuan-hrss' })).toBe(3)
    expect((await RecentTextsModel.findById('miniprogram:sanyuan-hrss').lean())!.recent.map((r) => r.itemId)).toEqual(['o1', 'o2', 'o3'])
    // Done once: a second start finds nothing to do.
    expect(await backfillPublicationRecords()).toBe(0)
  })
})
