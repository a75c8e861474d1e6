// The fast triage scorer as it stood on 2026-12-04, before the scorer-speed work (a
// summary of the seen set, rules' data in two ints, cached exponentials): kept verbatim
// as a second reference, so tests/shared/triage-scorer.test.ts can hold the faster
// scorer to exactly its outcomes as well as to ReferenceScorer's (the training path).
// Not used by any src code; the bench's "before" still is ReferenceScorer.
import type { IncomingTweet, TweetAnalysis } from '../../../src/shared/analysis'
import {
  HASHTAG_SHAPES,
  LEAD_EDGES,
  LEAD_SHAPES,
  MAX_RULE_FEATURES,
  MENTION_EDGES,
  MENTION_SHAPES,
  NS_BIAS,
  NS_BIGRAM,
  NS_BIT,
  NS_HEAD,
  NS_PAIR,
  NS_RULE,
  NS_RULE_DIVISION,
  NS_TOP_DIVISION,
  NS_WORD,
  OWN_SHAPES,
  RULE_SHAPES,
  SHAPE,
  URL_SHAPES,
  WORD_EDGES,
  WORD_SHAPES,
  bucket,
  featureHash,
  handleKey,
  languageHash,
  leadingMentions,
  truncated,
  NS_AUTHOR,
  type FeatureContext,
} from '../../../src/shared/triage-model/features'
import {
  SEEN_BITS,
  applyRuleOdds,
  divisionStride,
  softmax,
  type TriageModel,
} from '../../../src/shared/triage-model/model'
import { NOTE_FIELDS } from '../../../src/shared/routing/tweet-matcher'
import type { TweetScorer } from '../../../src/shared/triage-model/scorer'

const RULE_STRIDE = 4

// A word's notes (NOTE_FIELDS ints in the matcher's word table): 1 once written, the summed
// seen-gated weight of its word and head features, and their division rows (-1: not seen).
const NOTE_WRITTEN = 0
const NOTE_WEIGHT = 1
const NOTE_WORD_ROW = 2
const NOTE_HEAD_ROW = 3
if (NOTE_FIELDS < 4) throw new Error('a word note needs four ints')

/** Division rows one tweet can keep: bias, 2 per word (96 words), 2 per rule feature, and a few. */
const MAX_ROWS = 2 * 96 + 2 * MAX_RULE_FEATURES + 8

export class ScorerBeforeSpeedup implements TweetScorer {
  /** Set by score(), as FeatureBuffer's fields of the same names. */
  ruleDivision = -1
  ruleStopped = false
  officialStyle = false

  private readonly seen: Uint32Array
  private readonly w: Int8Array
  private readonly mask: number
  private readonly divW: Int8Array
  private readonly rowMask: number
  private readonly stride: number
  /** Division table rows (offsets) of the last tweet's seen division features. */
  private readonly rows = new Int32Array(MAX_ROWS)
  private rowCount = 0
  /** A word's contribution worked out on the spot, where the matcher keeps no note for it. */
  private readonly looseNote = new Int32Array(NOTE_FIELDS)

  // Seen-gated actionable weight (0 for a feature training never saw) of fixed features,
  // and for those the division model reads (bias, rules, divisions), their row (-1: not seen).
  private readonly bias: number
  private readonly biasRow: number
  /**
   * Per rule, in one run of RULE_STRIDE ints (rules are touched at random: one cache line
   * each, not one per array): its division index, the summed weight of its rule and
   * rule-division features, and their rows (-1: not seen).
   */
  private readonly ruleTable: Int32Array
  private readonly topW: Int32Array
  private readonly topRow: Int32Array
  private readonly excludedW: number
  private readonly excludedRow: number
  private readonly noRuleW: number
  private readonly noRuleRow: number
  private readonly ruleShapeW: Int32Array
  private readonly mentionW: Int32Array
  private readonly leadW: Int32Array
  private readonly ownW: Int32Array
  private readonly urlW: Int32Array
  private readonly hashtagW: Int32Array
  private readonly wordShapeW: Int32Array
  private readonly inboxW: number
  private readonly searchW: number
  private readonly replyW: number
  private readonly quoteW: number
  private readonly truncatedW: number
  private readonly digitsW: number
  private readonly firstMentionOursW: number
  private readonly authorDigitsW: number
  private readonly bitW: Int32Array
  /** Pair (i, j) of flags at i * 32 + j. */
  private readonly pairW: Int32Array
  private readonly languageW = new Map<string, number>()
  /** The last division looked up and its index (the rules name a handful of divisions). */
  private lastDivision: string | null = null
  private lastDivisionIndex = -1
  /** The last language looked up and its weight (tweets in one language come in runs). */
  private lastLanguage = ''
  private lastLanguageW = 0

