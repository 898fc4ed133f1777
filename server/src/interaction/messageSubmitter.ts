import mongoose from 'mongoose'
import { formatShanghaiDate, type MessageBody, type MyMessage, type z, type messageBodySchema } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { citizenActor } from '../auth/citizenActor'
import { nextSequence } from '../content/model'
import type { ListedContent } from '../push/campaignDrafter'
import { recordAudit } from '../platform/audit/auditTrail'
import { ValidationError } from '../platform/errors'
import type { InteractionContext } from './context'
import { DailyQuota } from './dailyLimits'
import { clockViewOf, myMessageOf } from './messageView'
import { MessageModel, type MessageDoc } from './model'

export type { MessageBody }

/**
 * A citizen writes a message (留言): to a department, of a category, optionally about a
 * published item. The text goes through the content check (WeChat msg_sec_check and the
 * word list): passed, it is in the department's queue at once; held (review or risky),
 * it waits for a moderator. Either way it is received today and its answer clock runs
 * with the department's days for the category. Audited without the text. A citizen sends at
 * most MESSAGE_DAILY_LIMIT messages a Beijing day (DailyQuota).
 */
export class MessageSubmitter {
  private readonly quota: DailyQuota

  constructor(private readonly ctx: InteractionContext) {
    this.quota = new DailyQuota(ctx)
  }

  async submit(citizen: CitizenPrincipal, body: z.output<typeof messageBodySchema>): Promise<MyMessage> {
    const item = body.itemId ? this.ctx.content.listed(body.itemId) : undefined
    if (body.itemId && !item) throw new ValidationError([{ path: 'itemId', message: '没有找到相关的公开内容' }])
    // One of the day's places (MESSAGE_DAILY_LIMIT), taken before WeChat is asked.
    const doc = await this.quota.within(citizen.id, 'message', () => this.write(citizen, body, item))
    // The text may hold personal data: the audit trail records the facts, not the words.
    await recordAudit({
      at: doc.createdAt,
      actor: citizenActor(citizen),
      action: 'interaction.message-received',
      subject: `message:${doc._id.toString()}`,
      after: { trackingNumber: doc.trackingNumber, department: doc.department, category: doc.category, state: doc.state, verdict: doc.screening.verdict, platform: doc.screening.platform.suggest, words: doc.screening.words.map((w) => w.word), answerDays: doc.answerDays, wantsPublic: doc.wantsPublic },
    })
    return myMessageOf(doc, clockViewOf(doc, doc.receivedOn, this.ctx.calendar))
  }

  /** Screens the text and stores the message, received today with the department's days for its category. */
  private async write(citizen: CitizenPrincipal, body: z.output<typeof messageBodySchema>, item: ReturnType<ListedContent['listed']>): Promise<MessageDoc> {
    const settings = await this.ctx.settings.of(body.department)
    const screening = await this.ctx.screener.screen({ title: body.title, text: body.text, openid: citizen.account.openid, scene: 3 })
    await this.ctx.freshCalendar()
    const now = this.ctx.now()
    const receivedOn = formatShanghaiDate(now)
    const year = receivedOn.slice(0, 4)
    const trackingNumber = `LY${year}-${String(await nextSequence(`interaction-message:${year}`)).padStart(5, '0')}`
    const by = { id: `citizen:${citizen.id}`, name: '留言人' }
    const held = screening.verdict !== 'pass'
    const doc: MessageDoc = {
      _id: new mongoose.Types.ObjectId(),
      trackingNumber,
      citizenId: citizen.id,
      department: body.department,
      category: body.category,
      title: body.title,
      text: body.text,
      item: item && body.itemId ? { id: body.itemId, title: item.title, type: item.type } : null,
      wantsPublic: body.public,
      notPublic: null,
      state: held ? 'moderation' : 'received',
      receivedAt: now,
      receivedOn,
      answerDays: settings.answerDays[body.category],
      screening,
      moderation: null,
      assignee: null,
      replyDraft: null,
      reply: null,
      notifiedAt: null,
      events: [{ kind: 'received', at: now, by }, ...(held ? [{ kind: 'held', at: now, by: { id: 'system', name: '内容安全检查' }, note: [screening.platform.error ?? `微信：${screening.platform.suggest}`, ...screening.words.map((w) => w.word)].join('；') }] : [])],
      createdAt: now,
      updatedAt: now,
    }
    await MessageModel.create(doc)
    return doc
  }
}
