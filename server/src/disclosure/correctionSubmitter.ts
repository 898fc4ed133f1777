import { decideDisclosure, type MyDisclosure } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, NotFoundError } from '../platform/errors'
import { clockViewOf, loadApplication, myViewOf } from './applicationView'
import { todayOf, type DisclosureContext } from './context'
import { DisclosureApplicationModel, type DisclosureApplicationDoc } from './model'

/**
 * The applicant sends the correction (补正) online: it arrives today, the answer clock
 * starts again from today (Art. 30), and the text is kept with the application for the
 * handler. Staff record corrections that arrive on paper (recordCorrection).
 */
export class CorrectionSubmitter {
  constructor(private readonly ctx: DisclosureContext) {}

  async submit(citizen: CitizenPrincipal, id: string, body: { text: string }): Promise<MyDisclosure> {
    await this.ctx.freshCalendar()
    const doc = await loadApplication(id)
    if (doc.citizenId !== citizen.id) throw new NotFoundError('没有这件申请')
    const decision = decideDisclosure({ state: doc.state, department: doc.department }, 'correct', { kind: 'citizen' })
    if (!decision.ok) throw new AppError(decision.code, decision.message)
    const now = this.ctx.now()
    const today = todayOf(this.ctx)
    const by = { id: `citizen:${citizen.id}`, name: '申请人' }
    const moved = await DisclosureApplicationModel.findOneAndUpdate(
      { _id: doc._id, state: doc.state },
      {
        $set: { state: decision.to, updatedAt: now },
        $push: { events: { kind: 'corrected', on: today, at: now, by, note: body.text }, notices: { at: now, title: '已收到补正材料', text: `已收到您的补正（${today}），答复期限自该日起重新计算。` } },
      },
      { new: true },
    ).lean<DisclosureApplicationDoc>()
    if (!moved) throw new ConflictError('申请状态已改变，请刷新后重试')
    // The text may hold personal data: the audit records that a correction came, not what it says.
    await recordAudit({ at: now, actor: { id: by.id, name: 'citizen' }, action: 'disclosure.correct', subject: `disclosure:${id}`, before: { state: doc.state }, after: { state: moved.state, correctedOn: today } })
    return myViewOf(moved, clockViewOf(moved, today, this.ctx.calendar, this.ctx.settings))
  }
}
