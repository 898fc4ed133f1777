import mongoose from 'mongoose'
import { disclosureFileUrl, type DisclosureAttachment, type FieldError } from '@zw/shared'
import { ValidationError } from '../platform/errors'
import { DisclosureFileModel, type DisclosureFileDoc, type DisclosureFileRef } from './model'

/** Whose files may go into an application or a reply: the applicant's own uploads, or uploads of staff of the department handling it. */
export type FileOwner = { kind: 'citizen'; citizenId: string } | { kind: 'staff'; department: string }

// The same words for a file that does not exist and one somebody else uploaded: nobody learns of others' files.
const UNKNOWN = '找不到这个附件，请重新上传'
const TAKEN = '这个附件已用在一件申请或答复中，不能再次使用，请重新上传'
const REPEATED = '同一个附件只能添加一次'

const ownedBy = (file: DisclosureFileDoc, owner: FileOwner) =>
  owner.kind === 'citizen' ? file.uploaderKind === 'citizen' && file.uploaderId === owner.citizenId : file.uploaderKind === 'staff' && file.uploaderDepartment === owner.department

export const fileRefOf = (file: DisclosureFileDoc): DisclosureFileRef => ({ id: file._id.toString(), name: file.name, mime: file.mime, size: file.size })

/** Files as the views show them, with their (authorised) download address. Entries of the old free-text form are left out. */
export function attachmentViews(refs: readonly DisclosureFileRef[] | undefined): DisclosureAttachment[] {
  return (refs ?? []).filter((r) => typeof r === 'object' && r !== null && typeof r.id === 'string').map((r) => ({ id: r.id, name: r.name, mime: r.mime, size: r.size, url: disclosureFileUrl(r.id) }))
}

/**
 * Binds uploaded files to an application, as its attachments or its reply's. `check` reads
 * them and refuses, with a message per field (`attachments.<i>`) and before anything is
 * written, ids that are unknown, someone else's, already bound, or repeated. `bind` then
 * takes each with a conditional update from unbound, so two requests racing for one file
 * cannot both have it: the loser releases what it took and gets the same 400.
 */
export class FileBinder {
  async check(ids: readonly string[], owner: FileOwner, path = 'attachments'): Promise<DisclosureFileDoc[]> {
    const problems: FieldError[] = []
    const files: DisclosureFileDoc[] = []
    const seen = new Set<string>()
    for (const [i, id] of ids.entries()) {
      const at = `${path}.${i}`
      if (seen.has(id)) {
        problems.push({ path: at, message: REPEATED })
        continue
      }
      seen.add(id)
      const file = mongoose.isObjectIdOrHexString(id) ? await DisclosureFileModel.findById(id).lean<DisclosureFileDoc>() : null
      if (!file || !ownedBy(file, owner)) problems.push({ path: at, message: UNKNOWN })
      else if (file.applicationId) problems.push({ path: at, message: TAKEN })
      else files.push(file)
    }
    if (problems.length) throw new ValidationError(problems)
    return files
  }

  async bind(files: readonly DisclosureFileDoc[], applicationId: string, as: 'application' | 'reply', at: Date, path = 'attachments'): Promise<DisclosureFileRef[]> {
    const bound: DisclosureFileRef[] = []
    for (const [i, file] of files.entries()) {
      const taken = await DisclosureFileModel.findOneAndUpdate({ _id: file._id, applicationId: null }, { $set: { applicationId, attachedAs: as, attachedAt: at } }, { new: true }).lean<DisclosureFileDoc>()
      if (!taken) {
        await this.release(bound, applicationId)
        throw new ValidationError([{ path: `${path}.${i}`, message: TAKEN }])
      }
      bound.push(fileRefOf(taken))
    }
    return bound
  }

  /** Unbinds files this request bound when what they were for was not written after all. */
  async release(refs: readonly DisclosureFileRef[], applicationId: string): Promise<void> {
    for (const ref of refs) await DisclosureFileModel.updateOne({ _id: ref.id, applicationId }, { $set: { applicationId: null, attachedAs: null, attachedAt: null } })
  }
}
