import { actionsFor, type Edition } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import type { EditionDoc } from './model'

/** An edition as staff see it, with the findings of the automatic checks (PrePublicationChecker). */
export function toEdition(doc: EditionDoc, staff: StaffPrincipal, findings: Edition['findings']): Edition {
  return {
    id: doc._id.toString(),
    itemId: doc.itemId.toString(),
    number: doc.number,
    state: doc.state,
    department: doc.department,
    content: doc.content,
    makers: doc.makers,
    submittedBy: doc.submittedBy,
    findings,
    rejection: doc.rejection ? { ...doc.rejection, at: doc.rejection.at.toISOString() } : null,
    approval: doc.approval ? { by: doc.approval.by, at: doc.approval.at.toISOString() } : null,
    publishedAt: doc.publishedAt?.toISOString() ?? null,
    scheduledAt: doc.scheduledAt?.toISOString() ?? null,
    changeNote: doc.changeNote ?? null,
    minor: doc.minor ?? false,
    forced: doc.forced ? { by: doc.forced.by, reason: doc.forced.reason, at: new Date(doc.forced.at).toISOString(), dueOn: doc.forced.dueOn } : null,
    actions: actionsFor(doc, staff),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  }
}
