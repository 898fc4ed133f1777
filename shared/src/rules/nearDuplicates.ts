/**
 * Near-duplicate text (a re-post of substantially the same content): texts are reduced to
 * their letters and digits (markup, spaces and punctuation dropped), cut into overlapping
 * runs of SHINGLE characters, and compared by the share of runs they have in common
 * (Jaccard). Character runs suit Chinese, which has no spaces between words.
 */
export const SHINGLE = 5
/** At or above this similarity, two texts count as the same content. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8

/** The comparable form of a text: no markup, only letters and digits, lower case. */
export function comparableText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
}

/** The set of overlapping character runs of a text (its comparable form). */
export function shingles(text: string): Set<string> {
  const chars = [...comparableText(text)]
  const out = new Set<string>()
  if (chars.length === 0) return out
  if (chars.length <= SHINGLE) {
    out.add(chars.join(''))
    return out
  }
  for (let i = 0; i + SHINGLE <= chars.length; i++) out.add(chars.slice(i, i + SHINGLE).join(''))
  return out
}

/** How alike two texts are, 0 (nothing in common) to 1 (the same once markup and punctuation are dropped). */
export function textSimilarity(a: string, b: string): number {
  const x = shingles(a)
  const y = shingles(b)
  if (x.size === 0 && y.size === 0) return 1
  let common = 0
  for (const s of x) if (y.has(s)) common += 1
  return common / (x.size + y.size - common)
}

export const isNearDuplicate = (a: string, b: string) => textSimilarity(a, b) >= NEAR_DUPLICATE_THRESHOLD
