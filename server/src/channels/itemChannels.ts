import { can, type ChannelDelivery, type ItemChannels } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError, NotFoundError } from '../platform/errors'
import { ContentItem } from '../content/model'
import { ChannelDeliveryModel, type ChannelDeliveryDoc } from './model'

export function deliveryView(d: ChannelDeliveryDoc, staff: StaffPrincipal): ChannelDelivery {
  const actions: ChannelDelivery['actions'] = []
  if (d.state === 'failed' && !d.cancelled && can(staff, 'content.write', d.department)) actions.push('retry')
  if (d.channel === 'official-account' && d.state === 'live' && !d.massSentAt && !d.correction && staff.roles.includes('department-admin') && staff.department === d.department) actions.push('mass-send')
  return {
    id: d._id,
    channel: d.channel,
    edition: d.edition,
    state: d.state,
    platformId: d.platformId,
    url: d.url,
    error: d.error,
    attempts: d.attempts,
    correction: d.correction,
    massSentAt: d.massSentAt?.toISOString() ?? null,
    actions,
    updatedAt: d.updatedAt.toISOString(),
  }
}

/** 渠道发布: where an item went besides the mini-program, per channel and edition, for its department's staff. */
export class ItemChannelsReader {
  async of(staff: StaffPrincipal, itemId: string): Promise<ItemChannels> {
    const item = await ContentItem.findById(itemId, { department: 1 }).lean<{ department: string }>()
    if (!item) throw new NotFoundError('内容不存在')
    if (!can(staff, 'content.read', item.department)) throw new ForbiddenError('只能查看本部门内容的渠道发布')
    const docs = await ChannelDeliveryModel.find({ itemId }).sort({ edition: 1, channel: 1 }).lean<ChannelDeliveryDoc[]>()
    return { itemId, items: docs.map((d) => deliveryView(d, staff)) }
  }
}
