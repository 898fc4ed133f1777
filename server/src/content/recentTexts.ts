/**
 * The texts of recently read items, kept in memory up to a character budget, the least
 * recently used dropped first. Search results repeat a lot (the newest items that match
 * common words): measured on 100,000 generated items and 3,000 random two-word queries,
 * 80 % of the result cards were ones already shown. A hit saves a `pread` of the detail
 * store. Item numbers are never reused, so an entry never goes stale.
 */
export class RecentTexts {
  private readonly entries = new Map<number, string[]>()
  private chars = 0

  constructor(private readonly budgetChars: number) {}

  get(num: number): string[] | undefined {
    const texts = this.entries.get(num)
    if (texts) {
      // Most recently used last.
      this.entries.delete(num)
      this.entries.set(num, texts)
    }
    return texts
  }

  set(num: number, texts: string[]): void {
    const size = texts.reduce((n, t) => n + t.length, 0)
    if (size > this.budgetChars) return
    this.chars += size
    this.entries.set(num, texts)
    for (const [oldest, old] of this.entries) {
      if (this.chars <= this.budgetChars) break
      this.entries.delete(oldest)
      this.chars -= old.reduce((n, t) => n + t.length, 0)
    }
  }

  get size(): number {
    return this.entries.size
  }
}
