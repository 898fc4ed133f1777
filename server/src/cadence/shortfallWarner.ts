import { URGENT_GAP_DAYS, weekKey, wholeDaysBetween } from '@zw/shared'
import { EditionModel, type EditionDoc } from '../review/model'
import type { CadenceCounter } from './cadenceCounter'
import { lastCountedUpdate } from './cadenceEntries'
import { CadenceWarningModel, PublishingAccountModel, type CadenceWarningDoc, type PublishingAccountDoc, type WarningKind } from './model'
import { createOnce } from '../platform/db'
import { receivesEditions } from './publishingAccounts'


/**
 * The cadence checks the jobs run, each for the moment of its slot (so a run caught up
 * after downtime judges the week it was due in): short of the weekly minimum at mid-week
 * (a warning to the editors, with the editions in review that could close the gap) and
 * late in the week (escalated to the department admin); and the floor — 10 days without
 * an update is urgent, more than the account's `maxGapDays` a breach. Paused accounts are
 * skipped. Answers how many warnings were written (none twice).
 */
export class ShortfallWarner {
  constructor(private readonly counter: CadenceCounter) {}

  midWeek(at: Date): Promise<number> {
    return this.weekly(at, 'weekly-forecast', 'editors')
  }

  lateWeek(at: Date): Promise<number> {
    return this.weekly(at, 'weekly-escalation', 'department-admin')
  }

  private async weekly(at: Date, kind: WarningKind, audience: 'editors' | 'department-admin'): Promise<number> {
    const week = weekKey(at)
    let written = 0
    for (const account of await activeAccounts()) {
      const count = await this.counter.week(account._id, week)
      const missing = count.minimum - count.published - count.forecast
      if (missing <= 0) continue
      // Editions in review close the gap of the mini-program account only (they publish there).
      const inReview =
        receivesEditions(account)
          ? await EditionModel.find({ department: account.department, state: { $in: ['submitted', 'approved'] } }, { 'content.title': 1, state: 1 })
              .sort({ updatedAt: 1 })
              .limit(20)
              .lean<EditionDoc[]>()
          : []
      const details = { published: count.published, forecast: count.forecast, minimum: count.minimum, missing, inReview: inReview.map((e) => ({ editionId: e._id.toString(), title: e.content.title, state: e.state })) }
      if (await write({ _id: `${kind}:${account._id}:${week}`, kind, accountId: account._id, department: account.department, week, audience, createdAt: at, details })) written += 1
    }
    return written
  }

  /** The daily floor check. */
  async floor(at: Date): Promise<number> {
    let written = 0
    for (const account of await activeAccounts()) {
      const last = await lastCountedUpdate(account, at)
      const since = last ?? account.createdAt
      const days = wholeDaysBetween(since, at)
      const gap = `since-${last?.toISOString() ?? 'creation'}`
      const details = { daysWithoutUpdate: days, lastUpdateAt: last }
      const base = { accountId: account._id, department: account.department, week: weekKey(at), audience: 'department-admin' as const, createdAt: at, details }
      if (days > account.maxGapDays && (await write({ _id: `floor-breach:${account._id}:${gap}`, kind: 'floor-breach', ...base }))) written += 1
      else if (days >= URGENT_GAP_DAYS && days <= account.maxGapDays && (await write({ _id: `floor-urgent:${account._id}:${gap}`, kind: 'floor-urgent', ...base, audience: 'editors' }))) written += 1
    }
    return written
  }
}

const activeAccounts = async () => (await PublishingAccountModel.find({}).lean<PublishingAccountDoc[]>()).filter((a) => !a.paused)


/** Writes a warning unless an earlier or another run wrote it (its `_id` names the account and week or gap). */
const write = (doc: CadenceWarningDoc) => createOnce(CadenceWarningModel, doc)
