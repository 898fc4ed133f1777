import { decideCampaign, type Campaign, type CampaignActionBody } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, ValidationError } from '../platform/errors'
import { campaignViewOf, loadCampaign } from './campaignView'
import { CampaignModel, type CampaignDoc } from './model'

/** Steps that need a written reason. */
const NEEDS_REASON = new Set<CampaignActionBody['action']>(['reject', 'markUrgent', 'cancel'])

/**
 * Takes one step of a campaign's workflow for a person (submit, approve, return, flag
 * urgent, pause, resume, cancel): the workflow table decides, the campaign moves only if
 * it is still in the state it was read in (the sender or a second person acting at once
 * gets CONFLICT), and the step is audited with the state before and after.
 */
export class CampaignStepper {
  constructor(private readonly now: () => Date) {}

  async take(staff: StaffPrincipal, id: string, body: CampaignActionBody): Promise<Campaign> {
    if (NEEDS_REASON.has(body.action) && !body.reason) throw new ValidationError([{ path: 'reason', message: '请写明原因' }])
    const doc = await loadCampaign(id)
    const decision = decideCampaign(doc, body.action, staff)
    if (!decision.ok) throw new AppError(decision.code, decision.message)
    const now = this.now()
    const $set: Partial<CampaignDoc> = { state: decision.to, updatedAt: now }
    if (body.action === 'submit' && !doc.makers.includes(staff.id)) $set.makers = [...doc.makers, staff.id]
    if (body.action === 'approve') $set.approvedBy = { id: staff.id, name: staff.displayName }
    if (body.action === 'markUrgent') $set.urgent = true
    if (body.action === 'reject') $set.rejection = { reason: body.reason!, by: staff.displayName, at: now }
    if (body.action === 'submit') $set.rejection = null
    const moved = await CampaignModel.findOneAndUpdate({ _id: doc._id, state: doc.state }, { $set }, { new: true }).lean<CampaignDoc>()
    if (!moved) throw new ConflictError('推送状态已被他人改变，请刷新后重试')
    await recordAudit({
      at: now,
      actor: auditActorOf(staff),
      action: `campaign.${body.action}`,
      subject: `campaign:${id}`,
      before: { state: doc.state, urgent: doc.urgent },
      after: { state: moved.state, urgent: moved.urgent },
      ...(body.reason ? { reason: body.reason } : {}),
    })
    return campaignViewOf(moved, staff)
  }
}
