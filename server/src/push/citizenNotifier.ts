import mongoose from 'mongoose'
import { CitizenAccountModel } from '../auth/citizenModel'
import { createOnce } from '../platform/db'
import type { Logger } from '../platform/logger'
import { ACCOUNT_FIELDS, type CampaignSender, type Recipient } from './campaignSender'
import { recountCampaign } from './campaignRecount'
import { CampaignModel, emptyCampaignStats, PushDeliveryModel, type CampaignDoc, type PushMessageContent } from './model'

export interface CitizenNotice {
  /** Unique per notice (`message-reply:<id>`): the same notice is sent once, however often asked. */
  key: string
  /** Whose it is (named in the WeChat message). */
  department: string
  citizenIds: readonly string[]
  title: string
  text: string
  /** The mini-program page it opens (`interaction/pages/message/index?id=…`), or null. */
  link: string | null
}

const WINDOW = 64

/**
 * Tells citizens about something of their own — the answer to their 留言, the feedback on
 * a consultation they commented on — in 我的消息, and by WeChat subscription message when
 * they consented (the 互动回复通知 template, else the policy one). It goes through the
 * campaign sender as a `notice` campaign with the words of each citizen's own, so the
 * consent ledger, the delivery records (once per citizen) and the outcomes are the same
 * as for every push; notices are not held by the daily cap.
 */
export class CitizenNotifier {
  constructor(
    private readonly sender: CampaignSender,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  /** Sends the notice to those who have not had it (asked again, it tells only those a stopped try missed); answers how many it reached now. */
  async notify(n: CitizenNotice): Promise<number> {
    const now = this.now()
    const key = `notice:${n.key}`
    await createOnce(CampaignModel, {
      _id: new mongoose.Types.ObjectId(), kind: 'notice', key, sourceCampaigns: [], itemTags: null,
      name: n.title.slice(0, 40), department: n.department, state: 'sending', audience: { topics: [], topicMatch: 'any', regions: [], groups: [] },
      itemId: '', itemTitle: '', itemPage: '', message: { title: n.title, text: n.text }, channels: { wechat: true, sms: false },
      sendAt: now, urgent: false, makers: [], createdBy: { id: 'system', name: '系统' }, approvedBy: { id: 'system', name: '互动通知' },
      stats: emptyCampaignStats(), lease: null, runs: 1, waitingUntil: null, createdAt: now, updatedAt: now,
    })
    const notice = (await CampaignModel.findOne({ key }).lean<CampaignDoc>())!
    if (notice.state === 'sent') return 0 // asked again after it went out
    const noticeId = notice._id.toString()
    const words: PushMessageContent = { title: n.title, text: n.text, link: n.link }
    let reached = 0
    const ids = [...new Set(n.citizenIds)]
    for (let i = 0; i < ids.length; i += WINDOW) {
      const recipients: Recipient[] = []
      for (const id of ids.slice(i, i + WINDOW)) {
        // Told already by an earlier try that stopped halfway: no consent is taken for them again.
        if (await PushDeliveryModel.exists({ _id: `${noticeId}:${id}` })) continue
        const account = await CitizenAccountModel.findById(id, ACCOUNT_FIELDS).lean<Recipient>()
        if (account) recipients.push(account) // a deleted account has nobody to tell
      }
      if (!recipients.length) continue
      await this.sender.sendWindow(notice, recipients, () => words)
      reached += recipients.length
    }
    await CampaignModel.updateOne({ _id: notice._id }, { $set: { state: 'sent', stats: await recountCampaign(notice._id.toString()), sentAt: now, updatedAt: now } })
    this.logger.info({ key, recipients: reached }, 'citizen notice sent')
    return reached
  }
}
