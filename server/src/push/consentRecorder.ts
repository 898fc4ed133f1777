import { grantOf, subscribeRequestError, type ConsentReportBody, type Consents } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { citizenActor } from '../auth/citizenActor'
import { CitizenAccountModel, type CitizenConsentDoc } from '../auth/citizenModel'
import { recordAudit } from '../platform/audit/auditTrail'
import { ValidationError } from '../platform/errors'
import type { ConsentLedger } from './consentLedger'
import type { PushTemplates, PushTemplate } from './templates'

/**
 * Records what a citizen answered in `wx.requestSubscribeMessage` (called after their
 * tap, at most three templates of one kind): an acceptance adds one send (one-time) or
 * turns long-term consent on; 'ban' (turned off in WeChat's settings) ends what was left;
 * a refusal changes nothing. Answers the standing, in plain words.
 */
export class ConsentRecorder {
  constructor(
    private readonly templates: PushTemplates,
    private readonly ledger: ConsentLedger,
    private readonly now: () => Date,
  ) {}

  async record(citizen: CitizenPrincipal, body: ConsentReportBody): Promise<Consents> {
    const problems: { path: string; message: string }[] = []
    const known: PushTemplate[] = []
    body.results.forEach((r, i) => {
      const t = this.templates.byId(r.templateId)
      if (t) known.push(t)
      else problems.push({ path: `results.${i}.templateId`, message: '不是本小程序的消息模板' })
    })
    const mixed = problems.length ? null : subscribeRequestError(known.map((t) => ({ kind: t.templateKind })))
    if (mixed) problems.push({ path: 'results', message: mixed })
    if (problems.length) throw new ValidationError(problems)

    const now = this.now()
    const entries: CitizenConsentDoc[] = [...(citizen.account.consents ?? [])]
    for (const r of body.results) {
      const t = this.templates.byId(r.templateId)!
      const at = entries.findIndex((e) => e.templateId === t.templateId)
      const entry: CitizenConsentDoc = at >= 0 ? entries[at]! : { templateId: t.templateId, kind: t.templateKind, granted: 0, usedFloor: 0, updatedAt: now }
      const grant = grantOf(r.result, t.templateKind)
      if (grant === 'nothing') continue
      if (grant === 'revoked') await this.ledger.markUsedUp(citizen.id, entry)
      const next = grant === 'revoked' ? { ...entry, updatedAt: now } : { ...entry, kind: t.templateKind, granted: entry.granted + 1, updatedAt: now }
      if (at >= 0) entries[at] = next
      else entries.push(next)
    }
    await CitizenAccountModel.updateOne({ _id: citizen.id }, { $set: { consents: entries } })
    await recordAudit({ at: now, actor: citizenActor(citizen), action: 'citizen.message-consent', subject: `citizen:${citizen.id}`, after: { results: body.results } })
    return this.ledger.standing({ ...citizen, account: { ...citizen.account, consents: entries } })
  }
}
