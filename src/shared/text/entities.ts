// Entities of a tweet as X sees them: URLs, @mentions and #hashtags. Routing sets
// them aside before keyword matching (a URL's path is not the citizen's words) and
// the weighted length counts every URL as 23. Modelled on twitter-text's extractor,
// checked against its conformance cases (tests/shared/entities.test.ts).

export interface Entity {
  kind: 'url' | 'mention' | 'hashtag'
  /** URL as written; mention username or hashtag text without the sigil. */
  value: string
  /** Span in the input, in UTF-16 code units, sigil included. */
  start: number
  end: number
}

// Common TLDs for URLs written without a protocol ("example.com"). twitter-text carries
// the full IANA list; a short list keeps shared small and covers what citizens type.
const BARE_TLDS = new Set(
  (
    'com net org in co gov edu io info biz me tv ly gl be us uk jp de fr ru cn au ca nz sg ae ' +
    'nic app dev ai xyz online site news live pk bd lk np so jp kr tw hk it es nl ch se'
  ).split(' '),
)

// Path characters as twitter-text allows them: Latin (with accents), Cyrillic, digits and
// URL punctuation. CJK text right after a path is the sentence, not the URL.
const PATH_CHAR = String.raw`[a-zA-Z0-9À-ɏЀ-ӿ!*';:=+,.$/%#\[\]\-–_~&|@()?]`
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?`
// Candidate URL: optional protocol, host of dotted labels, optional port, then any run
// of non-space characters; the run is trimmed below the way twitter-text does.
// Directional marks may precede a URL (RTL text); letters, digits and sigils may not.
const URL_CANDIDATE = new RegExp(
  String.raw`(^|[\u200E\u200F\u202A-\u202E\u2066-\u2069]|[^\p{L}\p{N}@＠$#＃_.\-/\uFFFE\uFEFF\uFFFF\u200E\u200F\u202A-\u202E\u2066-\u2069])((https?:\/\/)?((?:${LABEL}\.)+${LABEL}|\[[0-9a-fA-F:.]+\])(:\d{1,5})?)((?:[/?#]${PATH_CHAR}*)?)`,
  'giu',
)
const PATH_TRAILING_JUNK = /[.,:;!?'"’”)\]}>…。、，！？*$@~&]+$/u
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

function validHost(host: string, withProtocol: boolean): boolean {
  if (host.startsWith('[')) return withProtocol
  const ip = IPV4.exec(host)
  if (ip) return withProtocol && ip.slice(1).every((part) => Number(part) <= 255)
  const labels = host.split('.')
  // Punycode labels must already be ASCII ("xn--はじめよう" is nonsense).
  if (labels.some((l) => /^xn--/i.test(l) && /[\u0080-\uffff]/.test(l))) return false
  const tld = labels[labels.length - 1].toLowerCase()
  if (/^\d+$/.test(tld)) return false
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]
    if (label.length === 0 || punycodeLength(label) > 63) return false
    if (label.startsWith('-') || label.endsWith('-')) return false
    // Underscores are tolerated in subdomains only, never in the registered name or TLD.
    if (label.includes('_') && i >= labels.length - 2) return false
  }
  if (!withProtocol) {
    // twitter-text does not link bare non-ASCII domains or unknown TLDs.
    if (!/^[\x21-\x7e]+$/.test(host)) return false
    return BARE_TLDS.has(tld)
  }
  return /^\p{L}{2,}$/u.test(tld)
}

