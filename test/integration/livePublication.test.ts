import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError, type ContentDraftInput } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { ContentItem } from '../../server/src/content/model'
import { publishEditionItem } from '../../server/src/review/editionItemPublication'
import { EditionModel, type EditionDoc } from '../../server/src/review/model'
import { startTestApp, type TestApp } from '../support/app'
import { interpretationDraft, policyDraft, published } from '../support/content'
import { outcome, outcomesOf, staffSession } from '../support/staff'

let t: TestApp
let editor: Awaited<ReturnType<typeof staffSession>>
let editor2: Awaited<ReturnType<typeof staffSession>>
let reviewer: Awaited<ReturnType<typeof staffSession>>
let admin: Awaited<ReturnType<typeof staffSession>>
const CHECKLIST = { political: true, legal: true, secrecy: true, wording: true } as const
const DEPT = 'guiyang-hrss'

beforeAll(async () => {
  t = await startTestApp()
  editor = await staffSession(t, 'lp-editor', DEPT, ['editor'])
  editor2 = await staffSession(t, 'lp-editor2', DEPT, ['editor'])
  reviewer = await staffSession(t, 'lp-reviewer', DEPT, ['reviewer'])
  admin = await staffSession(t, 'lp-admin', DEPT, ['department-admin'])
})
afterAll(() => t.close())

/** Writes, submits, approves and publishes a first edition through the API; answers the item id. */
async function publishThroughReview(title: string, body: string): Promise<string> {
  const e = await editor.api.call('createItemDraft', { body: policyDraft({ title, body, department: DEPT }) as ContentDraftInput })
  await editor.api.call('submitEdition', { params: { id: e.id }, body: {} })
  await reviewer.api.call('approveEdition', { params: { id: e.id }, body: { checklist: CHECKLIST } })
  await reviewer.api.call('publishEdition', { params: { id: e.id } })
  return e.itemId
}

const fieldsOf = async (call: Promise<unknown>) => {
  try {
    await call
  } catch (err) {
    if (err instanceof ApiClientError) return { status: err.status, code: err.code, fields: Object.fromEntries(err.fields.map((f) => [f.path, f.message])) }
  }
  throw new Error('expected the call to fail')
}

