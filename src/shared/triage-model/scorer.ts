// The model's scores for one tweet as triage runs them on every tweet, without writing
// the features down first. extractFeatures (features.ts) lists a tweet's features for
// training; here the same features are summed as they are found:
// - features whose hash is fixed (bias, shape, flags and their pairs, rules, divisions)
//   have their weight looked up once per model — already zero when training never saw
//   them — so per tweet they cost one array read instead of a hash, a seen-bit check and
//   a weight read;
// - a rule's division, weight and row are worked out the first time the rule matches and
//   kept in the rule's notes in the matcher's rule scratch (the line analyseTweet has just
//   read for that rule: rules are met at random among 10,000, and a table of the model's
//   own cost a cache miss per matched rule);
// - a word's and its head's weight and division weights (their two rows added up, for up
//   to 8 divisions; the rows' offsets for more) are worked out the first time the word is
//   met and kept in the word's notes in the matcher's word table (an entry the matcher's
//   pass has just read, so in cache), not hashed into the model's tables again;
// - word pairs and the author are hashed as before; their weight is read only when the
//   seen bit says training saw them, and the 128 KB seen set is only read where a 4 KB
//   summary of it (one bit per 32) says the bit may be set: most pairs were never seen;
// - the division model keeps the table rows of its other seen features (bias, rules,
//   top division), and sums them only when the tweet reaches review or ticket (a third of tweets are ignored); its softmax
//   takes exp of integer score gaps times one scale, so each gap's exp is worked out once
//   and kept (the same Math.exp of the same double: the same bits).
// Sums are of the same 8-bit integers in another order, so the scores are the same to the
// last bit (tests/shared/triage-scorer.test.ts compares both on every fixture tweet).
import type { IncomingTweet, TweetAnalysis } from '../analysis'
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
  FeatureBuffer,
  extractFeatures,
  type FeatureContext,
} from './features'
import { SEEN_BITS, applyRuleOdds, divisionStride, rankDivisions, seenScore, type TriageModel } from './model'
import { NOTE_FIELDS, RULE_NOTE_FIELDS } from '../routing/tweet-matcher'

// A rule's notes (RULE_NOTE_FIELDS ints in the matcher's rule scratch): its division index
// + 2 (0: not written yet), and its rule feature's seen-gated weight (+ 128, low 8 bits)
// with its division row slot (+ 1, 0: not seen) above. The rule-division feature depends
// on the division alone: its weight and row are kept per division.
const RULE_NOTE_DIVISION = 0
const RULE_NOTE_PACKED = 1
const RULE_WEIGHT_BIAS = 128
if (RULE_NOTE_FIELDS < 2) throw new Error('a rule note needs two ints')

/** Score gaps whose exp the softmax keeps (16 KB; larger gaps, rare, call Math.exp). */
const EXP_GAPS = 2048

/** What triageTweet needs of a scorer (TriageScorer; ReferenceScorer and the tests' references). */
export interface TweetScorer {
  /** The best matched rule's division index (-1: none), set by score(). */
  readonly ruleDivision: number
  /** An exclusion or a handle scope stopped a rule, set by score(). */
  readonly ruleStopped: boolean
  /** The text reads like an official account's reply, set by score(). */
  readonly officialStyle: boolean
  score(tweet: IncomingTweet, analysis: TweetAnalysis): number
  rankDivisions(out: Float64Array): number
}

// A word's notes (NOTE_FIELDS ints in the matcher's word table): 1 once written, the summed
// seen-gated weight of its word and head features, and what they add to the division
// scores. For up to 8 divisions (a row of 8), that is the word's and head's rows added up
// and kept in the note itself, two divisions per int (LANES below): the division model
// never reads its table for a word again. Wider models keep the two rows (-1: not seen).
const NOTE_WRITTEN = 0
const NOTE_WEIGHT = 1
const NOTE_WORD_ROW = 2
const NOTE_HEAD_ROW = 3
const NOTE_LANES = 2
if (NOTE_FIELDS < NOTE_LANES + 4) throw new Error('a word note needs six ints')

// Division lanes: division 2j in the low 16 bits of int j, 2j + 1 in the high 16, each the
// word's and head's weights (8-bit) + LANE_BIAS, so in 0 .. 510. A tweet sums at most
// WORD_HASHES (96) such ints: each lane stays below 96 · 510 < 2^16 and never carries
// into the next; the sum of int32 additions is exact modulo 2^32, so both lanes read back.
const LANE_BIAS = 256

/** Division rows one tweet can keep: bias, 2 per word (96 words), 2 per rule feature, and a few. */
const MAX_ROWS = 2 * 96 + 2 * MAX_RULE_FEATURES + 8

export class TriageScorer implements TweetScorer {
  /** Set by score(), as FeatureBuffer's fields of the same names. */
  ruleDivision = -1
  ruleStopped = false
  officialStyle = false

