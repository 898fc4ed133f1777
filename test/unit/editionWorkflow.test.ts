import { describe, expect, it } from 'vitest'
import { actionsFor, decide, decideNewEdition, EDITION_STATES, OPEN_EDITION_STATES, type EditionAction, type EditionState, type StaffRole } from '@zw/shared'

const OWN = 'guiyang-hrss'
const DEPT = OWN
const OTHER = 'xinxiang-gov-office'
const person = (id: string, ...roles: StaffRole[]) => ({ id, roles, department: OWN })
const editor = person('ed', 'editor')
const otherEditor = person('ed2', 'editor')
const reviewer = person('rv', 'reviewer')
const admin = person('ad', 'department-admin')
const platform = person('pa', 'platform-admin')
const edition = (state: EditionState, makers: string[] = ['ed'], department = OWN) => ({ state, department, makers })

describe('the edition workflow', () => {
  it('moves an edition from draft through review to publication, each step by the right person', () => {
    expect(decide(edition('draft'), 'edit', editor)).toEqual({ ok: true, to: 'draft' })
    expect(decide(edition('draft'), 'submit', editor)).toEqual({ ok: true, to: 'submitted' })
    expect(decide(edition('submitted'), 'reject', reviewer)).toEqual({ ok: true, to: 'rejected' })
    expect(decide(edition('rejected'), 'submit', editor)).toEqual({ ok: true, to: 'submitted' })
    expect(decide(edition('submitted'), 'approve', reviewer)).toEqual({ ok: true, to: 'approved' })
    expect(decide(edition('approved'), 'schedule', reviewer)).toEqual({ ok: true, to: 'scheduled' })
    expect(decide(edition('scheduled'), 'unschedule', reviewer)).toEqual({ ok: true, to: 'approved' })
    expect(decide(edition('approved'), 'publish', reviewer)).toEqual({ ok: true, to: 'published' })
    expect(decide(edition('published'), 'withdraw', reviewer)).toEqual({ ok: true, to: 'withdrawn' })
    expect(decide(edition('published'), 'unpublish', admin)).toEqual({ ok: true, to: 'unpublished' })
    expect(decide(edition('submitted'), 'recall', otherEditor)).toEqual({ ok: true, to: 'draft' })
    expect(decide(edition('submitted'), 'forcePublish', admin)).toEqual({ ok: true, to: 'published' })
  })

  it('never lets whoever wrote or submitted an edition approve, schedule or publish it, even holding every role', () => {
    const everything = person('ed', 'editor', 'reviewer', 'department-admin')
    for (const action of ['reject', 'approve'] as const) expect(decide(edition('submitted'), action, everything)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    for (const action of ['publish', 'schedule'] as const) expect(decide(edition('approved'), action, everything)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    for (const state of ['draft', 'submitted', 'rejected', 'approved'] as const) expect(decide(edition(state), 'forcePublish', everything)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // A co-author counts as a maker too.
    expect(decide(edition('submitted', ['ed', 'rv']), 'approve', reviewer)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decide(edition('submitted'), 'approve', everything).ok ? '' : (decide(edition('submitted'), 'approve', everything) as { message: string }).message).toContain('先审后发')
  })

  it('refuses another department, and roles that do not do the step', () => {
    const there = (state: EditionState) => edition(state, ['someone'], OTHER)
    expect(decide(there('draft'), 'submit', editor)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decide(there('submitted'), 'approve', reviewer)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decide(there('submitted'), 'forcePublish', admin)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decide(edition('submitted'), 'approve', editor)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decide(edition('draft'), 'submit', reviewer)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decide(edition('submitted'), 'approve', platform)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decide(edition('submitted'), 'forcePublish', reviewer)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('refuses every step from a state it does not start from, saying the state in Chinese', () => {
    const allowedFrom: Record<EditionAction, EditionState[]> = {
      edit: ['draft', 'rejected'],
      submit: ['draft', 'rejected'],
      recall: ['submitted'],
      reject: ['submitted'],
      approve: ['submitted'],
      publish: ['approved'],
      schedule: ['approved'],
      unschedule: ['scheduled'],
      forcePublish: ['draft', 'submitted', 'rejected', 'approved'],
      withdraw: ['published'],
      unpublish: ['published', 'withdrawn'],
      discard: ['draft', 'rejected'],
      changeValidity: ['published'],
    }
    const who: Record<EditionAction, typeof editor> = { edit: editor, submit: editor, recall: editor, reject: reviewer, approve: reviewer, publish: reviewer, schedule: reviewer, unschedule: reviewer, forcePublish: admin, withdraw: reviewer, unpublish: reviewer, discard: editor, changeValidity: admin }
    let refused = 0
    for (const [action, from] of Object.entries(allowedFrom) as [EditionAction, EditionState[]][]) {
      for (const state of EDITION_STATES) {
        const d = decide(edition(state), action, who[action])
        if (from.includes(state)) expect(d.ok).toBe(true)
        else {
          expect(d).toMatchObject({ ok: false, code: 'CONFLICT' })
          refused += 1
        }
      }
    }
    expect(refused).toBe(13 * 10 - 20)
    expect(decide(edition('published'), 'approve', reviewer)).toMatchObject({ message: '当前状态为「已发布」，不能审核通过' })
  })

  it('offers each person exactly the buttons that will work', () => {
    expect(actionsFor(edition('submitted'), reviewer)).toEqual(['reject', 'approve'])
    expect(actionsFor(edition('submitted'), editor)).toEqual(['recall'])
    expect(actionsFor(edition('submitted', ['ed', 'rv']), person('rv', 'editor', 'reviewer'))).toEqual(['recall'])
    expect(actionsFor(edition('approved'), admin)).toEqual(['forcePublish'])
    expect(actionsFor(edition('published'), editor)).toEqual([])
    expect(actionsFor(edition('draft'), editor)).toEqual(['edit', 'submit', 'discard'])
    expect(actionsFor(edition('withdrawn'), reviewer)).toEqual(['unpublish'])
  })

  it('lets an editor of the department start a new edition only of a published item with none open', () => {
    const latest = (state: EditionState, department = DEPT) => ({ state, department })
    expect(decideNewEdition(latest('published'), editor)).toEqual({ ok: true, to: 'draft' })
    for (const open of OPEN_EDITION_STATES) {
      expect(decideNewEdition(latest(open), editor)).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('已有一个未发布的新版本') })
    }
    expect(decideNewEdition(latest('withdrawn'), editor)).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('不能再修订') })
    expect(decideNewEdition(latest('unpublished'), editor)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(decideNewEdition(latest('published', OTHER), editor)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(decideNewEdition(latest('published'), reviewer)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
