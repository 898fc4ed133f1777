import mongoose from 'mongoose'
import { alertReaches, formatShanghaiDate, toShanghaiParts } from '@zw/shared'
import { CitizenAccountModel } from '../auth/citizenModel'
import { createOnce } from '../platform/db'
import type { Logger } from '../platform/logger'
import { ACCOUNT_FIELDS, type CampaignSender, type Recipient } from './campaignSender'
import { recountCampaign } from './campaignRecount'
import { CampaignModel, DigestSlotModel, emptyCampaignStats, type CampaignDoc } from './model'

const DAY_MS = 86_400_000
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * 每天汇总: at each minute some citizens chose, one message to each of them listing the
 * items published in the last 24 hours that their digest subscriptions cover (the feed's
 * alerts, matched the same way). One digest per citizen per day and time (a unique
 * delivery), through the same sender as campaigns (cap, consent, journal). A citizen
 * with nothing new gets nothing.
 */
export class DigestSender {
  constructor(
    private readonly sender: CampaignSender,
    private readonly logger: Logger,
  ) {}

  /** Sends the digests of the minute `slot` (a UTC instant, read in Beijing time). */
  async send(slot: Date): Promise<number> {
    const p = toShanghaiParts(slot)
    const time = `${pad(p.hour)}:${pad(p.minute)}`
    const members = (await DigestSlotModel.findById(time).lean())?.citizens ?? []
    if (!members.length) return 0
    const alerts = await CampaignModel.find({ kind: 'alert', createdAt: { $gt: new Date(slot.getTime() - DAY_MS), $lte: slot } }).sort({ createdAt: 1 }).lean<CampaignDoc[]>()
    if (!alerts.length) return 0
    const day = formatShanghaiDate(slot)
    const key = `digest:${day}:${time}`
    await createOnce(CampaignModel, {
      _id: new mongoose.Types.ObjectId(), kind: 'digest', key, sourceCampaigns: alerts.map((a) => a._id.toString()), itemTags: null,
      name: `每天汇总 ${day} ${time}`, department: 'platform', state: 'sending', audience: { topics: [], topicMatch: 'any', regions: [], groups: [] },
      itemId: '', itemTitle: '', itemPage: '', message: { title: '今日订阅汇总', text: '' }, channels: { wechat: true, sms: false },
      sendAt: slot, urgent: false, makers: [], createdBy: { id: 'system', name: '系统' }, approvedBy: { id: 'system', name: '订阅汇总' },
      stats: emptyCampaignStats(), lease: null, runs: 1, waitingUntil: null, createdAt: slot, updatedAt: slot,
    })
    const digest = (await CampaignModel.findOne({ key }).lean<CampaignDoc>())!
    const contents = new Map<string, { title: string; text: string; link: string | null }>()
    const recipients: Recipient[] = []
    for (const id of members) {
      const account = await CitizenAccountModel.findById(id, ACCOUNT_FIELDS).lean<Recipient>()
      if (!account?.subscriptions?.length) continue
      const items = alerts.filter((a) => a.itemTags && alertReaches(a.itemTags, account.subscriptions!, { digestAt: time }))
      if (!items.length) continue
      contents.set(account._id, {
        title: `今日订阅汇总：${items.length} 条`,
        text: items.map((a) => `《${a.itemTitle}》`).join('；').slice(0, 200),
        link: items.length === 1 ? `${items[0]!.itemPage}&c=${items[0]!._id.toString()}` : null,
      })
      recipients.push(account)
    }
    for (let i = 0; i < recipients.length; i += 64) await this.sender.sendWindow(digest, recipients.slice(i, i + 64), (r) => contents.get(r._id)!)
    await CampaignModel.updateOne({ _id: digest._id }, { $set: { state: 'sent', stats: await recountCampaign(digest._id.toString()), sentAt: slot, updatedAt: slot } })
    this.logger.info({ time, recipients: recipients.length }, 'push digests sent')
    return recipients.length
  }
}