/** Trim punctuation that ends a sentence rather than the URL, keeping balanced parens. */
function trimPath(path: string): string {
  let out = path
  for (;;) {
    const trimmed = out.replace(PATH_TRAILING_JUNK, '')
    if (trimmed === out) break
    // Keep a closing paren when it balances an opening one inside the path (wiki links).
    const m = /^(.*\([^()\s]*\))([^)]*)$/u.exec(out)
    if (m && m[1].length > trimmed.length) {
      out = m[1]
      break
    }
    out = trimmed
  }
  // Quotes and angle brackets end a URL even mid-path.
  const stop = out.search(/["<>{}\\^`\u3000]/u)
  return stop >= 0 ? out.slice(0, stop) : out
}

// Hosts repeat (t.co, bit.ly, the same news sites): validHost's answer is kept per host
// and protocol, bounded so an endless stream of new hosts cannot grow it.
const hostVerdicts = [new Map<string, boolean>(), new Map<string, boolean>()]
const HOST_VERDICTS_MAX = 4096

function knownValidHost(host: string, withProtocol: boolean): boolean {
  const cache = hostVerdicts[withProtocol ? 1 : 0]
  let ok = cache.get(host)
  if (ok === undefined) {
    ok = validHost(host, withProtocol)
    if (cache.size >= HOST_VERDICTS_MAX) cache.clear()
    cache.set(host, ok)
  }
  return ok
}

/** May the host's first label contain this character ([\p{L}\p{N}_-], any non-ASCII taken as yes)? */
const mayBeInLabel = (c: number) =>
  c >= 0x80 || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d

/**
 * The earliest position at or after `from` where URL_CANDIDATE can match, or -1 when it
 * cannot match at all. Every match but a bracketed IP literal holds a "." followed by a
 * letter or digit; its start lies at most the prefix character and "https://" before the
 * run of label characters that ends at the first such dot. Starting the regex there
 * skips its attempt at every position of the prose before a link.
 */
function urlSearchStart(text: string, from: number): number {
  if (text.indexOf('[', from) >= 0) return from
  for (let dot = text.indexOf('.', from); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    const next = text.charCodeAt(dot + 1)
    if (!(next >= 0x80 || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a) || (next >= 0x30 && next <= 0x39))) continue
    let start = dot
    while (start > from && mayBeInLabel(text.charCodeAt(start - 1))) start--
    const at = Math.max(from, start - 1 - 'https://'.length)
    // Never start between the halves of a surrogate pair: the pair is one character to the regex.
    const c = text.charCodeAt(at)
    return c >= 0xdc00 && c <= 0xdfff && at > from ? at - 1 : at
  }
  return -1
}

export function extractUrls(text: string): Entity[] {
  const found: Entity[] = []
  for (let from = urlSearchStart(text, 0); from >= 0; from = urlSearchStart(text, URL_CANDIDATE.lastIndex)) {
    URL_CANDIDATE.lastIndex = from
    const m = URL_CANDIDATE.exec(text)
    if (!m) break
    const withProtocol = m[3] !== undefined
    const host = m[4]
    const start = m.index + m[1].length
    if (!knownValidHost(host, withProtocol)) continue
    if (withProtocol && /[\u0080-\uffff]/.test(host) && /[_]/.test(host)) continue
    // "user:pass@host" userinfo is handled by the protocol branch only when well formed.
    let path = trimPath(m[6])
    // t.co slugs are alphanumeric and at most 40 long; anything after is prose.
    if (host.toLowerCase() === 't.co' && path) {
      const slug = /^\/[A-Za-z0-9]+/.exec(path)
      if (!slug || slug[0].length > 41) continue
      path = slug[0]
    }
    const value = m[2] + path
    if (!withProtocol && text.charCodeAt(start + value.length) === 0x40) continue
    found.push({ kind: 'url', value, start, end: start + value.length })
    URL_CANDIDATE.lastIndex = start + Math.max(value.length, 1)
  }
  return found
}

// Mentions as twitter-text's regex finds them:
//   (^|[^A-Za-z0-9_!#$%&*@＠]|(?:^|[^A-Za-z0-9_+~.-])(?:rt|RT|rT|Rt):?)[@＠]([A-Za-z0-9_]{1,20})(\/[A-Za-z][A-Za-z0-9_-]{0,24})?
// rejected when followed by another name character, an accented Latin letter or "://".
// Routing reads the mentions of every tweet, so the scan is written out by hand: it jumps
// from one "@" to the next instead of trying the regex at every position, and keeps the
// regex's semantics exactly (the prefix character is consumed, a list slug extends the
// match, a rejected match still moves the search on). tests/shared/mentions.test.ts
// checks it against the regex on the conformance cases and on generated text.

const isAtSign = (c: number) => c === 0x40 || c === 0xff20
const isNameChar = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f
const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)
/** [A-Za-z0-9_!#$%&*@＠]: may not stand right before the @. */
const blocksMention = (c: number) =>
  isNameChar(c) || c === 0x21 || c === 0x23 || c === 0x24 || c === 0x25 || c === 0x26 || c === 0x2a || isAtSign(c)
