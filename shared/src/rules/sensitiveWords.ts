import type { SensitiveLevel, SensitiveWord } from '../catalogue/sensitiveWords'

/** A word of the list found in a text: offsets into the original text (UTF-16), `end` exclusive. */
export interface SensitiveFinding {
  word: string
  level: SensitiveLevel
  start: number
  end: number
}

/** Spaces and the punctuation people put between characters to slip a word past a filter (`代 开*发.票`). */
const SEPARATOR = /[\s\u3000*.·•_\-~|/\\,，。、!！?？'"“”‘’`^+=#@:：;；()（）[\]【】<>《》]/

/** Full-width letters and digits as ASCII, lower case. */
const fold = (c: string) => (/[Ａ-Ｚａ-ｚ０-９]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c).toLowerCase()

/** The text without separators, folded, with the original offset of each kept character. */
function normalise(text: string): { chars: string; at: number[] } {
  let chars = ''
  const at: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (SEPARATOR.test(c)) continue
    chars += fold(c)
    at.push(i)
  }
  return { chars, at }
}

/**
 * Where the words of `list` occur in `text`, in order of position: case and full-width
 * insensitive, and found even with spaces or punctuation put between their characters.
 * A word found inside a longer one is reported once, as the longer word.
 */
export function findSensitiveWords(text: string, list: readonly SensitiveWord[]): SensitiveFinding[] {
  const { chars, at } = normalise(text)
  const found: SensitiveFinding[] = []
  for (const w of [...list].sort((a, b) => b.word.length - a.word.length)) {
    const needle = normalise(w.word).chars
    if (!needle) continue
    for (let i = chars.indexOf(needle); i >= 0; i = chars.indexOf(needle, i + 1)) {
      const start = at[i]!
      const end = at[i + needle.length - 1]! + 1
      if (found.some((f) => start < f.end && end > f.start)) continue
      found.push({ word: w.word, level: w.level, start, end })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** What happens to a text: shown (`pass`), held for a look (`review`), or held as risky (`risky`). */
export type ModerationVerdict = 'pass' | 'review' | 'risky'
const RANK: Record<ModerationVerdict, number> = { pass: 0, review: 1, risky: 2 }

/**
 * The verdict on a text from WeChat's content check and the word list: the stricter of
 * the two. A check that could not be made counts as `review` (the caller passes that),
 * never as a pass.
 */
export function moderationVerdictOf(platform: ModerationVerdict, words: readonly Pick<SensitiveFinding, 'level'>[]): ModerationVerdict {
  return words.reduce<ModerationVerdict>((v, w) => (RANK[w.level] > RANK[v] ? w.level : v), platform)
}
