import type { CitizenPrincipal } from './citizenAuthenticator'

/** The audit trail names a citizen by their random id only (never openid, area or mobile). */
export const citizenActor = (c: CitizenPrincipal) => ({ id: `citizen:${c.id}`, name: 'citizen', ip: '', userAgent: '' })
