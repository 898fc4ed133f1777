import { can, DISCLOSURE_FINAL_STATES, DISCLOSURE_STATE_LABELS, type Disclosure, type DisclosureList, type MyDisclosure } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError, NotFoundError } from '../platform/errors'
import { clockViewOf, loadApplication, myViewOf, staffViewOf } from './applicationView'
import { todayOf, type DisclosureContext } from './context'
import { DisclosureApplicationModel, type DisclosureApplicationDoc } from './model'

/** Applications as staff (their department's queue, soonest due first) and applicants (their own) read them, each with today's clock. */
export class ApplicationReader {
  constructor(private readonly ctx: DisclosureContext) {}

  private summaries(docs: DisclosureApplicationDoc[]): DisclosureList {
    const today = todayOf(this.ctx)
    const rows = docs.map((d) => {
      const clock = clockViewOf(d, today, this.ctx.calendar, this.ctx.settings)
      return { id: d._id.toString(), trackingNumber: d.trackingNumber, name: d.applicant.name, department: d.department, channel: d.channel, receivedOn: d.receivedOn, state: d.state, stateLabel: DISCLOSURE_STATE_LABELS[d.state], dueDate: clock.dueDate, daysLeft: clock.daysLeft, overdue: clock.overdue, description: d.description.slice(0, 80) }
    })
    return { applications: rows }
  }

  async listForStaff(staff: StaffPrincipal, query: { state?: string }): Promise<DisclosureList> {
    await this.ctx.freshCalendar()
    if (!can(staff, 'disclosure.handle', staff.department)) throw new ForbiddenError('只有本部门的办理人员可以查看申请')
    const filter: Record<string, unknown> = { department: staff.department }
    if (query.state === 'open') filter.state = { $nin: DISCLOSURE_FINAL_STATES }
    else if (query.state) filter.state = query.state
    const docs = await DisclosureApplicationModel.find(filter).sort({ receivedOn: 1, _id: 1 }).limit(500).lean<DisclosureApplicationDoc[]>()
    const list = this.summaries(docs)
    // Open ones first, soonest due first; finished ones after, newest first.
    const open = list.applications.filter((a) => !DISCLOSURE_FINAL_STATES.includes(a.state)).sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'))
    const done = list.applications.filter((a) => DISCLOSURE_FINAL_STATES.includes(a.state)).reverse()
    return { applications: [...open, ...done] }
  }

  async getForStaff(staff: StaffPrincipal, id: string): Promise<Disclosure> {
    await this.ctx.freshCalendar()
    const doc = await loadApplication(id)
    if (!can(staff, 'disclosure.handle', doc.department) && !can(staff, 'disclosure.approve', doc.department)) throw new ForbiddenError('只能查看本部门的申请')
    return staffViewOf(doc, clockViewOf(doc, todayOf(this.ctx), this.ctx.calendar, this.ctx.settings), staff)
  }

  async listMine(citizen: CitizenPrincipal): Promise<DisclosureList> {
    await this.ctx.freshCalendar()
    const docs = await DisclosureApplicationModel.find({ citizenId: citizen.id }).sort({ createdAt: -1 }).limit(200).lean<DisclosureApplicationDoc[]>()
    return this.summaries(docs)
  }

  async getMine(citizen: CitizenPrincipal, id: string): Promise<MyDisclosure> {
    await this.ctx.freshCalendar()
    const doc = await loadApplication(id)
    if (doc.citizenId !== citizen.id) throw new NotFoundError('没有这件申请')
    return myViewOf(doc, clockViewOf(doc, todayOf(this.ctx), this.ctx.calendar, this.ctx.settings))
  }
}
