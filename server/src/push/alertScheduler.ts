import mongoose from 'mongoose'
import { CONTENT_TYPE_LABELS, departmentNameOf, fitThing, itemPagePath, type ContentDraft } from '@zw/shared'
import { createOnce } from '../platform/db'
import type { Logger } from '../platform/logger'
import type { EditionPublished } from '../review/publicationEvents'
import { CampaignModel, emptyCampaignStats, type CampaignDoc } from './model'


/**
 * The subscription feed and its corrections, as system campaigns for the sender:
 * - a newly published item with topics and areas → an alert to its subscribers (the
 *   item was approved before publication, so the alert needs no second approval);
 * - an item that was pushed and is then withdrawn, taken down, or revised (not minor) →
 *   a correction notice to everyone who received a push about it.
 * Each is made once (a unique key), however often a listener runs.
 */
export class AlertScheduler {
  constructor(
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  async published(e: EditionPublished): Promise<void> {
    if (e.minor) return
    if (e.edition > 1) {
      await this.correct(e.itemId, 'revised', e.edition)
      return
    }
    const c: ContentDraft = e.content
    const department = departmentNameOf(e.department)
    await this.create({
      kind: 'alert',
      key: `alert:${e.itemId}:${e.edition}`,
      sourceCampaigns: [],
      itemTags: { topics: [...c.topics], regions: [...c.regions] },
      name: `订阅提醒：${c.title}`.slice(0, 40),
      department: e.department,
      itemId: e.itemId,
      itemTitle: c.title,
      itemPage: itemPagePath(c.type, e.itemId),
      message: { title: fitThing(c.title), text: `${department}发布了${CONTENT_TYPE_LABELS[c.type] ?? ''}《${c.title}》`.slice(0, 200) },
    })
  }

  /** 撤回 or 下线 of an item. */
  async withdrawn(itemId: string): Promise<void> {
    await this.correct(itemId, 'withdrawn')
  }

  private async correct(itemId: string, what: 'withdrawn' | 'revised', edition = 0): Promise<void> {
    const sources = await CampaignModel.find({ itemId, kind: { $in: ['campaign', 'alert'] }, state: { $in: ['sending', 'paused', 'sent'] } }).lean<CampaignDoc[]>()
    if (!sources.length) return
    const first = sources[0]!
    const department = departmentNameOf(first.department)
    await this.create({
      kind: 'correction',
      key: `correction:${itemId}:${what}:${edition}`,
      sourceCampaigns: sources.map((s) => s._id.toString()),
      itemTags: null,
      name: `更正通知：${first.itemTitle}`.slice(0, 40),
      department: first.department,
      itemId,
      itemTitle: first.itemTitle,
      itemPage: first.itemPage,
      message: {
        title: fitThing(`更正：${first.itemTitle}`),
        text: what === 'withdrawn' ? `${department}已撤回《${first.itemTitle}》，请以页面上的说明为准。` : `${department}更新了《${first.itemTitle}》，请以最新内容为准。`,
      },
    })
  }

  private async create(doc: Pick<CampaignDoc, 'kind' | 'key' | 'sourceCampaigns' | 'itemTags' | 'name' | 'department' | 'itemId' | 'itemTitle' | 'itemPage' | 'message'>): Promise<void> {
    const now = this.now()
    const made = await createOnce(CampaignModel, {
      _id: new mongoose.Types.ObjectId(),
      ...doc,
      state: 'scheduled',
      audience: { topics: doc.itemTags?.topics ?? [], topicMatch: 'any', regions: doc.itemTags?.regions ?? [], groups: [] },
      channels: { wechat: true, sms: false },
      sendAt: null,
      urgent: false,
      makers: [],
      createdBy: { id: 'system', name: '系统' },
      approvedBy: { id: 'system', name: doc.kind === 'alert' ? '随内容审核' : '系统更正' },
      stats: emptyCampaignStats(),
      lease: null,
      runs: 0,
      waitingUntil: null,
      createdAt: now,
      updatedAt: now,
    })
    if (made) this.logger.info({ key: doc.key }, 'push scheduled for subscribers')
  }
}
