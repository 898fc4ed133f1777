import { can, type Actor, type StaffAction } from './permissions'

/**
 * The life of a public consultation (征求意见) as ONE table. A published consultation
 * opens and closes by the clock: its phase is computed from the stored state and the
 * start and end times (`consultationPhase`), so it is right at read time whether or not
 * the job that records the change has run. After closing the department publishes the
 * feedback report (意见采纳情况反馈); only then can it be archived.
 */
export const CONSULTATION_STATES = ['draft', 'scheduled', 'open', 'closed', 'reported', 'archived'] as const
export type ConsultationState = (typeof CONSULTATION_STATES)[number]

/** The status the public sees (未开始 / 征集中 / 已结束 / 已反馈), and staff's words for the rest. */
export const CONSULTATION_STATE_LABELS: Record<ConsultationState, string> = {
  draft: '草稿',
  scheduled: '未开始',
  open: '征集中',
  closed: '已结束',
  reported: '已反馈',
  archived: '已归档',
}
/** States the public can see. */
export const PUBLIC_CONSULTATION_STATES: readonly ConsultationState[] = ['scheduled', 'open', 'closed', 'reported', 'archived']

interface ConsultationTransition {
  from: readonly ConsultationState[]
  to: ConsultationState
  by: 'staff' | 'system'
  permission?: StaffAction
  label: string
  /** What to say instead of the generic refusal, by phase. */
  whyNot?: Partial<Record<ConsultationState, string>>
}

export const CONSULTATION_TRANSITIONS = {
  edit: { from: ['draft'], to: 'draft', by: 'staff', permission: 'interaction.handle', label: '修改' },
  publish: { from: ['draft'], to: 'scheduled', by: 'staff', permission: 'interaction.review', label: '发布' },
  open: { from: ['scheduled'], to: 'open', by: 'system', label: '开始征集' },
  close: { from: ['scheduled', 'open'], to: 'closed', by: 'system', label: '结束征集' },
  publishReport: { from: ['closed'], to: 'reported', by: 'staff', permission: 'interaction.review', label: '发布意见采纳情况反馈', whyNot: { scheduled: '征集尚未开始，结束后才能发布反馈', open: '征集尚未结束，结束后才能发布反馈' } },
  archive: { from: ['reported'], to: 'archived', by: 'staff', permission: 'interaction.review', label: '归档', whyNot: { closed: '须先发布意见采纳情况反馈，才能归档', open: '征集尚未结束，不能归档', scheduled: '征集尚未开始，不能归档' } },
} as const satisfies Record<string, ConsultationTransition>

export type ConsultationAction = keyof typeof CONSULTATION_TRANSITIONS
export const CONSULTATION_STAFF_ACTIONS = (Object.keys(CONSULTATION_TRANSITIONS) as ConsultationAction[]).filter((a) => CONSULTATION_TRANSITIONS[a].by === 'staff')

export interface ConsultationFacts {
  state: ConsultationState
  department: string
  startAt: Date
  endAt: Date
}

/** Where a consultation is at `now`: a published one is 未开始 before its start, 征集中 until its end, 已结束 after. */
export function consultationPhase(c: Pick<ConsultationFacts, 'state' | 'startAt' | 'endAt'>, now: Date): ConsultationState {
  if (c.state !== 'scheduled' && c.state !== 'open') return c.state
  if (now.getTime() >= c.endAt.getTime()) return 'closed'
  if (now.getTime() >= c.startAt.getTime()) return 'open'
  return 'scheduled'
}

export type ConsultationActor = { kind: 'staff'; actor: Actor & { id: string } } | { kind: 'system' }
export type ConsultationDecision = { ok: true; to: ConsultationState } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

/** Whether `who` may take `action` on the consultation at `now` (its phase, not only its stored state, decides). */
export function decideConsultation(c: ConsultationFacts, action: ConsultationAction, who: ConsultationActor, now: Date): ConsultationDecision {
  const t: ConsultationTransition = CONSULTATION_TRANSITIONS[action]
  if (t.by !== who.kind) return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }
  if (who.kind === 'staff' && t.permission && !can(who.actor, t.permission, c.department)) return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }
  const phase = consultationPhase(c, now)
  // The system records what the clock already decided: from the stored state, once the time has come.
  if (who.kind === 'system') return t.from.includes(c.state) && phase === t.to ? { ok: true, to: t.to } : { ok: false, code: 'CONFLICT', message: `还不能${t.label}` }
  if (!t.from.includes(phase)) return { ok: false, code: 'CONFLICT', message: t.whyNot?.[phase] ?? `征求意见当前为「${CONSULTATION_STATE_LABELS[phase]}」，不能${t.label}` }
  return { ok: true, to: t.to }
}

/** The staff steps `actor` may take now (for showing buttons). */
export function consultationActionsFor(c: ConsultationFacts, actor: Actor & { id: string }, now: Date): ConsultationAction[] {
  return CONSULTATION_STAFF_ACTIONS.filter((a) => decideConsultation(c, a, { kind: 'staff', actor }, now).ok)
}

/** Whether citizens may comment now. */
export const acceptsComments = (c: Pick<ConsultationFacts, 'state' | 'startAt' | 'endAt'>, now: Date) => consultationPhase(c, now) === 'open'
