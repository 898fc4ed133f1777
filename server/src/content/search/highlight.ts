import { normalise } from './tokenizer'

export type Range = [number, number]

const ONLY_HAN = /^\p{Script=Han}+$/u

/**
 * The text words are looked for in: `normalise` changes no Han character and makes none,
 * character for character, so Han words are found in the text as it is (the usual case,
 * and a rewrite of the text saved); otherwise its normalised form (same length).
 */
function haystackOf(text: string, words: readonly string[]): string {
  for (const w of words) if (!ONLY_HAN.test(w)) return normalise(text)
  return text
}

/** The matches of `words` in `hay[from, to)`, merged, in order (sorted in place by insertion: a few, and no temporary arrays). */
function rangesIn(hay: string, words: readonly string[], from: number, to: number): Range[] {
  const ranges: Range[] = []
  for (const w of words) {
    if (!w) continue
    for (let i = hay.indexOf(w, from); i !== -1 && i + w.length <= to; i = hay.indexOf(w, i + w.length)) ranges.push([i, i + w.length])
  }
  if (words.length > 1) {
    for (let i = 1; i < ranges.length; i++) {
      const r = ranges[i]!
      let j = i - 1
      while (j >= 0 && (ranges[j]![0] > r[0] || (ranges[j]![0] === r[0] && ranges[j]![1] > r[1]))) {
        ranges[j + 1] = ranges[j]!
        j--
      }
      ranges[j + 1] = r
    }
  }
  let kept = 0
  for (const r of ranges) {
    const last = kept > 0 ? ranges[kept - 1]! : undefined
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else ranges[kept++] = r
  }
  ranges.length = kept
  return ranges
}

/**
 * Where any of `words` occurs in `text` (case-insensitive for ASCII), merged, in order.
 * Called for every result's title, so it allocates little.
 */
export function findRanges(text: string, words: readonly string[]): Range[] {
  return rangesIn(haystackOf(text, words), words, 0, text.length)
}

/**
 * A window of about `width` characters of `text[from, to)` around its first match, with
 * the matches inside it as offsets into the window; '…' marks cut ends. Only the window
 * is searched for all matches (the first of each word is found with one `indexOf`), and
 * `from`/`to` let a caller look into one part of a longer string without cutting it out.
 */
export function snippetAround(text: string, words: readonly string[], width = 80, from = 0, to = text.length): { text: string; highlights: Range[] } | null {
  const hay = haystackOf(text, words)
  let first = -1
  for (const w of words) {
    if (!w) continue
    const i = hay.indexOf(w, from)
    if (i !== -1 && i + w.length <= to && (first === -1 || i < first)) first = i
  }
  if (first === -1) return null
  const start = Math.max(from, first - Math.floor(width / 4))
  const end = Math.min(to, start + width)
  const prefix = start > from ? '…' : ''
  const suffix = end < to ? '…' : ''
  const shift = prefix.length - start
  const highlights = rangesIn(hay, words, start, end)
  for (const r of highlights) {
    r[0] += shift
    r[1] += shift
  }
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, highlights }
}
