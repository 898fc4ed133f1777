/**
 * Generated public content for benchmarks: realistic Chinese text assembled from the
 * corpus sentences, spread over departments, topics, regions and 8 years, indexed exactly
 * as real items are (same search terms, same snippet text).
 */
import fs from 'node:fs'
import path from 'node:path'
import { Types } from 'mongoose'
import { DEPARTMENTS, TOPIC_CODES, contentDraftSchema, type ContentDraft } from '@zw/shared'
import { indexFields } from '../../server/src/content/search/indexFields'
import { textToHtml } from '../../server/src/content/sanitize'

const CORPUS = path.resolve(import.meta.dirname, '../../server/src/content/demo/corpus')

/** A small deterministic PRNG so runs are comparable. */
export function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function corpusSentences(): string[] {
  const text = fs.readdirSync(CORPUS).map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8')).join('\n')
  return text
    .split(/[。！？\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && s.length <= 120 && !/[|【】]/.test(s))
}

const TITLE_SUBJECTS = ['就业创业补贴', '征地补偿', '城乡居民养老保险', '临时救助', '最低生活保障', '农村危房改造', '保障性住房', '涉农补贴', '高校毕业生就业', '养老服务', '政务公开', '社会保险', '拆迁安置', '退役军人优待', '义务教育']
const TITLE_FORMS = ['关于做好{s}工作的通知', '{s}实施办法', '关于调整{s}标准的通知', '{s}工作要点', '关于印发{s}管理办法的通知', '{s}政策问答', '{s}申领指南']
const REGIONS = ['640100000000', '640104000000', '520100000000', '520102000000', '520102016000', '410700000000', '350404000000', '370000000000', '370100000000']

export function* generateItems(count: number, seed = 20261121): Generator<Record<string, unknown>> {
  const rand = prng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
  const sentences = corpusSentences()
  const start = Date.parse('2019-01-01T00:00:00Z')
  const span = Date.parse('2026-11-01T00:00:00Z') - start
  for (let i = 0; i < count; i++) {
    const subject = pick(TITLE_SUBJECTS)
    const title = `${pick(TITLE_FORMS).replace('{s}', subject)}（${2019 + Math.floor(rand() * 8)}年第${i + 1}号）`
    const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => Array.from({ length: 2 }, () => pick(sentences)).join('。') + '。')
    const dept = pick(DEPARTMENTS)
    const type = rand() < 0.7 ? 'policy' : 'interpretation'
    const publishedAt = new Date(start + Math.floor(rand() * span))
    const common = {
      title,
      department: dept.code,
      topics: [pick(TOPIC_CODES)],
      regions: [pick(REGIONS)],
      summary: `${subject}：${pick(sentences).slice(0, 60)}`,
      body: textToHtml(paragraphs.join('\n')),
    }
    const draft: ContentDraft =
      type === 'policy'
        ? contentDraftSchema.parse({ type, ...common, policy: { docNumber: null, writtenOn: null, issuer: dept.name, validity: { status: rand() < 0.9 ? 'valid' : 'repealed' }, disclosure: 'proactive' } })
        : contentDraftSchema.parse({ type, ...common, interpretation: { policyIds: [new Types.ObjectId().toString()], form: 'qa', interpreter: { department: dept.code }, qa: [{ q: `${subject}怎么办理？`, a: pick(sentences) }] } })
    const { searchTerms, termFields, snippetParts } = indexFields(draft)
    yield {
      _id: new Types.ObjectId(),
      type: draft.type,
      status: 'published',
      title: draft.title,
      department: draft.department,
      topics: draft.topics,
      regions: draft.regions,
      summary: draft.summary,
      body: draft.body,
      attachments: [],
      links: [],
      ...(draft.type === 'policy' ? { policy: { ...draft.policy, indexNumber: `${dept.indexPrefix}/BENCH-${i}`, publishedOn: publishedAt.toISOString().slice(0, 10) } } : {}),
      ...(draft.type === 'interpretation' ? { interpretation: draft.interpretation } : {}),
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
      version: 1,
      changeSeq: 0,
      views: 0,
      searchTerms,
      termFields,
      snippetParts,
    }
  }
}
