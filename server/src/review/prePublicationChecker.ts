import { checkDraftText, type CheckFinding, type Edition, type WordingRule } from '@zw/shared'
import { fileKeyOf } from '../content/attachments/attachmentStore'
import type { FileStorage } from '../content/attachments/fileStorage'
import { ContentItem } from '../content/model'
import type { Setting } from '../platform/settings'
import { EditionModel, type EditionDoc } from './model'

/** Interpretation editions that will be (or are) public: approved, scheduled or published. */
const READY = ['approved', 'scheduled', 'published'] as const

/**
 * The automatic checks of an edition, shown to its author and reviewer and run again at
 * publication: the text checks of shared/src/rules/prePublicationChecks.ts with the
 * platform's 错敏词 list; every attachment and picture a stored file that can be read; and
 * 三同步 — a policy marked as needing interpretation has an approved interpretation to be
 * published with it. Each finding carries a key (stable while the text is unchanged) and
 * the reviewer's override when there is one.
 */
export class PrePublicationChecker {
  constructor(
    private readonly storage: FileStorage,
    private readonly wordingRules: Setting<WordingRule[]>,
  ) {}

  async findings(doc: EditionDoc, now: Date): Promise<Edition['findings']> {
    const found: CheckFinding[] = [...checkDraftText(doc.content, await this.wordingRules.current(), now), ...(await this.fileFindings(doc)), ...(await this.interpretationFindings(doc))]
    return found.map((f) => {
      const key = `${f.check}:${f.field}:${f.start ?? 0}`
      const o = doc.overrides.find((x) => x.key === key)
      return { key, ...f, ...(o ? { overriddenBy: { staffId: o.staffId, name: o.name, reason: o.reason, at: new Date(o.at).toISOString() } } : {}) }
    })
  }

  /** Findings that still stop publication: blocking, and not overridden by a reviewer. */
  async open(doc: EditionDoc, now: Date): Promise<Edition['findings']> {
    return (await this.findings(doc, now)).filter((f) => f.blocking && !f.overriddenBy)
  }

  private async fileFindings(doc: EditionDoc): Promise<CheckFinding[]> {
    const files: { field: string; name: string; url: string }[] = doc.content.attachments.map((a, i) => ({ field: `attachments.${i}`, name: a.name, url: a.url }))
    if (doc.content.type === 'interpretation') doc.content.interpretation.images.forEach((im, i) => files.push({ field: `interpretation.images.${i}`, name: im.alt, url: im.url }))
    const findings: CheckFinding[] = []
    for (const f of files) {
      const key = fileKeyOf(f.url)
      const readable = key ? await this.storage.has(key) : false
      if (!readable) {
        findings.push({
          check: 'attachment',
          field: f.field,
          message: key ? `附件「${f.name}」无法读取，请重新上传` : `附件「${f.name}」不是本系统保存的文件，请上传后再发布`,
          blocking: true,
          overridable: false,
        })
      }
    }
    return findings
  }

  private async interpretationFindings(doc: EditionDoc): Promise<CheckFinding[]> {
    if (doc.content.type !== 'policy' || !doc.content.policy.needsInterpretation) return []
    const itemId = doc.itemId.toString()
    const ready = await EditionModel.exists({ 'content.type': 'interpretation', 'content.interpretation.policyIds': itemId, state: { $in: [...READY] } })
    const live = ready ? true : await ContentItem.exists({ type: 'interpretation', status: 'published', 'interpretation.policyIds': itemId })
    if (ready || live) return []
    return [
      {
        check: 'interpretation',
        field: 'policy.needsInterpretation',
        message: '该文件须同步发布政策解读（三同步），但还没有审核通过的解读；请先提交解读，或由审核员写明不同步的理由',
        blocking: true,
        overridable: true,
      },
    ]
  }
}
