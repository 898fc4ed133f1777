import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EDITION_STATES, EDITION_TRANSITIONS, type ContentDraftInput, type EditionState } from '@zw/shared'
import { EditionModel } from '../../server/src/review/model'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { outcome, staffSession } from '../support/staff'

type Session = Awaited<ReturnType<typeof staffSession>>
let t: TestApp
let editor: Session
let reviewer: Session
let admin: Session
const DEPT = 'yinchuan-civil-affairs'
const CHECKLIST = { political: true, legal: true, secrecy: true, wording: true } as const

beforeAll(async () => {
  t = await startTestApp()
  editor = await staffSession(t, 'ws-editor', DEPT, ['editor'])
  reviewer = await staffSession(t, 'ws-reviewer', DEPT, ['reviewer'])
  admin = await staffSession(t, 'ws-admin', DEPT, ['department-admin'])
})
afterAll(() => t.close())

let n = 0
/** An edition taken to `state` through the API, as people would. */
async function editionIn(state: EditionState): Promise<string> {
  const e = await editor.api.call('createItemDraft', { body: policyDraft({ title: `状态测试稿件 ${++n}`, department: DEPT }) as ContentDraftInput })
  const id = e.id
  const step = async (s: EditionState) => {
    if (s === 'submitted') await editor.api.call('submitEdition', { params: { id }, body: {} })
    if (s === 'rejected') await reviewer.api.call('rejectEdition', { params: { id }, body: { failed: ['wording'], reasons: '用语需规范' } })
    if (s === 'approved') await reviewer.api.call('approveEdition', { params: { id }, body: { checklist: CHECKLIST } })
    if (s === 'scheduled') await reviewer.api.call('scheduleEdition', { params: { id }, body: { at: new Date(Date.now() + 3600_000).toISOString() } })
    if (s === 'published') await reviewer.api.call('publishEdition', { params: { id } })
  }
  const path: Record<EditionState, EditionState[]> = {
    draft: [],
    submitted: ['submitted'],
    rejected: ['submitted', 'rejected'],
    approved: ['submitted', 'approved'],
    scheduled: ['submitted', 'approved', 'scheduled'],
    published: ['submitted', 'approved', 'published'],
    superseded: ['submitted', 'approved', 'published'],
    withdrawn: ['submitted', 'approved', 'published'],
    unpublished: ['submitted', 'approved', 'published'],
    discarded: [],
  }
  for (const s of path[state]) await step(s)
  if (state === 'discarded') await editor.api.call('discardEdition', { params: { id } })
  if (state === 'withdrawn') await reviewer.api.call('withdrawItem', { params: { id: e.itemId }, body: { explanation: '状态测试：撤回说明文字。' } })
  if (state === 'unpublished') await reviewer.api.call('unpublishItem', { params: { id: e.itemId }, body: { reason: 'duplicate' } })
  if (state === 'superseded') {
    const next = await editor.api.call('startItemEdition', { params: { id: e.itemId }, body: { minor: true } })
    await editor.api.call('submitEdition', { params: { id: next.id }, body: {} })
    await reviewer.api.call('approveEdition', { params: { id: next.id }, body: { checklist: CHECKLIST } })
    await reviewer.api.call('publishEdition', { params: { id: next.id } })
  }
  expect((await EditionModel.findById(id).lean())!.state).toBe(state)
  return id
}

describe('every editorial step from a state it does not start from is refused (CONFLICT) and changes nothing', () => {
  it('covers each step × each state over HTTP', async () => {
    const editions = {} as Record<EditionState, string>
    for (const state of EDITION_STATES) editions[state] = await editionIn(state)
    const content = (await editor.api.call('getEdition', { params: { id: editions.draft } })).content as ContentDraftInput
    const take: Record<string, (id: string) => Promise<unknown>> = {
      edit: (id) => editor.api.call('updateEdition', { params: { id }, body: content }),
      submit: (id) => editor.api.call('submitEdition', { params: { id }, body: {} }),
      recall: (id) => editor.api.call('recallEdition', { params: { id } }),
      reject: (id) => reviewer.api.call('rejectEdition', { params: { id }, body: { failed: ['legal'], reasons: '依据不足' } }),
      approve: (id) => reviewer.api.call('approveEdition', { params: { id }, body: { checklist: CHECKLIST } }),
      publish: (id) => reviewer.api.call('publishEdition', { params: { id } }),
      schedule: (id) => reviewer.api.call('scheduleEdition', { params: { id }, body: { at: new Date(Date.now() + 7200_000).toISOString() } }),
      unschedule: (id) => reviewer.api.call('unscheduleEdition', { params: { id } }),
      forcePublish: (id) => admin.api.call('forcePublishEdition', { params: { id }, body: { reason: '状态测试：强制发布理由。' } }),
      discard: (id) => editor.api.call('discardEdition', { params: { id } }),
    }
    const refused: string[] = []
    for (const [action, call] of Object.entries(take)) {
      const from = EDITION_TRANSITIONS[action as keyof typeof EDITION_TRANSITIONS].from as readonly EditionState[]
      for (const state of EDITION_STATES) {
        if (from.includes(state)) continue
        const got = await outcome(call(editions[state]))
        expect(got, `${action} from ${state}`).toBe('CONFLICT')
        expect((await EditionModel.findById(editions[state]).lean())!.state, `${action} from ${state} changed it`).toBe(state)
        refused.push(`${action}:${state}`)
      }
    }
    expect(refused).toHaveLength(10 * 10 - 16)

    // …and from the states they do start from, each works (fresh editions, as each step moves one).
    const allowed: [string, EditionState][] = [['recall', 'submitted'], ['unschedule', 'scheduled'], ['discard', 'rejected'], ['forcePublish', 'approved'], ['edit', 'rejected']]
    for (const [action, state] of allowed) expect(await outcome(take[action]!(await editionIn(state))), `${action} from ${state}`).toBe('OK')
  }, 180_000)
})