describe('修订: a published item gets a new edition that replaces the live one only when published', () => {
  it('copies what is live, keeps the public page unchanged until a second person publishes it, then shows it with the change note', async () => {
    const itemId = await publishThroughReview('就业创业补贴申领通知（修订测试）', '<p>申领期限为三十日，逾期不予受理。</p>')
    const e2 = await editor.api.call('startItemEdition', { params: { id: itemId }, body: {} })
    expect(e2).toMatchObject({ number: 2, state: 'draft', itemId, changeNote: null, minor: false })
    expect(e2.content.body).toContain('申领期限为三十日')

    // One open edition per item, whoever asks.
    expect(await fieldsOf(editor2.api.call('startItemEdition', { params: { id: itemId }, body: {} }))).toMatchObject({ status: 409, code: 'CONFLICT' })

    const changed = { ...e2.content, body: '<p>申领期限延长为六十日，逾期不予受理。</p>' } as ContentDraftInput
    await editor.api.call('updateEdition', { params: { id: e2.id }, body: changed })
    // A revision must say what changed, or that it is minor — and nothing is written when it does not.
    expect(await fieldsOf(editor.api.call('submitEdition', { params: { id: e2.id }, body: {} }))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: { changeNote: expect.stringContaining('请填写修改说明') },
    })
    expect((await editor.api.call('getEdition', { params: { id: e2.id } })).state).toBe('draft')
    await editor.api.call('submitEdition', { params: { id: e2.id }, body: { changeNote: '申领期限由三十日延长为六十日' } })
    // Maker–checker holds for revisions too.
    expect(await outcome(editor.api.call('approveEdition', { params: { id: e2.id }, body: { checklist: CHECKLIST } }))).toBe('FORBIDDEN')
    await reviewer.api.call('approveEdition', { params: { id: e2.id }, body: { checklist: CHECKLIST } })

    // Approved, not published: the public still reads the first edition.
    const before = await t.api.call('getItem', { params: { id: itemId } })
    expect(before.body).toContain('三十日')
    expect(before.history.map((h) => h.kind)).toEqual(['published'])

    await reviewer.api.call('publishEdition', { params: { id: e2.id } })
    const after = await t.api.call('getItem', { params: { id: itemId } })
    expect(after.body).toContain('六十日')
    expect(after.body).not.toContain('三十日')
    expect(after.publishedAt).toBe(before.publishedAt) // 发布日期 stays; the revision is dated in the history
    expect(after.history).toEqual([
      { kind: 'published', at: before.publishedAt },
      { kind: 'edited', at: expect.any(String), note: '申领期限由三十日延长为六十日' },
    ])
    // Search follows the live text.
    const found = await t.api.call('searchItems', { query: { q: '六十日' } })
    expect(found.items.map((i) => i.id)).toContain(itemId)

    const item = await editor.api.call('getStaffItem', { params: { id: itemId } })
    expect(item).toMatchObject({ status: 'published', liveEdition: 2 })
    expect(item.editions.map((e) => [e.number, e.state])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ])
    expect(item.actions).toEqual(['startEdition'])
    const audit = await AuditRecordModel.find({ subject: `content:${itemId}` }).sort({ at: 1, _id: 1 }).lean()
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['edition.created', 'edition.submit', 'edition.approve', 'edition.publish', 'edition.superseded']))
  })

  it('leaves a minor revision out of the public history, and lets an editor discard a revision', async () => {
    const itemId = await publishThroughReview('城乡居民养老保险参保通知（细微修改）', '<p>参保登记在户籍所在地办理。</p>')
    const e2 = await editor.api.call('startItemEdition', { params: { id: itemId }, body: { minor: true } })
    await editor.api.call('updateEdition', { params: { id: e2.id }, body: { ...e2.content, body: '<p>参保登记在户籍所在地社区办理。</p>' } as ContentDraftInput })
    await editor.api.call('submitEdition', { params: { id: e2.id }, body: {} })
    await reviewer.api.call('approveEdition', { params: { id: e2.id }, body: { checklist: CHECKLIST } })
    await reviewer.api.call('publishEdition', { params: { id: e2.id } })
    const detail = await t.api.call('getItem', { params: { id: itemId } })
    expect(detail.body).toContain('社区办理')
    expect(detail.history.map((h) => h.kind)).toEqual(['published'])

    const e3 = await editor2.api.call('startItemEdition', { params: { id: itemId }, body: {} })
    expect(e3.number).toBe(3)
    expect(await outcome(reviewer.api.call('discardEdition', { params: { id: e3.id } }))).toBe('FORBIDDEN')
    expect((await editor2.api.call('discardEdition', { params: { id: e3.id } })).state).toBe('discarded')
    // Discarded: the live page is untouched and a new revision may start.
    expect((await t.api.call('getItem', { params: { id: itemId } })).body).toContain('社区办理')
    expect((await editor.api.call('startItemEdition', { params: { id: itemId }, body: {} })).number).toBe(4)
  })

  it('gives exactly one of several editors starting a revision at the same moment the new edition', async () => {
    const itemId = await publishThroughReview('临时救助申请指引（并发修订）', '<p>临时救助向乡镇人民政府提出申请。</p>')
    const results = await Promise.all([editor, editor2, editor, editor2].map((e) => outcome(e.api.call('startItemEdition', { params: { id: itemId }, body: {} }))))
    expect(results.filter((r) => r === 'OK')).toHaveLength(1)
    expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(3)
    expect(await EditionModel.countDocuments({ itemId, number: 2 })).toBe(1)
  })

  it('publishes a scheduled revision in place of the live content at its time', async () => {
    const itemId = await publishThroughReview('高校毕业生就业补贴通知（定时修订）', '<p>补贴标准为每人一千元。</p>')
    const e2 = await editor.api.call('startItemEdition', { params: { id: itemId }, body: { changeNote: '补贴标准调整' } })
    await editor.api.call('updateEdition', { params: { id: e2.id }, body: { ...e2.content, body: '<p>补贴标准为每人一千五百元。</p>' } as ContentDraftInput })
    await editor.api.call('submitEdition', { params: { id: e2.id }, body: {} })
    await reviewer.api.call('approveEdition', { params: { id: e2.id }, body: { checklist: CHECKLIST } })
    const at = new Date(Date.now() + 6 * 60_000)
    await reviewer.api.call('scheduleEdition', { params: { id: e2.id }, body: { at: at.toISOString() } })
    expect(await t.services.review.scheduledPublisher.publishDue(new Date())).toBe(0)
    expect((await t.api.call('getItem', { params: { id: itemId } })).body).toContain('一千元')
    expect(await t.services.review.scheduledPublisher.publishDue(new Date(at.getTime() + 1000))).toBe(1)
    const detail = await t.api.call('getItem', { params: { id: itemId } })
    expect(detail.body).toContain('一千五百元')
    expect(detail.history.at(-1)).toEqual({ kind: 'edited', at: at.toISOString(), note: '补贴标准调整' })
    // A second run changes nothing; nor does finishing the publication again (as after a crash halfway).
    expect(await t.services.review.scheduledPublisher.publishDue(new Date(at.getTime() + 60_000))).toBe(0)
    const version = (await ContentItem.findById(itemId).lean())!.version
    await publishEditionItem((await EditionModel.findById(e2.id).lean<EditionDoc>())!, at, new Date())
    expect((await ContentItem.findById(itemId).lean())!.version).toBe(version)
    expect((await t.api.call('getItem', { params: { id: itemId } })).history).toHaveLength(2)
  })
})

