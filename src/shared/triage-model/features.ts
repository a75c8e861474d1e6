// What the triage model sees of a tweet: hashed features read off the matcher's last
// run (the words it folded, their four-character heads, the cue and rule hits, entity
// counts) plus the tweet's shape (leading mentions, reply or quote, truncation, who
// wrote it). Nothing is tokenised twice and nothing is allocated per tweet: features
// land in a reusable Int32Array as 32-bit hashes, and the model masks them to its table.
import type { IncomingTweet, TweetAnalysis } from '../analysis'
import type { CompiledOrg } from '../routing/compile'

/** Bumped whenever the features change meaning: a model says which set it was trained on. */
// 2: numbers and ids folded into their shape (numberShape), features of fewer than three
// training tweets dropped.
export const FEATURE_SET = 2

// Namespaces: the same value in two kinds of feature must not share a weight.
export const NS_BIAS = 1
export const NS_WORD = 2
export const NS_BIGRAM = 3
export const NS_HEAD = 4
export const NS_BIT = 5
export const NS_PAIR = 6
export const NS_RULE = 7
export const NS_RULE_DIVISION = 8
export const NS_SHAPE = 9
export const NS_AUTHOR = 10
export const NS_LANGUAGE = 11
export const NS_TOP_DIVISION = 12

/** murmur3's finaliser over a namespace and a value: a well-spread 32-bit feature hash. */
export function featureHash(ns: number, value: number): number {
  let h = Math.imul(ns, 0x9e3779b1) ^ value
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h
}

/** FNV-1a over a string's UTF-16 units (labels of shape features, hashed once at load). */
export function stringHash(s: string): number {
  let h = 0x811c9dc5 | 0
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h
}

// Bound on one tweet's features: bias, 2 per word (WORD_HASHES words), rule features, a
// bigram per word, shape and author, 31 flags and their pairs (at most 465).
export const MAX_RULE_FEATURES = 32
const MAX_FEATURES = 1024

/** Flags beside the cue bits, paired with them (a linear model cannot AND on its own). */
export const EXTRA_FLAGS = [
  'directed',
  'rulesActionable',
  'ruleMatched',
  'link',
  'reply',
  'manyLeadingMentions',
  'truncated',
  'digitRun',
  'inbox',
] as const

/** Shape labels hashed once: shape features are `featureHash(NS_SHAPE, SHAPE[label])`. */
const shapeLabels = [
  'inbox',
  'search',
  'reply',
  'quote',
  'truncated',
  'digits',
  'excludedByRule',
  'outOfScope',
  'firstMentionOurs',
  'noRule',
  'authorDigits',
  ...['m0', 'm1', 'm2', 'm3', 'm4', 'm6'],
  ...['lead0', 'lead1', 'lead2', 'lead3', 'lead5'],
  ...['own0', 'own1', 'own2'],
  ...['u0', 'u1', 'u2'],
  ...['h0', 'h1', 'h2', 'h3'],
  ...['w1', 'w4', 'w8', 'w16', 'w31'],
  ...['r0', 'r1', 'r2', 'r3'],
]
const SHAPE_OF: Record<string, number> = {}
for (const label of shapeLabels) SHAPE_OF[label] = featureHash(NS_SHAPE, stringHash(label))
/** The ones read per tweet, as plain constants (a 40-key table can drop to dictionary mode). */
export const SHAPE = {
  excludedByRule: SHAPE_OF.excludedByRule,
  noRule: SHAPE_OF.noRule,
  inbox: SHAPE_OF.inbox,
  search: SHAPE_OF.search,
  reply: SHAPE_OF.reply,
  quote: SHAPE_OF.quote,
  truncated: SHAPE_OF.truncated,
  digits: SHAPE_OF.digits,
  firstMentionOurs: SHAPE_OF.firstMentionOurs,
  authorDigits: SHAPE_OF.authorDigits,
} as const

