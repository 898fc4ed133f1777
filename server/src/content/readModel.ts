import { formatShanghaiDate, type ContentType, type CoverageInterpretation, type CoveragePolicy } from '@zw/shared'
import type { Logger } from '../platform/logger'
import { CHANGE_SEQUENCE } from './changes'
import { buildDetailHead, detailTail } from './detailJson'
import { DetailStore } from './detailStore'
import { ContentChange, ContentItem, currentSequence, type ContentItemDoc, type SnippetPart } from './model'
import { DENSE_SHARE, GrowthArena, PostingList, packPostings } from './postings'
import { toSummary } from './summary'
import { forEachSearchTerm } from './search/indexFields'
import { fileKeyOf } from './attachments/attachmentStore'
import type { ContentFilters } from './filters'
import { ItemColumns } from './itemColumns'

/**
 * What the public reading paths know of a visible item, held in memory: what lists,
 * filters and links need. Its card (summary), detail and snippet text are in the
 * DetailStore. Every item has every field (one object shape); repeated values (codes,
 * topic and region lists) are shared between items.
 */
/** What the public sees of one department's items of one type: how many, and the newest one's publication date. */
export interface LiveItems {
  count: number
  latestPublishedAt: Date | null
}

export interface ReadItem {
  /** Dense number of this version of the item (search index, columns, detail store). */
  num: number
  id: string
  type: ContentType
  title: string
  department: string
  topics: readonly string[]
  regions: readonly string[]
  publishedAtMs: number
  /** 发布日期 in Asia/Shanghai as a number, YYYYMMDD: what date filters compare. */
  publishedDay: number
  version: number
  /** Of policies: 效力状态, and whether it is an important one (interpreted twice a year). */
  validity: string | undefined
  important: boolean
  /** Of interpretations: the form, and the policies it interprets. */
  form: string | undefined
  policyIds: string[] | undefined
  /** How many postings this version holds (counted dead when it is replaced). */
  termCount: number
  /** Storage keys of the files it shows (attachments, pictures). */
  files: string[] | undefined
  supersededBy: string | undefined
  /** Views as this instance knows them (loaded with the item, raised by local views). */
  views: number
}

/** The texts kept per item in the DetailStore: detail and card as sent (UTF-8), snippet text as read back (UTF-16). */
const TEXT = { detail: 0, card: 1, snippets: 2 } as const
const TEXT_ENCODINGS: BufferEncoding[] = ['utf8', 'utf8', 'utf16le']

/** A Beijing date (YYYY-MM-DD) as the number date filters compare (YYYYMMDD). */
export const dayNumber = (isoDate: string): number => Number(isoDate.slice(0, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10))

/** Items read at start before common terms are made dense as they come (fewer: shares are noise). */
const EARLY_DENSE_AFTER = 4096

/**
 * How many documents the content collection holds, from its statistics (FerretDB v1
 * answers `count` by reading every document: 69 s at 100,000; `collStats` in ~6 s), or 0.
 */
async function collectionSize(): Promise<number> {
  try {
    const stats = (await ContentItem.db.db!.command({ collStats: ContentItem.collection.collectionName })) as { count?: number }
    return typeof stats.count === 'number' && stats.count > 0 ? stats.count : 0
  } catch {
    return 0
  }
}

/** Snippet text kept per item, in characters. */
const SNIPPET_CHARS = 240


/** Only published items, and of policies only 主动公开 ones, are ever listed and found. */
export function isPublic(doc: Pick<ContentItemDoc, 'status' | 'type' | 'policy'>): boolean {
  return doc.status === 'published' && isProactive(doc)
}

/**
 * What the public may open by its address: public items, and withdrawn ones (their page
 * stays, with the explanation above it, but they leave lists and search). Unpublished
 * items and drafts are gone.
 */
export function isReadable(doc: Pick<ContentItemDoc, 'status' | 'type' | 'policy'>): boolean {
  return (doc.status === 'published' || doc.status === 'withdrawn') && isProactive(doc)
}

const isProactive = (doc: Pick<ContentItemDoc, 'type' | 'policy'>) => doc.type !== 'policy' || doc.policy?.disclosure === 'proactive'

/**
 * The in-memory projection of everything the public may read, with the search postings.
 * Loaded from the database at start; kept current by replaying `content_changes` in
 * sequence order (its own writes at once through `syncNow`, other instances' writes by
 * polling). List and search never query the database; detail reads one document by id.
 *
 * FerretDB (the embedded database) pushes down little beyond equality, so a per-request
 * sorted or filtered query would scan every document; this projection is why the public
 * reading paths stay fast there, and it costs nothing on MongoDB. (docs/adr/0006)
 */
