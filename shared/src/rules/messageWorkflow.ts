import { can, type Actor, type StaffAction } from './permissions'

/**
 * The life of a citizen message (留言) as ONE table: which step moves it from which state
 * to which, and who takes it (a member of staff with a permission of the message's
 * department). Text the content check did not pass waits in `moderation`; a reply is
 * reviewed by a second person when the department wants that (`reply` then leads to
 * `reply-review`, and the drafter may not approve it). The answer clock is
 * rules/messageDeadlines.ts.
 */
export const MESSAGE_STATES = ['moderation', 'received', 'assigned', 'reply-review', 'answered', 'rejected'] as const
export type MessageState = (typeof MESSAGE_STATES)[number]

/** As staff read the state. */
export const MESSAGE_STATE_LABELS: Record<MessageState, string> = {
  moderation: '内容待审核',
  received: '待办理',
  assigned: '办理中',
  'reply-review': '答复待审核',
  answered: '已答复',
  rejected: '不予受理',
}
/** As the writer reads it (nothing of the handling inside the department). */
export const MESSAGE_STATE_LABELS_FOR_WRITER: Record<MessageState, string> = {
  moderation: '正在审核',
  received: '已受理',
  assigned: '办理中',
  'reply-review': '办理中',
  answered: '已答复',
  rejected: '未予受理',
}

/** States in which the message is finished: no clock, no reminders. */
export const MESSAGE_FINAL_STATES: readonly MessageState[] = ['answered', 'rejected']
const OPEN: readonly MessageState[] = ['moderation', 'received', 'assigned', 'reply-review']

interface MessageTransition {
  from: readonly MessageState[]
  /** `answer`: answered, or reply-review when the department reviews replies. */
  to: MessageState | 'same' | 'answer'
  permission: StaffAction
  /** Not by whoever drafted the reply (four eyes). */
  notByDrafter?: boolean
  label: string
}

export const MESSAGE_TRANSITIONS = {
  approveContent: { from: ['moderation'], to: 'received', permission: 'interaction.review', label: '内容审核通过' },
  rejectContent: { from: ['moderation'], to: 'rejected', permission: 'interaction.review', label: '不予受理' },
  assign: { from: ['received', 'assigned'], to: 'assigned', permission: 'interaction.handle', label: '分配办理人' },
  reply: { from: ['received', 'assigned'], to: 'answer', permission: 'interaction.handle', label: '答复' },
  approveReply: { from: ['reply-review'], to: 'answered', permission: 'interaction.review', notByDrafter: true, label: '审核通过并答复' },
  returnReply: { from: ['reply-review'], to: 'assigned', permission: 'interaction.review', label: '退回答复' },
  markNotPublic: { from: [...OPEN, 'answered'], to: 'same', permission: 'interaction.handle', label: '设为不公开' },
} as const satisfies Record<string, MessageTransition>

export type MessageAction = keyof typeof MESSAGE_TRANSITIONS
export const MESSAGE_ACTIONS = Object.keys(MESSAGE_TRANSITIONS) as MessageAction[]

export interface MessageFacts {
  state: MessageState
  department: string
  /** The department reviews replies before they go out. */
  replyReview: boolean
  /** Staff id of whoever drafted the reply waiting for review. */
  replyDraftedBy?: string | null
  /** Already marked not for publication. */
  notPublic?: boolean
}

export type MessageDecision = { ok: true; to: MessageState } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

/** Whether `actor` may take `action` on the message now: permission (FORBIDDEN), state (CONFLICT), four eyes (FORBIDDEN). */
export function decideMessage(m: MessageFacts, action: MessageAction, actor: Actor & { id: string }): MessageDecision {
  const t: MessageTransition = MESSAGE_TRANSITIONS[action]
  if (!can(actor, t.permission, m.department)) return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }
  if (!t.from.includes(m.state)) return { ok: false, code: 'CONFLICT', message: `留言当前为「${MESSAGE_STATE_LABELS[m.state]}」，不能${t.label}` }
  if (action === 'markNotPublic' && m.notPublic) return { ok: false, code: 'CONFLICT', message: '留言已设为不公开' }
  if (t.notByDrafter && m.replyDraftedBy === actor.id) return { ok: false, code: 'FORBIDDEN', message: '答复须由起草人以外的人审核' }
  const to = t.to === 'same' ? m.state : t.to === 'answer' ? (m.replyReview ? 'reply-review' : 'answered') : t.to
  return { ok: true, to }
}

/** The steps `actor` may take on the message now (for showing buttons). */
export function messageActionsFor(m: MessageFacts, actor: Actor & { id: string }): MessageAction[] {
  return MESSAGE_ACTIONS.filter((a) => decideMessage(m, a, actor).ok)
}
