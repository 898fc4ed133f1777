import { publishItem } from '../content/itemPublisher'
import { replaceLiveContent, writeItemContent } from '../content/itemContentWriter'
import { ConflictError } from '../platform/errors'
import { EditionModel, type EditionDoc } from './model'
import { ensureRetrospectiveTask } from './retrospectiveTasks'
import { systemStep } from './editionTransition'
import type { PrePublicationChecker } from './prePublicationChecker'
import type { PublicationEvents } from './publicationEvents'

/**
 * The second half of publishing an edition, after it has moved to published. The first
 * edition: its item takes the content and goes public. A later edition: it replaces the
 * live content, and the edition it replaces becomes superseded. A force-published edition
 * gets its retrospective-review task. Then the edition is marked done. Safe to repeat, so a run that stopped halfway is finished later.
 */
export async function publishEditionItem(doc: EditionDoc, at: Date, now: Date, checker?: PrePublicationChecker, events?: PublicationEvents): Promise<void> {
  if (doc.number === 1) {
    await writeItemContent(doc.itemId, doc.content, now)
    try {
      await publishItem(doc.itemId, at)
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err // already public
    }
  } else {
    await replaceLiveContent(doc.itemId, doc.content, { number: doc.number, at, changeNote: doc.minor ? null : doc.changeNote })
    const older = await EditionModel.find({ itemId: doc.itemId, state: 'published', number: { $lt: doc.number } }, { _id: 1, number: 1 }).lean<Pick<EditionDoc, '_id' | 'number'>[]>()
    for (const o of older) await systemStep({ ...o, itemId: doc.itemId }, { from: 'published', to: 'superseded', action: 'edition.superseded', who: '发布', at: now, after: { by: doc.number } })
  }
  await ensureRetrospectiveTask(doc)
  await events?.published({ itemId: doc.itemId.toString(), edition: doc.number, department: doc.department, content: doc.content, at, minor: doc.number > 1 && doc.minor })
  await EditionModel.updateOne({ _id: doc._id }, { $set: { itemPublished: true } })
  if (doc.content.type === 'policy' && doc.content.policy.needsInterpretation && checker) await publishInterpretationsWith(doc, at, now, checker, events)
}

/**
 * 三同步: approved interpretations of a policy that needs them go public with it (their
 * checks passing), each audited as published together with the policy.
 */
async function publishInterpretationsWith(policy: EditionDoc, at: Date, now: Date, checker: PrePublicationChecker, events?: PublicationEvents): Promise<void> {
  const waiting = await EditionModel.find({ 'content.type': 'interpretation', 'content.interpretation.policyIds': policy.itemId.toString(), state: 'approved' }).lean<EditionDoc[]>()
  for (const interpretation of waiting) {
    if ((await checker.open(interpretation, now)).length) continue
    const claimed = await systemStep(interpretation, { from: 'approved', to: 'published', action: 'edition.publish-with-policy', who: '三同步', at: now, set: { publishedAt: at }, after: { policy: policy.itemId.toString() } })
    if (!claimed) continue
    await publishEditionItem(claimed, at, now, checker, events)
  }
}
