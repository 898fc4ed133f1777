import { can, type Actor } from './permissions'

/**
 * A citizen's comment on a draft for comment: held for moderation when the content check
 * did not pass it, then accepted (counted, and shown in public if the writer chose so) or
 * rejected — by a reviewer of the consultation's department.
 */
export const COMMENT_STATES = ['moderation', 'accepted', 'rejected'] as const
export type CommentState = (typeof COMMENT_STATES)[number]
export const COMMENT_STATE_LABELS: Record<CommentState, string> = { moderation: '正在审核', accepted: '已收到', rejected: '未通过审核' }

export const COMMENT_TRANSITIONS = {
  approve: { from: ['moderation'], to: 'accepted', label: '审核通过' },
  reject: { from: ['moderation'], to: 'rejected', label: '不予采用' },
} as const satisfies Record<string, { from: readonly CommentState[]; to: CommentState; label: string }>
export type CommentAction = keyof typeof COMMENT_TRANSITIONS

export type CommentDecision = { ok: true; to: CommentState } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

export function decideComment(c: { state: CommentState; department: string }, action: CommentAction, actor: Actor): CommentDecision {
  const t = COMMENT_TRANSITIONS[action]
  if (!can(actor, 'interaction.review', c.department)) return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }
  if (!(t.from as readonly CommentState[]).includes(c.state)) return { ok: false, code: 'CONFLICT', message: `意见当前为「${COMMENT_STATE_LABELS[c.state]}」，不能${t.label}` }
  return { ok: true, to: t.to }
}
