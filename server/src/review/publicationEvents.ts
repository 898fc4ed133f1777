import type { ContentDraft } from '@zw/shared'

/** An edition that went public (a new item, or a revision replacing the live one). */
export interface EditionPublished {
  itemId: string
  edition: number
  department: string
  content: ContentDraft
  at: Date
  /** A revision marked minor. */
  minor: boolean
}

/**
 * What other domains hear of publication: the cadence engine counts updates from it.
 * Listeners run in the publishing step, after the item is public; each must be safe to
 * run twice (a publication left halfway is finished again).
 */
export class PublicationEvents {
  private readonly publishedListeners: ((e: EditionPublished) => Promise<void>)[] = []
  private readonly takenDownListeners: ((itemId: string) => Promise<void>)[] = []
  private readonly withdrawnListeners: ((itemId: string) => Promise<void>)[] = []

  onPublished(listener: (e: EditionPublished) => Promise<void>): void {
    this.publishedListeners.push(listener)
  }

  /** 下线: the item should never have been public; its publications stop counting. */
  onTakenDown(listener: (itemId: string) => Promise<void>): void {
    this.takenDownListeners.push(listener)
  }

  /** 撤回: the item stays readable with an explanation; those told about it should hear. */
  onWithdrawn(listener: (itemId: string) => Promise<void>): void {
    this.withdrawnListeners.push(listener)
  }

  async withdrawn(itemId: string): Promise<void> {
    for (const l of this.withdrawnListeners) await l(itemId)
  }

  async published(e: EditionPublished): Promise<void> {
    for (const l of this.publishedListeners) await l(e)
  }

  async takenDown(itemId: string): Promise<void> {
    for (const l of this.takenDownListeners) await l(itemId)
  }
}