export class ContentReadModel {
  private readonly byId = new Map<string, ReadItem>()
  /** Listed items by number; withdrawn ones (`unlisted`) leave a hole, so no filter or search meets them. */
  private readonly byNum: (ReadItem | undefined)[] = []
  /** Withdrawn items: readable by id, in no list or search. */
  private readonly unlisted = new Map<string, ReadItem>()
  /** What search filters and ranks by, per item number. */
  readonly columns = new ItemColumns()
  /** term → packed postings (num << 4 | field mask); entries of replaced versions stay until compaction. */
  private readonly postings = new Map<string, PostingList>()
  /** Serialised details, off the heap. */
  private readonly details = new DetailStore(TEXT_ENCODINGS)
  /** One copy of each repeated string and list (codes, topic and region lists). */
  private readonly shared = new Map<string, string>()
  private readonly sharedLists = new Map<string, readonly string[]>()
  private readonly interpretationsOf = new Map<string, Set<string>>()
  private sortedCache: ReadItem[] | undefined
  private readonly expansions = new Map<string, string[]>()
  /** Files shown by public items: key → name, type and how many items show it. */
  private readonly publicFiles = new Map<string, { name: string; mime: string; count: number }>()
  private expansionGeneration = -1
  private deadPostings = 0
  private livePostings = 0
  /** Where posting lists grow during the bulk load at start (see GrowthArena). */
  private arena: GrowthArena | undefined
  /** During the bulk load: how many items the collection holds (0: unknown), sizing dense postings. */
  private expectedItems = 0
  private lastSeq = 0
  private missingSince = new Map<number, number>()
  private timer: NodeJS.Timeout | undefined
  private syncing: Promise<void> = Promise.resolve()
  /** Changes whenever anything visible changes; part of list and search ETags. */
  generation = 0
  ready = false

  constructor(
    private readonly logger: Logger,
    private readonly options: { pollMs?: number; gapTimeoutMs?: number; now?: () => Date } = {},
  ) {}

  /** Loads every public item, then follows changes every `pollMs`. */
  async start(): Promise<void> {
    const started = Date.now()
    this.lastSeq = await currentSequence(CHANGE_SEQUENCE)
    // Streamed, so memory holds one batch of documents at a time.
    // The bulk load makes a lot of garbage (decoded documents, driver buffers). When node
    // runs with --expose-gc (production does), it is collected every 5,000 documents and at
    // the end, so the heap never grows to hold it all (a grown heap is not given back).
    const gc = (globalThis as { gc?: () => void }).gc
    let loaded = 0
    this.arena = new GrowthArena()
    this.expectedItems = await collectionSize()
    for await (const doc of ContentItem.find({ status: { $in: ['published', 'withdrawn'] } }).lean<ContentItemDoc>().cursor({ batchSize: 500 })) {
      this.apply(doc._id.toString(), doc as ContentItemDoc)
      if (++loaded % 5000 === 0) gc?.()
    }
    this.packPostings()
    gc?.()
    this.ready = true
    const mem = process.memoryUsage()
    const mb = (n: number) => Math.round(n / 1048576)
    this.logger.info(
      { items: this.byId.size, ms: Date.now() - started, rssMb: mb(mem.rss), heapMb: mb(mem.heapUsed), arrayBuffersMb: mb(mem.arrayBuffers) },
      'content read model loaded',
    )
    const pollMs = this.options.pollMs ?? 1000
    if (pollMs > 0) {
      this.timer = setInterval(() => void this.syncNow().catch((err: unknown) => this.logger.warn({ err: { message: (err as Error).message } }, 'content sync failed')), pollMs)
      this.timer.unref()
    }
  }

  /** The last content change applied: equal numbers mean equal public content (list ETags). */
  get seq(): number {
    return this.lastSeq
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    await this.syncing
    this.details.close()
  }

  /** Replays changes up to the current sequence number; one replay at a time. */
  syncNow(): Promise<void> {
    this.syncing = this.syncing.then(() => this.replay(), () => this.replay())
    return this.syncing
  }

