// Text normalisation for matching. Citizens write the same word many ways: "वीज़ा" and
// "वीजा", "हिंदी" and "हिन्दी", "paasport" and "passport", "shikayath" and
// "shikayat", "#PassportDelay". Rules and tweets go through the same folding, so a rule
// author writes a term once and every common spelling still matches.
import { extractHashtags, extractMentions, extractUrls, type Entity } from '../text/entities'

export interface NormalisedText {
  /** The folded words joined by single spaces (URLs and mentions removed). */
  text: string
  /** The folded words (lower-case), in order. */
  words: string[]
  /** Match keys, one per word, in order. */
  tokens: string[]
  urls: string[]
  /** Usernames, lower-cased, without @. */
  mentions: string[]
  /** Hashtag text as written, without #. */
  hashtags: string[]
}

export const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/g
/** INVISIBLE without the global flag, for test() (a global regex keeps state between calls). */
export const HAS_INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/
const NON_ASCII = /[\u0080-\uffff]/

/**
 * NFC with zero-width characters removed. NFC runs again after the removal: a joiner
 * taken out can leave a sequence that composes, and the second pass hands back a flat
 * string (replace() may return a rope, and a rope reaching the hot entity scanners turns
 * their string accesses megamorphic for every tweet after it).
 */
export function cleanText(text: string): string {
  const nfc = text.normalize('NFC')
  return HAS_INVISIBLE.test(nfc) ? nfc.replace(INVISIBLE, '').normalize('NFC') : nfc
}

/** "PassportDelay" → "Passport Delay", "OCI_card" → "OCI card", "Train12951" → "Train 12951". */
export function splitHashtag(tag: string): string {
  return tag
    .replace(/_+/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
}

// Devanagari spelling variants folded to one form: nukta forms to their base letter,
// chandrabindu to anusvara, a nasal consonant + virama before a consonant to anusvara
// (हिन्दी → हिंदी), long ī/ū matras and vowels to short ones, Devanagari digits to ASCII.
const NUKTA_FORMS: Record<string, string> = {
  '\u0958': '\u0915',
  '\u0959': '\u0916',
  '\u095A': '\u0917',
  '\u095B': '\u091C',
  '\u095C': '\u0921',
  '\u095D': '\u0922',
  '\u095E': '\u092B',
  '\u095F': '\u092F',
  '\u0929': '\u0928',
  '\u0931': '\u0930',
  '\u0934': '\u0933',
}
const SHORT_VOWELS: Record<string, string> = { 'ी': 'ि', 'ू': 'ु', ई: 'इ', ऊ: 'उ', 'ँ': 'ं' }

const DEVANAGARI = /[\u0900-\u097F]/

export function foldDevanagari(text: string): string {
  if (!DEVANAGARI.test(text)) return text
  return text
    .replace(/[\u0958-\u095F\u0929\u0931\u0934]/g, (c) => NUKTA_FORMS[c] ?? c)
    .replace(/\u093C/g, '')
    .replace(/[ङञणनम]्(?=[क-ह])/g, 'ं')
    .replace(/ी|ू|ई|ऊ|ँ/g, (c) => SHORT_VOWELS[c] ?? c)
    .replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966))
}

// English inflections and romanised-Hindi spellings reduce to one key: suffixes
// (-s, -es, -ed, -ing) come off, then long vowels (aa, ee, oo), doubled letters and
// common sound-alike letters (w/v, z/j, ph/f, q/k, final th/t) are folded.
//
// The folding must not merge distinct English words. Three guards keep them apart:
// - a short word keeps its final e ("fire" is not "FIR", "note" not "not", "rate" not
//   "rat"), and a three-letter consonant-vowel-consonant stem left by -ed/-ing gets its e
//   back, so "fired"/"firing"/"fire" share a key that "fir" does not;
// - past participles that report an outcome keep their -ed ("helped me" is thanks, "help
//   me" a request; "refunded" says it is done, "refund" names the topic);
// - two-letter words keep their doubled letter ("tt", the ticket examiner, is not the "t"
//   of "can't").
const KEEP_S = new Set(['news', 'was', 'has', 'does', 'always', 'its', 'bus', 'gas', 'plus', 'yes', 'this', 'us'])
const KEEP_ED = new Set([
  'helped',
  'resolved',
  'solved',
  'sorted',
  'fixed',
  'saved',
  'rescued',
  'refunded',
  'recovered',
  'assisted',
  'settled',
  'cleared',
  'credited',
  'fired',
])
const CVC = /^[b-df-hj-np-tv-z][aeiou][b-df-hj-np-tvz]$/
const keyCache = new Map<string, string>()
const KEY_CACHE_LIMIT = 100_000

/** A stem left by -ed or -ing: "fir" (from "fired", "firing") gets the e of "fire" back. */
const restoreE = (stem: string): string => (CVC.test(stem) ? `${stem}e` : stem)

