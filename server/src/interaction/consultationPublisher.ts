import type { StaffConsultation } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ValidationError } from '../platform/errors'
import { ConsultationStep } from './consultationStep'

/** 发布: a reviewer of the department publishes the draft; it shows as 未开始 until its start, then opens and closes by the clock. */
export class ConsultationPublisher extends ConsultationStep {
  async publish(staff: StaffPrincipal, id: string): Promise<StaffConsultation> {
    const { doc, to } = await this.load(staff, id, 'publish')
    if (doc.endAt.getTime() <= this.ctx.now().getTime()) throw new ValidationError([{ path: 'endAt', message: '结束时间已过，请修改后再发布' }])
    return this.view(await this.move(staff, doc, 'publish', to, {}, { startAt: doc.startAt.toISOString(), endAt: doc.endAt.toISOString() }), staff)
  }
}
