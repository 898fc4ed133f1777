import { SCHEDULE_MIN_AHEAD_MS } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ValidationError } from '../platform/errors'
import type { EditionDoc } from './model'
import { loadEdition, transition } from './editionTransition'

/** Reviewers schedule an approved edition (at least five minutes ahead) or take it off the schedule. */
export class EditionScheduler {
  constructor(private readonly now: () => Date) {}

  async schedule(staff: StaffPrincipal, id: string, at: Date): Promise<EditionDoc> {
    const now = this.now()
    if (at.getTime() < now.getTime() + SCHEDULE_MIN_AHEAD_MS) {
      throw new ValidationError([{ path: 'at', message: '定时发布时间须至少在 5 分钟之后' }])
    }
    const doc = await loadEdition(id)
    return transition(doc, 'schedule', staff, now, { $set: { scheduledAt: at } }, `定时发布：${at.toISOString()}`)
  }

  async unschedule(staff: StaffPrincipal, id: string): Promise<EditionDoc> {
    const doc = await loadEdition(id)
    return transition(doc, 'unschedule', staff, this.now(), { $set: { scheduledAt: null } })
  }
}
