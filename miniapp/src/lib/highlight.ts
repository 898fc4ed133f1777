/** One piece of a highlighted text: `hit` pieces are the matched words. */
export interface HighlightPart {
  text: string
  hit: boolean
}

/**
 * Splits `text` into plain and matched pieces from `[start, end)` offsets (UTF-16 code
 * units, as the server sends them). Overlapping or touching ranges are merged; ranges are
 * clamped to the text, and empty, reversed or entirely out-of-bounds ranges are ignored.
 * Joining the pieces' text gives back `text` unchanged.
 */
export function splitHighlights(text: string, ranges: ReadonlyArray<readonly [number, number]>): HighlightPart[] {
  if (!text) return []
  const length = text.length
  const clean = ranges
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e))
    .map(([s, e]) => [Math.max(0, Math.floor(s)), Math.min(length, Math.floor(e))] as [number, number])
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])

  const merged: [number, number][] = []
  for (const range of clean) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }

  const parts: HighlightPart[] = []
  let pos = 0
  for (const [s, e] of merged) {
    if (s > pos) parts.push({ text: text.slice(pos, s), hit: false })
    parts.push({ text: text.slice(s, e), hit: true })
    pos = e
  }
  if (pos < length) parts.push({ text: text.slice(pos), hit: false })
  return parts
}
