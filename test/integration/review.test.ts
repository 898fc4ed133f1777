import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClientError, residentIdCheckChar, type ContentDraftInput } from '@zw/shared'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { outcome, outcomesOf, staffSession } from '../support/staff'

let t: TestApp
let editor: Awaited<ReturnType<typeof staffSession>>
let reviewer: Awaited<ReturnType<typeof staffSession>>
let editorReviewer: Awaited<ReturnType<typeof staffSession>>
let otherReviewer: Awaited<ReturnType<typeof staffSession>>
const ID = '52010219800101123' + residentIdCheckChar('52010219800101123')
const CHECKLIST = { political: true, legal: true, secrecy: true, wording: true } as const

beforeAll(async () => {
  t = await startTestApp()
  editor = await staffSession(t, 'gy-editor', 'guiyang-hrss', ['editor'])
  reviewer = await staffSession(t, 'gy-reviewer', 'guiyang-hrss', ['reviewer'])
  editorReviewer = await staffSession(t, 'gy-both', 'guiyang-hrss', ['editor', 'reviewer'])
  otherReviewer = await staffSession(t, 'xx-reviewer', 'xinxiang-gov-office', ['reviewer'])
})
afterAll(() => t.close())

const draft = (title: string, body = '<p>现就补贴申领有关事项通知如下。</p>') => policyDraft({ title, body }) as ContentDraftInput