/** [A-Za-z0-9_+~.-]: may not stand right before "RT". */
const blocksRetweet = (c: number) => isNameChar(c) || c === 0x2b || c === 0x7e || c === 0x2e || c === 0x2d
const isR = (c: number) => c === 0x72 || c === 0x52
const isT = (c: number) => c === 0x74 || c === 0x54

/** Accented Latin letters and combining marks that may not follow a mention. */
function continuesName(c: number): boolean {
  if (c < 0xc0) return false
  return (
    c <= 0xd6 ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x24f) ||
    c === 0x253 ||
    c === 0x254 ||
    c === 0x256 ||
    c === 0x257 ||
    c === 0x259 ||
    c === 0x25b ||
    c === 0x263 ||
    c === 0x268 ||
    c === 0x26f ||
    c === 0x272 ||
    c === 0x289 ||
    c === 0x28b ||
    c === 0x2bb ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1e00 && c <= 0x1eff)
  )
}

// Result of matchMentionAt: the @ position and the ends of the name and of the whole match.
let matchAt = 0
let matchNameEnd = 0
let matchEnd = 0

/** The regex's tail from the @ at `at`: a 1–20 character name, then an optional list slug. */
function mentionTail(text: string, at: number): boolean {
  const n = text.length
  if (at >= n || !isAtSign(text.charCodeAt(at))) return false
  let i = at + 1
  const limit = Math.min(n, at + 21)
  while (i < limit && isNameChar(text.charCodeAt(i))) i++
  if (i === at + 1) return false
  matchAt = at
  matchNameEnd = i
  if (i + 1 < n && text.charCodeAt(i) === 0x2f && isAsciiLetter(text.charCodeAt(i + 1))) {
    let j = i + 2
    const slugLimit = Math.min(n, i + 2 + 24)
    while (j < slugLimit) {
      const c = text.charCodeAt(j)
      if (!isNameChar(c) && c !== 0x2d) break
      j++
    }
    matchEnd = j
  } else matchEnd = i
  return true
}

/** "RT" at `r`, an optional colon, then the tail (the `:?` is greedy, so the colon is tried first). */
function retweetTail(text: string, r: number): boolean {
  if (r + 1 >= text.length || !isR(text.charCodeAt(r)) || !isT(text.charCodeAt(r + 1))) return false
  if (text.charCodeAt(r + 2) === 0x3a && mentionTail(text, r + 3)) return true
  return mentionTail(text, r + 2)
}

/** Does the regex match with its first group starting at `s`? Alternatives in the regex's order. */
function matchMentionAt(text: string, s: number): boolean {
  if (s === 0 && mentionTail(text, 0)) return true
  const c = text.charCodeAt(s)
  if (!blocksMention(c) && mentionTail(text, s + 1)) return true
  if (s === 0 && retweetTail(text, 0)) return true
  return !blocksRetweet(c) && retweetTail(text, s + 1)
}

/**
 * The mention scan without allocation: finds the next accepted mention at or after the
 * regex position `from` and returns true, leaving its span in `mentionScan.start` /
 * `mentionScan.end` (name end, "@" included, slug excluded) and the position the regex
 * resumes from in `mentionScan.resume`; false when there are no more. Routing reads the
 * spans straight from the text instead of building Entity objects. `mayHaveWideAt`
 * false promises the text has no full-width ＠ (one search fewer).
 */
export const mentionScan = { start: 0, end: 0, resume: 0 }

export function nextMention(text: string, from: number, mayHaveWideAt = true): boolean {
  const n = text.length
  let last = from
  // The full-width ＠ is rare: look for it only when the text may have one (a caller that
  // has already read the text knows).
  let wide = mayHaveWideAt ? -2 : -1
  for (;;) {
    let p = text.indexOf('@', last)
    if (wide === -2 || (wide >= 0 && wide < last)) wide = text.indexOf('＠', last)
    if (wide >= 0 && (p < 0 || wide < p)) p = wide
    if (p < 0) return false
    // Every alternative puts the @ at most four characters after the match start, and
    // no match can start before `last` (the regex's lastIndex).
    let matched = false
    for (let s = Math.max(last, p - 4); s <= p && s < n; s++) {
      if (matchMentionAt(text, s)) {
        matched = true
        break
      }
    }
    if (!matched) {
      last = p + 1
      continue
    }
    last = matchEnd
    const next = matchNameEnd < n ? text.charCodeAt(matchNameEnd) : -1
    if (
      next >= 0 &&
      (isNameChar(next) || isAtSign(next) || continuesName(next) || text.startsWith('://', matchNameEnd))
    )
      continue
    mentionScan.start = matchAt
    mentionScan.end = matchNameEnd
    mentionScan.resume = last
    return true
  }
}

