import { actionsFor, checkDraftText, DEFAULT_WORDING_RULES, type Edition } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import type { EditionDoc } from './model'

/** The automatic checks of an edition's content now, each with its key and any override recorded. */
export function findingsOf(doc: EditionDoc, now: Date): Edition['findings'] {
  return checkDraftText(doc.content, DEFAULT_WORDING_RULES, now).map((f) => {
    const key = `${f.check}:${f.field}:${f.start ?? 0}`
    const o = doc.overrides.find((x) => x.key === key)
    return { key, ...f, ...(o ? { overriddenBy: { staffId: o.staffId, name: o.name, reason: o.reason, at: o.at.toISOString() } } : {}) }
  })
}

/** Findings that still stop publication: blocking, and not overridden by a reviewer. */
export const openFindings = (doc: EditionDoc, now: Date) => findingsOf(doc, now).filter((f) => f.blocking && !f.overriddenBy)

export function toEdition(doc: EditionDoc, staff: StaffPrincipal, now: Date): Edition {
  return {
    id: doc._id.toString(),
    itemId: doc.itemId.toString(),
    number: doc.number,
    state: doc.state,
    department: doc.department,
    content: doc.content,
    makers: doc.makers,
    submittedBy: doc.submittedBy,
    findings: findingsOf(doc, now),
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