/** Index of the last edge not above n. */
export const bucket = (n: number, edges: readonly number[]): number => {
  let b = 0
  while (b + 1 < edges.length && n >= edges[b + 1]) b++
  return b
}
export const MENTION_EDGES = [0, 1, 2, 3, 4, 6]
export const LEAD_EDGES = [0, 1, 2, 3, 5]
export const WORD_EDGES = [1, 4, 8, 16, 31]
const shapes = (prefix: string, edges: readonly number[]) => Int32Array.from(edges, (e) => SHAPE_OF[`${prefix}${e}`])
export const MENTION_SHAPES = shapes('m', MENTION_EDGES)
export const LEAD_SHAPES = shapes('lead', LEAD_EDGES)
export const WORD_SHAPES = shapes('w', WORD_EDGES)
export const OWN_SHAPES = shapes('own', [0, 1, 2])
export const URL_SHAPES = shapes('u', [0, 1, 2])
export const HASHTAG_SHAPES = shapes('h', [0, 1, 2, 3])
export const RULE_SHAPES = shapes('r', [0, 1, 2, 3])
const LANGUAGE_HASH = new Map<string, number>()
/** The language feature's hash (cached: a handful of languages). */
export function languageHash(language: string): number {
  let lang = LANGUAGE_HASH.get(language)
  if (lang === undefined) LANGUAGE_HASH.set(language, (lang = featureHash(NS_LANGUAGE, stringHash(language))))
  return lang
}

/** A tweet's features, reused from tweet to tweet: hashes[0 .. count). */
export class FeatureBuffer {
  readonly hashes = new Int32Array(MAX_FEATURES)
  count = 0
  /** Features the division model reads: hashes[0 .. divisionCount) (words, heads, rules). */
  divisionCount = 0
  /**
   * Word features (words, heads): hashes[1 .. wordsEnd); word pairs: [bigramsFrom, bigramsTo)
   * — as extractFeatures wrote them; keepSeen (model.ts) then compacts only count and divisionCount.
   */
  wordsEnd = 0
  bigramsFrom = 0
  bigramsTo = 0
  /** The best matched rule's division index (-1: no rule matched). */
  ruleDivision = -1
  /** An exclusion or a handle scope stopped a rule that would otherwise have pulled the tweet in. */
  ruleStopped = false
  /** The text reads like an official account's reply. */
  officialStyle = false
}

/** How many @mentions open the text before the citizen's own words (reply chains pile them up). */
export function leadingMentions(text: string): number {
  let n = 0
  let i = 0
  const end = Math.min(text.length, 600)
  for (;;) {
    while (i < end && text.charCodeAt(i) <= 0x20) i++
    if (i >= end || (text.charCodeAt(i) !== 0x40 && text.charCodeAt(i) !== 0xff20)) return n
    i++
    const start = i
    while (i < end) {
      const c = text.charCodeAt(i)
      if (!((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) && !(c >= 0x30 && c <= 0x39) && c !== 0x5f) break
      i++
    }
    if (i === start) return n
    n++
  }
}

/** "…" or "..." at the end: X cut the text, the rest is behind a link or in the thread. */
export function truncated(text: string): boolean {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) <= 0x20) end--
  // A t.co link may follow the cut ("… https://t.co/abc"): look before the last word.
  if (end > 24 && text.charCodeAt(end - 11) === 0x2f && text.startsWith('https://t.co/', end - 23)) {
    end -= 23
    while (end > 0 && text.charCodeAt(end - 1) <= 0x20) end--
  }
  if (end === 0) return false
  const last = text.charCodeAt(end - 1)
  return (
    last === 0x2026 ||
    (last === 0x2e && end >= 3 && text.charCodeAt(end - 2) === 0x2e && text.charCodeAt(end - 3) === 0x2e)
  )
}

export const handleKey = (name: string) => (name.charCodeAt(0) === 0x40 ? name.slice(1) : name).toLowerCase()

/** Per-org tables the extractor needs (built once per compiled org). */
export interface FeatureContext {
  compiled: CompiledOrg
  /** Division ids in the model's order. */
  divisions: readonly string[]
  /** Division index per compiled rule. */
  ruleDivision: Int32Array
  /** Hash of each rule's id (rules added later still get a feature of their own). */
  ruleHash: Int32Array
  extraBit: Record<(typeof EXTRA_FLAGS)[number], number>
  officialBit: number
  /** Flags whose pairs with any other flag are features. */
  keyBits: number
  /** Our handles, lower-cased (the org's, or those the deployment configured). */
  ownHandles: ReadonlySet<string>
}

