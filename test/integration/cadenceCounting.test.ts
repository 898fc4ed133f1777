import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { weekKey, type ContentDraftInput } from '@zw/shared'
import { AccountPublicationModel, PublishingAccountModel } from '../../server/src/cadence/model'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { staffSession } from '../support/staff'

type Session = Awaited<ReturnType<typeof staffSession>>
let t: TestApp
let editor: Session
let reviewer: Session
const DEPT = 'sanyuan-hrss'
const ACCOUNT = `miniprogram:${DEPT}`
const CHECKLIST = { political: true, legal: true, secrecy: true, wording: true } as const

beforeAll(async () => {
  t = await startTestApp()
  editor = await staffSession(t, 'cad-editor', DEPT, ['editor'])
  reviewer = await staffSession(t, 'cad-reviewer', DEPT, ['reviewer'])
})
afterAll(() => t.close())

const NOTICE = '<p>根据省人社厅安排，现将2026年度高校毕业生求职创业补贴申领工作通知如下：补贴对象为在校最后一学年的困难家庭毕业生，标准为每人2000元，请于12月20日前向学校就业指导中心提交申请材料。</p>'
async function approved(title: string, body: string) {
  const e = await editor.api.call('createItemDraft', { body: policyDraft({ title, body, department: DEPT }) as ContentDraftInput })
  await editor.api.call('submitEdition', { params: { id: e.id }, body: {} })
  await reviewer.api.call('approveEdition', { params: { id: e.id }, body: { checklist: CHECKLIST } })
  return e
}
async function published(title: string, body: string) {
  const e = await approved(title, body)
  await reviewer.api.call('publishEdition', { params: { id: e.id } })
  return e
}

describe("a department's mini-program account counts its updates", () => {
  it('counts new items and revisions; not minor revisions, re-posts of the same content, or items taken down; scheduled ones as forecast', async () => {
    const first = await published('关于2026年度高校毕业生求职创业补贴申领的通知', NOTICE)
    const account = await PublishingAccountModel.findById(ACCOUNT).lean()
    expect(account).toMatchObject({ department: DEPT, channel: 'miniprogram', minPerWeek: 2, maxGapDays: 14 })
    expect(account!.paused ?? null).toBeNull()

    // A revision with a change note is an update; a minor one is not.
    const revised = await editor.api.call('startItemEdition', { params: { id: first.itemId }, body: { changeNote: '申请截止日期延长' } })
    await editor.api.call('updateEdition', { params: { id: revised.id }, body: { ...revised.content, body: NOTICE.replace('12月20日', '12月31日') } as ContentDraftInput })
    await editor.api.call('submitEdition', { params: { id: revised.id }, body: {} })
    await reviewer.api.call('approveEdition', { params: { id: revised.id }, body: { checklist: CHECKLIST } })
    await reviewer.api.call('publishEdition', { params: { id: revised.id } })
    const typo = await editor.api.call('startItemEdition', { params: { id: first.itemId }, body: { minor: true } })
    await editor.api.call('submitEdition', { params: { id: typo.id }, body: {} })
    await reviewer.api.call('approveEdition', { params: { id: typo.id }, body: { checklist: CHECKLIST } })
    await reviewer.api.call('publishEdition', { params: { id: typo.id } })

    // The same notice posted again as a new item: a re-post.
    await published('【转发】关于2026年度高校毕业生求职创业补贴申领的通知', NOTICE)
    // Published, then taken down as published in error.
    const wrong = await published('误发的测试通知', '<p>这是一条误发的测试内容，请忽略。</p>')
    await reviewer.api.call('unpublishItem', { params: { id: wrong.itemId }, body: { reason: 'published-in-error' } })
    // Approved and scheduled: forecast until it publishes.
    const later = await approved('关于2026年度就业见习基地认定结果的公示', '<p>经评审，以下单位认定为就业见习基地。</p>')
    const at = new Date(Date.now() + 10 * 60_000)
    await reviewer.api.call('scheduleEdition', { params: { id: later.id }, body: { at: at.toISOString() } })

    const records = await AccountPublicationModel.find({ accountId: ACCOUNT }).sort({ at: 1 }).lean()
    expect(records.map((r) => [r.title, r.edition, r.minor, r.duplicateOf, r.unpublishedInError])).toEqual([
      ['关于2026年度高校毕业生求职创业补贴申领的通知', 1, false, null, false],
      ['关于2026年度高校毕业生求职创业补贴申领的通知', 2, false, null, false],
      ['关于2026年度高校毕业生求职创业补贴申领的通知', 3, true, null, false],
      ['【转发】关于2026年度高校毕业生求职创业补贴申领的通知', 1, false, first.itemId, false],
      ['误发的测试通知', 1, false, null, true],
    ])

    const now = new Date()
    const thisWeek = await t.services.cadence.counter.week(ACCOUNT, weekKey(now))
    const scheduledWeek = await t.services.cadence.counter.week(ACCOUNT, weekKey(at))
    if (weekKey(now) === weekKey(at)) expect(thisWeek).toEqual({ published: 2, forecast: 1, minimum: 2, paused: false })
    else {
      expect(thisWeek).toEqual({ published: 2, forecast: 0, minimum: 2, paused: false })
      expect(scheduledWeek).toMatchObject({ published: 0, forecast: 1 })
    }
    // Finishing a publication again records nothing twice.
    const { publishEditionItem } = await import('../../server/src/review/editionItemPublication')
    const { EditionModel } = await import('../../server/src/review/model')
    await publishEditionItem((await EditionModel.findById(first.id).lean())!, new Date(), new Date(), t.services.review.checker, t.services.review.events)
    expect(await AccountPublicationModel.countDocuments({ accountId: ACCOUNT })).toBe(5)
  })
})