describe('先审后发: an editor writes, a different reviewer approves, then it is public', () => {
  it('blocks submission of personal data until masked, refuses self-approval, and publishes after a second person checks', async () => {
    const created = await editorReviewer.api.call('createItemDraft', { body: draft('关于发放2026年一次性扩岗补助的通知', `<p>经审核，申请人（身份证号${ID}）符合条件。</p>`) })
    expect(created).toMatchObject({ state: 'draft', number: 1, makers: [editorReviewer.id] })
    expect(created.findings).toEqual([expect.objectContaining({ check: 'personal-data', field: 'body', blocking: true })])

    const blocked = (await editorReviewer.api.call('submitEdition', { params: { id: created.id }, body: {} }).catch((e: ApiClientError) => e)) as ApiClientError
    expect(blocked.code).toBe('CONFLICT')
    expect(blocked.message).toBe('发布前检查未通过：发现疑似身份证号码，公开前须去标识化处理')

    const masked = await editorReviewer.api.call('updateEdition', { params: { id: created.id }, body: draft('关于发放2026年一次性扩岗补助的通知', '<p>经审核，申请人（身份证号520102********1234）符合条件。</p>') })
    expect(masked.findings).toEqual([])
    const submitted = await editorReviewer.api.call('submitEdition', { params: { id: created.id }, body: {} })
    expect(submitted.state).toBe('submitted')
    // The author holds the reviewer role too, but may not approve or publish their own edition.
    expect(submitted.actions).toEqual(['recall'])
    const self = (await editorReviewer.api.call('approveEdition', { params: { id: created.id }, body: { checklist: CHECKLIST } }).catch((e: ApiClientError) => e)) as ApiClientError
    expect(self.code).toBe('FORBIDDEN')
    expect(self.message).toContain('先审后发')

    // Another department's reviewer cannot even read it.
    expect(await outcome(otherReviewer.api.call('getEdition', { params: { id: created.id } }))).toBe('FORBIDDEN')
    expect(await outcome(otherReviewer.api.call('approveEdition', { params: { id: created.id }, body: { checklist: CHECKLIST } }))).toBe('FORBIDDEN')

    expect((await reviewer.api.call('listReviewQueue', {})).items.map((e) => e.id)).toContain(created.id)
    const unchecked = (await reviewer.api
      .call('approveEdition', { params: { id: created.id }, body: { checklist: { political: true, legal: false, secrecy: true } as never } })
      .catch((e: ApiClientError) => e)) as ApiClientError
    expect(unchecked.code).toBe('VALIDATION_FAILED')
    expect(unchecked.fields.map((f) => f.message)).toEqual(['请确认已把好法律关', '请确认已把好文字关'])

    const approved = await reviewer.api.call('approveEdition', { params: { id: created.id }, body: { checklist: CHECKLIST } })
    expect(approved.state).toBe('approved')
    expect(approved.actions).toEqual(['publish', 'schedule'])
    expect(await outcome(editorReviewer.api.call('publishEdition', { params: { id: created.id } }))).toBe('FORBIDDEN')
    const published = await reviewer.api.call('publishEdition', { params: { id: created.id } })
    expect(published.state).toBe('published')

    // Publishing brought the read model up to date: the page is public at once.
    const publicItem = await t.api.call('getItem', { params: { id: created.itemId } })
    expect(publicItem.title).toBe('关于发放2026年一次性扩岗补助的通知')
    expect(publicItem.body).toContain('520102********1234')
    expect(publicItem.body).not.toContain(ID)

    const trail = await AuditRecordModel.find({ subject: `content:${created.itemId}` }).sort({ at: 1, _id: 1 }).lean()
    expect(trail.map((r) => [r.action, r.actor.name])).toEqual([
      ['edition.created', 'gy-both'],
      ['edition.edit', 'gy-both'],
      ['edition.submit', 'gy-both'],
      ['edition.approve', 'gy-reviewer'],
      ['edition.publish', 'gy-reviewer'],
    ])
  })

  it('is returned with the failed checks named, edited, and submitted again; steps from the wrong state are refused', async () => {
    const created = await editor.api.call('createItemDraft', { body: draft('关于调整失业保险金标准的通知') })
    expect(await outcome(reviewer.api.call('publishEdition', { params: { id: created.id } }))).toBe('CONFLICT')
    expect(await outcome(reviewer.api.call('approveEdition', { params: { id: created.id }, body: { checklist: CHECKLIST } }))).toBe('CONFLICT')
    expect(await outcome(reviewer.api.call('createItemDraft', { body: draft('审核员不能写稿') }))).toBe('FORBIDDEN')
    await editor.api.call('submitEdition', { params: { id: created.id }, body: {} })
    const rejected = await reviewer.api.call('rejectEdition', { params: { id: created.id }, body: { failed: ['legal', 'wording'], reasons: '缺少上位法依据；标题表述不规范。' } })
    expect(rejected).toMatchObject({ state: 'rejected', rejection: { failed: ['legal', 'wording'], reasons: '缺少上位法依据；标题表述不规范。', by: reviewer.id } })
    const noReason = (await reviewer.api.call('rejectEdition', { params: { id: created.id }, body: { failed: [], reasons: '' } }).catch((e: ApiClientError) => e)) as ApiClientError
    expect(noReason.fields.map((f) => f.message)).toEqual(['请选择未通过的审核项', '请写明退回理由'])
    const edited = await editor.api.call('updateEdition', { params: { id: created.id }, body: draft('关于调整本市失业保险金标准的通知') })
    expect(edited.state).toBe('draft')
    expect((await editor.api.call('submitEdition', { params: { id: created.id }, body: {} })).state).toBe('submitted')
    expect((await editor.api.call('listMyEditions', {})).items.map((e) => e.id)).toContain(created.id)
    expect(await outcome(editor.api.call('listReviewQueue', {}))).toBe('FORBIDDEN')
  })

  it('lets a reviewer publish a flagged edition only with a written reason for each finding', async () => {
    const hotline = '<p>咨询电话：13800000000（市人社局就业服务热线，已公开）。</p>'
    const created = await editor.api.call('createItemDraft', { body: draft('关于开通就业服务热线的通知', hotline) })
    const key = created.findings[0]!.key
    expect(await outcome(editor.api.call('submitEdition', { params: { id: created.id }, body: {} }))).toBe('CONFLICT')
    await editor.api.call('submitEdition', { params: { id: created.id }, body: { note: '这是对外公开的服务热线，不是个人号码。' } })
    const unexplained = (await reviewer.api.call('approveEdition', { params: { id: created.id }, body: { checklist: CHECKLIST } }).catch((e: ApiClientError) => e)) as ApiClientError
    expect(unexplained.code).toBe('CONFLICT')
    const approved = await reviewer.api.call('approveEdition', { params: { id: created.id }, body: { checklist: CHECKLIST, overrides: [{ key, reason: '单位公开热线，经核实可公开' }] } })
    expect(approved.findings[0]!.overriddenBy).toMatchObject({ name: 'gy-reviewer', reason: '单位公开热线，经核实可公开' })
    expect((await reviewer.api.call('publishEdition', { params: { id: created.id } })).state).toBe('published')
    const approval = await AuditRecordModel.findOne({ subject: `content:${created.itemId}`, action: 'edition.approve' }).lean()
    expect(approval!.reason).toContain('单位公开热线，经核实可公开')
  })
})