export function featureContext(
  compiled: CompiledOrg,
  divisions: readonly string[],
  ownHandles: ReadonlySet<string> = compiled.ownHandles,
): FeatureContext {
  const index = new Map(divisions.map((d, i) => [d, i]))
  const cueCount = Object.keys(compiled.cueBit).length
  if (cueCount + EXTRA_FLAGS.length > 31) throw new Error('too many cue kinds for the triage model flags')
  const extraBit = Object.fromEntries(EXTRA_FLAGS.map((f, i) => [f, 1 << (cueCount + i)])) as FeatureContext['extraBit']
  return {
    compiled,
    divisions,
    ruleDivision: Int32Array.from(compiled.rules, (r) => index.get(r.division) ?? -1),
    ruleHash: Int32Array.from(compiled.rules, (r) => stringHash(r.id)),
    extraBit,
    officialBit: compiled.cueBit.officialReply ?? 0,
    ownHandles,
    keyBits:
      (['firstPerson', 'problem', 'request', 'officialReply', 'news', 'praise', 'critical'] as const).reduce(
        (bits, cue) => bits | (compiled.cueBit[cue] ?? 0),
        0,
      ) |
      extraBit.directed |
      extraBit.rulesActionable |
      extraBit.reply |
      extraBit.link,
  }
}

/**
 * Fill `out` with the features of `tweet`, whose analysis `analysis` has just been made
 * by analyseTweet on the same compiled org (the matcher still holds that run).
 */