describe('撤回, 下线 and 效力状态: what the public sees afterwards', () => {
  it('withdraws with a public explanation: the page stays with a banner, lists and search drop it, open revisions are discarded', async () => {
    const itemId = await publishThroughReview('危房改造补助通知（撤回测试）', '<p>危房改造补助对象为农村低收入群体。</p>')
    const open = await editor.api.call('startItemEdition', { params: { id: itemId }, body: { changeNote: '补充材料' } })

    expect(await fieldsOf(reviewer.api.call('withdrawItem', { params: { id: itemId }, body: { explanation: '有误' } }))).toMatchObject({
      status: 400,
      fields: { explanation: expect.stringContaining('至少 10 个字') },
    })
    expect(await outcome(editor.api.call('withdrawItem', { params: { id: itemId }, body: { explanation: '该通知所述补助标准已调整，请以新通知为准。' } }))).toBe('FORBIDDEN')
    expect((await t.api.call('getItem', { params: { id: itemId } })).withdrawal).toBeUndefined()

    const item = await reviewer.api.call('withdrawItem', { params: { id: itemId }, body: { explanation: '该通知所述补助标准已调整，请以新通知为准。' } })
    expect(item).toMatchObject({ status: 'withdrawn', withdrawal: { explanation: '该通知所述补助标准已调整，请以新通知为准。' } })
    expect(item.actions).toEqual(['unpublish'])

    const detail = await t.api.call('getItem', { params: { id: itemId } })
    expect(detail.withdrawal).toMatchObject({ explanation: '该通知所述补助标准已调整，请以新通知为准。' })
    expect(detail.history.map((h) => h.kind)).toEqual(['published', 'withdrawn'])
    expect((await t.api.call('listItems', { query: { limit: 50 } })).items.map((i) => i.id)).not.toContain(itemId)
    expect((await t.api.call('searchItems', { query: { q: '危房改造补助' } })).items.map((i) => i.id)).not.toContain(itemId)

    expect((await editor.api.call('getEdition', { params: { id: open.id } })).state).toBe('discarded')
    expect(await outcome(editor.api.call('startItemEdition', { params: { id: itemId }, body: {} }))).toBe('CONFLICT')
    expect(await outcome(reviewer.api.call('withdrawItem', { params: { id: itemId }, body: { explanation: '再撤回一次，应当被拒绝。' } }))).toBe('CONFLICT')
  })

  it('unpublishes with a reason from the fixed list: the page is gone and the reason is in the audit trail', async () => {
    const itemId = await publishThroughReview('社会保险补贴公示（下线测试）', '<p>公示期为五个工作日。</p>')
    expect(await fieldsOf(admin.api.call('unpublishItem', { params: { id: itemId }, body: { reason: 'because' as never } }))).toMatchObject({
      status: 400,
      fields: { reason: '请选择下线原因' },
    })
    expect((await t.api.call('getItem', { params: { id: itemId } })).id).toBe(itemId)
    const item = await admin.api.call('unpublishItem', { params: { id: itemId }, body: { reason: 'duplicate', note: '与第 12 号公示重复' } })
    expect(item.status).toBe('unpublished')
    expect(await outcome(t.api.call('getItem', { params: { id: itemId } }))).toBe('NOT_FOUND')
    const audit = await AuditRecordModel.findOne({ subject: `content:${itemId}`, action: 'item.unpublish' }).lean()
    expect(audit).toMatchObject({ actor: { id: admin.id }, reason: '重复发布：与第 12 号公示重复', before: { status: 'published' }, after: { status: 'unpublished', reason: 'duplicate' } })
  })

  it('marks a repealed policy on its own page, linking the one that replaces it', async () => {
    const oldId = await publishThroughReview('贵阳市就业补贴管理办法（2019 年）', '<p>本办法自发布之日起施行。</p>')
    const newId = await publishThroughReview('贵阳市就业补贴管理办法（2026 年）', '<p>本办法自 2026 年 12 月 1 日起施行。</p>')
    const interpretation = await published(interpretationDraft([oldId], { department: DEPT }), new Date())
    expect(await fieldsOf(reviewer.api.call('changeItemValidity', { params: { id: oldId }, body: { status: 'repealed', changedOn: '2026-12-01', supersededBy: '0123456789abcdef01234567' } }))).toMatchObject({
      status: 400,
      fields: { supersededBy: '替代文件应为已发布的政策文件' },
    })
    expect(await fieldsOf(reviewer.api.call('changeItemValidity', { params: { id: interpretation }, body: { status: 'repealed', changedOn: '2026-12-01' } }))).toMatchObject({ status: 400 })
    expect(await outcome(editor.api.call('changeItemValidity', { params: { id: oldId }, body: { status: 'repealed', changedOn: '2026-12-01' } }))).toBe('FORBIDDEN')
    expect((await t.api.call('getItem', { params: { id: oldId } })).history).toHaveLength(1)

    await reviewer.api.call('changeItemValidity', { params: { id: oldId }, body: { status: 'repealed', changedOn: '2026-12-01', supersededBy: newId, note: '被 2026 年办法废止' } })
    const detail = await t.api.call('getItem', { params: { id: oldId } })
    if (detail.type !== 'policy') throw new Error('expected a policy')
    expect(detail.policy.validity).toMatchObject({ status: 'repealed', changedOn: '2026-12-01', supersededBy: newId })
    expect(detail.policy.supersededByItem).toMatchObject({ id: newId, title: '贵阳市就业补贴管理办法（2026 年）' })
    expect(detail.history.at(-1)).toMatchObject({ kind: 'validity', note: '已废止（2026-12-01）：被 2026 年办法废止' })
    // Still listed, with its status: a repealed policy is part of the record.
    const listed = await t.api.call('listItems', { query: { validity: 'repealed', limit: 50 } })
    expect(listed.items.map((i) => i.id)).toContain(oldId)
  })
})