  private async replay(): Promise<void> {
    const head = await currentSequence(CHANGE_SEQUENCE)
    const now = Date.now()
    const gapTimeout = this.options.gapTimeoutMs ?? 10_000
    while (this.lastSeq < head) {
      const seq = this.lastSeq + 1
      const change = await ContentChange.findById(seq).lean()
      if (!change) {
        // Allocated but not written yet (a writer in flight), or lost (a writer died).
        const since = this.missingSince.get(seq) ?? now
        this.missingSince.set(seq, since)
        if (now - since < gapTimeout) return
        this.logger.warn({ seq }, 'content change missing; skipped')
      } else {
        const doc = await ContentItem.findById(change.itemId).lean<ContentItemDoc>()
        this.apply(change.itemId.toString(), doc ?? undefined)
      }
      this.missingSince.delete(seq)
      this.lastSeq = seq
    }
  }

  /** Puts the current state of one item into the model (or takes it out). */
  apply(id: string, doc: ContentItemDoc | undefined): void {
    const old = this.get(id)
    if (old) {
      if (doc && isReadable(doc) && doc.version === old.version) return
      this.remove(old)
    }
    if (!doc || !isReadable(doc) || !doc.publishedAt) {
      if (old) this.generation += 1
      return
    }
    const policy = doc.type === 'policy' ? doc.policy : undefined
    const interpretation = doc.type === 'interpretation' ? doc.interpretation : undefined
    const publishedOn = formatShanghaiDate(doc.publishedAt)
    const item: ReadItem = {
      num: this.byNum.length,
      id,
      type: this.share(doc.type) as ContentType,
      title: doc.title,
      department: this.share(doc.department),
      topics: this.shareList(doc.topics),
      regions: this.shareList(doc.regions),
      publishedAtMs: doc.publishedAt.getTime(),
      publishedDay: dayNumber(publishedOn),
      version: doc.version,
      validity: policy ? this.share(policy.validity.status) : undefined,
      important: policy?.important === true,
      form: interpretation ? this.share(interpretation.form) : undefined,
      policyIds: interpretation ? interpretation.policyIds : undefined,
      termCount: doc.searchTerms?.length ?? 0,
      files: undefined,
      supersededBy: policy?.validity.supersededBy ?? undefined,
      views: doc.views ?? 0,
    }
    const files: { key: string; name: string; mime: string }[] = []
    for (const a of doc.attachments ?? []) {
      const key = fileKeyOf(a.url)
      if (key) files.push({ key, name: a.name, mime: a.mime })
    }
    const images = (doc.interpretation?.images ?? []) as { url: string; alt: string }[]
    for (const im of images) {
      const key = fileKeyOf(im.url)
      if (key) files.push({ key, name: im.alt, mime: '' })
    }
    for (const f of files) {
      const known = this.publicFiles.get(f.key)
      if (known) known.count += 1
      else this.publicFiles.set(f.key, { name: f.name, mime: f.mime, count: 1 })
    }
    if (files.length) item.files = files.map((f) => f.key)
    this.details.put(item.num, [buildDetailHead(doc), JSON.stringify(toSummary(doc)), packSnippets(trimSnippets(doc.snippetParts ?? []))])
    if (!isPublic(doc)) {
      item.termCount = 0
      this.byNum.push(undefined)
      this.unlisted.set(id, item)
      this.generation += 1
      return
    }
    this.byNum.push(item)
    this.byId.set(id, item)
    this.columns.set(item)
    // During the bulk load, a term already in an eighth of the items read so far becomes
    // dense at once (room for twice the items so far, grown by doubling, trimmed when
    // packed): common terms then never grow as long sparse lists, which took the postings'
    // memory during the load from 141 to 94 MB at 100,000 items.
    const denseAt = this.arena && this.byNum.length >= EARLY_DENSE_AFTER ? Math.ceil(this.byNum.length * DENSE_SHARE) : Infinity
    forEachSearchTerm(doc, (t, f) => {
      let list = this.postings.get(t)
      if (!list) this.postings.set(t, (list = new PostingList(this.arena)))
      list.push((item.num << 4) | f)
      if (list.length >= denseAt && !list.isDense) {
        if (this.expectedItems > this.byNum.length) list.densify(this.expectedItems, true)
        else list.densify(this.byNum.length * 2)
      }
      this.livePostings += 1
    })
    for (const policyId of item.policyIds ?? []) {
      let set = this.interpretationsOf.get(policyId)
      if (!set) this.interpretationsOf.set(policyId, (set = new Set()))
      set.add(id)
    }
    this.sortedCache = undefined
    this.generation += 1
  }