  constructor(
    readonly model: TriageModel,
    private readonly ctx: FeatureContext,
  ) {
    this.seen = model.seen
    this.w = model.actionable.q
    this.mask = this.w.length - 1
    this.divW = model.division.q
    this.stride = divisionStride(model.divisions.length)
    this.rowMask = this.divW.length / this.stride - 1
    const weight = (h: number) => (this.isSeen(h) ? this.w[h & this.mask] : 0)
    const row = (h: number) => (this.isSeen(h) ? (h & this.rowMask) * this.stride : -1)
    const weights = (hashes: ArrayLike<number>) => Int32Array.from(hashes, weight)
    const k = model.divisions.length
    const ruleHashes = Array.from(ctx.ruleHash, (h) => featureHash(NS_RULE, h))
    const ruleDivHashes = Array.from({ length: k }, (_, d) => featureHash(NS_RULE_DIVISION, d))
    const topHashes = Array.from({ length: k }, (_, d) => featureHash(NS_TOP_DIVISION, d))
    this.bias = weight(featureHash(NS_BIAS, 1))
    this.biasRow = row(featureHash(NS_BIAS, 1))
    this.ruleTable = new Int32Array(ruleHashes.length * RULE_STRIDE)
    for (let r = 0; r < ruleHashes.length; r++) {
      const d = ctx.ruleDivision[r]
      const at = r * RULE_STRIDE
      this.ruleTable[at] = d
      this.ruleTable[at + 1] = weight(ruleHashes[r]) + (d >= 0 ? weight(ruleDivHashes[d]) : 0)
      this.ruleTable[at + 2] = row(ruleHashes[r])
      this.ruleTable[at + 3] = d >= 0 ? row(ruleDivHashes[d]) : -1
    }
    this.topW = weights(topHashes)
    this.topRow = Int32Array.from(topHashes, row)
    this.excludedW = weight(SHAPE.excludedByRule)
    this.excludedRow = row(SHAPE.excludedByRule)
    this.noRuleW = weight(SHAPE.noRule)
    this.noRuleRow = row(SHAPE.noRule)
    this.ruleShapeW = weights(RULE_SHAPES)
    this.mentionW = weights(MENTION_SHAPES)
    this.leadW = weights(LEAD_SHAPES)
    this.ownW = weights(OWN_SHAPES)
    this.urlW = weights(URL_SHAPES)
    this.hashtagW = weights(HASHTAG_SHAPES)
    this.wordShapeW = weights(WORD_SHAPES)
    this.inboxW = weight(SHAPE.inbox)
    this.searchW = weight(SHAPE.search)
    this.replyW = weight(SHAPE.reply)
    this.quoteW = weight(SHAPE.quote)
    this.truncatedW = weight(SHAPE.truncated)
    this.digitsW = weight(SHAPE.digits)
    this.firstMentionOursW = weight(SHAPE.firstMentionOurs)
    this.authorDigitsW = weight(SHAPE.authorDigits)
    this.bitW = Int32Array.from({ length: 32 }, (_, i) => weight(featureHash(NS_BIT, i)))
    this.pairW = Int32Array.from({ length: 32 * 32 }, (_, p) => weight(featureHash(NS_PAIR, p)))
  }

  /** ctx.divisions.indexOf(division), remembered for the last division asked about. */
  private divisionIndex(division: string): number {
    if (division !== this.lastDivision) {
      this.lastDivision = division
      this.lastDivisionIndex = this.ctx.divisions.indexOf(division)
    }
    return this.lastDivisionIndex
  }

  private isSeen(h: number): boolean {
    return this.seenBit(h) === 1
  }

  /** 1 when the model's seen bit set holds feature hash `h` (model.ts isSeen), else 0. */
  private seenBit(h: number): number {
    const b = Math.imul(h, 0x2c1b3c6d) >>> (32 - SEEN_BITS)
    return (this.seen[b >>> 5] >>> (b & 31)) & 1
  }

