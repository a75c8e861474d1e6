// Text analysis the simulator needs for X-like behaviour: entities (mentions, hashtags,
// URLs) with code-point indices as X v2 reports them, a language guess, tokens for the
// query matcher, and X's weighted length for the 280 limit.

export interface MentionEntity {
  start: number
  end: number
  username: string
}
export interface HashtagEntity {
  start: number
  end: number
  tag: string
}
export interface UrlEntity {
  start: number
  end: number
  url: string
  expanded_url: string
  display_url: string
}
export interface TextEntities {
  mentions: MentionEntity[]
  hashtags: HashtagEntity[]
  urls: UrlEntity[]
}

const MENTION = /(^|[^\p{L}\p{N}_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])/gu
const HASHTAG = /(^|[^\p{L}\p{N}_&#])[#＃]([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu
const URL_PATTERN =
  /\bhttps?:\/\/[^\s]+|\b(?:www\.)[^\s]+|\b[a-z0-9-]+\.(?:com|in|org|net|gov\.in|nic\.in|co\.in|ly|io)(?:\/[^\s]*)?/giu
const TRAILING_PUNCTUATION = /[.,!?;:)'"।]+$/u

/** Converts a UTF-16 offset in text to a code-point offset (X reports entity indices in code points). */
function codePointOffset(text: string, utf16Offset: number): number {
  let count = 0
  for (let i = 0; i < utf16Offset; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) i++
    count++
  }
  return count
}

export function extractEntities(text: string): TextEntities {
  const mentions: MentionEntity[] = []
  for (const m of text.matchAll(MENTION)) {
    const at = (m.index ?? 0) + m[1]!.length
    const end = at + 1 + m[2]!.length
    mentions.push({ start: codePointOffset(text, at), end: codePointOffset(text, end), username: m[2]! })
  }
  const urls: UrlEntity[] = []
  for (const m of text.matchAll(URL_PATTERN)) {
    const raw = m[0].replace(TRAILING_PUNCTUATION, '')
    const at = m.index ?? 0
    const expanded = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`
    urls.push({
      start: codePointOffset(text, at),
      end: codePointOffset(text, at + raw.length),
      url: expanded,
      expanded_url: expanded,
      display_url: expanded.replace(/^https?:\/\//i, '').slice(0, 26),
    })
  }
  const hashtags: HashtagEntity[] = []
  for (const m of text.matchAll(HASHTAG)) {
    const at = (m.index ?? 0) + m[1]!.length
    const end = at + 1 + m[2]!.length
    const inUrl = urls.some((u) => codePointOffset(text, at) >= u.start && codePointOffset(text, at) < u.end)
    if (!inUrl) hashtags.push({ start: codePointOffset(text, at), end: codePointOffset(text, end), tag: m[2]! })
  }
  return { mentions, hashtags, urls }
}

// Frequent words of romanised Hindi: X labels such tweets "hi" more often than "en".
const ROMAN_HINDI = new Set([
  'hai',
  'hain',
  'nahi',
  'nahin',
  'kya',
  'mera',
  'meri',
  'mere',
  'kripya',
  'krupya',
  'sahab',
  'sir',
  'ji',
  'bhai',
  'kab',
  'tak',
  'ho',
  'gaya',
  'gayi',
  'raha',
  'rahi',
  'karo',
  'kare',
  'karein',
  'madad',
  'hamara',
  'hamari',
  'aap',
  'aapka',
  'koi',
  'abhi',
  'se',
  'ko',
  'ka',
  'ki',
  'ke',
  'par',
  'bhi',
  'log',
  'ghar',
  'paisa',
])

/** A rough BCP47 guess like X's: hi for Devanagari or romanised Hindi, qme for mention-only, en otherwise. */
export function detectLanguage(text: string, entities: TextEntities): string {
  if (/[\u0900-\u097F]/u.test(text)) return 'hi'
  const withoutEntities = text
    .replace(/@[A-Za-z0-9_]+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/#[\p{L}\p{M}\p{N}_]+/gu, ' ')
    .trim()
  if (withoutEntities.length === 0) {
    if (entities.mentions.length > 0) return 'qme'
    if (entities.hashtags.length > 0) return 'qht'
    return 'zxx'
  }
  const words = withoutEntities
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
  const hindiWords = words.filter((w) => ROMAN_HINDI.has(w)).length
  if (words.length > 0 && hindiWords >= 2 && hindiWords / words.length >= 0.2) return 'hi'
  if (words.length === 0) return entities.mentions.length > 0 && !/\p{L}/u.test(withoutEntities) ? 'qme' : 'und'
  return 'en'
}

/**
 * Tokens for keyword matching. X matches keywords against the tokenized text: case
 * insensitive, split on punctuation and spaces, so "visa" does not match "visas" but
 * does match "#visa" and "visa!".
 */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}_]+/u)
    .filter((t) => t.length > 0)
}

// twitter-text v3 configuration: code points in these ranges weigh 1, all others 2;
// URLs weigh 23 whatever their length; emoji sequences weigh 2; the limit is 280.
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
]
export const MAX_WEIGHTED_LENGTH = 280
const URL_WEIGHT = 23
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })
// Keycaps (1⃣) and flags are emoji too, though not Extended_Pictographic.
const EMOJI = /\p{Extended_Pictographic}|\u20E3|\p{Regional_Indicator}/u

function codePointWeight(cp: number): number {
  for (const [lo, hi] of LIGHT_RANGES) if (cp >= lo && cp <= hi) return 1
  return 2
}

export function weightedLength(input: string): number {
  const text = input.normalize('NFC')
  let total = 0
  let lastEnd = 0
  const measure = (chunk: string): number => {
    let sum = 0
    for (const { segment } of graphemes.segment(chunk)) {
      if (EMOJI.test(segment)) {
        sum += 2
        continue
      }
      for (const ch of segment) sum += codePointWeight(ch.codePointAt(0)!)
    }
    return sum
  }
  for (const m of text.matchAll(URL_PATTERN)) {
    const raw = m[0].replace(TRAILING_PUNCTUATION, '')
    const at = m.index ?? 0
    total += measure(text.slice(lastEnd, at)) + URL_WEIGHT
    lastEnd = at + raw.length
  }
  return total + measure(text.slice(lastEnd))
}
