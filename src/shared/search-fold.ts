// The search box's fold, made cheap enough to run on every grievance a desk caches
// (100,000 at sign-in). It hands out the keys the reference fold (normalise() per text,
// keysOf() per name: referenceSearchKeys in search.ts) hands out, in the same order, but:
// - the words are cut from the lower-cased text by one loop over character codes (a
//   table per UTF-16 unit says letter, digit, other word character or separator) instead
//   of a Unicode-property regex and a word array per text;
// - Devanagari is folded per distinct word (remembered) instead of five regex passes over
//   every text: foldDevanagari only rewrites characters inside a word (nukta, matras,
//   nasal + virama before a consonant, digits) and never touches a cased letter, so
//   folding a lower-cased word equals lower-casing the folded text and cutting it;
// - a word of ASCII digits (ticket parts, amounts, phone-like numbers) is its own key, as
//   tokenKey answers, without passing through tokenKey's cache of words.
// tests/shared/search-fold.test.ts compares it with the reference on the bench corpus and
// on generated Hindi, romanised and mixed-script text.
import { cleanText, foldDevanagari, tokenKey, tweetBody } from './routing/normalise'

const K_UNKNOWN = 0
const K_SEPARATOR = 1
const K_LETTER = 2 // a-z: the word may be a Latin word for tokenKey
const K_DIGIT = 3
const K_OTHER = 4 // any other letter, mark or number (Devanagari, accented Latin, …)
const K_HIGH_SURROGATE = 5

/** What the reference cuts words with (one code point at a time). */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u
const NON_ASCII = /[\u0080-\uffff]/
const kinds = new Uint8Array(0x10000)
const FNV_BASIS = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193
const astralWordChar = new Map<number, boolean>()

function classify(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return K_LETTER
  if (c >= 0x30 && c <= 0x39) return K_DIGIT
  if (c < 0x80) return K_SEPARATOR
  if (c >= 0xd800 && c <= 0xdbff) return K_HIGH_SURROGATE
  // A lone low surrogate is no letter to the regex either.
  if (c >= 0xdc00 && c <= 0xdfff) return K_SEPARATOR
  return WORD_CHAR.test(String.fromCharCode(c)) ? K_OTHER : K_SEPARATOR
}

function isAstralWordChar(high: number, low: number): boolean {
  const cp = (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
  let word = astralWordChar.get(cp)
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCodePoint(cp))
    if (astralWordChar.size < 4096) astralWordChar.set(cp, word)
  }
  return word
}

// Words met lately → their keys, in an open-addressing table over character codes: a
// word is hashed as its characters are read and compared in place (startsWith at an
// offset), so a known word costs no substring and no look-up in a large Map. A grievance
// repeats about half its words, so each entry also remembers the last fold that emitted it
// (its stamp), which drops those repeats for callers that want each word once.
const ENTRIES_MAX = 1 << 17
const SLOTS = ENTRIES_MAX * 4
const slotEntry = new Int32Array(SLOTS) // entry + 1; 0 = empty
const entryHash = new Int32Array(ENTRIES_MAX)
const entryStamp = new Int32Array(ENTRIES_MAX)
const entryWord: string[] = []
const entryKey: string[] = []
let stamp = 0

/** Starts a fold whose repeated words are to be skipped; answers its stamp. */
export function nextFoldStamp(): number {
  if (stamp >= 0x3fffffff) {
    entryStamp.fill(0)
    stamp = 0
  }
  return ++stamp
}

/** The entry of the word lower[start, end) (hashed `hash`; not ASCII digits), added when new. */
function entryOf(lower: string, start: number, end: number, hash: number, latin: boolean): number {
  const length = end - start
  let slot = hash & (SLOTS - 1)
  for (;;) {
    const e = slotEntry[slot]! - 1
    if (e < 0) break
    if (entryHash[e] === hash && entryWord[e]!.length === length && lower.startsWith(entryWord[e]!, start)) return e
    slot = (slot + 1) & (SLOTS - 1)
  }
  if (entryWord.length >= ENTRIES_MAX) {
    // Full: start again (the next grievances' words come back as they are met).
    slotEntry.fill(0)
    entryWord.length = 0
    entryKey.length = 0
    slot = hash & (SLOTS - 1)
  }
  const e = entryWord.length
  const word = lower.slice(start, end)
  entryWord.push(word)
  // What the reference gives the word ('' when folding leaves nothing of it).
  entryKey.push(latin ? tokenKey(word) : tokenKey(foldDevanagari(word)))
  entryHash[e] = hash
  entryStamp[e] = 0
  slotEntry[slot] = e + 1
  return e
}

/**
 * The keys of the words of already lower-cased, cleaned text, appended to `out`. With a
 * stamp from nextFoldStamp() (`once`), a word already emitted under it is skipped.
 */
function pushWordKeys(lower: string, out: string[], once: number): void {
  const length = lower.length
  let start = -1
  let latin = true
  let ascii = true
  let hash = 0
  let i = 0
  while (i <= length) {
    let kind = K_SEPARATOR
    let width = 1
    let c = 0
    if (i < length) {
      c = lower.charCodeAt(i)
      kind = kinds[c]!
      if (kind === K_UNKNOWN) kinds[c] = kind = classify(c)
      if (kind === K_HIGH_SURROGATE) {
        const low = i + 1 < length ? lower.charCodeAt(i + 1) : 0
        if (low >= 0xdc00 && low <= 0xdfff) {
          width = 2
          kind = isAstralWordChar(c, low) ? K_OTHER : K_SEPARATOR
          c = (c << 10) ^ low
        } else kind = K_SEPARATOR
      }
    }
    if (kind === K_SEPARATOR) {
      if (start >= 0) {
        if (!latin && ascii) {
          // Digits (maybe with a-z) are their own key, and mostly met once (amounts,
          // references): kept out of the table, which then holds the vocabulary of words.
          out.push(lower.slice(start, i))
        } else {
          const e = entryOf(lower, start, i, hash, latin)
          if (once === 0 || entryStamp[e] !== once) {
            entryStamp[e] = once
            const key = entryKey[e]!
            if (key !== '') out.push(key)
          }
        }
        start = -1
      }
    } else {
      if (start < 0) {
        start = i
        latin = true
        ascii = true
        hash = FNV_BASIS
      }
      hash = Math.imul(hash ^ c, FNV_PRIME)
      if (kind === K_DIGIT) latin = false
      else if (kind === K_OTHER) latin = ascii = false
    }
    i += width
  }
}

/** keysOf(phrase), appended to `out`: a ticket, handle or display name folded word by word. */
export function pushPhraseKeys(phrase: string, out: string[], once = 0): void {
  pushWordKeys((NON_ASCII.test(phrase) ? cleanText(phrase) : phrase).toLowerCase(), out, once)
}

/** A tweet's, reply's or note's keys, appended to `out`: its words (hashtags split), then its mentions'. */
export function pushTextKeys(text: string, out: string[], once = 0): void {
  const { body, mentions } = tweetBody(text)
  pushWordKeys(body.toLowerCase(), out, once)
  for (const mention of mentions) pushPhraseKeys(mention, out, once)
}