export function extractFeatures(
  ctx: FeatureContext,
  tweet: IncomingTweet,
  analysis: TweetAnalysis,
  out: FeatureBuffer,
): void {
  const compiled = ctx.compiled
  const m = compiled.matcher
  // Written straight into the buffer (no call per feature); MAX_FEATURES bounds every case.
  const hashes = out.hashes
  let n = 0
  out.ruleDivision = -1
  out.ruleStopped = false
  hashes[n++] = featureHash(NS_BIAS, 1)

  // Words and four-character heads, as the automaton saw them; then the rules. These come
  // first: the division model reads only them (hashes[0 .. divisionCount)).
  const words = m.wordHashes
  const heads = m.wordHeads
  for (let w = 0; w < m.wordHashCount; w++) {
    hashes[n++] = featureHash(NS_WORD, words[w])
    if (heads[w] !== 0) hashes[n++] = featureHash(NS_HEAD, heads[w])
  }
  out.wordsEnd = n

  // Who it is addressed to, and the rules that pull it in (as analyseTweet decides them).
  const own = ctx.ownHandles
  let ownMentioned = 0
  for (let i = 0; i < m.mentions.length; i++) if (own.has(m.mentions[i])) ownMentioned++
  const via = tweet.viaHandle ? handleKey(tweet.viaHandle) : ''
  const viaOwn = via !== '' && own.has(via)
  const directed = viaOwn || ownMentioned > 0
  let matched = 0
  let bestHits = 0
  for (let t = 0; t < m.touchedCount; t++) {
    const r = m.touched[t]
    if (m.excluded(r)) {
      out.ruleStopped = true
      continue
    }
    if (m.ruleScoped[r] === 1) {
      const scope = compiled.rules[r].handles
      let ok = scope === null || (viaOwn && scope.has(via))
      for (let i = 0; !ok && i < m.mentions.length; i++) ok = scope!.has(m.mentions[i])
      if (!ok) {
        out.ruleStopped = true
        continue
      }
    }
    matched++
    const d = ctx.ruleDivision[r]
    if (matched <= MAX_RULE_FEATURES) {
      hashes[n++] = featureHash(NS_RULE, ctx.ruleHash[r])
      if (d >= 0) hashes[n++] = featureHash(NS_RULE_DIVISION, d)
    }
    const hits = m.hitWords(r)
    if (hits > bestHits) {
      bestHits = hits
      out.ruleDivision = d
    }
  }
  if (out.ruleStopped) hashes[n++] = SHAPE.excludedByRule
  let top = out.ruleDivision
  if (analysis.actionable && analysis.division !== null) top = ctx.divisions.indexOf(analysis.division)
  if (top >= 0) hashes[n++] = featureHash(NS_TOP_DIVISION, top)
  else hashes[n++] = SHAPE.noRule
  out.divisionCount = n

  // Word pairs ("not received", "kindly dm", "dear passenger").
  out.bigramsFrom = n
  let prev = 0x2f2f2f2f
  for (let w = 0; w < m.wordHashCount; w++) {
    hashes[n++] = featureHash(NS_BIGRAM, Math.imul(prev, 0x27d4eb2d) ^ words[w])
    prev = words[w]
  }
  // No pair for the last word and the end: whatever a tweet happens to end on (an id, a
  // hashtag, a word cut by X) would move the score.
  out.bigramsTo = n
  hashes[n++] = RULE_SHAPES[Math.min(matched, 3)]

  // Shape: mentions, their place, links, hashtags, length, reply/quote, truncation.
  const text = tweet.text ?? ''
  const lead = leadingMentions(text)
  const cut = truncated(text)
  let reply = tweet.inReplyToUserId !== undefined && tweet.inReplyToUserId !== ''
  let quote = false
  const refs = tweet.referencedTweets
  if (refs) {
    for (const r of refs) {
      if (r.type === 'quoted') quote = true
      else if (r.type === 'replied_to') reply = true
    }
  }
  hashes[n++] = via !== '' ? SHAPE.inbox : SHAPE.search
  if (reply) hashes[n++] = SHAPE.reply
  if (quote) hashes[n++] = SHAPE.quote
  if (cut) hashes[n++] = SHAPE.truncated
  if (m.hasDigitRun) hashes[n++] = SHAPE.digits
  if (m.mentions.length > 0 && own.has(m.mentions[0])) hashes[n++] = SHAPE.firstMentionOurs
  hashes[n++] = MENTION_SHAPES[bucket(m.mentions.length, MENTION_EDGES)]
  hashes[n++] = LEAD_SHAPES[bucket(lead, LEAD_EDGES)]
  hashes[n++] = OWN_SHAPES[Math.min(ownMentioned, 2)]
  hashes[n++] = URL_SHAPES[Math.min(m.urlCount, 2)]
  hashes[n++] = HASHTAG_SHAPES[Math.min(m.hashtagCount, 3)]
  hashes[n++] = WORD_SHAPES[bucket(m.wordCount, WORD_EDGES)]
  hashes[n++] = languageHash(m.language)

  // Author: the username's first and last three characters ("drm…", "…rly", "…ice", "ps_…")
  // and whether it ends in digits, as citizens' handles often do.
  const author = tweet.authorUsername ?? ''
  const an = author.length
  if (an > 0) {
    let head = 0
    let tail = 0
    for (let i = 0; i < 3 && i < an; i++) {
      head = (head << 8) | (author.charCodeAt(i) | 0x20)
      tail = (tail << 8) | (author.charCodeAt(an - 1 - i) | 0x20)
    }
    hashes[n++] = featureHash(NS_AUTHOR, head)
    hashes[n++] = featureHash(NS_AUTHOR, tail ^ 0x40000000)
    const last = author.charCodeAt(an - 1)
    if (last >= 0x30 && last <= 0x39) hashes[n++] = SHAPE.authorDigits
  }

  // Cue bits and flags, one by one and in pairs.
  const x = ctx.extraBit
  let bits = m.cues
  if (directed) bits |= x.directed
  if (analysis.actionable) bits |= x.rulesActionable
  if (matched > 0) bits |= x.ruleMatched
  if (m.urlCount > 0) bits |= x.link
  if (reply) bits |= x.reply
  if (lead >= 3) bits |= x.manyLeadingMentions
  if (cut) bits |= x.truncated
  if (m.hasDigitRun) bits |= x.digitRun
  if (via !== '') bits |= x.inbox
  out.officialStyle = (m.cues & ctx.officialBit) !== 0
  const key = ctx.keyBits
  for (let rest = bits; rest !== 0; rest &= rest - 1) {
    const low = rest & -rest
    const i = 31 - Math.clz32(low)
    hashes[n++] = featureHash(NS_BIT, i)
    // Pairs with at least one of the telling flags: "first person + problem", "official
    // reply + reply", "news + link"; pairs of two minor cues add little.
    for (let others = rest & (rest - 1); others !== 0; others &= others - 1) {
      const high = others & -others
      if (((low | high) & key) === 0) continue
      hashes[n++] = featureHash(NS_PAIR, (i << 5) | (31 - Math.clz32(high)))
    }
  }
  out.count = n
}
