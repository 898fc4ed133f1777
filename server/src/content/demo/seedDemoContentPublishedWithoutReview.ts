/**
 * Loads the demo content — the five corpus documents as policies, their
 * interpretations and the service guides — into an EMPTY database and publishes it
 * directly, WITHOUT the review workflow (先审后发). Only for demonstration and
 * development databases; `npm start` calls it, production never should.
 */
import fs from 'node:fs'
import path from 'node:path'
import mongoose from 'mongoose'
import { contentDraftSchema } from '@zw/shared'
import type { Logger } from '../../platform/logger'
import { PROJECT_ROOT } from '../../platform/paths'
import { createDraft } from '../draftCreator'
import { publishItem } from '../itemPublisher'
import { ContentItem } from '../model'
import { textToHtml } from '../sanitize'
import { DEMO_GUIDES } from './guides'
import { DEMO_INTERPRETATIONS } from './interpretations'
import { DEMO_POLICIES } from './policies'

const CORPUS_DIR = path.join(PROJECT_ROOT, 'server', 'src', 'content', 'demo', 'corpus')
const SEED_ID = 'demo-content-v1'

/** Lines of scraped page furniture (print/close buttons, share prompts, table debris). */
const FURNITURE = [/^[|\s]*$/, /扫一扫在手机打开当前页/, /【打印本页】|【关闭窗口】/, /^\(编辑[:：].*\)[\s|]*$/, /^附件下载$/, /^相关链接$/, /^附件[:：]$/]

/** The document text of a corpus file: header furniture skipped, trailing table debris trimmed. */
export function corpusBody(file: string, skipLines: number): string {
  const lines = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8').split('\n').slice(skipLines)
  const kept = lines.map((l) => l.replace(/(\s*\|\s*)+\|*\s*$/, '').trimEnd()).filter((l) => !FURNITURE.some((re) => l.length > 0 && re.test(l.trim())))
  return kept.join('\n').trim()
}

const at = (day: string) => new Date(`${day}T02:00:00Z`) // 10:00 in Beijing

const seedSchema = new mongoose.Schema<{ _id: string; at: Date }>({ _id: String, at: Date }, { collection: 'seeds', versionKey: false })
const Seed = mongoose.model('Seed', seedSchema)

export async function seedDemoContentPublishedWithoutReview(logger: Logger): Promise<{ seeded: boolean; policies: number; interpretations: number; guides: number }> {
  const none = { seeded: false, policies: 0, interpretations: 0, guides: 0 }
  if (await ContentItem.exists({})) return none
  try {
    await Seed.create({ _id: SEED_ID, at: new Date() }) // one instance seeds, even if several start at once
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return none
    throw err
  }
  const policyIds = new Map<string, string>()
  for (const p of DEMO_POLICIES) {
    const draft = contentDraftSchema.parse({ ...p.draft, body: textToHtml(corpusBody(p.file, p.skipLines)) })
    const id = await createDraft(draft, at(p.publishedOn))
    await publishItem(id, at(p.publishedOn), { originalIndexNumber: p.indexNumber })
    policyIds.set(p.key, id.toString())
  }
  for (const i of DEMO_INTERPRETATIONS) {
    const ids = i.policyKeys.map((k) => {
      const id = policyIds.get(k)
      if (!id) throw new Error(`demo interpretation ${i.key} names unknown policy ${k}`)
      return id
    })
    const draft = contentDraftSchema.parse({ ...i.draft, interpretation: { ...i.draft.interpretation, policyIds: ids } })
    const id = await createDraft(draft, at(i.publishedOn))
    await publishItem(id, at(i.publishedOn))
  }
  for (const g of DEMO_GUIDES) {
    const id = await createDraft(contentDraftSchema.parse(g.draft), at(g.publishedOn))
    await publishItem(id, at(g.publishedOn))
  }
  const counts = { policies: DEMO_POLICIES.length, interpretations: DEMO_INTERPRETATIONS.length, guides: DEMO_GUIDES.length }
  logger.warn(counts, 'demo content loaded and published WITHOUT review (development database)')
  return { seeded: true, ...counts }
}