export function extractMentions(text: string): Entity[] {
  const found: Entity[] = []
  for (let from = 0; nextMention(text, from); from = mentionScan.resume) {
    const { start, end } = mentionScan
    found.push({ kind: 'mention', value: text.slice(start + 1, end), start, end })
  }
  return found
}

const HASHTAG_CHAR = String.raw`\p{L}\p{M}\p{Nd}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7`
// Same character class as twitter-text; the joiners are listed on purpose.
const HASHTAG = new RegExp(
  // eslint-disable-next-line no-misleading-character-class
  String.raw`(^|[\uFE0E\uFE0F]|[^&${HASHTAG_CHAR}])[#＃](?![\ufe0f\u20e3])([${HASHTAG_CHAR}]*[\p{L}\p{M}][${HASHTAG_CHAR}]*)`,
  'gu',
)

export function extractHashtags(text: string, urls: Entity[] = extractUrls(text)): Entity[] {
  const found: Entity[] = []
  HASHTAG.lastIndex = 0
  for (let m = HASHTAG.exec(text); m; m = HASHTAG.exec(text)) {
    const start = m.index + m[1].length
    const end = start + 1 + m[2].length
    if (/^(?:[#＃]|:\/\/)/.test(text.slice(end))) continue
    if (urls.some((u) => start >= u.start && start < u.end)) continue
    found.push({ kind: 'hashtag', value: m[2], start, end })
  }
  return found
}

/** All entities, in text order; mentions inside URLs are dropped. */
export function extractEntities(text: string): Entity[] {
  const urls = extractUrls(text)
  const inUrl = (e: Entity) => urls.some((u) => e.start >= u.start && e.start < u.end)
  const mentions = extractMentions(text).filter((e) => !inUrl(e))
  const hashtags = extractHashtags(text, urls)
  return [...urls, ...mentions, ...hashtags].sort((a, b) => a.start - b.start)
}

// Punycode (RFC 3492) length of a label, because DNS limits the *encoded* label to 63
// characters: 60 kana are fine on screen but too long on the wire.
function punycodeLength(label: string): number {
  // ASCII labels (nearly all of them) encode as themselves.
  let ascii = true
  for (let i = 0; i < label.length && ascii; i++) if (label.charCodeAt(i) >= 0x80) ascii = false
  if (ascii) return label.length
  const codePoints = Array.from(label, (c) => c.codePointAt(0) ?? 0)
  const basic = codePoints.filter((c) => c < 0x80).length
  if (basic === codePoints.length) return label.length
  let out = basic > 0 ? basic + 1 : 0
  let n = 128
  let delta = 0
  let bias = 72
  let handled = basic
  const adapt = (d: number, numPoints: number, first: boolean): number => {
    d = first ? Math.floor(d / 700) : d >> 1
    d += Math.floor(d / numPoints)
    let k = 0
    while (d > 455) {
      d = Math.floor(d / 35)
      k += 36
    }
    return k + Math.floor((36 * d) / (d + 38))
  }
  while (handled < codePoints.length) {
    const m = Math.min(...codePoints.filter((c) => c >= n))
    delta += (m - n) * (handled + 1)
    n = m
    for (const c of codePoints) {
      if (c < n) delta++
      if (c === n) {
        let q = delta
        for (let k = 36; ; k += 36) {
          const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias
          if (q < t) break
          out++
          q = Math.floor((q - t) / (36 - t))
        }
        out++
        bias = adapt(delta, handled + 1, handled === basic)
        delta = 0
        handled++
      }
    }
    delta++
    n++
  }
  return out + 4 // "xn--"
}
