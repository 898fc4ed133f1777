import type { StaffRole } from '@zw/shared'
import type { AuditActor } from '../platform/audit/auditTrail'

/** The member of staff a request acts for, as the authenticator found them (roles fresh from the database). */
export interface StaffPrincipal {
  id: string
  username: string
  displayName: string
  department: string
  roles: StaffRole[]
  sessionId: string
  ip: string
  userAgent: string
}

/** The person as the audit trail records them. */
export const auditActorOf = (p: StaffPrincipal): AuditActor => ({ id: p.id, name: p.username, ip: p.ip, userAgent: p.userAgent })
