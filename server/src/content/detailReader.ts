import { departmentByCode, type ContentDetail } from '@zw/shared'
import { NotFoundError } from '../platform/errors'
import { ContentItem, type ContentItemDoc } from './model'
import { isPublic, type ContentReadModel, type ReadItem } from './readModel'

const related = (item: ReadItem) => ({ id: item.id, type: item.type, title: item.title, ...(item.form ? { form: item.form } : {}) })
const byNewest = (a: ReadItem, b: ReadItem) => b.publishedAtMs - a.publishedAtMs

/**
 * The public detail of an item: the document from the database, its links resolved
 * through the read model (a policy's interpretations, an interpretation's policies, the
 * document that supersedes a policy), only ever for public items. Details are cached per
 * item version, so a change is never served stale by the instance that knows of it.
 */
export class DetailReader {
  private readonly cache = new Map<string, ContentDetail>()

  constructor(
    private readonly model: ContentReadModel,
    private readonly maxCached = 1000,
  ) {}

  async read(id: string): Promise<ContentDetail> {
    const item = this.model.get(id)
    if (!item) throw new NotFoundError('该内容不存在或已不再公开')
    const key = `${id}:${item.version}`
    const hit = this.cache.get(key)
    if (hit) {
      this.cache.delete(key)
      this.cache.set(key, hit) // most recently used last
      return hit
    }
    const doc = await ContentItem.findById(id, { searchTerms: 0, snippetParts: 0 }).lean<ContentItemDoc>()
    if (!doc || !isPublic(doc)) throw new NotFoundError('该内容不存在或已不再公开')
    const detail = this.build(doc)
    this.cache.set(key, detail)
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value!)
    return detail
  }

  private build(doc: ContentItemDoc): ContentDetail {
    const id = doc._id.toString()
    const common = {
      id,
      title: doc.title,
      summary: doc.summary,
      department: doc.department,
      departmentName: departmentByCode(doc.department)?.name ?? doc.department,
      topics: doc.topics,
      regions: doc.regions,
      body: doc.body,
      attachments: doc.attachments,
      links: doc.links,
      publishedAt: doc.publishedAt!.toISOString(),
      updatedAt: doc.updatedAt.toISOString(),
      views: doc.views,
    }
    const items = (ids: string[]) => ids.map((i) => this.model.get(i)).filter((i): i is ReadItem => !!i).sort(byNewest).map(related)
    if (doc.type === 'policy') {
      const successor = doc.policy?.validity.supersededBy ? this.model.get(doc.policy.validity.supersededBy) : undefined
      return {
        type: 'policy',
        ...common,
        policy: { ...doc.policy, ...(successor ? { supersededByItem: related(successor) } : {}) },
        interpretations: items(this.model.interpretationIdsOf(id)),
      } as ContentDetail
    }
    if (doc.type === 'interpretation') {
      return { type: 'interpretation', ...common, interpretation: doc.interpretation, policies: items(doc.interpretation?.policyIds ?? []) } as ContentDetail
    }
    return { type: 'guide', ...common, guide: doc.guide } as ContentDetail
  }
}
