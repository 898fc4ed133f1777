import type { CitizenProfile } from '@zw/shared'
import { recordAudit } from '../platform/audit/auditTrail'
import type { CitizenPrincipal } from './citizenAuthenticator'
import { CitizenAccountModel, CitizenSessionModel, CitizenStatModel, type CitizenAccountDoc } from './citizenModel'
import { citizenProfileOf } from './citizenLogIn'
import { citizenActor } from './citizenActor'
import { CitizenMobile } from './citizenMobile'

/** Erases what another domain keeps about a citizen whose account is being deleted. */
export type CitizenDataEraser = (citizenId: string) => Promise<void>

/**
 * A citizen's own profile: their area and declared groups (all optional, theirs to
 * change), and deleting the account — the openid, area, groups and mobile go, sessions
 * end at once, and only an anonymous count of deleted accounts stays. Other domains
 * register erasers for what they keep (subscriptions live on the account; the push
 * domain erases deliveries, consent uses and marks).
 */
export class CitizenProfiles {
  private readonly erasers: CitizenDataEraser[] = []

  constructor(private readonly now: () => Date) {}

  /** Called with the citizen's id when their account is deleted, before the account goes. */
  onDelete(eraser: CitizenDataEraser): void {
    this.erasers.push(eraser)
  }

  async update(citizen: CitizenPrincipal, profile: { region: string | null; groups: string[] }): Promise<CitizenProfile> {
    const updated = await CitizenAccountModel.findOneAndUpdate({ _id: citizen.id }, { $set: { region: profile.region, groups: profile.groups } }, { new: true }).lean<CitizenAccountDoc>()
    const before = citizen.account
    const changed = [before.region !== profile.region ? 'region' : '', JSON.stringify(before.groups ?? []) !== JSON.stringify(profile.groups) ? 'groups' : ''].filter(Boolean)
    if (changed.length) await recordAudit({ at: this.now(), actor: citizenActor(citizen), action: 'citizen.profile-updated', subject: `citizen:${citizen.id}`, after: { changed } })
    return citizenProfileOf(updated!)
  }

  async delete(citizen: CitizenPrincipal): Promise<{ ok: true }> {
    const now = this.now()
    await CitizenSessionModel.updateMany({ citizenId: citizen.id, revokedAt: null }, { $set: { revokedAt: now } })
    for (const erase of this.erasers) await erase(citizen.id)
    await CitizenMobile.erase(citizen.id)
    await CitizenAccountModel.deleteOne({ _id: citizen.id })
    await CitizenStatModel.updateOne({ _id: 'deleted-accounts' }, { $inc: { count: 1 } }, { upsert: true })
    await recordAudit({ at: now, actor: citizenActor(citizen), action: 'citizen.account-deleted', subject: `citizen:${citizen.id}` })
    return { ok: true }
  }
}
