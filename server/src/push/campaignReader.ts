import { can, type Campaign } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { campaignViewOf, loadCampaign } from './campaignView'
import { CampaignModel, type CampaignDoc } from './model'

const mayRead = (staff: StaffPrincipal, department: string) => can(staff, 'push.control', department) || can(staff, 'push.approve', department)

/** The department's campaigns (not the notices of single citizens), newest first, and one campaign, for the people who work on them. */
export class CampaignReader {
  async list(staff: StaffPrincipal): Promise<{ campaigns: Campaign[] }> {
    if (!mayRead(staff, staff.department)) throw new ForbiddenError('没有权限查看推送')
    const docs = await CampaignModel.find({ department: staff.department, kind: { $ne: 'notice' } }).sort({ createdAt: -1 }).limit(200).lean<CampaignDoc[]>()
    return { campaigns: docs.map((d) => campaignViewOf(d, staff)) }
  }

  async get(staff: StaffPrincipal, id: string): Promise<Campaign> {
    const doc = await loadCampaign(id)
    if (!mayRead(staff, doc.department)) throw new ForbiddenError('没有权限查看推送')
    return campaignViewOf(doc, staff)
  }
}
