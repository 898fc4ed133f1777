import { can, type ContentDraft } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { createDraft } from '../content/draftCreator'
import { ForbiddenError } from '../platform/errors'
import { recordAudit } from '../platform/audit/auditTrail'
import { EditionModel, type EditionDoc } from './model'
import { loadEdition, transition } from './editionTransition'

/** Editors write: a new item starts as edition 1 in draft; drafts and rejected editions are edited in place, or discarded. */
export class EditionDrafter {
  constructor(private readonly now: () => Date) {}

  async createItem(staff: StaffPrincipal, draft: ContentDraft): Promise<EditionDoc> {
    if (!can(staff, 'content.write', draft.department)) throw new ForbiddenError('只能为本部门撰写稿件')
    const now = this.now()
    const itemId = await createDraft(draft, now)
    const created = await EditionModel.create({ itemId, number: 1, state: 'draft', department: draft.department, content: draft, makers: [staff.id], submittedBy: null, submittedAt: null, submitNote: null, rejection: null, approval: null, overrides: [], publishedAt: null, scheduledAt: null, itemPublished: false, createdAt: now, updatedAt: now })
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'edition.created', subject: `content:${itemId.toString()}`, after: { edition: 1, state: 'draft', title: draft.title } })
    return created.toObject() as EditionDoc
  }

  async update(staff: StaffPrincipal, id: string, draft: ContentDraft): Promise<EditionDoc> {
    const doc = await loadEdition(id)
    if (draft.department !== doc.department || draft.type !== doc.content.type) throw new ForbiddenError('不能更改稿件的部门或类型')
    // Editing a rejected edition makes it a draft again; whoever edits becomes one of its makers.
    return transition(doc, 'edit', staff, this.now(), { $set: { content: draft, overrides: [] }, $addToSet: { makers: staff.id } })
  }

  /** 放弃此稿: a draft or rejected edition is set aside (kept, for the record); the live item is untouched. */
  async discard(staff: StaffPrincipal, id: string): Promise<EditionDoc> {
    return transition(await loadEdition(id), 'discard', staff, this.now())
  }
}
