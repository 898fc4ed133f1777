import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../platform/errors'
import { loadApplication } from './applicationView'
import type { DisclosureContext } from './context'
import { yuanToFen, type MiniProgramPayParams } from './feePayments'

/** Opens the WeChat Pay order of an application's fee notice for its applicant (the same order each time: one per application). */
export class FeePaymentOpener {
  constructor(private readonly ctx: DisclosureContext) {}

  async open(citizen: CitizenPrincipal, id: string): Promise<MiniProgramPayParams> {
    const doc = await loadApplication(id)
    if (doc.citizenId !== citizen.id) throw new NotFoundError('没有这件申请')
    if (doc.state !== 'fee-notified' || !doc.fee?.notice || doc.fee.paid) throw new ConflictError('这件申请现在不需要缴费')
    if (!this.ctx.payments) throw new ServiceUnavailableError('暂不支持在线缴费，请按缴费通知到受理窗口缴纳')
    return this.ctx.payments.open({ outTradeNo: doc.fee.notice.outTradeNo, amountFen: yuanToFen(doc.fee.amountYuan), description: `信息处理费 ${doc.trackingNumber}`, openid: citizen.account.openid, payBy: doc.fee.notice.paymentDeadline })
  }
}
