import type { StaffRole } from '../auth/roles'

/**
 * What a member of staff may do, as one table: the server enforces it on every staff
 * endpoint, and the workbench uses it to show only the buttons that will work.
 *
 * Department-scoped actions need the role **and** the item's department to be the
 * person's own; platform actions need the platform-admin role.
 */
export const STAFF_ACTIONS = {
  /** Read drafts, editions and review state of the department's items. */
  'content.read': { roles: ['editor', 'reviewer', 'department-admin'], scope: 'department' },
  /** Write drafts and editions, submit them for review. */
  'content.write': { roles: ['editor'], scope: 'department' },
  /** Approve, reject, schedule and publish submitted editions (never one's own). */
  'content.review': { roles: ['reviewer'], scope: 'department' },
  /** Publish without review, with a written reason (a retrospective review follows). */
  'content.force-publish': { roles: ['department-admin'], scope: 'department' },
  /** Withdraw or unpublish published items; change a published policy's 效力状态. */
  'content.withdraw': { roles: ['reviewer', 'department-admin'], scope: 'department' },
  /** Write push campaigns (精准推送) and submit them for approval. */
  'push.write': { roles: ['editor'], scope: 'department' },
  /** Approve or return submitted campaigns (never one's own). */
  'push.approve': { roles: ['reviewer', 'department-admin'], scope: 'department' },
  /** Flag a campaign urgent: it may be sent in the quiet hours. */
  'push.urgent': { roles: ['department-admin'], scope: 'department' },
  /** Pause, resume or cancel a campaign of the department. */
  'push.control': { roles: ['editor', 'reviewer', 'department-admin'], scope: 'department' },
  /** Handle applications for disclosure (依申请公开) addressed to the department: register, assign, 补正, consult, propose a fee, reply. */
  'disclosure.handle': { roles: ['editor', 'reviewer', 'department-admin'], scope: 'department' },
  /** Approve an extension or a fee decision of the department's applications (never one's own proposal); refund a fee. */
  'disclosure.approve': { roles: ['reviewer', 'department-admin'], scope: 'department' },
  /** The annual disclosure report; record reconsiderations and lawsuits. */
  'disclosure.report': { roles: ['department-admin', 'platform-admin'], scope: 'department-or-platform' },
  /** Citizen messages (留言) and consultations (征求意见) of the department: the queue, assigning, replying, marking a message not for publication, writing a draft for comment. */
  'interaction.handle': { roles: ['editor', 'reviewer', 'department-admin'], scope: 'department' },
  /** Moderate what citizens wrote (held by the content check), approve replies when the department reviews them, publish a consultation, its feedback report, archive it. */
  'interaction.review': { roles: ['reviewer', 'department-admin'], scope: 'department' },
  /** The department's interaction settings: answer days per category, whether replies are reviewed. */
  'interaction.configure': { roles: ['department-admin', 'platform-admin'], scope: 'department-or-platform' },
  /** Message statistics (a department's; the platform's for platform admins). */
  'interaction.stats': { roles: ['editor', 'reviewer', 'department-admin', 'platform-admin'], scope: 'department-or-platform' },
  /** Create staff accounts, change their roles, unlock them, revoke their sessions. */
  'staff.manage': { roles: ['department-admin', 'platform-admin'], scope: 'department-or-platform' },
  /** Departments, catalogues, word lists and other settings. */
  'platform.configure': { roles: ['platform-admin'], scope: 'platform' },
  /** Search and export the audit trail. */
  'audit.read': { roles: ['platform-admin'], scope: 'platform' },
} as const satisfies Record<string, { roles: readonly StaffRole[]; scope: 'department' | 'platform' | 'department-or-platform' }>

export type StaffAction = keyof typeof STAFF_ACTIONS

export interface Actor {
  roles: readonly StaffRole[]
  department: string
}

/**
 * Whether `actor` may do `action` to something of `department` (for platform actions
 * the department does not matter). A platform admin manages staff of any department;
 * a department admin only its own.
 */
export function can(actor: Actor, action: StaffAction, department?: string): boolean {
  const rule = STAFF_ACTIONS[action]
  const has = (role: StaffRole) => actor.roles.includes(role)
  if (rule.scope === 'platform') return rule.roles.some(has)
  if (rule.scope === 'department-or-platform') {
    if (has('platform-admin')) return true
    return rule.roles.some((r) => r !== 'platform-admin' && has(r)) && department === actor.department
  }
  return rule.roles.some(has) && department !== undefined && department === actor.department
}
