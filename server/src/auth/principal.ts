import type { StaffRole } from '@zw/shared'

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
