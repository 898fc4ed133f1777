import type { StaffConsultation } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ConsultationStep } from './consultationStep'

/** 归档: only once the feedback report is published (the workflow table says so). */
export class ConsultationArchiver extends ConsultationStep {
  async archive(staff: StaffPrincipal, id: string): Promise<StaffConsultation> {
    const { doc, to } = await this.load(staff, id, 'archive')
    return this.view(await this.move(staff, doc, 'archive', to, {}), staff)
  }
}
