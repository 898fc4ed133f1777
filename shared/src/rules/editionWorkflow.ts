import { can, type Actor, type StaffAction } from './permissions'

/**
 * The life of an edition (one version of an item, from draft to publication), as one
 * table: which action moves it from which state to which, and who may take it. The
 * server enforces it (the review domain's services call `decide`); the workbench uses
 * `actionsFor` to show only what will work. 先审后发: nothing is published before a second
 * person has checked it — nobody who wrote or submitted an edition can approve,
 * schedule or publish it, not even by force.
 */
export const EDITION_STATES = ['draft', 'submitted', 'rejected', 'approved', 'scheduled', 'published', 'superseded', 'withdrawn', 'unpublished', 'discarded'] as const
export type EditionState = (typeof EDITION_STATES)[number]

export const EDITION_STATE_LABELS: Record<EditionState, string> = {
  draft: '草稿',
  submitted: '待审核',
  rejected: '已退回',
  approved: '审核通过',
  scheduled: '定时发布',
  published: '已发布',
  superseded: '已被新版本替换',
  withdrawn: '已撤回（保留页面并说明）',
  unpublished: '已下线',
  discarded: '已放弃',
}

/** States of an edition still on its way to publication: an item has at most one such edition. */
export const OPEN_EDITION_STATES = ['draft', 'submitted', 'rejected', 'approved', 'scheduled'] as const satisfies readonly EditionState[]

interface Transition {
  from: readonly EditionState[]
  to: EditionState
  /** The permission the actor needs, in the edition's department. */
  permission: StaffAction
  /** Nobody who wrote or submitted the edition may take it (maker–checker). */
  notByMaker: boolean
  label: string
}

export const EDITION_TRANSITIONS = {
  edit: { from: ['draft', 'rejected'], to: 'draft', permission: 'content.write', notByMaker: false, label: '修改' },
  submit: { from: ['draft', 'rejected'], to: 'submitted', permission: 'content.write', notByMaker: false, label: '提交审核' },
  recall: { from: ['submitted'], to: 'draft', permission: 'content.write', notByMaker: false, label: '撤回送审' },
  reject: { from: ['submitted'], to: 'rejected', permission: 'content.review', notByMaker: true, label: '退回修改' },
  approve: { from: ['submitted'], to: 'approved', permission: 'content.review', notByMaker: true, label: '审核通过' },
  publish: { from: ['approved'], to: 'published', permission: 'content.review', notByMaker: true, label: '立即发布' },
  schedule: { from: ['approved'], to: 'scheduled', permission: 'content.review', notByMaker: true, label: '定时发布' },
  unschedule: { from: ['scheduled'], to: 'approved', permission: 'content.review', notByMaker: false, label: '取消定时' },
  forcePublish: { from: ['draft', 'submitted', 'rejected', 'approved'], to: 'published', permission: 'content.force-publish', notByMaker: true, label: '强制发布' },
  withdraw: { from: ['published'], to: 'withdrawn', permission: 'content.withdraw', notByMaker: false, label: '撤回（保留说明）' },
  unpublish: { from: ['published', 'withdrawn'], to: 'unpublished', permission: 'content.withdraw', notByMaker: false, label: '下线（发布有误）' },
  discard: { from: ['draft', 'rejected'], to: 'discarded', permission: 'content.write', notByMaker: false, label: '放弃此稿' },
  changeValidity: { from: ['published'], to: 'published', permission: 'content.withdraw', notByMaker: false, label: '变更效力状态' },
} as const satisfies Record<string, Transition>

export type EditionAction = keyof typeof EDITION_TRANSITIONS

/** What the rules need to know of an edition. */
export interface EditionFacts {
  state: EditionState
  department: string
  /** Staff ids of everyone who wrote or submitted it. */
  makers: readonly string[]
}

export type Decision =
  | { ok: true; to: EditionState }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

/**
 * Whether `actor` (staff id `actorId`) may take `action` on the edition now, and the
 * state it goes to. Checks, in order: permission in the edition's department
 * (FORBIDDEN), the current state (CONFLICT), maker–checker (FORBIDDEN).
 */
export function decide(edition: EditionFacts, action: EditionAction, actor: Actor & { id: string }): Decision {
  const t: Transition = EDITION_TRANSITIONS[action]
  if (!can(actor, t.permission, edition.department)) return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }
  if (!t.from.includes(edition.state)) {
    return { ok: false, code: 'CONFLICT', message: `当前状态为「${EDITION_STATE_LABELS[edition.state]}」，不能${t.label}` }
  }
  if (t.notByMaker && edition.makers.includes(actor.id)) {
    return { ok: false, code: 'FORBIDDEN', message: '不能审核或发布自己撰写或提交的稿件（先审后发，须由他人审核）' }
  }
  return { ok: true, to: t.to }
}

/** The actions `actor` may take on the edition now (for showing buttons). */
export function actionsFor(edition: EditionFacts, actor: Actor & { id: string }): EditionAction[] {
  return (Object.keys(EDITION_TRANSITIONS) as EditionAction[]).filter((a) => decide(edition, a, actor).ok)
}

/**
 * Whether `actor` may start a new edition of an item whose latest edition is `latest`:
 * an editor of its department, once the latest edition is the published one (an item
 * has one open edition at a time; a withdrawn or unpublished item gets none).
 */
export function decideNewEdition(latest: Pick<EditionFacts, 'state' | 'department'>, actor: Actor & { id: string }): Decision {
  if (!can(actor, 'content.write', latest.department)) return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }
  if ((OPEN_EDITION_STATES as readonly EditionState[]).includes(latest.state)) {
    return { ok: false, code: 'CONFLICT', message: `该内容已有一个未发布的新版本（${EDITION_STATE_LABELS[latest.state]}），请先完成或放弃它` }
  }
  if (latest.state !== 'published') return { ok: false, code: 'CONFLICT', message: `该内容${EDITION_STATE_LABELS[latest.state]}，不能再修订` }
  return { ok: true, to: 'draft' }
}
