import { consentStanding } from '@zw/shared'
import type { CitizenConsentDoc } from '../auth/citizenModel'
import { ConsentUseModel } from './model'

/** Of one template: per citizen, the one-time acceptances used and the acceptance counts WeChat said were used up at. */
export type ConsentUses = Map<string, { used: number; usedUpAt: Set<number> }>

/**
 * Reads every recorded use of `templateId` once (one pass over the uses; no lookups per
 * citizen), for counting an audience's WeChat reach exactly.
 */
export async function consentUsesOf(templateId: string): Promise<ConsentUses> {
  const uses: ConsentUses = new Map()
  const marker = `:${templateId}:`
  for await (const u of ConsentUseModel.find({}, { _id: 1, citizenId: 1 }).lean().cursor({ batchSize: 2000 })) {
    const at = u._id.indexOf(marker, u.citizenId.length)
    if (at !== u.citizenId.length) continue
    const rest = u._id.slice(at + marker.length)
    const entry = uses.get(u.citizenId) ?? { used: 0, usedUpAt: new Set<number>() }
    if (rest.startsWith('up:')) entry.usedUpAt.add(Number(rest.slice(3)))
    else entry.used += 1
    uses.set(u.citizenId, entry)
  }
  return uses
}

/** Whether WeChat may be asked to deliver a message of this template to the citizen now, by the ledger. */
export function reachableByWeChat(citizenId: string, entry: CitizenConsentDoc | undefined, uses: ConsentUses): boolean {
  if (!entry || entry.granted <= 0) return false
  const u = uses.get(citizenId)
  const used = Math.max(entry.usedFloor, u?.used ?? 0)
  return consentStanding(entry.kind, entry.granted, used, u?.usedUpAt.has(entry.granted) ?? false).state !== 'none'
}
