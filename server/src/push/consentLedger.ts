import { consentStanding, consentText, type Consents } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { CitizenAccountModel, type CitizenConsentDoc } from '../auth/citizenModel'
import { createOnce } from '../platform/db'
import { ConsentUseModel } from './model'
import type { PushTemplates } from './templates'

/** The record of the n-th one-time acceptance used: one per acceptance, so the same one is never used twice. */
export const consentUseId = (citizenId: string, templateId: string, n: number) => `${citizenId}:${templateId}:${n}`
const usedUpId = (citizenId: string, templateId: string, granted: number) => `${citizenId}:${templateId}:up:${granted}`

/** Inserts a use record; false when it was already there. */
const insertUse = (_id: string, citizenId: string, at: Date) => createOnce(ConsentUseModel, { _id, citizenId, at })

/**
 * The WeChat consent ledger of citizens: per template, the acceptances (on the account)
 * and the sends that used them (one insert each, `citizenId:templateId:n`, so two
 * instances can never use the same acceptance twice; docs/adr/0015). Long-term consent
 * stays on until WeChat says otherwise (43101), which is recorded against the number of
 * acceptances at the time, so accepting again turns it back on.
 */
export class ConsentLedger {
  constructor(
    private readonly templates: PushTemplates,
    private readonly now: () => Date,
  ) {}

  /** Uses recorded beyond the floor, counted by looking up `floor+1`, `floor+2` … (a few lookups by _id). */
  private async usedCount(citizenId: string, entry: CitizenConsentDoc): Promise<number> {
    let used = entry.usedFloor
    while (used < entry.granted && (await ConsentUseModel.exists({ _id: consentUseId(citizenId, entry.templateId, used + 1) }))) used++
    return used
  }

  /** What the citizen can still receive, per configured template, in plain words. */
  async standing(citizen: CitizenPrincipal): Promise<Consents> {
    const entries = citizen.account.consents ?? []
    const raised: CitizenConsentDoc[] = []
    const consents = []
    for (const t of this.templates.all()) {
      const entry = entries.find((e) => e.templateId === t.templateId)
      let standing = consentStanding(t.templateKind, 0, 0, false)
      if (entry) {
        const used = t.templateKind === 'one-time' ? await this.usedCount(citizen.id, entry) : 0
        const usedUp = t.templateKind === 'long-term' && entry.granted > 0 ? !!(await ConsentUseModel.exists({ _id: usedUpId(citizen.id, t.templateId, entry.granted) })) : false
        standing = consentStanding(t.templateKind, entry.granted, used, usedUp)
        if (used > entry.usedFloor) raised.push({ ...entry, usedFloor: used })
      }
      consents.push({ kind: t.kind, name: t.name, templateId: t.templateId, templateKind: t.templateKind, ...standing, text: consentText(standing) })
    }
    if (raised.length) {
      // Remember how far the uses go, so the next count starts there.
      const next = entries.map((e) => raised.find((r) => r.templateId === e.templateId) ?? e)
      await CitizenAccountModel.updateOne({ _id: citizen.id }, { $set: { consents: next } })
    }
    return { wechatConfigured: this.templates.all().length > 0, consents }
  }

  /**
   * Takes consent for one send to the citizen with this template: a one-time acceptance
   * not used yet (the first free use number), or long-term consent not turned off.
   * False: nothing left (the message goes to the inbox only).
   */
  async take(citizenId: string, entry: CitizenConsentDoc | undefined): Promise<boolean> {
    if (!entry || entry.granted <= 0) return false
    if (entry.kind === 'long-term') return !(await ConsentUseModel.exists({ _id: usedUpId(citizenId, entry.templateId, entry.granted) }))
    const at = this.now()
    for (let n = entry.usedFloor + 1; n <= entry.granted; n++) if (await insertUse(consentUseId(citizenId, entry.templateId, n), citizenId, at)) return true
    return false
  }

  /** WeChat answered 43101: whatever was counted, nothing is left of what was accepted so far. */
  async markUsedUp(citizenId: string, entry: CitizenConsentDoc): Promise<void> {
    const at = this.now()
    if (entry.kind === 'long-term') {
      await insertUse(usedUpId(citizenId, entry.templateId, entry.granted), citizenId, at)
      return
    }
    for (let n = entry.usedFloor + 1; n <= entry.granted; n++) await insertUse(consentUseId(citizenId, entry.templateId, n), citizenId, at)
  }
}
