// Language of a tweet from its script, and for Latin script whether it is romanised
// Hindi ("mera passport abhi tak nahi aaya"). Other Indian scripts are recognised so
// the tweet is flagged for a reader rather than silently dropped.
import type { DetectedLanguage } from '../analysis'

const SCRIPTS: readonly [DetectedLanguage, number, number][] = [
  ['hi', 0x0900, 0x097f],
  ['bn', 0x0980, 0x09ff],
  ['pa', 0x0a00, 0x0a7f],
  ['gu', 0x0a80, 0x0aff],
  ['or', 0x0b00, 0x0b7f],
  ['ta', 0x0b80, 0x0bff],
  ['te', 0x0c00, 0x0c7f],
  ['kn', 0x0c80, 0x0cff],
  ['ml', 0x0d00, 0x0d7f],
  ['ur', 0x0600, 0x06ff],
]

// Frequent Hindi function words and verbs, as typed in Latin script. Several must
// appear (or a large share of the words) so "Ram" or "main road" stay English.
const HINGLISH = new Set(
  (
    'hai hain hota hoti hua hui huye hue tha thi nahi nahin nhi mera meri mere ' +
    'mujhe mujhko mai hum humara hamara hamari humari hamare humare humein hame hamein ' +
    'aap apna apni apne aapka aapki tum kya kyu kyun kab kaise kaha kahan koi kuch kab ' +
    'ko ka ki ke se pe mein bhi aur abhi tak gaya gayi gaye raha rahi rahe karo ' +
    'kare karein kijiye kiya kar diya diye mila mili nahi bahut bohot jaldi kripya krpya ' +
    'sahab saheb bhai ji yeh ye woh wo vo unka uska iska liye lekin magar sirf kyunki ' +
    'paisa paise wapas vapas chahiye milega hoga karna krna dijiye madad shikayat pareshan'
  ).split(' '),
)

/** Is this lower-cased word a frequent romanised-Hindi word (what detectLanguage counts)? */
export function isHinglishWord(word: string): boolean {
  return HINGLISH.has(word)
}

// Marathi shares Devanagari with Hindi; a few very common Marathi words tell them apart.
const MARATHI = /(?:^|\s)(?:आहे|आहेत|नाही|माझा|माझी|माझे|आम्ही|तुम्ही|करावी|झाले|झाली|मला)(?=\s|$|[.,!?।])/u

/** Text written mostly in Devanagari: Hindi, or Marathi when its common words appear. */
export function devanagariLanguage(text: string): 'hi' | 'mr' {
  return MARATHI.test(text) ? 'mr' : 'hi'
}

// The script of each 128-character block from U+0600 to U+0D7F (index: (cp - 0x600) >> 7),
// or -1 for blocks no SCRIPTS entry covers; counted in a reusable array, not a Map.
const BLOCK_SCRIPT = new Int8Array((0x0d80 - 0x0600) >> 7).fill(-1)
for (let s = 0; s < SCRIPTS.length; s++)
  for (let cp = SCRIPTS[s][1]; cp <= SCRIPTS[s][2]; cp += 0x80) BLOCK_SCRIPT[(cp - 0x0600) >> 7] = s
const scriptCounts = new Int32Array(SCRIPTS.length)

/**
 * The script half of detectLanguage: the language when Indian-script letters dominate,
 * 'und' when there are no Latin letters to judge, or null when the Latin words decide.
 */
export function scriptLanguage(text: string): DetectedLanguage | null {
  scriptCounts.fill(0)
  let latin = 0
  let indic = false
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i)
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
      latin++
      continue
    }
    if (cp < 0x0600 || cp > 0x0d7f) continue
    indic = true
    const s = BLOCK_SCRIPT[(cp - 0x0600) >> 7]
    if (s >= 0) scriptCounts[s]++
  }
  // A tie goes to the script listed first in SCRIPTS.
  let best = -1
  for (let s = 0; s < SCRIPTS.length; s++)
    if (scriptCounts[s] > 0 && (best < 0 || scriptCounts[s] > scriptCounts[best])) best = s
  const bestCount = best < 0 ? 0 : scriptCounts[best]
  // Indian-script letters outweigh Latin ones 1:2 because handles and URLs are Latin.
  if (bestCount > 0 && bestCount * 2 >= latin) {
    if (SCRIPTS[best][0] === 'hi') return devanagariLanguage(text)
    return SCRIPTS[best][0]
  }
  if (!indic) latin = 1
  if (latin === 0) return bestCount > 0 ? SCRIPTS[best][0] : 'und'
  return null
}

/** The Latin half of detectLanguage: romanised Hindi when enough of its common words appear. */
export function latinLanguage(wordCount: number, hinglishWords: number): DetectedLanguage {
  if (wordCount === 0) return 'und'
  if (hinglishWords >= 3 || (hinglishWords >= 2 && hinglishWords / wordCount >= 0.15)) return 'hi-Latn'
  return 'en'
}

