import { PUBLIC_CONSULTATION_STATES, publicFileKeyOf } from '@zw/shared'
import type { PublicFileSource } from '../content/fileRoutes'
import { consultationAttachmentsOf } from './consultationView'
import { ConsultationModel, type ConsultationDoc } from './model'

/** How often a miss may read the collection again (a file published on another instance shows within this). */
const MIN_RELOAD_MS = 5_000

/**
 * The files that published consultations show, for the public file route
 * (`GET /api/v1/files/<key>`): a map of storage key → name, kept in memory. A published
 * consultation never returns to draft and its files cannot change, so whatever the map
 * holds stays public: a hit answers at once. A miss reads the collection again (one
 * query over the few published consultations — FerretDB cannot use an index on
 * `attachments.url` — at most every 5 s, and at once after a step on this instance);
 * files only drafts show are never in it, so they answer 404.
 */
export class PublishedConsultationFiles implements PublicFileSource {
  private names = new Map<string, string>()
  private loadedAt = -Infinity
  /** Bumped by `changed()`, so a reload begun before a publication does not count as fresh. */
  private generation = 0
  private loading: Promise<void> | undefined

  constructor(private readonly clock: () => number = Date.now) {}

  publicFile(key: string): { name: string } | undefined | Promise<{ name: string } | undefined> {
    const known = this.lookup(key)
    if (known || this.clock() - this.loadedAt < MIN_RELOAD_MS) return known
    return this.reload().then(() => this.lookup(key))
  }

  /** A consultation moved on this instance (published …): the next miss reads the collection again. */
  changed(): void {
    this.generation += 1
    this.loadedAt = -Infinity
  }

  private lookup(key: string): { name: string } | undefined {
    const name = this.names.get(key)
    return name === undefined ? undefined : { name }
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      const generation = this.generation
      const startedAt = this.clock()
      const docs = await ConsultationModel.find({ state: { $in: PUBLIC_CONSULTATION_STATES } }, { attachments: 1 }).lean<Pick<ConsultationDoc, 'attachments'>[]>()
      const names = new Map<string, string>()
      for (const doc of docs) {
        for (const a of consultationAttachmentsOf(doc)) {
          const key = publicFileKeyOf(a.url)
          if (key && !names.has(key)) names.set(key, a.name)
        }
      }
      this.names = names
      if (generation === this.generation) this.loadedAt = startedAt
    })().finally(() => {
      this.loading = undefined
    })
    return this.loading
  }
}
