import { decideDisclosure, type MyDisclosure } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { recordAudit } from '../platform/audit/auditTrail'
import { AppError, ConflictError, NotFoundError, ServiceUnavailableError } from '../platform/errors'
import { clockViewOf, loadApplication, myViewOf } from './applicationView'
import { todayOf, type DisclosureContext } from './context'
import type { FeeRefunder } from './feeRefunder'
import { closeUnpaidFeeOrder } from './feePayments'
import { DisclosureApplicationModel, type DisclosureApplicationDoc } from './model'

/**
 * The applicant withdraws an open application. A fee already paid is refunded: the
 * information has not been provided yet (an application is open until the reply), so the
 * work the fee pays for has not been delivered.
 */
export class ApplicationWithdrawer {
  constructor(
    private readonly ctx: DisclosureContext,
    private readonly refunder: FeeRefunder,
  ) {}

  async withdraw(citizen: CitizenPrincipal, id: string): Promise<MyDisclosure> {
    const doc = await loadApplication(id)
    if (doc.citizenId !== citizen.id) throw new NotFoundError('没有这件申请')
    const decision = decideDisclosure({ state: doc.state, department: doc.department }, 'withdraw', { kind: 'citizen' })
    if (!decision.ok) throw new AppError(decision.code, decision.message)
    const refundDue = Boolean(doc.fee?.paid && !doc.fee.refund)
    if (refundDue && !this.ctx.payments) throw new ServiceUnavailableError('在线支付未开通，无法原路退款，请联系受理机关')
    const now = this.ctx.now()
    const by = { id: `citizen:${citizen.id}`, name: '申请人' }
    const moved = await DisclosureApplicationModel.findOneAndUpdate(
      { _id: doc._id, state: doc.state },
      { $set: { state: decision.to, updatedAt: now }, $push: { events: { kind: 'withdrawn', on: todayOf(this.ctx), at: now, by }, notices: { at: now, title: '申请已撤回', text: '您已撤回这件申请。' } } },
      { new: true },
    ).lean<DisclosureApplicationDoc>()
    if (!moved) throw new ConflictError('申请状态已改变，请刷新后重试')
    await recordAudit({ at: now, actor: { id: by.id, name: 'citizen' }, action: 'disclosure.withdraw', subject: `disclosure:${id}`, before: { state: doc.state }, after: { state: moved.state, refundDue } })
    await closeUnpaidFeeOrder(this.ctx.payments, doc.fee, '申请人撤回申请', () => undefined)
    const final = refundDue ? await this.refunder.refund(moved, '申请人撤回申请', { id: by.id, name: 'citizen' }, by) : moved
    return myViewOf(final, clockViewOf(final, todayOf(this.ctx), this.ctx.calendar, this.ctx.settings))
  }
}
