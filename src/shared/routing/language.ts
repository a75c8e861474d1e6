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

const INDIC = /[\u0600-\u0d7f]/

// Marathi shares Devanagari with Hindi; a few very common Marathi words tell them apart.
const MARATHI = /(?:^|\s)(?:आहे|आहेत|नाही|माझा|माझी|माझे|आम्ही|तुम्ही|करावी|झाले|झाली|मला)(?=\s|$|[.,!?।])/u

/** Language from the script of the letters; `words` (lower-cased Latin words) may be passed to save work. */
export function detectLanguage(text: string, words?: readonly string[]): DetectedLanguage {
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
    for (const [lang, lo, hi] of SCRIPTS) {
      if (cp >= lo && cp <= hi) {
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
    if (best === 'hi' && MARATHI.test(text)) return 'mr'
    return best
  }
  if (!indic) latin = 1
  if (latin === 0) return bestCount > 0 ? best : 'und'
  const latinWords =
    words ??
    text
      .replace(/https?:\/\/\S+|[@#]\w+/g, ' ')
      .toLowerCase()
      .match(/[a-z]+/g) ??
    []
  if (latinWords.length === 0) return 'und'
  let hindi = 0
  for (const w of latinWords) if (HINGLISH.has(w)) hindi++
  if (hindi >= 3 || (hindi >= 2 && hindi / latinWords.length >= 0.15)) return 'hi-Latn'
  return 'en'
}

/** Scripts other than Latin and Devanagari: routed, but flagged for a reader. */
export function isOtherScript(language: DetectedLanguage): boolean {
  return !['en', 'hi', 'hi-Latn', 'mr', 'und'].includes(language)
}

const SCRIPT_NAMES: Partial<Record<DetectedLanguage, string>> = {
  ta: 'Tamil', te: 'Telugu', kn: 'Kannada', ml: 'Malayalam', gu: 'Gujarati',
  pa: 'Punjabi (Gurmukhi)', bn: 'Bengali', or: 'Odia', ur: 'Urdu', mr: 'Marathi',
}
export function languageName(language: DetectedLanguage): string {
  return SCRIPT_NAMES[language] ?? language
}
