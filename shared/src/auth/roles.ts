/**
 * Staff roles. A person may hold several. Editors, reviewers and department admins act
 * for their own department only; a platform admin runs the platform (departments,
 * catalogues, settings, audit) but does not write or approve content as such.
 */
export const STAFF_ROLES = ['editor', 'reviewer', 'department-admin', 'platform-admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  editor: '编辑',
  reviewer: '审核员',
  'department-admin': '部门管理员',
  'platform-admin': '平台管理员',
}