  private remove(item: ReadItem): void {
    for (const key of item.files ?? []) {
      const f = this.publicFiles.get(key)
      if (f && --f.count === 0) this.publicFiles.delete(key)
    }
    if (this.unlisted.delete(item.id)) return
    this.byId.delete(item.id)
    this.byNum[item.num] = undefined
    this.columns.unset(item.num)
    for (const policyId of item.policyIds ?? []) this.interpretationsOf.get(policyId)?.delete(item.id)
    this.sortedCache = undefined
    // Its postings stay until compaction; count them dead.
    this.deadPostings += item.termCount
    this.livePostings -= item.termCount
    if (this.deadPostings > 10_000 && this.deadPostings > this.livePostings / 4) this.compact()
  }

  /** After a bulk load: common terms dense, the rest in one packed array; growth space freed. */
  packPostings(): void {
    packPostings(this.postings.values(), this.byNum.length)
    this.arena = undefined
  }

  /** Drops postings of removed versions. */
  private compact(): void {
    for (const [term, list] of this.postings) {
      if (list.filter((num) => this.byNum[num] !== undefined) === 0) this.postings.delete(term)
    }
    this.deadPostings = 0
  }

  /** A readable item (listed or withdrawn) by id. */
  get(id: string): ReadItem | undefined {
    return this.byId.get(id) ?? this.unlisted.get(id)
  }

  /** A published item citizens can find (not withdrawn), by id. */
  listed(id: string): ReadItem | undefined {
    return this.byId.get(id)
  }

  itemByNum(num: number): ReadItem | undefined {
    return this.byNum[num]
  }

  get size(): number {
    return this.byId.size
  }