  /**
   * What word hash `word` with head hash `head` (0: none) adds, into notes[at ..]: the
   * word and head features as extractFeatures lists them, seen-gated.
   */
  private noteWord(notes: Int32Array, at: number, word: number, head: number): void {
    let weight = 0
    let h = featureHash(NS_WORD, word)
    let seen = this.seenBit(h) === 1
    if (seen) weight += this.w[h & this.mask]
    notes[at + NOTE_WORD_ROW] = seen ? (h & this.rowMask) * this.stride : -1
    notes[at + NOTE_HEAD_ROW] = -1
    if (head !== 0) {
      h = featureHash(NS_HEAD, head)
      seen = this.seenBit(h) === 1
      if (seen) {
        weight += this.w[h & this.mask]
        notes[at + NOTE_HEAD_ROW] = (h & this.rowMask) * this.stride
      }
    }
    notes[at + NOTE_WEIGHT] = weight
    notes[at + NOTE_WRITTEN] = 1
  }

  /**
   * The raw actionable score (before calibration) of `tweet`, whose analysis `analysis` has
   * just been made by analyseTweet on the same compiled org (the matcher still holds that
   * run): the same number seenScore gives over extractFeatures' features.
   */
  score(tweet: IncomingTweet, analysis: TweetAnalysis): number {
    const ctx = this.ctx
    const compiled = ctx.compiled
    const m = compiled.matcher
    const w = this.w
    const mask = this.mask
    const rows = this.rows
    let nr = 0
    let z = this.bias
    if (this.biasRow >= 0) rows[nr++] = this.biasRow
    this.ruleDivision = -1
    this.ruleStopped = false

    // Words and heads (read by both models), from each word's notes in the matcher's
    // table: the entry its pass just read, where the model's tables are rarely in cache.
    const words = m.wordHashes
    const heads = m.wordHeads
    const table = m.wordNotes(this)
    const noteAt = m.wordNoteAt
    // Word pairs (actionable model only) in the same loop: the word's hash is at hand.
    let prev = 0x2f2f2f2f
    for (let i = 0; i < m.wordHashCount; i++) {
      const word = words[i]
      const pair = featureHash(NS_BIGRAM, Math.imul(prev, 0x27d4eb2d) ^ word)
      if (this.seenBit(pair) === 1) z += w[pair & mask]
      prev = word
      let notes: Int32Array = this.looseNote
      let at = 0
      if (table !== null && noteAt[i] >= 0) {
        notes = table
        at = noteAt[i]
        if (notes[at + NOTE_WRITTEN] === 0) this.noteWord(notes, at, word, heads[i])
      } else this.noteWord(notes, 0, word, heads[i])
      z += notes[at + NOTE_WEIGHT]
      if (notes[at + NOTE_WORD_ROW] >= 0) rows[nr++] = notes[at + NOTE_WORD_ROW]
      if (notes[at + NOTE_HEAD_ROW] >= 0) rows[nr++] = notes[at + NOTE_HEAD_ROW]
    }

    // Addressees and rules, as extractFeatures reads them.
    const own = ctx.ownHandles
    let ownMentioned = 0
    let firstMentionOurs = false
    for (let i = 0; i < m.mentions.length; i++) {
      if (!own.has(m.mentions[i])) continue
      ownMentioned++
      if (i === 0) firstMentionOurs = true
    }
    const via = tweet.viaHandle ? handleKey(tweet.viaHandle) : ''
    const viaOwn = via !== '' && own.has(via)
    const directed = viaOwn || ownMentioned > 0
    let matched = 0
    let bestHits = 0
    const ruleTable = this.ruleTable
    for (let t = 0; t < m.touchedCount; t++) {
      const r = m.touched[t]
      if (m.excluded(r)) {
        this.ruleStopped = true
        continue
      }
      if (m.ruleScoped[r] === 1) {
        const scope = compiled.rules[r].handles
        let ok = scope === null || (viaOwn && scope.has(via))
        for (let i = 0; !ok && i < m.mentions.length; i++) ok = scope!.has(m.mentions[i])
        if (!ok) {
          this.ruleStopped = true
          continue
        }
      }
      matched++
      const at = r * RULE_STRIDE
      const d = ruleTable[at]
      if (matched <= MAX_RULE_FEATURES) {
        z += ruleTable[at + 1]
        if (ruleTable[at + 2] >= 0) rows[nr++] = ruleTable[at + 2]
        if (ruleTable[at + 3] >= 0) rows[nr++] = ruleTable[at + 3]
      }
      const hits = m.hitWords(r)
      if (hits > bestHits) {
        bestHits = hits
        this.ruleDivision = d
      }
    }
    if (this.ruleStopped) {
      z += this.excludedW
      if (this.excludedRow >= 0) rows[nr++] = this.excludedRow
    }
    let top = this.ruleDivision
    if (analysis.actionable && analysis.division !== null) top = this.divisionIndex(analysis.division)
    if (top >= 0) {
      z += this.topW[top]
      if (this.topRow[top] >= 0) rows[nr++] = this.topRow[top]
    } else {
      z += this.noRuleW
      if (this.noRuleRow >= 0) rows[nr++] = this.noRuleRow
    }
    this.rowCount = nr

    z += this.ruleShapeW[Math.min(matched, 3)]

    // Shape.
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
    z += via !== '' ? this.inboxW : this.searchW
    if (reply) z += this.replyW
    if (quote) z += this.quoteW
    if (cut) z += this.truncatedW
    if (m.hasDigitRun) z += this.digitsW
    if (firstMentionOurs) z += this.firstMentionOursW
    z += this.mentionW[bucket(m.mentions.length, MENTION_EDGES)]
    z += this.leadW[bucket(lead, LEAD_EDGES)]
    z += this.ownW[Math.min(ownMentioned, 2)]
    z += this.urlW[Math.min(m.urlCount, 2)]
    z += this.hashtagW[Math.min(m.hashtagCount, 3)]
    z += this.wordShapeW[bucket(m.wordCount, WORD_EDGES)]
    if (m.language !== this.lastLanguage) {
      let lang = this.languageW.get(m.language)
      if (lang === undefined) {
        const h = languageHash(m.language)
        this.languageW.set(m.language, (lang = this.isSeen(h) ? w[h & mask] : 0))
      }
      this.lastLanguage = m.language
      this.lastLanguageW = lang
    }
    z += this.lastLanguageW

    // Author's first and last three characters.
    const author = tweet.authorUsername ?? ''
    const an = author.length
    if (an > 0) {
      let head = 0
      let tail = 0
      for (let i = 0; i < 3 && i < an; i++) {
        head = (head << 8) | (author.charCodeAt(i) | 0x20)
        tail = (tail << 8) | (author.charCodeAt(an - 1 - i) | 0x20)
      }
      let h = featureHash(NS_AUTHOR, head)
      if (this.seenBit(h) === 1) z += w[h & mask]
      h = featureHash(NS_AUTHOR, tail ^ 0x40000000)
      if (this.seenBit(h) === 1) z += w[h & mask]
      const last = author.charCodeAt(an - 1)
      if (last >= 0x30 && last <= 0x39) z += this.authorDigitsW
    }

    // Cue bits and flags, one by one and the telling pairs.
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
    this.officialStyle = (m.cues & ctx.officialBit) !== 0
    const key = ctx.keyBits
    const bitW = this.bitW
    const pairW = this.pairW
    for (let rest = bits; rest !== 0; rest &= rest - 1) {
      const low = rest & -rest
      const i = 31 - Math.clz32(low)
      z += bitW[i]
      for (let others = rest & (rest - 1); others !== 0; others &= others - 1) {
        const high = others & -others
        if (((low | high) & key) === 0) continue
        z += pairW[(i << 5) | (31 - Math.clz32(high))]
      }
    }
    return z * this.model.actionable.scale
  }