describe('who may act on a published item (role × own or other department)', () => {
  type Role = 'editor' | 'reviewer' | 'department-admin' | 'platform-admin'
  const roles: Role[] = ['editor', 'reviewer', 'department-admin', 'platform-admin']
  const F = { own: 'FORBIDDEN', other: 'FORBIDDEN' }
  const OWN_ONLY = { own: 'OK', other: 'FORBIDDEN' }
  // Written out, not derived from the code under test.
  const EXPECTED: Record<string, Record<Role, { own: string; other: string }>> = {
    getStaffItem: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
    startItemEdition: { editor: OWN_ONLY, reviewer: F, 'department-admin': F, 'platform-admin': F },
    discardEdition: { editor: OWN_ONLY, reviewer: F, 'department-admin': F, 'platform-admin': F },
    withdrawItem: { editor: F, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
    unpublishItem: { editor: F, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
    changeItemValidity: { editor: F, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  }

  it('matches the table for every endpoint acting on a published item', async () => {
    const OWN = 'sanyuan-hrss' as const
    const OTHER = 'shandong-hrss' as const
    const actors = {} as Record<Role, Awaited<ReturnType<typeof staffSession>>>
    for (const role of roles) actors[role] = await staffSession(t, `lpt-${role}`, OWN, [role])
    const authors = { own: await staffSession(t, 'lpt-author-own', OWN, ['editor']), other: await staffSession(t, 'lpt-author-other', OTHER, ['editor']) }
    const livePolicy = (where: 'own' | 'other') => published(policyDraft({ department: where === 'own' ? OWN : OTHER, title: '权限表测试文件' }), new Date())
    const openEdition = async (where: 'own' | 'other') => (await authors[where].api.call('startItemEdition', { params: { id: await livePolicy(where) }, body: {} })).id
    const calls: Record<string, (a: (typeof actors)[Role], where: 'own' | 'other') => Promise<unknown>> = {
      getStaffItem: async (a, where) => a.api.call('getStaffItem', { params: { id: await livePolicy(where) } }),
      startItemEdition: async (a, where) => a.api.call('startItemEdition', { params: { id: await livePolicy(where) }, body: {} }),
      discardEdition: async (a, where) => a.api.call('discardEdition', { params: { id: await openEdition(where) } }),
      withdrawItem: async (a, where) => a.api.call('withdrawItem', { params: { id: await livePolicy(where) }, body: { explanation: '权限表测试：撤回说明文字。' } }),
      unpublishItem: async (a, where) => a.api.call('unpublishItem', { params: { id: await livePolicy(where) }, body: { reason: 'published-in-error' } }),
      changeItemValidity: async (a, where) => a.api.call('changeItemValidity', { params: { id: await livePolicy(where) }, body: { status: 'expired', changedOn: '2026-11-30' } }),
    }
    expect(await outcomesOf(calls, actors)).toEqual(EXPECTED)
    expect(await outcome(t.api.call('withdrawItem', { params: { id: await livePolicy('own') }, body: { explanation: '未登录不能撤回任何内容。' } }))).toBe('UNAUTHENTICATED')
    // 本部门内容: each sees its own department's items only; a platform admin reads no drafts.
    const otherItem = await livePolicy('other')
    const ownList = await actors.reviewer.api.call('listStaffItems', { query: { status: 'published' } })
    expect(ownList.items.length).toBeGreaterThan(0)
    expect(ownList.items.map((i) => i.id)).not.toContain(otherItem)
    expect(new Set(ownList.items.map((i) => i.status))).toEqual(new Set(['published']))
    expect((await actors.editor.api.call('listStaffItems', { query: {} })).items.map((i) => i.status)).toContain('unpublished')
    expect(await outcome(actors['platform-admin'].api.call('listStaffItems', { query: {} }))).toBe('FORBIDDEN')
  }, 180_000)
})
