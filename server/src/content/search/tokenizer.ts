import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Jieba } from '@node-rs/jieba'
import { GOV_TERMS } from './govTerms'
import { STOPWORDS } from './stopwords'

let jieba: Jieba | undefined

/**
 * jieba's own dictionary, read here rather than through `@node-rs/jieba/dict.js`: that
 * module keeps it (and an idf table we do not use) in memory for good, 11 MB.
 */
function jiebaDictionary(): Buffer {
  const pkg = createRequire(import.meta.url).resolve('@node-rs/jieba/package.json')
  return fs.readFileSync(path.join(path.dirname(pkg), 'dict.txt'))
}

/** The segmenter: jieba's dictionary plus our government terms (loaded once, ~0.3 s). */
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(jiebaDictionary())
    jieba.loadDict(Buffer.from(GOV_TERMS.map((t) => `${t} 200000 n`).join('\n')))
  }
  return jieba
}

const WORD_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u
const HAN = /\p{Script=Han}/u

/** Characters `normalise` changes: upper case (toLowerCase changes nothing else), full-width forms, ideographic space. */
const NEEDS_NORMALISING = /[\p{Uppercase}\p{Lt}\uFF01-\uFF5E\u3000]/u

/** Full-width letters and digits to ASCII, ASCII lower-cased: `ＷｉＦｉ２０２６` → `wifi2026`. */
export function normalise(text: string): string {
  // Most text (Chinese) has nothing to change: checked once rather than rewritten three times.
  if (!NEEDS_NORMALISING.test(text)) return text
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
}

/**
 * A token worth indexing: has a letter, digit or Han character; single Latin letters
 * are noise, and so are long bare numbers (serials, not years or article numbers).
 */
function keep(token: string): boolean {
  if (!WORD_CHAR.test(token)) return false
  if (token.length === 1 && !HAN.test(token) && !/\d/.test(token)) return false
  if (/^\d{5,}$/.test(token)) return false
  return true
}

/**
 * Terms of a document's text, in search mode: "城乡居民养老保险" yields the whole term and
 * its parts (城乡, 居民, 养老, 保险, 养老保险 …), so a query for any of them finds it.
 */
export function documentTerms(text: string): string[] {
  if (!text) return []
  const j = segmenter()
  const terms = j.cutForSearch(normalise(text), true).map((t) => t.trim()).filter(keep)
  // Long words (often our custom terms) also yield every dictionary word inside them
  // (search mode gives only their two- and three-character parts): "城乡居民养老保险"
  // is then found by "养老保险" and "城乡居民" as well.
  const inner = terms.filter((t) => t.length >= 5 && HAN.test(t)).flatMap((t) => j.cutAll(t)).filter(keep)
  // Stopwords are in nearly every document and never searched for: not indexed.
  return [...terms, ...inner].filter((t) => !STOPWORDS.has(t))
}

/**
 * Terms of a query, precise mode (the longest sensible words): punctuation and spaces
 * drop out, ASCII is lower-cased, mixed text like "Wi-Fi政务公开2019" is split into
 * its words. Duplicates removed, order kept.
 */
export function queryTerms(query: string): string[] {
  const tokens = segmenter().cut(normalise(query), true).map((t) => t.trim()).filter(keep)
  return [...new Set(tokens)]
}

/** Loads the dictionary now rather than on the first request. */
export function warmUpTokenizer(): void {
  segmenter().cut('预热', false)
}
