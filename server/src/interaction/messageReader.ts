import { can, departmentNameOf, MESSAGE_CATEGORIES, MESSAGE_FINAL_STATES, MESSAGE_STATE_LABELS, MESSAGE_STATE_LABELS_FOR_WRITER, type MyMessage, type MyMessageList, type PublicMessagePage, type StaffMessage, type StaffMessageList } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError, NotFoundError } from '../platform/errors'
import { todayOf, type InteractionContext } from './context'
import { staffViewOf } from './messageStep'
import { clockViewOf, isShownInPublic, loadMessage, myMessageOf, publicMessageOf } from './messageView'
import { MessageModel, type MessageDoc } from './model'

const PUBLIC_PAGE_SIZE = 20
/** The public Q&A looks at this many most recent answered messages (a department's years of them). */
const PUBLIC_WINDOW = 5000

/** Messages as their writers, the department's staff and the public read them, each with today's clock. */
export class MessageReader {
  constructor(private readonly ctx: InteractionContext) {}

  async listMine(citizen: CitizenPrincipal): Promise<MyMessageList> {
    await this.ctx.freshCalendar()
    const today = todayOf(this.ctx)
    const docs = await MessageModel.find({ citizenId: citizen.id }).sort({ createdAt: -1 }).limit(200).lean<MessageDoc[]>()
    return {
      messages: docs.map((d) => ({
        id: d._id.toString(),
        trackingNumber: d.trackingNumber,
        departmentName: departmentNameOf(d.department),
        categoryLabel: MESSAGE_CATEGORIES[d.category],
        title: d.title,
        state: d.state,
        stateLabel: MESSAGE_STATE_LABELS_FOR_WRITER[d.state],
        receivedOn: d.receivedOn,
        dueDate: MESSAGE_FINAL_STATES.includes(d.state) ? null : clockViewOf(d, today, this.ctx.calendar).dueDate,
      })),
    }
  }

  async getMine(citizen: CitizenPrincipal, id: string): Promise<MyMessage> {
    await this.ctx.freshCalendar()
    const doc = await loadMessage(id)
    if (doc.citizenId !== citizen.id) throw new NotFoundError('没有这条留言')
    return myMessageOf(doc, clockViewOf(doc, todayOf(this.ctx), this.ctx.calendar))
  }

  /** The department's queue: open ones soonest due first, then finished ones newest first. */
  async listForStaff(staff: StaffPrincipal, query: { state?: string; mine?: string }): Promise<StaffMessageList> {
    if (!can(staff, 'interaction.handle', staff.department)) throw new ForbiddenError('只有本部门的工作人员可以查看留言')
    await this.ctx.freshCalendar()
    const today = todayOf(this.ctx)
    const filter: Record<string, unknown> = { department: staff.department }
    if (query.state === 'open') filter.state = { $nin: MESSAGE_FINAL_STATES }
    else if (query.state) filter.state = query.state
    const docs = (await MessageModel.find(filter).sort({ receivedOn: -1, _id: -1 }).limit(500).lean<MessageDoc[]>()).filter((d) => query.mine !== 'true' || d.assignee?.id === staff.id)
    const rows = docs.map((d) => {
      const clock = clockViewOf(d, today, this.ctx.calendar)
      const open = !MESSAGE_FINAL_STATES.includes(d.state)
      return {
        id: d._id.toString(),
        trackingNumber: d.trackingNumber,
        category: d.category,
        categoryLabel: MESSAGE_CATEGORIES[d.category],
        title: d.title,
        state: d.state,
        stateLabel: MESSAGE_STATE_LABELS[d.state],
        receivedOn: d.receivedOn,
        dueDate: clock.dueDate,
        daysLeft: clock.daysLeft,
        overdue: open && clock.overdue,
        alarm: open && clock.alarm,
        assignee: d.assignee?.name ?? null,
        verdict: d.screening.verdict,
      }
    })
    const open = rows.filter((r) => !MESSAGE_FINAL_STATES.includes(r.state)).sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'))
    const done = rows.filter((r) => MESSAGE_FINAL_STATES.includes(r.state))
    return { messages: [...open, ...done] }
  }

  async getForStaff(staff: StaffPrincipal, id: string): Promise<StaffMessage> {
    await this.ctx.freshCalendar()
    const doc = await loadMessage(id)
    if (!can(staff, 'interaction.handle', doc.department)) throw new ForbiddenError('只能查看本部门的留言')
    return staffViewOf(this.ctx, doc, staff)
  }

  /** 公开留言: answered messages whose writers agreed, newest answers first, searched in what is shown (masked). */
  async listPublic(query: { q?: string; department?: string; category?: string; page: number }): Promise<PublicMessagePage> {
    const now = this.ctx.now()
    const docs = await MessageModel.find({ state: 'answered' }).sort({ updatedAt: -1 }).limit(PUBLIC_WINDOW).lean<MessageDoc[]>()
    const words = (query.q ?? '').split(/\s+/).filter(Boolean)
    const shown = docs
      .filter((d) => isShownInPublic(d) && (!query.department || d.department === query.department) && (!query.category || d.category === query.category))
      .map((d) => ({ answeredAt: d.reply!.answeredAt.getTime(), view: publicMessageOf(d, now) }))
      .filter(({ view }) => words.every((w) => `${view.title}\n${view.text}\n${view.reply}`.includes(w)))
      .sort((a, b) => b.answeredAt - a.answeredAt)
    const start = (query.page - 1) * PUBLIC_PAGE_SIZE
    return { messages: shown.slice(start, start + PUBLIC_PAGE_SIZE).map((s) => s.view), total: shown.length, page: query.page, pageSize: PUBLIC_PAGE_SIZE }
  }
}