const HINGLISH_MIN = Math.min(...[...HINGLISH].map((w) => w.length))
const HINGLISH_MAX = Math.max(...[...HINGLISH].map((w) => w.length))
// HINGLISH as an open-addressing table over ASCII character codes, so asciiLanguage can
// ask about a span of the text without slicing and lower-casing it first.
const HINGLISH_SLOTS = 512
const hinglishTable: (string | undefined)[] = new Array<string | undefined>(HINGLISH_SLOTS).fill(undefined)
function spanHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0
  for (let i = start; i < end; i++) h = Math.imul(h ^ (text.charCodeAt(i) | 0x20), 0x01000193)
  return h
}
for (const w of HINGLISH) {
  let slot = spanHash(w, 0, w.length) & (HINGLISH_SLOTS - 1)
  while (hinglishTable[slot] !== undefined) slot = (slot + 1) & (HINGLISH_SLOTS - 1)
  hinglishTable[slot] = w
}
/** Is text[start, end) (ASCII letters, any case) a HINGLISH word? */
function isHinglishSpan(text: string, start: number, end: number): boolean {
  const len = end - start
  if (len < HINGLISH_MIN || len > HINGLISH_MAX) return false
  for (let slot = spanHash(text, start, end) & (HINGLISH_SLOTS - 1); ; slot = (slot + 1) & (HINGLISH_SLOTS - 1)) {
    const w = hinglishTable[slot]
    if (w === undefined) return false
    if (w.length !== len) continue
    let i = 0
    while (i < len && (text.charCodeAt(start + i) | 0x20) === w.charCodeAt(i)) i++
    if (i === len) return true
  }
}
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d)
const isWordChar = (c: number) => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f

/**
 * detectLanguage for all-ASCII text (retweets and our own tweets reach it on every
 * call), in one pass: the same words as removing /https?:\/\/\S+|[@#]\w+/g, lower-casing
 * and matching /[a-z]+/g, counted without building them. Null when the text is not ASCII.
 */
function asciiLanguage(text: string): DetectedLanguage | null {
  const n = text.length
  let words = 0
  let hindi = 0
  let start = -1
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20
    if (c >= 0x80) return null
    let skipTo = -1
    if (c === 0x68 && text.startsWith('http', i)) {
      // https?:// then at least one non-space: the URL and the run of non-spaces go.
      const slashes = text.charCodeAt(i + 4) === 0x73 ? i + 5 : i + 4
      if (text.startsWith('://', slashes) && slashes + 3 < n && !isSpace(text.charCodeAt(slashes + 3))) {
        skipTo = slashes + 3
        while (skipTo < n && !isSpace(text.charCodeAt(skipTo))) {
          if (text.charCodeAt(skipTo) >= 0x80) return null
          skipTo++
        }
      }
    } else if ((c === 0x40 || c === 0x23) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
      skipTo = i + 1
      while (skipTo < n && isWordChar(text.charCodeAt(skipTo))) skipTo++
    }
    const letter = skipTo < 0 && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a
    if (letter) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0) {
      words++
      if (isHinglishSpan(text, start, i)) hindi++
      start = -1
    }
    if (skipTo >= 0) i = skipTo - 1
  }
  return latinLanguage(words, hindi)
}

/** Language from the script of the letters; `words` (lower-cased Latin words) may be passed to save work. */
export function detectLanguage(text: string, words?: readonly string[]): DetectedLanguage {
  if (words === undefined) {
    const ascii = asciiLanguage(text)
    if (ascii !== null) return ascii
  }
  const script = scriptLanguage(text)
  if (script !== null) return script
  const latinWords =
    words ??
    text
      .replace(/https?:\/\/\S+|[@#]\w+/g, ' ')
      .toLowerCase()
      .match(/[a-z]+/g) ??
    []
  let hindi = 0
  for (const w of latinWords) if (HINGLISH.has(w)) hindi++
  return latinLanguage(latinWords.length, hindi)
}

/** Scripts other than Latin and Devanagari: routed, but flagged for a reader. */
export function isOtherScript(language: DetectedLanguage): boolean {
  // Comparisons, not a Set: every analysed tweet asks, and these strings are interned.
  return language !== 'en' && language !== 'hi' && language !== 'hi-Latn' && language !== 'mr' && language !== 'und'
}

const SCRIPT_NAMES: Partial<Record<DetectedLanguage, string>> = {
  ta: 'Tamil',
  te: 'Telugu',
  kn: 'Kannada',
  ml: 'Malayalam',
  gu: 'Gujarati',
  pa: 'Punjabi (Gurmukhi)',
  bn: 'Bengali',
  or: 'Odia',
  ur: 'Urdu',
  mr: 'Marathi',
}
export function languageName(language: DetectedLanguage): string {
  return SCRIPT_NAMES[language] ?? language
}