function latinKey(word: string): string {
  let w = word
  if (w.length >= 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`
  else if (w.length >= 6 && w.endsWith('ing')) w = restoreE(w.slice(0, -3))
  else if (w.length >= 5 && w.endsWith('ed')) w = KEEP_ED.has(w) ? w : restoreE(w.slice(0, -2))
  else if (w.length >= 5 && /(?:ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2)
  else if (w.length >= 4 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && !KEEP_S.has(w)) w = w.slice(0, -1)
  // Judged on the word as written (less its suffix): "issue" loses its e like "issued" does.
  const dropE = w.length >= 5 && w.endsWith('e')
  w = w.replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/w/g, 'v').replace(/z/g, 'j').replace(/q/g, 'k')
  w = w.replace(/ee/g, 'i').replace(/oo/g, 'u')
  if (w.length >= 3) w = w.replace(/(.)\1+/g, '$1')
  w = w.replace(/th$/, 't')
  if (dropE && w.endsWith('e')) w = w.slice(0, -1)
  return w
}

/** The match key of one lower-cased word. Words with digits or non-Latin letters pass through. */
export function tokenKey(word: string): string {
  let key = keyCache.get(word)
  if (key === undefined) {
    key = /^[a-z]+$/.test(word) ? latinKey(word) : word
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear()
    keyCache.set(word, key)
  }
  return key
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu

/** Words of already-folded text (no entity handling): used for rule terms and cues. */
export function keysOf(phrase: string): string[] {
  const folded = foldText(phrase)
  return (folded.match(WORD) ?? []).map(tokenKey)
}

function foldText(text: string): string {
  let t = text
  if (NON_ASCII.test(t)) t = foldDevanagari(cleanText(t))
  return t.toLowerCase()
}

function blank(text: string, spans: Entity[]): string {
  let out = ''
  let at = 0
  for (const e of spans) {
    out += text.slice(at, e.start) + ' '
    if (e.kind === 'hashtag') out += `${splitHashtag(e.value)} `
    at = e.end
  }
  return out + text.slice(at)
}

// Only run the (comparatively slow) URL scanner when something URL-like is present.
export const URL_HINT = /\/\/|www\.|\.(?:com|in|org|net|co|gov|ly|io|me|info|news|nic)\b/i

/** Lower-cased ASCII words of `text` and their keys, in one pass without regexes. */
function asciiWords(original: string, words: string[], tokens: string[]): void {
  const text = original.toLowerCase()
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
    if (alnum) {
      if (start < 0) start = i
    } else if (start >= 0) {
      const word = text.slice(start, i)
      words.push(word)
      tokens.push(tokenKey(word))
      start = -1
    }
  }
}

/** A tweet with its entities set aside: what the word stage of normalise() reads. */
export interface TweetBody {
  /** The cleaned text with URLs and mentions blanked and hashtags split in place. */
  body: string
  /** The original text held no character above U+007F (so neither does `body`). */
  ascii: boolean
  urls: string[]
  /** Usernames, lower-cased, without @. */
  mentions: string[]
  /** Hashtag text as written, without #. */
  hashtags: string[]
}

/** Entities of a tweet set aside (URLs, mentions), hashtags split: the first half of normalise(). */
export function tweetBody(text: string): TweetBody {
  const ascii = !NON_ASCII.test(text)
  const clean = ascii ? text : cleanText(text)
  const urls: string[] = []
  const mentions: string[] = []
  const hashtags: string[] = []
  let body = clean
  const spans: Entity[] = []
  if (URL_HINT.test(clean)) for (const e of extractUrls(clean)) spans.push(e)
  if (clean.includes('@') || clean.includes('＠')) {
    const urlCount = spans.length
    for (const e of extractMentions(clean)) {
      let inUrl = false
      for (let i = 0; i < urlCount; i++) if (e.start >= spans[i].start && e.start < spans[i].end) inUrl = true
      if (!inUrl) spans.push(e)
    }
  }
  if (clean.includes('#') || clean.includes('＃')) for (const e of extractHashtags(clean, spans)) spans.push(e)
  if (spans.length > 0) {
    spans.sort((a, b) => a.start - b.start)
    for (const e of spans) {
      if (e.kind === 'url') urls.push(e.value)
      else if (e.kind === 'mention') mentions.push(e.value.toLowerCase())
      else hashtags.push(e.value)
    }
    body = blank(clean, spans)
  }
  return { body, ascii, urls, mentions, hashtags }
}

/** Normalise a tweet for matching: entities set aside, hashtags split, words folded. */
export function normalise(text: string): NormalisedText {
  const { body, ascii, urls, mentions, hashtags } = tweetBody(text)
  const words: string[] = []
  const tokens: string[] = []
  if (ascii) asciiWords(body, words, tokens)
  else {
    for (const word of foldDevanagari(body).toLowerCase().match(WORD) ?? []) {
      words.push(word)
      tokens.push(tokenKey(word))
    }
  }
  return { text: words.join(' '), words, tokens, urls, mentions, hashtags }
}