  /**
   * Division probabilities of the last scored tweet into out[0 .. divisions), the matched
   * rule's division given its extra odds (as rankDivisions); returns the best index.
   */
  rankDivisions(out: Float64Array): number {
    const model = this.model
    const k = model.divisions.length
    const w = this.divW
    const rows = this.rows
    const n = this.rowCount
    if (k <= 8) {
      let s0 = 0
      let s1 = 0
      let s2 = 0
      let s3 = 0
      let s4 = 0
      let s5 = 0
      let s6 = 0
      let s7 = 0
      for (let i = 0; i < n; i++) {
        const row = rows[i]
        s0 = (s0 + w[row]) | 0
        s1 = (s1 + w[row + 1]) | 0
        s2 = (s2 + w[row + 2]) | 0
        s3 = (s3 + w[row + 3]) | 0
        s4 = (s4 + w[row + 4]) | 0
        s5 = (s5 + w[row + 5]) | 0
        s6 = (s6 + w[row + 6]) | 0
        s7 = (s7 + w[row + 7]) | 0
      }
      out[0] = s0
      out[1] = s1
      out[2] = s2
      out[3] = s3
      out[4] = s4
      out[5] = s5
      out[6] = s6
      out[7] = s7
    } else {
      for (let d = 0; d < k; d++) out[d] = 0
      for (let i = 0; i < n; i++) {
        const row = rows[i]
        for (let d = 0; d < k; d++) out[d] += w[row + d]
      }
    }
    softmax(out, k, model.division.scale)
    return applyRuleOdds(k, this.ruleDivision, out)
  }
}
