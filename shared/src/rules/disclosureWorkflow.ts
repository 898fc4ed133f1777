import { can, type Actor, type StaffAction } from './permissions'

/**
 * The life of an application for disclosure (依申请公开) as ONE table: which step moves it
 * from which state to which, and who takes it — a member of staff with a permission of
 * the application's department, the applicant, or the system (jobs, the payment
 * notification). Approvals (extension, fee) are never by the person who proposed them.
 * The statutory clock is computed from the same steps (rules/disclosureClock.ts).
 */
export const DISCLOSURE_STATES = ['received', 'processing', 'correction', 'consultation', 'fee-review', 'fee-notified', 'replied', 'abandoned', 'withdrawn'] as const
export type DisclosureState = (typeof DISCLOSURE_STATES)[number]

export const DISCLOSURE_STATE_LABELS: Record<DisclosureState, string> = {
  received: '已收到，待分办',
  processing: '办理中',
  correction: '待补正',
  consultation: '征求第三方意见中',
  'fee-review': '收费待审核',
  'fee-notified': '待缴费',
  replied: '已答复',
  abandoned: '视为放弃申请',
  withdrawn: '已撤回',
}

/** States in which the application is finished. */
export const DISCLOSURE_FINAL_STATES: readonly DisclosureState[] = ['replied', 'abandoned', 'withdrawn']
const OPEN: readonly DisclosureState[] = ['received', 'processing', 'correction', 'consultation', 'fee-review', 'fee-notified']

interface DisclosureTransition {
  from: readonly DisclosureState[]
  to: DisclosureState | 'same'
  by: 'staff' | 'citizen' | 'system'
  permission?: StaffAction
  /** Not by whoever proposed what is approved. */
  notByProposer?: boolean
  label: string
}

export const DISCLOSURE_TRANSITIONS = {
  assign: { from: ['received', 'processing'], to: 'processing', by: 'staff', permission: 'disclosure.handle', label: '分办' },
  requestCorrection: { from: ['received', 'processing'], to: 'correction', by: 'staff', permission: 'disclosure.handle', label: '通知补正' },
  recordCorrection: { from: ['correction'], to: 'processing', by: 'staff', permission: 'disclosure.handle', label: '登记补正材料' },
  extend: { from: ['processing', 'consultation', 'fee-review'], to: 'same', by: 'staff', permission: 'disclosure.approve', label: '批准延期' },
  startConsultation: { from: ['processing'], to: 'consultation', by: 'staff', permission: 'disclosure.handle', label: '征求第三方意见' },
  endConsultation: { from: ['consultation'], to: 'processing', by: 'staff', permission: 'disclosure.handle', label: '登记第三方意见' },
  proposeFee: { from: ['processing'], to: 'fee-review', by: 'staff', permission: 'disclosure.handle', label: '提出收费' },
  approveFee: { from: ['fee-review'], to: 'fee-notified', by: 'staff', permission: 'disclosure.approve', notByProposer: true, label: '批准收费并发出缴费通知' },
  rejectFee: { from: ['fee-review'], to: 'processing', by: 'staff', permission: 'disclosure.approve', label: '不同意收费' },
  reply: { from: ['processing'], to: 'replied', by: 'staff', permission: 'disclosure.handle', label: '答复' },
  refundFee: { from: [...OPEN, 'replied', 'withdrawn'], to: 'same', by: 'staff', permission: 'disclosure.approve', label: '退还费用' },
  withdraw: { from: OPEN, to: 'withdrawn', by: 'citizen', label: '撤回申请' },
  correct: { from: ['correction'], to: 'processing', by: 'citizen', label: '提交补正' },
  feePaid: { from: ['fee-notified'], to: 'processing', by: 'system', label: '已缴费' },
  abandonUncorrected: { from: ['correction'], to: 'abandoned', by: 'system', label: '逾期未补正，视为放弃' },
  abandonUnpaid: { from: ['fee-notified'], to: 'abandoned', by: 'system', label: '逾期未缴费，视为放弃' },
} as const satisfies Record<string, DisclosureTransition>

export type DisclosureAction = keyof typeof DISCLOSURE_TRANSITIONS
export const DISCLOSURE_STAFF_ACTIONS = (Object.keys(DISCLOSURE_TRANSITIONS) as DisclosureAction[]).filter((a) => DISCLOSURE_TRANSITIONS[a].by === 'staff')

export interface DisclosureFacts {
  state: DisclosureState
  department: string
  /** Staff id of whoever proposed the pending fee. */
  feeProposedBy?: string | null
}

export type DisclosureActor = { kind: 'staff'; actor: Actor & { id: string } } | { kind: 'citizen' } | { kind: 'system' }
export type DisclosureDecision = { ok: true; to: DisclosureState } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

/** Whether `who` may take `action` on the application now: who (FORBIDDEN), state (CONFLICT), four eyes (FORBIDDEN). */
export function decideDisclosure(app: DisclosureFacts, action: DisclosureAction, who: DisclosureActor): DisclosureDecision {
  const t: DisclosureTransition = DISCLOSURE_TRANSITIONS[action]
  if (t.by !== who.kind) return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }
  if (who.kind === 'staff' && t.permission && !can(who.actor, t.permission, app.department)) return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }
  if (!t.from.includes(app.state)) return { ok: false, code: 'CONFLICT', message: `申请当前为「${DISCLOSURE_STATE_LABELS[app.state]}」，不能${t.label}` }
  if (who.kind === 'staff' && t.notByProposer && app.feeProposedBy === who.actor.id) return { ok: false, code: 'FORBIDDEN', message: '收费须由提出人以外的审核人批准' }
  return { ok: true, to: t.to === 'same' ? app.state : t.to }
}

/** The staff steps `actor` may take on the application now (for showing buttons). */
export function disclosureActionsFor(app: DisclosureFacts, actor: Actor & { id: string }): DisclosureAction[] {
  return DISCLOSURE_STAFF_ACTIONS.filter((a) => decideDisclosure(app, a, { kind: 'staff', actor }).ok)
}
