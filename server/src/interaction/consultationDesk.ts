import type { StaffConsultation, consultationActionBodySchema, z } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import type { ConsultationArchiver } from './consultationArchiver'
import type { ConsultationPublisher } from './consultationPublisher'
import type { ConsultationReporter } from './consultationReporter'

/** Hands a staff step on a consultation to the service of its verb. */
export class ConsultationDesk {
  constructor(private readonly s: { publisher: ConsultationPublisher; reporter: ConsultationReporter; archiver: ConsultationArchiver }) {}

  take(staff: StaffPrincipal, id: string, body: z.output<typeof consultationActionBodySchema>): Promise<StaffConsultation> {
    switch (body.action) {
      case 'publish':
        return this.s.publisher.publish(staff, id)
      case 'publishReport':
        return this.s.reporter.publishReport(staff, id, body)
      case 'archive':
        return this.s.archiver.archive(staff, id)
    }
  }
}