describe('who may take each editorial step (role × own or other department)', () => {
  type Role = 'editor' | 'reviewer' | 'department-admin' | 'platform-admin'
  const roles: Role[] = ['editor', 'reviewer', 'department-admin', 'platform-admin']
  const F = { own: 'FORBIDDEN', other: 'FORBIDDEN' }
  const OWN_ONLY = { own: 'OK', other: 'FORBIDDEN' }
  // Written out, not derived from the code under test.
  const EXPECTED: Record<string, Record<Role, { own: string; other: string }>> = {
    createItemDraft: { editor: OWN_ONLY, reviewer: F, 'department-admin': F, 'platform-admin': F },
    getEdition: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
    updateEdition: { editor: OWN_ONLY, reviewer: F, 'department-admin': F, 'platform-admin': F },
    submitEdition: { editor: OWN_ONLY, reviewer: F, 'department-admin': F, 'platform-admin': F },
    approveEdition: { editor: F, reviewer: OWN_ONLY, 'department-admin': F, 'platform-admin': F },
    rejectEdition: { editor: F, reviewer: OWN_ONLY, 'department-admin': F, 'platform-admin': F },
    publishEdition: { editor: F, reviewer: OWN_ONLY, 'department-admin': F, 'platform-admin': F },
  }

  it('matches the table for every editorial endpoint', async () => {
    const OWN = 'sanyuan-hrss' as const
    const OTHER = 'shandong-hrss' as const
    const authors = { own: await staffSession(t, 'tbl-author-own', OWN, ['editor']), other: await staffSession(t, 'tbl-author-other', OTHER, ['editor']) }
    const checkers = { own: await staffSession(t, 'tbl-checker-own', OWN, ['reviewer']), other: await staffSession(t, 'tbl-checker-other', OTHER, ['reviewer']) }
    const actors = {} as Record<Role, Awaited<ReturnType<typeof staffSession>>>
    for (const role of roles) actors[role] = await staffSession(t, `tbl-${role}`, OWN, [role])
    const body = (where: 'own' | 'other') => policyDraft({ department: where === 'own' ? OWN : OTHER, title: '表格测试稿件' }) as ContentDraftInput
    /** A fresh edition of that department, taken to `state` by its own author and checker. */
    const editionIn = async (where: 'own' | 'other', state: 'draft' | 'submitted' | 'approved') => {
      const e = await authors[where].api.call('createItemDraft', { body: body(where) })
      if (state !== 'draft') await authors[where].api.call('submitEdition', { params: { id: e.id }, body: {} })
      if (state === 'approved') await checkers[where].api.call('approveEdition', { params: { id: e.id }, body: { checklist: CHECKLIST } })
      return e.id
    }
    const calls: Record<string, (a: (typeof actors)[Role], where: 'own' | 'other') => Promise<unknown>> = {
      createItemDraft: (a, where) => a.api.call('createItemDraft', { body: body(where) }),
      getEdition: async (a, where) => a.api.call('getEdition', { params: { id: await editionIn(where, 'draft') } }),
      updateEdition: async (a, where) => a.api.call('updateEdition', { params: { id: await editionIn(where, 'draft') }, body: body(where) }),
      submitEdition: async (a, where) => a.api.call('submitEdition', { params: { id: await editionIn(where, 'draft') }, body: {} }),
      approveEdition: async (a, where) => a.api.call('approveEdition', { params: { id: await editionIn(where, 'submitted') }, body: { checklist: CHECKLIST } }),
      rejectEdition: async (a, where) => a.api.call('rejectEdition', { params: { id: await editionIn(where, 'submitted') }, body: { failed: ['wording'], reasons: '表述需修改' } }),
      publishEdition: async (a, where) => a.api.call('publishEdition', { params: { id: await editionIn(where, 'approved') } }),
    }
    expect(await outcomesOf(calls, actors)).toEqual(EXPECTED)
    // Without logging in, nothing.
    expect(await outcome(t.api.call('listMyEditions', {}))).toBe('UNAUTHENTICATED')
    expect(await outcome(t.api.call('getEdition', { params: { id: await editionIn('own', 'draft') } }))).toBe('UNAUTHENTICATED')
    // A reviewer's queue holds its own department's submissions only.
    const queued = await editionIn('other', 'submitted')
    expect((await actors.reviewer.api.call('listReviewQueue', {})).items.map((e) => e.id)).not.toContain(queued)
    expect((await checkers.other.api.call('listReviewQueue', {})).items.map((e) => e.id)).toContain(queued)
  }, 180_000)
})
