import { normalise } from './tokenizer'

export type Range = [number, number]

const ONLY_HAN = /^\p{Script=Han}+$/u

/**
 * Where any of `words` occurs in `text` (case-insensitive for ASCII), merged, in order.
 * Called for every result's title and snippet, so it allocates little: no sort for one
 * word (its matches come in order), and no copies when nothing overlaps.
 */
export function findRanges(text: string, words: readonly string[]): Range[] {
  // `normalise` changes no Han character and makes none, character for character: Han
  // words are found in the text as it is (the usual case, and a 240-character rewrite saved).
  let hanOnly = true
  for (const w of words) if (!ONLY_HAN.test(w)) hanOnly = false
  const hay = hanOnly ? text : normalise(text)
  const ranges: Range[] = []
  for (const w of words) {
    if (!w) continue
    for (let i = hay.indexOf(w); i !== -1; i = hay.indexOf(w, i + w.length)) ranges.push([i, i + w.length])
  }
  if (words.length > 1) ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
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
 * A window of about `width` characters of `text` around its first match, with the
 * matches inside it as offsets into the window; '…' marks cut ends.
 */
export function snippetAround(text: string, words: readonly string[], width = 80): { text: string; highlights: Range[] } | null {
  const all = findRanges(text, words)
  if (!all.length) return null
  const first = all[0]!
  const start = Math.max(0, first[0] - Math.floor(width / 4))
  const end = Math.min(text.length, start + width)
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  const shift = prefix.length - start
  const highlights: Range[] = []
  for (const r of all) {
    if (r[0] < start || r[1] > end) continue
    r[0] += shift
    r[1] += shift
    highlights.push(r)
  }
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, highlights }
}
