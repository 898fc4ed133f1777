import { departmentNameOf, type StaffAccount, type StaffProfile } from '@zw/shared'
import type { StaffAccountDoc } from './model'
import type { StaffPrincipal } from './principal'

export function toStaffProfile(doc: StaffAccountDoc): StaffProfile {
  return { id: doc._id.toString(), username: doc.username, displayName: doc.displayName, department: doc.department, departmentName: departmentNameOf(doc.department), roles: doc.roles }
}

export function toStaffAccount(doc: StaffAccountDoc, nowMs: number): StaffAccount {
  const locked = doc.lockedUntil && doc.lockedUntil.getTime() > nowMs ? doc.lockedUntil.toISOString() : null
  return { ...toStaffProfile(doc), lockedUntil: locked, disabled: doc.disabled, wechatBound: !!doc.wechatOpenId, createdAt: doc.createdAt.toISOString() }
}

/** What the audit trail keeps of an account (never the password hash). */
export const auditedAccount = (doc: StaffAccountDoc) => ({ username: doc.username, displayName: doc.displayName, department: doc.department, roles: doc.roles, disabled: doc.disabled, lockedUntil: doc.lockedUntil })

export const principalProfile = (p: StaffPrincipal): StaffProfile => ({ id: p.id, username: p.username, displayName: p.displayName, department: p.department, departmentName: departmentNameOf(p.department), roles: p.roles })
