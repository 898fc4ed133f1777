import { decideDisclosure, type MyDisclosure } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, NotFoundError } from '../platform/errors'
import { clockViewOf, loadApplication, myViewOf } from './applicationView'
import { todayOf, type DisclosureContext } from './context'
import type { FileBinder } from './fileBinder'
import { DisclosureApplicationModel, type DisclosureApplicationDoc, type DisclosureFileRef } from './model'

/**
 * The applicant sends the correction (补正) online: it arrives today, the answer clock
 * starts again from today (Art. 30), and the text is kept with the application for the
 * handler. Files the applicant uploaded for it join the application's attachments (checked
 * per field before anything is written, like an application's). Staff record corrections
 * that arrive on paper (recordCorrection).
 */
export class CorrectionSubmitter {
  constructor(
    private readonly ctx: DisclosureContext,
    private readonly binder: FileBinder,
  ) {}

  async submit(citizen: CitizenPrincipal, id: string, body: { text: string; attachments?: readonly string[] }): Promise<MyDisclosure> {
    await this.ctx.freshCalendar()
    const doc = await loadApplication(id)
    if (doc.citizenId !== citizen.id) throw new NotFoundError('没有这件申请')
    const decision = decideDisclosure({ state: doc.state, department: doc.department }, 'correct', { kind: 'citizen' })
    if (!decision.ok) throw new AppError(decision.code, decision.message)
    const now = this.ctx.now()
    const today = todayOf(this.ctx)
    const by = { id: `citizen:${citizen.id}`, name: '申请人' }
    const files = await this.binder.check(body.attachments ?? [], { kind: 'citizen', citizenId: citizen.id })
    const added = await this.binder.bind(files, id, 'application', now)
    let moved: DisclosureApplicationDoc
    try {
      const recorded = await this.record(doc, decision.to, { today, now, by, text: body.text, added })
      if (!recorded) throw new ConflictError('申请状态已改变，请刷新后重试')
      moved = recorded
    } catch (err) {
      // Not written after all: the files go back to the applicant.
      await this.binder.release(added, id)
      throw err
    }
    // The text may hold personal data: the audit records that a correction came, not what it says.
    await recordAudit({ at: now, actor: { id: by.id, name: 'citizen' }, action: 'disclosure.correct', subject: `disclosure:${id}`, before: { state: doc.state, attachments: doc.attachments.length }, after: { state: moved.state, correctedOn: today, attachments: moved.attachments.length, added: added.map((a) => a.id) } })
    return myViewOf(moved, clockViewOf(moved, today, this.ctx.calendar, this.ctx.settings))
  }

  /** The correction, its files and the notice, in one conditional update (null: the state moved meanwhile). */
  private record(doc: DisclosureApplicationDoc, to: string, c: { today: string; now: Date; by: { id: string; name: string }; text: string; added: DisclosureFileRef[] }): Promise<DisclosureApplicationDoc | null> {
    return DisclosureApplicationModel.findOneAndUpdate(
      { _id: doc._id, state: doc.state },
      {
        $set: { state: to, updatedAt: c.now },
        $push: {
          events: { kind: 'corrected', on: c.today, at: c.now, by: c.by, note: c.text },
          notices: { at: c.now, title: '已收到补正材料', text: `已收到您的补正（${c.today}）${c.added.length ? `和 ${c.added.length} 个附件` : ''}，答复期限自该日起重新计算。` },
          ...(c.added.length ? { attachments: { $each: c.added } } : {}),
        },
      },
      { new: true },
    ).lean<DisclosureApplicationDoc>()
  }
}
