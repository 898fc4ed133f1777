import { RetrospectiveTaskModel, type EditionDoc } from './model'
import { createOnce } from '../platform/db'

/**
 * The retrospective-review task of a force-published edition, created once (one per
 * edition: a repeat, as when a publication left halfway is finished, finds it there).
 */
export async function ensureRetrospectiveTask(doc: EditionDoc): Promise<void> {
  if (!doc.forced) return
  await createOnce(RetrospectiveTaskModel, {
    department: doc.department,
    editionId: doc._id,
    itemId: doc.itemId,
    title: doc.content.title,
    reason: doc.forced.reason,
    forcedBy: doc.forced.by,
    excluded: [...new Set([doc.forced.by, ...doc.makers])],
    createdAt: doc.forced.at,
    dueOn: doc.forced.dueOn,
    state: 'open',
    outcome: null,
    note: null,
    doneBy: null,
    doneAt: null,
  })
}
