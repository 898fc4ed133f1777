import { can, type Actor, type StaffAction } from './permissions'

/**
 * The life of a push campaign (精准推送) as one table: which action moves it from which
 * state to which, and who may take it. Same maker–checker rule as content: nobody who
 * wrote or submitted a campaign may approve it. Sending itself (scheduled → sending →
 * sent) is the system's, not a person's.
 */
export const CAMPAIGN_STATES = ['draft', 'submitted', 'rejected', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const
export type CampaignState = (typeof CAMPAIGN_STATES)[number]

export const CAMPAIGN_STATE_LABELS: Record<CampaignState, string> = {
  draft: '草稿',
  submitted: '待审批',
  rejected: '已退回',
  scheduled: '已批准，待发送',
  sending: '发送中',
  paused: '已暂停',
  sent: '已发送完毕',
  cancelled: '已取消',
}

interface CampaignTransition {
  from: readonly CampaignState[]
  to: CampaignState | 'same'
  permission: StaffAction
  notByMaker: boolean
  label: string
}

export const CAMPAIGN_TRANSITIONS = {
  edit: { from: ['draft', 'rejected'], to: 'draft', permission: 'push.write', notByMaker: false, label: '修改' },
  submit: { from: ['draft', 'rejected'], to: 'submitted', permission: 'push.write', notByMaker: false, label: '提交审批' },
  recall: { from: ['submitted'], to: 'draft', permission: 'push.write', notByMaker: false, label: '撤回送审' },
  reject: { from: ['submitted'], to: 'rejected', permission: 'push.approve', notByMaker: true, label: '退回修改' },
  approve: { from: ['submitted'], to: 'scheduled', permission: 'push.approve', notByMaker: true, label: '批准发送' },
  markUrgent: { from: ['draft', 'submitted', 'rejected'], to: 'same', permission: 'push.urgent', notByMaker: false, label: '标为紧急' },
  pause: { from: ['scheduled', 'sending'], to: 'paused', permission: 'push.control', notByMaker: false, label: '暂停' },
  resume: { from: ['paused'], to: 'scheduled', permission: 'push.control', notByMaker: false, label: '继续发送' },
  cancel: { from: ['draft', 'submitted', 'rejected', 'scheduled', 'sending', 'paused'], to: 'cancelled', permission: 'push.control', notByMaker: false, label: '取消' },
} as const satisfies Record<string, CampaignTransition>

export type CampaignAction = keyof typeof CAMPAIGN_TRANSITIONS

export interface CampaignFacts {
  state: CampaignState
  department: string
  /** Staff ids of everyone who wrote or submitted it. */
  makers: readonly string[]
}

export type CampaignDecision = { ok: true; to: CampaignState } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

/** Whether `actor` may take `action` on the campaign now: permission (FORBIDDEN), state (CONFLICT), maker–checker (FORBIDDEN). */
export function decideCampaign(campaign: CampaignFacts, action: CampaignAction, actor: Actor & { id: string }): CampaignDecision {
  const t: CampaignTransition = CAMPAIGN_TRANSITIONS[action]
  if (!can(actor, t.permission, campaign.department)) return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }
  if (!t.from.includes(campaign.state)) return { ok: false, code: 'CONFLICT', message: `推送当前为「${CAMPAIGN_STATE_LABELS[campaign.state]}」，不能${t.label}` }
  if (t.notByMaker && campaign.makers.includes(actor.id)) return { ok: false, code: 'FORBIDDEN', message: '不能批准自己撰写或提交的推送（须由他人审批）' }
  return { ok: true, to: t.to === 'same' ? campaign.state : t.to }
}

/** The actions `actor` may take on the campaign now (for showing buttons). */
export function campaignActionsFor(campaign: CampaignFacts, actor: Actor & { id: string }): CampaignAction[] {
  return (Object.keys(CAMPAIGN_TRANSITIONS) as CampaignAction[]).filter((a) => decideCampaign(campaign, a, actor).ok)
}