  /** Every visible item, newest first (ties by id, descending). */
  sorted(): ReadItem[] {
    this.sortedCache ??= [...this.byId.values()].sort((a, b) => b.publishedAtMs - a.publishedAtMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    return this.sortedCache
  }

  /**
   * The items each department lists publicly, per type (keyed `department:type`): how many
   * and when the newest was published. From memory; the cadence engine judges the
   * mini-program's columns (栏目) with it — blank when none, stale when the newest is old.
   */
  listedByColumn(departments?: readonly string[]): Map<string, LiveItems> {
    const wanted = departments ? new Set(departments) : undefined
    const out = new Map<string, LiveItems>()
    for (const item of this.byId.values()) {
      if ((wanted && !wanted.has(item.department)) || !this.columns.isLive(item.num)) continue
      const key = `${item.department}:${item.type}`
      const seen = out.get(key)
      if (!seen) out.set(key, { count: 1, latestPublishedAt: new Date(item.publishedAtMs) })
      else {
        seen.count += 1
        if (item.publishedAtMs > seen.latestPublishedAt!.getTime()) seen.latestPublishedAt = new Date(item.publishedAtMs)
      }
    }
    return out
  }

  /**
   * 重要政策 and their interpretations as the coverage rule needs them: the listed
   * important policies (their departments' only), and every listed interpretation.
   */
  coverageFacts(departments?: readonly string[]): { policies: CoveragePolicy[]; interpretations: CoverageInterpretation[] } {
    const policies: CoveragePolicy[] = []
    const interpretations: CoverageInterpretation[] = []
    for (const item of this.byId.values()) {
      if (!this.columns.isLive(item.num)) continue
      if (item.type === 'policy' && item.important && (!departments || departments.includes(item.department))) {
        policies.push({ id: item.id, title: item.title, department: item.department, validity: item.validity ?? 'valid', publishedAt: new Date(item.publishedAtMs) })
      } else if (item.type === 'interpretation') interpretations.push({ id: item.id, policyIds: item.policyIds ?? [], publishedAt: new Date(item.publishedAtMs) })
    }
    return { policies, interpretations }
  }

  interpretationIdsOf(policyId: string): string[] {
    return [...(this.interpretationsOf.get(policyId) ?? [])]
  }

  postingsOf(term: string): PostingList | undefined {
    return this.postings.get(term)
  }

  /** Indexed terms containing a character (for one-character queries), most frequent first. */
  termsContaining(char: string, limit: number): string[] {
    const key = `${char}:${limit}`
    if (this.expansionGeneration !== this.generation) {
      this.expansions.clear()
      this.expansionGeneration = this.generation
    }
    let terms = this.expansions.get(key)
    if (!terms) {
      const found: [string, number][] = []
      for (const [term, list] of this.postings) if (term.includes(char)) found.push([term, list.length])
      terms = found.sort((a, b) => b[1] - a[1]).slice(0, limit).map(([t]) => t)
      if (this.expansions.size > 5000) this.expansions.clear()
      this.expansions.set(key, terms)
    }
    return terms
  }


  /** The public detail JSON of a visible item (UTF-8), its links and view count filled in now. */
  detailJson(id: string): Buffer | undefined {
    const item = this.get(id)
    if (!item) return undefined
    const related = (ids: string[]) =>
      ids
        .map((i) => this.byId.get(i))
        .filter((i): i is ReadItem => !!i)
        .sort((a, b) => b.publishedAtMs - a.publishedAtMs)
        .map((r) => ({ id: r.id, type: r.type, title: r.title, ...(r.form ? { form: r.form } : {}) }))
    const successor = item.supersededBy ? this.byId.get(item.supersededBy) : undefined
    const tail = detailTail(item.type, {
      views: item.views,
      ...(item.type === 'policy' ? { interpretations: related(this.interpretationIdsOf(id)) } : {}),
      ...(item.type === 'interpretation' ? { policies: related(item.policyIds ?? []) } : {}),
      ...(successor ? { supersededByItem: { id: successor.id, type: successor.type, title: successor.title } } : {}),
    })
    return this.details.bytes(item.num, TEXT.detail, tail)
  }

  /** The list card of a visible item as UTF-8 JSON (kept off the heap; sent as it is): a view valid until the next read (copy it before). */
  cardJsonOf(item: ReadItem): Buffer {
    return this.details.scratchRange(item.num, TEXT.card, TEXT.card)
  }

  /**
   * The card (UTF-8 JSON) and snippet text of a visible item, for a search result (kept off
   * the heap, read at once). The card is a view valid until the next call (copy it before);
   * the snippet parts are packed in one string, walked with `eachSnippetPart`.
   */
  resultPartsOf(item: ReadItem): { card: Buffer; snippets: string } {
    const both = this.details.scratchRange(item.num, TEXT.card, TEXT.snippets)
    const cardLength = this.details.lengthOf(item.num, TEXT.card)
    return { card: both.subarray(0, cardLength), snippets: both.toString('utf16le', cardLength) }
  }

  private share(value: string): string {
    const known = this.shared.get(value)
    if (known !== undefined) return known
    this.shared.set(value, value)
    return value
  }

  private shareList(values: string[]): readonly string[] {
    const key = values.join('\u0001')
    const known = this.sharedLists.get(key)
    if (known) return known
    const list = Object.freeze(values.map((v) => this.share(v)))
    this.sharedLists.set(key, list)
    return list
  }

  /** A stored file that some public item shows (attachments and pictures of drafts are not public). */
  publicFile(key: string): { name: string; mime: string } | undefined {
    return this.publicFiles.get(key)
  }

  /** The visible items passing the list/search filters, as a bitset over item numbers (undefined: no filter set). */
  passing(filters: ContentFilters): Uint32Array | undefined {
    return this.columns.passing(filters, this.generation, (num) => this.byNum[num], this.byNum.length)
  }

  /** Upper bound of item numbers (sizes per-item scratch arrays). */
  get capacity(): number {
    return this.byNum.length
  }

  /** Records a view count this instance learnt (after counting a view). */
  setViews(id: string, views: number): void {
    const item = this.byId.get(id)
    if (item) item.views = views
  }

}

/** Snippet parts as stored: `field \u0001 text`, parts separated by \u0000 (cheaper to read back than JSON). */
function packSnippets(parts: SnippetPart[]): string {
  return parts.map((p) => `${p.f}\u0001${p.x.replace(/[\u0000\u0001]/g, ' ')}`).join('\u0000')
}

/**
 * Calls `visit` with each snippet part of a packed string (`resultPartsOf`): its field and
 * where its text starts and ends in `packed`, in order, until `visit` answers true.
 */
export function eachSnippetPart(packed: string, visit: (field: SnippetPart['f'], from: number, to: number) => boolean): void {
  for (let at = 0; at < packed.length; ) {
    const sep = packed.indexOf('\u0001', at)
    if (sep === -1) return
    const end = packed.indexOf('\u0000', sep + 1)
    const to = end === -1 ? packed.length : end
    if (visit(packed.slice(at, sep) as SnippetPart['f'], sep + 1, to)) return
    at = to + 1
  }
}

/** The snippet text kept: the first SNIPPET_CHARS characters, across fields. */
function trimSnippets(parts: SnippetPart[]): SnippetPart[] {
  const out: SnippetPart[] = []
  let budget = SNIPPET_CHARS
  for (const p of parts) {
    if (budget <= 0) break
    out.push({ f: p.f, x: p.x.slice(0, budget) })
    budget -= Math.min(p.x.length, budget)
  }
  return out
}
