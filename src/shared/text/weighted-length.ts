// X's weighted tweet length (twitter-text v3 configuration): code points below
// U+1100 (Latin, Devanagari and the other Indian scripts) and common punctuation
// weigh 1, everything else (CJK, most symbols) weighs 2, every URL weighs 23 and every emoji sequence weighs 2. The text is NFC
// normalised first, as X does, so "Á" typed as A + combining accent counts once.
import { extractUrls } from './entities'

export const MAX_TWEET_WEIGHT = 280

const SCALE = 100
const DEFAULT_WEIGHT = 200
const URL_WEIGHT = 23 * SCALE
const EMOJI_WEIGHT = 200
/** Code point ranges weighing 100 (one character) in the v3 config. */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
]

// Emoji sequences (ZWJ families, flags, skin tones, keycaps) count as one emoji.
// Built at run time so the `v` flag does not depend on the compile target.
const EMOJI = new RegExp(String.raw`\p{RGI_Emoji}|[0-9#*]\uFE0F?\u20E3`, 'gv')

function codePointWeight(cp: number): number {
  for (const [lo, hi] of LIGHT_RANGES) if (cp >= lo && cp <= hi) return SCALE
  return DEFAULT_WEIGHT
}

function spansOf(re: RegExp, text: string): [number, number][] {
  const spans: [number, number][] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    spans.push([m.index, m.index + m[0].length])
    if (m[0].length === 0) re.lastIndex++
  }
  return spans
}

/** Weighted length in X's units (a plain 280-character Latin tweet weighs 280). */
export function weightedLength(text: string): number {
  const normalised = text.normalize('NFC')
  const urls = extractUrls(normalised).map((u) => [u.start, u.end] as [number, number])
  const emoji = spansOf(EMOJI, normalised)
  let total = 0
  let i = 0
  let u = 0
  let e = 0
  while (i < normalised.length) {
    while (u < urls.length && urls[u][1] <= i) u++
    while (e < emoji.length && emoji[e][1] <= i) e++
    if (u < urls.length && urls[u][0] === i) {
      total += URL_WEIGHT
      i = urls[u][1]
      continue
    }
    if (e < emoji.length && emoji[e][0] === i) {
      total += EMOJI_WEIGHT
      i = emoji[e][1]
      continue
    }
    const cp = normalised.codePointAt(i) ?? 0
    total += codePointWeight(cp)
    i += cp > 0xffff ? 2 : 1
  }
  return Math.ceil(total / SCALE)
}

/** Fits in one post: not empty (after trimming) and within the weight limit. */
export function fitsInTweet(text: string, max = MAX_TWEET_WEIGHT): boolean {
  return text.trim().length > 0 && weightedLength(text) <= max
}
