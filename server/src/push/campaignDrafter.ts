import mongoose from 'mongoose'
import { can, decideCampaign, itemPagePath, type Campaign, type CampaignBody, type ContentType } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../platform/errors'
import { campaignViewOf, loadCampaign } from './campaignView'
import { CampaignModel, emptyCampaignStats, type CampaignDoc } from './model'

/** What the drafter needs of published content: the item citizens can open, by id. */
export interface ListedContent {
  listed(id: string): { title: string; type: ContentType } | undefined
}

/**
 * Writes a campaign as an editor of the department: a new draft, or changes to a draft or
 * returned one. The linked item must be published and public; a send time must be ahead.
 * Audited with the fields before and after.
 */
export class CampaignDrafter {
  constructor(
    private readonly content: ListedContent,
    private readonly now: () => Date,
  ) {}

  private checked(body: CampaignBody, now: Date): { itemTitle: string; itemPage: string; sendAt: Date | null } {
    const problems: { path: string; message: string }[] = []
    const item = this.content.listed(body.itemId)
    if (!item) problems.push({ path: 'itemId', message: '请选择已发布、公众可以看到的内容' })
    const sendAt = body.sendAt ? new Date(body.sendAt) : null
    if (sendAt && sendAt.getTime() <= now.getTime()) problems.push({ path: 'sendAt', message: '发送时间须晚于现在' })
    if (problems.length) throw new ValidationError(problems)
    return { itemTitle: item!.title, itemPage: itemPagePath(item!.type, body.itemId), sendAt }
  }

  async create(staff: StaffPrincipal, body: CampaignBody): Promise<Campaign> {
    if (!can(staff, 'push.write', staff.department)) throw new ForbiddenError('只有本部门编辑可以撰写推送')
    const now = this.now()
    const { itemTitle, itemPage, sendAt } = this.checked(body, now)
    const _id = new mongoose.Types.ObjectId()
    const created = await CampaignModel.create({
      _id,
      kind: 'campaign',
      key: `campaign:${_id.toString()}`,
      sourceCampaigns: [],
      itemTags: null,
      name: body.name,
      department: staff.department,
      state: 'draft',
      audience: body.audience,
      itemId: body.itemId,
      itemTitle,
      itemPage,
      message: body.message,
      channels: body.channels,
      sendAt,
      urgent: false,
      lease: null,
      runs: 0,
      waitingUntil: null,
      makers: [staff.id],
      createdBy: { id: staff.id, name: staff.displayName },
      approvedBy: null,
      stats: emptyCampaignStats(),
      createdAt: now,
      updatedAt: now,
    })
    const doc = created.toObject() as CampaignDoc
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'campaign.create', subject: `campaign:${doc._id.toString()}`, after: { name: body.name, audience: body.audience, itemId: body.itemId, channels: body.channels, sendAt: body.sendAt } })
    return campaignViewOf(doc, staff)
  }

  async update(staff: StaffPrincipal, id: string, body: CampaignBody): Promise<Campaign> {
    const doc = await loadCampaign(id)
    const decision = decideCampaign(doc, 'edit', staff)
    if (!decision.ok) throw new AppError(decision.code, decision.message)
    const now = this.now()
    const { itemTitle, itemPage, sendAt } = this.checked(body, now)
    const makers = doc.makers.includes(staff.id) ? doc.makers : [...doc.makers, staff.id]
    const moved = await CampaignModel.findOneAndUpdate(
      { _id: doc._id, state: doc.state },
      { $set: { name: body.name, audience: body.audience, itemId: body.itemId, itemTitle, itemPage, message: body.message, channels: body.channels, sendAt, state: decision.to, makers, updatedAt: now } },
      { new: true },
    ).lean<CampaignDoc>()
    if (!moved) throw new ConflictError('推送状态已被他人改变，请刷新后重试')
    await recordAudit({
      at: now,
      actor: auditActorOf(staff),
      action: 'campaign.edit',
      subject: `campaign:${id}`,
      before: { name: doc.name, audience: doc.audience, itemId: doc.itemId, message: doc.message, channels: doc.channels, sendAt: doc.sendAt },
      after: { name: body.name, audience: body.audience, itemId: body.itemId, message: body.message, channels: body.channels, sendAt },
    })
    return campaignViewOf(moved, staff)
  }
}
