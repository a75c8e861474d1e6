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

const INDIC = /[\u0600-\u0d7f]/

// Marathi shares Devanagari with Hindi; a few very common Marathi words tell them apart.
const MARATHI = /(?:^|\s)(?:आहे|आहेत|नाही|माझा|माझी|माझे|आम्ही|तुम्ही|करावी|झाले|झाली|मला)(?=\s|$|[.,!?।])/u

/** Text written mostly in Devanagari: Hindi, or Marathi when its common words appear. */
export function devanagariLanguage(text: string): 'hi' | 'mr' {
  return MARATHI.test(text) ? 'mr' : 'hi'
}

/**
 * The script half of detectLanguage: the language when Indian-script letters dominate,
 * 'und' when there are no Latin letters to judge, or null when the Latin words decide.
 */
export function scriptLanguage(text: string): DetectedLanguage | null {
  const counts = new Map<DetectedLanguage, number>()
  let latin = 0
  const indic = INDIC.test(text)
  for (let i = 0; indic && i < text.length; i++) {
    const cp = text.charCodeAt(i)
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
      latin++
      continue
    }
    if (cp < 0x0600 || cp > 0x0d7f) continue
    for (let s = 0; s < SCRIPTS.length; s++) {
      if (cp >= SCRIPTS[s][1] && cp <= SCRIPTS[s][2]) {
        const lang = SCRIPTS[s][0]
        counts.set(lang, (counts.get(lang) ?? 0) + 1)
        break
      }
    }
  }
  let best: DetectedLanguage = 'und'
  let bestCount = 0
  for (const [lang, n] of counts) {
    if (n > bestCount) {
      best = lang
      bestCount = n
    }
  }
  // Indian-script letters outweigh Latin ones 1:2 because handles and URLs are Latin.
  if (bestCount > 0 && bestCount * 2 >= latin) {
    if (best === 'hi') return devanagariLanguage(text)
    return best
  }
  if (!indic) latin = 1
  if (latin === 0) return bestCount > 0 ? best : 'und'
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
      if (i - start >= HINGLISH_MIN && i - start <= HINGLISH_MAX && HINGLISH.has(text.slice(start, i).toLowerCase()))
        hindi++
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
  return !['en', 'hi', 'hi-Latn', 'mr', 'und'].includes(language)
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