  private readonly seen: Uint32Array
  /** Bit j set when seen's word j has any bit set: a 4 KB filter that rules most features out. */
  private readonly seenAny: Uint32Array
  private readonly w: Int8Array
  private readonly mask: number
  private readonly divW: Int8Array
  private readonly rowMask: number
  private readonly stride: number
  /** log2(stride): a row slot to its offset by a shift. */
  private readonly strideShift: number
  /** exp(-gap · division scale) per integer score gap, NaN until first needed. */
  private readonly expOfGap = new Float64Array(EXP_GAPS).fill(Number.NaN)
  /** Division table rows (offsets) of the last tweet's seen division features. */
  private readonly rows = new Int32Array(MAX_ROWS)
  private rowCount = 0
  /** Row of 8: word notes keep division lanes (see NOTE_LANES), not rows. */
  private readonly lanes: boolean
  /** The last tweet's words' division lanes, summed, and how many words they sum. */
  private lane0 = 0
  private lane1 = 0
  private lane2 = 0
  private lane3 = 0
  private laneWords = 0
  /** A word's contribution worked out on the spot, where the matcher keeps no note for it. */
  private readonly looseNote = new Int32Array(NOTE_FIELDS)

  // Seen-gated actionable weight (0 for a feature training never saw) of fixed features,
  // and for those the division model reads (bias, rules, divisions), their row (-1: not seen).
  private readonly bias: number
  private readonly biasRow: number
  /** Per division: the rule-division feature's weight and row (-1: not seen). */
  private readonly ruleDivisionW: Int32Array
  private readonly ruleDivisionRow: Int32Array
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
    this.seenAny = new Uint32Array(Math.ceil(model.seen.length / 32))
    for (let j = 0; j < model.seen.length; j++) if (model.seen[j] !== 0) this.seenAny[j >>> 5] |= 1 << (j & 31)
    this.w = model.actionable.q
    this.mask = this.w.length - 1
    this.divW = model.division.q
    this.stride = divisionStride(model.divisions.length)
    this.strideShift = 31 - Math.clz32(this.stride)
    this.lanes = this.stride === 8
    this.rowMask = this.divW.length / this.stride - 1
    const weight = (h: number) => (this.isSeen(h) ? this.w[h & this.mask] : 0)
    const row = (h: number) => (this.isSeen(h) ? (h & this.rowMask) * this.stride : -1)
    const weights = (hashes: ArrayLike<number>) => Int32Array.from(hashes, weight)
    const k = model.divisions.length
    const ruleDivHashes = Array.from({ length: k }, (_, d) => featureHash(NS_RULE_DIVISION, d))
    const topHashes = Array.from({ length: k }, (_, d) => featureHash(NS_TOP_DIVISION, d))
    this.bias = weight(featureHash(NS_BIAS, 1))
    this.biasRow = row(featureHash(NS_BIAS, 1))
    this.ruleDivisionW = weights(ruleDivHashes)
    this.ruleDivisionRow = Int32Array.from(ruleDivHashes, row)
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
    const word = b >>> 5
    if (((this.seenAny[word >>> 5] >>> (word & 31)) & 1) === 0) return 0
    return (this.seen[word] >>> (b & 31)) & 1
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
    const wordRow = seen ? (h & this.rowMask) * this.stride : -1
    let headRow = -1
    if (head !== 0) {
      h = featureHash(NS_HEAD, head)
      seen = this.seenBit(h) === 1
      if (seen) {
        weight += this.w[h & this.mask]
        headRow = (h & this.rowMask) * this.stride
      }
    }
    if (this.lanes) {
      const divW = this.divW
      for (let j = 0; j < 4; j++) {
        let low = LANE_BIAS
        let high = LANE_BIAS
        if (wordRow >= 0) {
          low += divW[wordRow + 2 * j]
          high += divW[wordRow + 2 * j + 1]
        }
        if (headRow >= 0) {
          low += divW[headRow + 2 * j]
          high += divW[headRow + 2 * j + 1]
        }
        notes[at + NOTE_LANES + j] = low | (high << 16)
      }
    } else {
      notes[at + NOTE_WORD_ROW] = wordRow
      notes[at + NOTE_HEAD_ROW] = headRow
    }
    notes[at + NOTE_WEIGHT] = weight
    notes[at + NOTE_WRITTEN] = 1
  }

  /** Rule `r`'s notes into notes[at ..]: its division, and its rule feature seen-gated. */
  private noteRule(notes: Int32Array, at: number, r: number): void {
    const h = featureHash(NS_RULE, this.ctx.ruleHash[r])
    const seen = this.isSeen(h)
    // Slots are below 2^22 (divisionHashBits ≤ 22): slot + 1 shifted by 8 stays in 31 bits.
    const slot = seen ? (h & this.rowMask) + 1 : 0
    notes[at + RULE_NOTE_PACKED] = (slot << 8) | ((seen ? this.w[h & this.mask] : 0) + RULE_WEIGHT_BIAS)
    notes[at + RULE_NOTE_DIVISION] = this.ctx.ruleDivision[r] + 2
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
    const lanes = this.lanes
    let lane0 = 0
    let lane1 = 0
    let lane2 = 0
    let lane3 = 0
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
      if (lanes) {
        lane0 = (lane0 + notes[at + NOTE_LANES]) | 0
        lane1 = (lane1 + notes[at + NOTE_LANES + 1]) | 0
        lane2 = (lane2 + notes[at + NOTE_LANES + 2]) | 0
        lane3 = (lane3 + notes[at + NOTE_LANES + 3]) | 0
      } else {
        if (notes[at + NOTE_WORD_ROW] >= 0) rows[nr++] = notes[at + NOTE_WORD_ROW]
        if (notes[at + NOTE_HEAD_ROW] >= 0) rows[nr++] = notes[at + NOTE_HEAD_ROW]
      }
    }
    this.lane0 = lane0
    this.lane1 = lane1
    this.lane2 = lane2
    this.lane3 = lane3
    this.laneWords = lanes ? m.wordHashCount : 0

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
    const ruleNotes = m.ruleNotes(this)
    const ruleDivisionW = this.ruleDivisionW
    const ruleDivisionRow = this.ruleDivisionRow
    const strideShift = this.strideShift
    for (let t = 0; t < m.touchedCount; t++) {
      const r = m.touched[t]
      if (m.excluded(r)) {
        this.ruleStopped = true
        continue
      }
      if (m.isScoped(r)) {
        const scope = compiled.rules[r].handles
        let ok = scope === null || (viaOwn && scope.has(via))
        for (let i = 0; !ok && i < m.mentions.length; i++) ok = scope!.has(m.mentions[i])
        if (!ok) {
          this.ruleStopped = true
          continue
        }
      }
      matched++
      const at = m.ruleNoteAt(r)
      if (ruleNotes[at + RULE_NOTE_DIVISION] === 0) this.noteRule(ruleNotes, at, r)
      const d = ruleNotes[at + RULE_NOTE_DIVISION] - 2
      if (matched <= MAX_RULE_FEATURES) {
        const packed = ruleNotes[at + RULE_NOTE_PACKED]
        z += (packed & 0xff) - RULE_WEIGHT_BIAS
        if (packed >>> 8 !== 0) rows[nr++] = ((packed >>> 8) - 1) << strideShift
        if (d >= 0) {
          z += ruleDivisionW[d]
          if (ruleDivisionRow[d] >= 0) rows[nr++] = ruleDivisionRow[d]
        }
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
      // The words' lanes (see LANE_BIAS): each lane less the bias of every word summed.
      const bias = LANE_BIAS * this.laneWords
      out[0] = s0 + (this.lane0 & 0xffff) - bias
      out[1] = s1 + (this.lane0 >>> 16) - bias
      out[2] = s2 + (this.lane1 & 0xffff) - bias
      out[3] = s3 + (this.lane1 >>> 16) - bias
      out[4] = s4 + (this.lane2 & 0xffff) - bias
      out[5] = s5 + (this.lane2 >>> 16) - bias
      out[6] = s6 + (this.lane3 & 0xffff) - bias
      out[7] = s7 + (this.lane3 >>> 16) - bias
    } else {
      for (let d = 0; d < k; d++) out[d] = 0
      for (let i = 0; i < n; i++) {
        const row = rows[i]
        for (let d = 0; d < k; d++) out[d] += w[row + d]
      }
    }
    this.softmax(out, k, model.division.scale)
    return applyRuleOdds(k, this.ruleDivision, out)
  }

  /**
   * model.ts softmax over integer scores, with each gap's exp kept: the same expression
   * evaluated on the same double, so the same bits.
   */
  private softmax(out: Float64Array, k: number, scale: number): void {
    let top = 0
    for (let d = 1; d < k; d++) if (out[d] > out[top]) top = d
    const max = out[top]
    const expOfGap = this.expOfGap
    let sum = 0
    for (let d = 0; d < k; d++) {
      let e = 1
      if (d !== top) {
        const gap = max - out[d]
        if (gap < EXP_GAPS) {
          e = expOfGap[gap]
          if (e !== e) e = expOfGap[gap] = Math.exp((out[d] - max) * scale)
        } else e = Math.exp((out[d] - max) * scale)
      }
      sum += out[d] = e
    }
    for (let d = 0; d < k; d++) out[d] /= sum
  }
}

/**
 * The same scores the straightforward way, as before TriageScorer: extractFeatures lists
 * the features, seenScore drops the unseen and sums, rankDivisions reads the rest. Kept as
 * the reference the fast scorer is checked against (tests, and the bench's "before").
 */
export class ReferenceScorer implements TweetScorer {
  ruleDivision = -1
  ruleStopped = false
  officialStyle = false
  private readonly f = new FeatureBuffer()

  constructor(
    readonly model: TriageModel,
    private readonly ctx: FeatureContext,
  ) {}

  score(tweet: IncomingTweet, analysis: TweetAnalysis): number {
    const f = this.f
    extractFeatures(this.ctx, tweet, analysis, f)
    this.ruleDivision = f.ruleDivision
    this.ruleStopped = f.ruleStopped
    this.officialStyle = f.officialStyle
    return seenScore(this.model, f)
  }

  rankDivisions(out: Float64Array): number {
    return rankDivisions(this.model, this.f.hashes, this.f.divisionCount, this.f.ruleDivision, out)
  }
}
