// The per-tweet hot path of analyseTweet: one pass over the tweet's characters that
// folds words exactly as normalise() does, interns each word to an integer id through a
// small hash table over character codes, and steps the phrase automaton as each word
// ends. The outcome (cue bits, rule hits, word/entity counts, language) is left in
// reusable fields, so a typical tweet allocates no per-word strings or arrays.
//
// Tweets made of ASCII, the Indian scripts (and Arabic for Urdu; those but Devanagari
// only when NFC leaves the text alone) and "inert" characters (emoji, punctuation,
// symbols that no folding step changes) take the single pass; any other character (accented Latin, Cyrillic, CJK, …) sends the tweet through the
// reference normalise() + detectLanguage(), so behaviour is identical either way.
// tests/shared/routing-fast-path.test.ts checks the two paths against each other.
import type { DetectedLanguage } from '../analysis'
import { extractHashtags, extractMentions, extractUrls, mentionScan, nextMention, type Entity } from '../text/entities'
import type { PhraseAutomaton } from './automaton'
import type { CompiledRule } from './compile'
import { detectLanguage, devanagariLanguage, isHinglishWord, latinLanguage, scriptLanguage } from './language'
import { HAS_INVISIBLE, URL_HINT, cleanText, normalise, tokenKey } from './normalise'

/**
 * What each phrase of the automaton stands for, one integer per phrase: bits 0–1 the
 * kind (TARGET_*), bits 2–7 the number of words (terms only: a two-word phrase
 * outweighs a single word), bits 8 and up the rule index, or the cue's bit position.
 */
export function targetCode(kind: number, value: number, words: number): number {
  return (value << 8) | (Math.min(words, 63) << 2) | kind
}
export const TARGET_CUE = 0
export const TARGET_TERM = 1
export const TARGET_EXCLUDE = 2

// Character kinds of the single pass.
const K_UNKNOWN = 0
const K_SEP = 1 // not part of any word and left alone by every folding step
const K_LOWER = 2
const K_UPPER = 3
const K_DIGIT = 4
const K_INDIC_LETTER = 5
const K_INDIC_MARK = 6
const K_INDIC_NUMBER = 7
const K_INVISIBLE = 8 // removed before anything else (zero-width, soft hyphen, BOM)
const K_HIGH_SURROGATE = 9
const K_SLOW = 10 // needs the reference path

const kinds = new Uint8Array(0x10000)
const astralSeparator = new Map<number, boolean>()
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u
const LETTER = /\p{L}/u
const MARK = /\p{M}/u

// Devanagari folding as foldDevanagari() does it, one character at a time: -1 drops it
// (nukta); otherwise the folded code. The nasal + virama rule needs context and is
// applied while a word is being built.
const DEVA_FOLD = new Int32Array(0x80)
for (let i = 0; i < 0x80; i++) DEVA_FOLD[i] = 0x0900 + i
for (const [from, to] of [
  [0x0958, 0x0915],
  [0x0959, 0x0916],
  [0x095a, 0x0917],
  [0x095b, 0x091c],
  [0x095c, 0x0921],
  [0x095d, 0x0922],
  [0x095e, 0x092b],
  [0x095f, 0x092f],
  [0x0929, 0x0928],
  [0x0931, 0x0930],
  [0x0934, 0x0933],
  [0x0940, 0x093f],
  [0x0942, 0x0941],
  [0x0908, 0x0907],
  [0x090a, 0x0909],
  [0x0901, 0x0902],
])
  DEVA_FOLD[from - 0x0900] = to
DEVA_FOLD[0x093c - 0x0900] = -1
for (let d = 0; d < 10; d++) DEVA_FOLD[0x0966 + d - 0x0900] = 0x30 + d
const VIRAMA = 0x094d
const ANUSVARA = 0x0902
const isNasal = (c: number) => c === 0x0919 || c === 0x091e || c === 0x0923 || c === 0x0928 || c === 0x092e

function classifyBmp(c: number): number {
  if (c < 0x80) {
    if (c >= 0x61 && c <= 0x7a) return K_LOWER
    if (c >= 0x41 && c <= 0x5a) return K_UPPER
    if (c >= 0x30 && c <= 0x39) return K_DIGIT
    return K_SEP
  }
  if (c >= 0xd800 && c <= 0xdbff) return K_HIGH_SURROGATE
  if (c >= 0xdc00 && c <= 0xdfff) return K_SLOW // a low surrogate on its own
  const s = String.fromCharCode(c)
  if (HAS_INVISIBLE.test(s)) return K_INVISIBLE
  // Indian scripts the pass folds (Arabic for Urdu, Devanagari … Malayalam). Text with
  // any of them but plain Devanagari is NFC-normalised first, as normalise() does.
  if ((c >= 0x0900 && c <= 0x0d7f) || (c >= 0x0600 && c <= 0x06ff)) {
    if (!WORD_CHAR.test(s)) return K_SEP
    return LETTER.test(s) ? K_INDIC_LETTER : MARK.test(s) ? K_INDIC_MARK : K_INDIC_NUMBER
  }
  return inert(s, c) ? K_SEP : K_SLOW
}

/** A character outside words that NFC, case folding and Devanagari folding all leave alone. */
function inert(s: string, cp: number): boolean {
  if (cp >= 0x0600 && cp <= 0x0d7f) return false // scripts detectLanguage counts
  return !WORD_CHAR.test(s) && !HAS_INVISIBLE.test(s) && s.normalize('NFC') === s && s.toLowerCase() === s
}

function kindOf(c: number): number {
  let k = kinds[c]
  if (k === K_UNKNOWN) kinds[c] = k = classifyBmp(c)
  return k
}

function astralIsSeparator(cp: number): boolean {
  let ok = astralSeparator.get(cp)
  if (ok === undefined) {
    ok = inert(String.fromCodePoint(cp), cp)
    if (astralSeparator.size < 4096) astralSeparator.set(cp, ok)
  }
  return ok
}

// Word interning table: open addressing, each slot a whole entry so a lookup touches one
// cache line: the word's hash, length, first four characters (words of up to four
// characters never look at the pool), where the rest sits in the pool, its automaton
// id (-1: in no phrase), the root's transition on it, and the Hinglish flag; then the
// word's notes (NOTE_FIELDS below) and its hashes for the triage model. It starts small
// and doubles up to a cap, then starts over (bounded memory on endless new words).
const SLOTS_INITIAL = 1 << 12
const SLOTS_MAX = 1 << 17
const E = 16
// Slot index ↔ entry offset by shifts: `x / E` compiled to an integer division in the hot loop.
const E_SHIFT = 4
const E_HASH = 0
const E_LENGTH = 1 // 0 marks an empty slot
const E_HEAD01 = 2
const E_HEAD23 = 3
const E_POOL = 4
const E_ID = 5
const E_ROOT = 6
// Bit 0: the Hinglish flag; bits 1-4: the word's number shape (numberShape below), 0 for a word.
const E_HINGLISH = 7
const E_NOTE = 8
/**
 * Ints of a word's entry kept for one consumer of the words, the triage scorer: what the
 * word adds to the model's score is a property of the word, worked out the first time
 * the word is met and read from the entry the pass touched anyway (not hashed again into
 * the model's tables per tweet). 0 until written; cleared when another consumer claims them.
 */
export const NOTE_FIELDS = 6
// The word as the triage model reads it: its hash (a number's shape hash in a number's
// stead) and, for other words longer than five, the hash of its first four characters.
const E_MODEL_HASH = 14
const E_MODEL_HEAD = 15
if (E_NOTE + NOTE_FIELDS > E_MODEL_HASH || E_MODEL_HEAD >= E) throw new Error('word entry fields overlap')
// ASCII folding of the single pass: the lower-case letter or digit, 0 for a separator.
const ASCII_FOLD = new Uint8Array(0x80)
const ASCII_FOLD_NAME = new Uint8Array(0x80)
for (let c = 0; c < 0x80; c++) {
  const lower = c >= 0x41 && c <= 0x5a ? c + 32 : c
  ASCII_FOLD_NAME[c] = lower
  if ((lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39)) ASCII_FOLD[c] = lower
}
// FNV-1a. The hot loops spell the prime as a literal: read from the module constant it
// was loaded as a heap number and converted on every character.
const FNV_BASIS = 0x811c9dc5 | 0

/**
 * Numbers and ids in a word's stead for the triage model: a PNR, a train number, an amount
 * or a complaint id is a shape, not a word. Every 10-digit run gets the same feature, so a
 * number the model never saw cannot move its confidence the way an unknown word would.
 * 1: one or two digits, 2: three, 3: four, 4: five (train numbers), 5: six (PIN codes),
 * 6: seven to nine, 7: ten (PNR, mobile), 8: longer, 9: letters and two or more digits mixed
 * (reference ids, "ab12cd34"). 0: a word.
 */
export function numberShape(word: string): number {
  let digits = 0
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x0966 && c <= 0x096f)) digits++
  }
  if (digits === 0) return 0
  if (digits < word.length) return digits >= 2 ? 9 : 0
  const n = word.length
  return n <= 2 ? 1 : n === 3 ? 2 : n === 4 ? 3 : n === 5 ? 4 : n === 6 ? 5 : n <= 9 ? 6 : n === 10 ? 7 : 8
}
/** The hash the model reads for each number shape ("#" never starts a folded word: no clash). */
const NUMBER_SHAPE_HASH = Int32Array.from({ length: 10 }, (_, k) => {
  let h = FNV_BASIS
  for (const c of `#number${k}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193)
  return h
})
const SPAN_URL = 0
const SPAN_MENTION = 1
const SPAN_HASHTAG = 2
const MENTION_CACHE = 1 << 10
// Per rule scratch, one 32-byte run (a touched rule costs one cache line, not one per
// array): the run that last hit it, matched words, the run that last excluded it, which
// of its first 31 term phrases this run has counted (see outTermBit); then its priority
// boost and handle-scope flag (fixed, what analyseTweet reads of a touched rule), and
// RULE_NOTE_FIELDS ints of notes for one consumer, as a word's notes (the triage scorer).
const RULE = 8
const R_BOOST = 4
const R_SCOPED = 5
const R_NOTE = 6
/** Strings per rule in ruleTexts: id, division, match reason. */
const RULE_TEXTS = 3
/** Ints of a rule's notes (see wordNotes): 0 until written, cleared for another consumer. */
export const RULE_NOTE_FIELDS = 2
/** Words whose hashes a run keeps for the triage model (a tweet has at most ~60). */
export const WORD_HASHES = 96

export class TweetMatcher {
  // Results of the last run().
  wordCount = 0
  urlCount = 0
  hashtagCount = 0
  /** Mentioned usernames, lower-cased (reused between runs: copy before keeping). */
  readonly mentions: string[] = []
  language: DetectedLanguage = 'und'
  /** Four ASCII digits in a row somewhere in the raw text. */
  hasDigitRun = false
  /** Where the first of them start (-1: none). */
  digitRunAt = -1
  cues = 0
  /** Which route the last run() took (tests check the single pass really carries the load). */
  route: 'single' | 'two-pass' | 'reference' = 'single'
  /** Rules with at least one term hit: touched[0 .. touchedCount). */
  readonly touched: Int32Array
  touchedCount = 0
  /**
   * The citizen's words of the last run() as the automaton saw them, for the triage
   * model: FNV-1a hash of each folded word (a number or id: its numberShape's hash), and a
   * hash of its first four characters for other words longer than five (0 otherwise):
   * wordHashes[0 .. wordHashCount), in order.
   */
  readonly wordHashes = new Int32Array(WORD_HASHES)
  readonly wordHeads = new Int32Array(WORD_HASHES)
  /**
   * Where each of those words' notes start in wordNotes (-1: the word has no entry, as on
   * the reference route, or its entry moved during the run). See NOTE_FIELDS.
   */
  readonly wordNoteAt = new Int32Array(WORD_HASHES)
  wordHashCount = 0
  /** How many times run() has started: tells a caller whether analyseTweet scanned this tweet. */
  runs = 0

  private hinglish = 0
  private readonly ruleScratch: Int32Array
  private epoch = 0
  /** Target code per automaton output (parallel to automaton.outPhrase). */
  private readonly outCode: Int32Array
  /**
   * Per automaton output of a term: 1 << k for the rule's k-th term phrase (k < 31), so a
   * repeated phrase is told by a bit of the rule's scratch, which record() reads anyway,
   * not by phraseSeen, one random read per hit among all phrases. 0: beyond 31, or not a term.
   */
  private readonly outTermBit: Int32Array
  /** The run that last counted each phrase (term phrases without a bit). */
  private readonly phraseSeen: Int32Array

  private table: Int32Array<ArrayBuffer>
  private words = 0
  private pool = new Uint16Array(1 << 14)
  private poolUsed = 0

  // Words the single pass read, in order: ((id + 1) << 1 | hinglish), root transition
  // and span in the text. Interned at once, fed to the automaton once entities are known.
  private wordsFound = 0
  private wordInfo = new Int32Array(64)
  private wordRoot = new Int32Array(64)
  private wordEntry = new Int32Array(64)
  private wordHash = new Int32Array(64)
  private wordHead = new Int32Array(64)
  /** Lower-cased mention name per table slot (only for words seen as a mention). */
  private entryName: (string | undefined)[]
  /** Bumped when entries move (rehash) or go (clear): word entries of a pass are then stale. */
  private tableEpoch = 0
  private passTableEpoch = 0
  /** tableEpoch when the current run() started: wordNoteAt is void if it changed since. */
  private runTableEpoch = 0
  /** Whoever the notes were last written for (claimNotes). */
  private noteOwner: object | null = null
  private wordStart = new Int32Array(64)
  private wordEnd = new Int32Array(64)
  /** Entity spans of the current tweet: start, end, SPAN_* kind. */
  private spans = new Int32Array(48)
  private readonly mentionCache: (string | undefined)[] = new Array<string | undefined>(MENTION_CACHE).fill(undefined)

  // The word being built (folded, lower-cased) and the automaton state.
  private buf = new Uint16Array(256)
  private len = 0
  private node = 0

  // Per-rule data analyseTweet reads for the rules a tweet touches, kept in flat arrays:
  // ten thousand rule objects scattered over the heap cost a cache miss each. A rule's
  // id, division and match reason sit side by side (RULE_TEXTS per rule): one line for
  // the three, not one per array.
  private readonly ruleTexts: string[]
  readonly ruleBoost: Int32Array
  /** 1 when the rule only applies to tweets addressed to certain handles. */
  readonly ruleScoped: Uint8Array

  constructor(
    private readonly automaton: PhraseAutomaton,
    /** targetCode() per phrase index. */
    readonly phraseCodes: Int32Array,
    rules: readonly CompiledRule[],
    /** Cap on the word table's slots (a power of two); tests lower it to exercise the reset. */
    private readonly maxSlots = SLOTS_MAX,
  ) {
    const ruleCount = rules.length
    this.table = new Int32Array(Math.min(SLOTS_INITIAL, maxSlots) * E)
    this.entryName = new Array<string | undefined>(this.table.length / E).fill(undefined)
    this.ruleTexts = rules.flatMap((r) => [r.id, r.division, r.matchReason])
    this.ruleBoost = Int32Array.from(rules, (r) => r.priorityBoost)
    this.ruleScoped = Uint8Array.from(rules, (r) => (r.handles ? 1 : 0))
    this.touched = new Int32Array(ruleCount)
    this.ruleScratch = new Int32Array(ruleCount * RULE)
    this.writeRuleConstants()
    this.outCode = new Int32Array(automaton.outPhrase.length)
    this.phraseSeen = new Int32Array(phraseCodes.length)
    for (let o = 0; o < automaton.outPhrase.length; o++) this.outCode[o] = phraseCodes[automaton.outPhrase[o]]
    const termBit = new Int32Array(phraseCodes.length)
    const termsOfRule = new Int32Array(ruleCount)
    for (let p = 0; p < phraseCodes.length; p++) {
      if ((phraseCodes[p] & 3) !== TARGET_TERM) continue
      const k = termsOfRule[phraseCodes[p] >> 8]++
      if (k < 31) termBit[p] = 1 << k
    }
    this.outTermBit = Int32Array.from(automaton.outPhrase, (p) => termBit[p])
  }

  /** Matched words of a touched rule in the last run(). */
  hitWords(rule: number): number {
    return this.ruleScratch[rule * RULE + 1]
  }

  /** The rule's id (as the org file gives it). */
  ruleId(rule: number): string {
    return this.ruleTexts[rule * RULE_TEXTS]
  }

  /** The division the rule routes to. */
  ruleDivision(rule: number): string {
    return this.ruleTexts[rule * RULE_TEXTS + 1]
  }

  /** The reason analyseTweet gives when the rule matched ("matched rule …"). */
  ruleReason(rule: number): string {
    return this.ruleTexts[rule * RULE_TEXTS + 2]
  }

  /** ruleBoost[rule], read from the rule's scratch (the line its hits were just read from). */
  boostOf(rule: number): number {
    return this.ruleScratch[rule * RULE + R_BOOST]
  }

  /** ruleScoped[rule] === 1, read from the rule's scratch. */
  isScoped(rule: number): boolean {
    return this.ruleScratch[rule * RULE + R_SCOPED] === 1
  }

  /**
   * The table holding every rule's notes for `owner` (rule r's RULE_NOTE_FIELDS ints at
   * ruleNoteAt(r)): in the rule's scratch, the line analyseTweet read for that rule. Notes
   * written for another owner are cleared first, as wordNotes does.
   */
  ruleNotes(owner: object): Int32Array {
    this.claimNotes(owner)
    return this.ruleScratch
  }

  ruleNoteAt(rule: number): number {
    return rule * RULE + R_NOTE
  }

  /** Clear the word and rule notes of another owner. */
  private claimNotes(owner: object): void {
    if (owner === this.noteOwner) return
    this.noteOwner = owner
    const table = this.table
    for (let e = 0; e < table.length; e += E) table.fill(0, e + E_NOTE, e + E_NOTE + NOTE_FIELDS)
    const scratch = this.ruleScratch
    for (let r = R_NOTE; r < scratch.length; r += RULE) scratch.fill(0, r, r + RULE_NOTE_FIELDS)
  }

  private writeRuleConstants(): void {
    const scratch = this.ruleScratch
    for (let r = 0; r < this.ruleBoost.length; r++) {
      scratch[r * RULE + R_BOOST] = this.ruleBoost[r]
      scratch[r * RULE + R_SCOPED] = this.ruleScoped[r]
    }
  }

  /**
   * The table holding the last run's word notes (word i's at wordNoteAt[i]) for `owner`,
   * or null when the run's entries moved while it ran (then there are none to use). Notes
   * written for another owner are about another model: they are cleared first.
   */
  wordNotes(owner: object): Int32Array | null {
    this.claimNotes(owner)
    return this.tableEpoch === this.runTableEpoch ? this.table : null
  }

  /** Did the last run() see an exclusion term of rule `rule`? */
  excluded(rule: number): boolean {
    return this.ruleScratch[rule * RULE + 2] === this.epoch
  }

  /**
   * Analyse one tweet. The common case is one pass over the characters that folds and
   * interns every word (entities included) and notes what the language, the entities and
   * the rarer folding steps need; the words are then fed to the automaton, skipping those
   * inside URLs and mentions and re-splitting hashtags. Text that needs NFC or zero-width
   * removal before its words can be read, or whose entities cut a word in two, takes the
   * two-pass route (runTwoPass); characters the pass does not fold take runReference().
   */
  run(text: string): void {
    this.reset()
    this.route = 'single'
    let latin = 0
    let devanagari = 0
    let digitRun = 0
    let nukta = false
    let urlHint = false
    let at = false
    let wideAt = false
    let hash = false
    // Seen a character of another Indian script (or Arabic), in text NFC leaves alone.
    let otherIndic = false
    let buf = this.buf
    let len = 0
    let wordStart = 0
    // The word's hash, kept up as ASCII characters arrive; a word with Devanagari in it is
    // hashed when it ends (the anusvara rule rewrites characters already pushed).
    let h = 0
    let hashed = true
    this.wordsFound = 0
    this.passTableEpoch = this.tableEpoch
    const n = text.length
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c < 0x80) {
        const f = ASCII_FOLD[c]
        if (f === 0) {
          digitRun = 0
          if (len > 0) {
            this.len = len
            this.foundWord(wordStart, i, hashed, h)
            len = 0
          }
          if (c === 0x40) at = true
          else if (c === 0x23) hash = true
          else if (c === 0x2e) urlHint ||= urlHintAtDot(text, i)
          else if (c === 0x2f) urlHint ||= text.charCodeAt(i + 1) === 0x2f
          continue
        }
        if (f >= 0x61) {
          latin++
          digitRun = 0
        } else if (++digitRun === 4 && !this.hasDigitRun) {
          this.hasDigitRun = true
          this.digitRunAt = i - 3
        }
        if (len === 0) {
          wordStart = i
          h = FNV_BASIS
          hashed = true
        } else if (len === buf.length) {
          this.len = len
          buf = this.grow()
        }
        h = Math.imul(h ^ f, 0x01000193)
        buf[len++] = f
        continue
      }
      digitRun = 0
      if (c >= 0x0600 && c <= 0x0d7f) {
        if (c >= 0x0900 && c <= 0x097f) {
          devanagari++
          // Stress marks are reordered by NFC: that text takes the two-pass route. Nukta
          // forms need no NFC here (folding drops the nukta either way) unless a hashtag or
          // URL could see the difference.
          if (c >= 0x0951 && c <= 0x0954) return this.runTwoPass(text)
          if (c === 0x093c || (c >= 0x0958 && c <= 0x095f) || c === 0x0929 || c === 0x0931 || c === 0x0934) nukta = true
        } else {
          // Other Indian scripts and Arabic (Urdu) are NFC-normalised before their words
          // are read; text NFC leaves alone (nearly all of it) is read here as the two-pass
          // route would read it, in the same pass. The rest of the range: reference.
          if (c > 0x06ff && c < 0x0980) return this.runReference(text)
          if (!otherIndic) {
            if (text.normalize('NFC') !== text) return this.runTwoPass(text)
            otherIndic = true
          }
        }
        const k = kindOf(c)
        if (k === K_SEP) {
          if (len > 0) {
            this.len = len
            this.foundWord(wordStart, i, hashed, h)
            len = 0
          }
          continue
        }
        // The range holds only separators and letters, marks and digits (classifyBmp).
        if (k < K_INDIC_LETTER || k > K_INDIC_NUMBER) return this.runReference(text)
        if (len === 0) wordStart = i
        hashed = false
        this.len = len
        this.pushIndic(c)
        buf = this.buf
        len = this.len
        continue
      }
      const k = kindOf(c)
      if (len > 0 && (k === K_SEP || k === K_HIGH_SURROGATE)) {
        this.len = len
        this.foundWord(wordStart, i, hashed, h)
        len = 0
      }
      if (k === K_SEP) {
        if (c === 0xff20) at = wideAt = true
        else if (c === 0xff03) hash = true
      } else if (k === K_HIGH_SURROGATE) {
        const low = i + 1 < n ? text.charCodeAt(i + 1) : 0
        if (low < 0xdc00 || low > 0xdfff) return this.runReference(text)
        if (!astralIsSeparator(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) return this.runReference(text)
        i++
      } else if (k === K_INVISIBLE) return this.runTwoPass(text)
      else return this.runReference(text)
    }
    if (len > 0) {
      this.len = len
      this.foundWord(wordStart, n, hashed, h)
    }
    this.len = 0

    if (at || hash || urlHint) {
      if (nukta && (hash || urlHint)) return this.runTwoPass(text)
      if (!this.stepAroundEntities(text, at, wideAt, hash, urlHint)) return this.runTwoPass(text)
    } else this.stepWords(0, this.wordsFound)
    // As runTwoPass() tells the language of text with other Indian scripts.
    this.language = otherIndic
      ? (scriptLanguage(text) ?? latinLanguage(this.wordCount, this.hinglish))
      : this.languageOf(text, latin, devanagari)
  }

  /**
   * Entities as normalise() finds them, then the words outside them fed to the automaton
   * (a hashtag's text re-split as splitHashtag() does). False when an entity boundary
   * falls inside a word the pass read: the caller starts over on the two-pass route.
   */
  private stepAroundEntities(text: string, at: boolean, wideAt: boolean, hash: boolean, urlHint: boolean): boolean {
    let spanCount = 0
    let urls: Entity[] | null = null
    if (urlHint) {
      urls = extractUrls(text)
      this.urlCount = urls.length
      for (const u of urls) spanCount = this.addSpan(spanCount, u.start, u.end, SPAN_URL)
    }
    if (at) {
      // A name with no "_" is a word the pass already interned: its table entry keeps the
      // lower-cased string, so the same handle costs no allocation and no hashing again.
      const entriesValid = this.tableEpoch === this.passTableEpoch
      let w = 0
      for (let from = 0; nextMention(text, from, wideAt); from = mentionScan.resume) {
        const start = mentionScan.start
        const end = mentionScan.end
        let inUrl = false
        if (urls !== null) for (const u of urls) if (start >= u.start && start < u.end) inUrl = true
        if (inUrl) continue
        spanCount = this.addSpan(spanCount, start, end, SPAN_MENTION)
        while (w < this.wordsFound && this.wordStart[w] <= start) w++
        let name: string | undefined
        if (entriesValid && w < this.wordsFound && this.wordStart[w] === start + 1 && this.wordEnd[w] === end) {
          const slot = this.wordEntry[w] >> E_SHIFT
          name = this.entryName[slot]
          if (name === undefined) this.entryName[slot] = name = text.slice(start + 1, end).toLowerCase()
        } else name = this.mentionName(text, start + 1, end)
        this.mentions.push(name)
      }
    }
    if (hash) {
      let others: Entity[] | null = null
      if (spanCount > 0) {
        others = []
        for (let s = 0; s < spanCount; s++)
          others.push({ kind: 'url', value: '', start: this.spans[s * 3], end: this.spans[s * 3 + 1] })
      }
      for (const e of extractHashtags(text, others ?? [])) {
        spanCount = this.addSpan(spanCount, e.start, e.end, SPAN_HASHTAG)
        this.hashtagCount++
      }
    }
    // Spans in text order (insertion sort: a tweet has a handful).
    const spans = this.spans
    for (let a = 1; a < spanCount; a++) {
      const s0 = spans[a * 3]
      const s1 = spans[a * 3 + 1]
      const s2 = spans[a * 3 + 2]
      let b = a
      for (; b > 0 && spans[(b - 1) * 3] > s0; b--) {
        spans[b * 3] = spans[(b - 1) * 3]
        spans[b * 3 + 1] = spans[(b - 1) * 3 + 1]
        spans[b * 3 + 2] = spans[(b - 1) * 3 + 2]
      }
      spans[b * 3] = s0
      spans[b * 3 + 1] = s1
      spans[b * 3 + 2] = s2
    }
    // A word cut by an entity boundary means the pass read the words wrongly: check first.
    const wordStart = this.wordStart
    const wordEnd = this.wordEnd
    const total = this.wordsFound
    let w = 0
    for (let s = 0; s < spanCount; s++) {
      const start = spans[s * 3]
      const end = spans[s * 3 + 1]
      while (w < total && wordEnd[w] <= start) w++
      for (; w < total && wordStart[w] < end; w++) if (wordStart[w] < start || wordEnd[w] > end) return false
    }
    w = 0
    for (let s = 0; s < spanCount; s++) {
      const start = spans[s * 3]
      const end = spans[s * 3 + 1]
      let upTo = w
      while (upTo < total && wordEnd[upTo] <= start) upTo++
      this.stepWords(w, upTo)
      w = upTo
      // Words inside the entity are not the citizen's; the phrase in progress carries on
      // across it, as it does across the space normalise() puts in its place.
      while (w < total && wordStart[w] < end) w++
      if (spans[s * 3 + 2] === SPAN_HASHTAG) this.hashtagWords(text, start + 1, end)
    }
    this.stepWords(w, total)
    return true
  }

  private addSpan(count: number, start: number, end: number, kind: number): number {
    if ((count + 1) * 3 > this.spans.length) {
      const bigger = new Int32Array(this.spans.length * 2)
      bigger.set(this.spans)
      this.spans = bigger
    }
    this.spans[count * 3] = start
    this.spans[count * 3 + 1] = end
    this.spans[count * 3 + 2] = kind
    return count + 1
  }

  /**
   * A mentioned username, lower-cased, from a small cache keyed by its characters: the
   * same handles come up in tweet after tweet, and a cached string keeps its hash, so
   * analyseTweet's handle lookups do not hash it again.
   */
  private mentionName(text: string, from: number, to: number): string {
    let h = 0x811c9dc5 | 0
    for (let i = from; i < to; i++) h = Math.imul(h ^ (text.charCodeAt(i) | 0x20), 0x01000193)
    const slot = h & (MENTION_CACHE - 1)
    const cached = this.mentionCache[slot]
    if (cached !== undefined && cached.length === to - from) {
      let i = 0
      while (i < cached.length && cached.charCodeAt(i) === ASCII_FOLD_NAME[text.charCodeAt(from + i)]) i++
      if (i === cached.length) return cached
    }
    const name = text.slice(from, to).toLowerCase()
    this.mentionCache[slot] = name
    return name
  }

  /** Record a word the pass read (buf[0 .. len), text[start, end)): interned now, stepped later. */
  private foundWord(start: number, end: number, hashed: boolean, hash: number): void {
    const e = this.lookup(hashed, hash)
    const table = this.table
    const k = this.wordsFound++
    if (k === this.wordInfo.length) this.growWords()
    this.wordInfo[k] = ((table[e + E_ID] + 1) << 1) | (table[e + E_HINGLISH] & 1)
    this.wordRoot[k] = table[e + E_ROOT]
    this.wordEntry[k] = e
    this.wordHash[k] = table[e + E_MODEL_HASH]
    this.wordHead[k] = table[e + E_MODEL_HEAD]
    this.wordStart[k] = start
    this.wordEnd[k] = end
  }

  private growWords(): void {
    const size = this.wordInfo.length * 2
    const grow = (a: Int32Array<ArrayBuffer>) => {
      const b = new Int32Array(size)
      b.set(a)
      return b
    }
    this.wordInfo = grow(this.wordInfo)
    this.wordEntry = grow(this.wordEntry)
    this.wordRoot = grow(this.wordRoot)
    this.wordHash = grow(this.wordHash)
    this.wordHead = grow(this.wordHead)
    this.wordStart = grow(this.wordStart)
    this.wordEnd = grow(this.wordEnd)
  }

  /** Feed recorded words [from, to) to the automaton, in order. */
  private stepWords(from: number, to: number): void {
    const info = this.wordInfo
    const roots = this.wordRoot
    for (let w = from; w < to; w++) {
      const v = info[w]
      this.wordCount++
      this.hinglish += v & 1
      this.keepHash(this.wordHash[w], this.wordHead[w], this.wordEntry[w] + E_NOTE)
      this.stepWord((v >> 1) - 1, roots[w])
    }
  }

  /** The two-pass route: pre-pass, NFC and zero-width removal, entities, then words. */
  runTwoPass(text: string): void {
    this.reset()
    this.route = 'two-pass'
    // Pre-pass over the raw text: what detectLanguage counts, whether the text needs
    // NFC or zero-width removal, and whether it can take the single pass at all.
    let latin = 0
    let devanagari = 0
    let digitRun = 0
    let needsNfc = false
    let otherIndic = false
    let urlHint = false
    let invisible = false
    let at = false
    let hash = false
    const n = text.length
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c < 0x80) {
        if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) {
          latin++
          digitRun = 0
        } else if (c >= 0x30 && c <= 0x39) {
          if (++digitRun === 4 && !this.hasDigitRun) {
            this.hasDigitRun = true
            this.digitRunAt = i - 3
          }
        } else {
          digitRun = 0
          if (c === 0x40) at = true
          else if (c === 0x23) hash = true
          else if (c === 0x2e) urlHint ||= urlHintAtDot(text, i)
          else if (c === 0x2f) urlHint ||= text.charCodeAt(i + 1) === 0x2f
        }
        continue
      }
      digitRun = 0
      if (c >= 0x0600 && c <= 0x0d7f) {
        if (c >= 0x0900 && c <= 0x097f) {
          devanagari++
          // Nukta letters and Vedic stress marks are what NFC changes in Devanagari.
          if (c === 0x093c || (c >= 0x0958 && c <= 0x095f) || (c >= 0x0951 && c <= 0x0954)) needsNfc = true
        } else if (c <= 0x06ff || c >= 0x0980) {
          otherIndic = true
          needsNfc = true
        } else return this.runReference(text)
        continue
      }
      const k = kindOf(c)
      if (k === K_SEP) {
        if (c === 0xff20) at = true
        else if (c === 0xff03) hash = true
      } else if (k === K_INVISIBLE) invisible = true
      else if (k === K_HIGH_SURROGATE) {
        const low = i + 1 < n ? text.charCodeAt(i + 1) : 0
        if (low < 0xdc00 || low > 0xdfff) return this.runReference(text)
        if (!astralIsSeparator(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) return this.runReference(text)
        i++
      } else return this.runReference(text)
    }

    // NFC and zero-width removal exactly as normalise() does them.
    const clean = needsNfc || invisible ? cleanText(text) : text

    // Entities exactly as normalise() finds them; their text is not the citizen's words.
    let spans: Entity[] | null = null
    // URL_HINT on the clean text: the pre-pass saw the same ASCII unless zero-width
    // characters were removed in between.
    if (invisible ? URL_HINT.test(clean) : urlHint) {
      const urls = extractUrls(clean)
      if (urls.length > 0) spans = urls
      this.urlCount = urls.length
    }
    if (at) {
      const urlCount = spans === null ? 0 : spans.length
      for (const e of extractMentions(clean)) {
        let inUrl = false
        for (let i = 0; i < urlCount; i++) if (e.start >= spans![i].start && e.start < spans![i].end) inUrl = true
        if (inUrl) continue
        if (spans === null) spans = []
        spans.push(e)
        this.mentions.push(e.value.toLowerCase())
      }
    }
    if (hash) {
      for (const e of extractHashtags(clean, spans ?? [])) {
        if (spans === null) spans = []
        spans.push(e)
        this.hashtagCount++
      }
    }

    // Words, with entities blanked out as normalise() does: URLs and mentions become a
    // space, a hashtag becomes its split words.
    let from = 0
    if (spans !== null) {
      if (spans.length > 1) spans.sort(byStart)
      for (let i = 0; i < spans.length; i++) {
        const e = spans[i]
        this.plainWords(clean, from, e.start)
        if (e.kind === 'hashtag') this.hashtagWords(clean, e.start + 1, e.end)
        from = e.end
      }
    }
    this.plainWords(clean, from, clean.length)

    this.language = otherIndic
      ? (scriptLanguage(text) ?? latinLanguage(this.wordCount, this.hinglish))
      : this.languageOf(text, latin, devanagari)
  }

  /** detectLanguage() for text whose only Indian script is Devanagari, from the pre-pass counts. */
  private languageOf(text: string, latin: number, devanagari: number): DetectedLanguage {
    // Indian-script letters outweigh Latin ones 1:2 because handles and URLs are Latin.
    if (devanagari > 0 && devanagari * 2 >= latin) return devanagariLanguage(text)
    return latinLanguage(this.wordCount, this.hinglish)
  }

  private reset(): void {
    this.wordCount = 0
    this.hinglish = 0
    this.urlCount = 0
    this.hashtagCount = 0
    // pop() keeps the array's backing store (length = 0 drops it: a runtime call, and a
    // new allocation at the next push).
    const mentions = this.mentions
    while (mentions.length > 0) mentions.pop()
    this.hasDigitRun = false
    this.digitRunAt = -1
    this.cues = 0
    this.touchedCount = 0
    this.wordHashCount = 0
    this.runTableEpoch = this.tableEpoch
    this.runs++
    this.len = 0
    this.node = 0
    if (++this.epoch === 0x7fffffff) {
      this.epoch = 1
      // Rule notes go with the rest (consumers write them again); the constants come back.
      this.ruleScratch.fill(0)
      this.writeRuleConstants()
      this.phraseSeen.fill(0)
    }
  }

  /** Words of clean[from, to) outside hashtags; the end of the range ends a word. */
  private plainWords(s: string, from: number, to: number): void {
    let buf = this.buf
    let len = this.len
    for (let i = from; i < to; i++) {
      let c = s.charCodeAt(i)
      if (c < 0x80) {
        if (c >= 0x41 && c <= 0x5a) c += 32
        else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) {
          if (len > 0) {
            this.len = len
            this.endWord()
            len = 0
          }
          continue
        }
      } else {
        const k = kindOf(c)
        if (k < K_INDIC_LETTER || k > K_INDIC_NUMBER) {
          if (len > 0) {
            this.len = len
            this.endWord()
            len = 0
          }
          continue
        }
        this.len = len
        this.pushIndic(c)
        buf = this.buf
        len = this.len
        continue
      }
      if (len === buf.length) {
        this.len = len
        buf = this.grow()
      }
      buf[len++] = c
    }
    this.len = len
    this.endWord()
  }

  /**
   * Words of a hashtag's text, split as splitHashtag() splits it: at lower→upper
   * ("PassportDelay"), before the last capital of a run ("OCICard"), and between
   * letters and digits ("Train12951"). Character kinds are those before folding.
   */
  private hashtagWords(s: string, from: number, to: number): void {
    let prev = K_SEP
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i)
      const k = kindOf(c)
      if (k === K_SEP || k === K_HIGH_SURROGATE) {
        this.endWord()
        prev = K_SEP
        if (k === K_HIGH_SURROGATE) i++
        continue
      }
      const letter = k === K_LOWER || k === K_UPPER || k === K_INDIC_LETTER
      const digit = k === K_DIGIT || k === K_INDIC_NUMBER
      const prevLetter = prev === K_LOWER || prev === K_UPPER || prev === K_INDIC_LETTER
      const prevDigit = prev === K_DIGIT || prev === K_INDIC_NUMBER
      if (
        (prev === K_LOWER && k === K_UPPER) ||
        (prev === K_UPPER && k === K_UPPER && i + 1 < to && kindOf(s.charCodeAt(i + 1)) === K_LOWER) ||
        (prevLetter && digit) ||
        (prevDigit && letter)
      ) {
        this.endWord()
      }
      if (k === K_UPPER) this.push(c + 32)
      else if (k === K_LOWER || k === K_DIGIT) this.push(c)
      else this.pushIndic(c)
      prev = k
    }
    this.endWord()
  }

  private pushIndic(c: number): void {
    if (c < 0x0900 || c > 0x097f) {
      this.push(c)
      return
    }
    const f = DEVA_FOLD[c - 0x0900]
    if (f < 0) return
    // "न्क" → "ंक": a nasal consonant + virama before a consonant is written as anusvara.
    if (
      f >= 0x0915 &&
      f <= 0x0939 &&
      this.len >= 2 &&
      this.buf[this.len - 1] === VIRAMA &&
      isNasal(this.buf[this.len - 2])
    ) {
      this.len -= 2
      this.push(ANUSVARA)
    }
    this.push(f)
  }

  private push(c: number): void {
    if (this.len === this.buf.length) this.grow()
    this.buf[this.len++] = c
  }

  private grow(): Uint16Array<ArrayBuffer> {
    const bigger = new Uint16Array(this.buf.length * 2)
    bigger.set(this.buf)
    return (this.buf = bigger)
  }

  /** A word is complete: intern it, count it, step the automaton and record what ends here. */
  private endWord(): void {
    if (this.len === 0) return
    const e = this.lookup(false, 0)
    const table = this.table
    this.wordCount++
    this.hinglish += table[e + E_HINGLISH] & 1
    this.keepHash(table[e + E_MODEL_HASH], table[e + E_MODEL_HEAD], e + E_NOTE)
    this.stepWord(table[e + E_ID], table[e + E_ROOT])
  }

  /**
   * The table entry of the word in buf[0 .. len), interned if new; empties buf. `hash` is
   * its FNV-1a hash when `hashed` (the single pass keeps it up as it reads).
   */
  private lookup(hashed: boolean, hash: number): number {
    const len = this.len
    this.len = 0
    const buf = this.buf
    let h = hash
    if (!hashed) {
      h = FNV_BASIS
      for (let i = 0; i < len; i++) h = Math.imul(h ^ buf[i], 0x01000193)
    }
    const head01 = buf[0] | (len > 1 ? buf[1] << 16 : 0)
    const head23 = len > 2 ? buf[2] | (len > 3 ? buf[3] << 16 : 0) : 0
    const table = this.table
    const mask = (table.length >> E_SHIFT) - 1
    let e = (h & mask) * E
    for (;;) {
      const elen = table[e + E_LENGTH]
      if (elen === 0) {
        e = this.intern(h, len, head01, head23)
        break
      }
      if (elen === len && table[e + E_HASH] === h && table[e + E_HEAD01] === head01 && table[e + E_HEAD23] === head23) {
        if (len <= 4) break
        const pool = this.pool
        const start = table[e + E_POOL] - 4
        let i = 4
        while (i < len && pool[start + i] === buf[i]) i++
        if (i === len) break
      }
      e = (e + E) & (table.length - 1)
    }
    return e
  }

  /** Step the automaton on word `id` (root: its transition from the root) and record what ends there. */
  private stepWord(id: number, root: number): void {
    if (id < 0) {
      this.node = 0
      return
    }
    const a = this.automaton
    let node = this.node
    if (node === 0) node = root
    else node = a.step(node, id)
    this.node = node
    if (a.outStart[node] !== a.outStart[node + 1]) this.record(node)
  }

  private keepHash(hash: number, head: number, note: number): void {
    const k = this.wordHashCount
    if (k === WORD_HASHES) return
    this.wordHashes[k] = hash
    this.wordHeads[k] = head
    this.wordNoteAt[k] = note
    this.wordHashCount = k + 1
  }

  /** Add the word in buf[0 .. len) to the table; returns its entry offset. */
  private intern(h: number, len: number, head01: number, head23: number): number {
    const capacity = this.table.length >> E_SHIFT
    // Up to three quarters full: a smaller table stays in cache (hits, the common case,
    // still take about two probes).
    if (this.words >= capacity - (capacity >> 2)) {
      if (capacity < this.maxSlots) this.rehash(capacity * 2)
      else this.clearWords()
    }
    const rest = Math.max(0, len - 4)
    if (this.poolUsed + rest > this.pool.length) {
      if (this.pool.length >= 1 << 20) this.clearWords()
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + rest))
      bigger.set(this.pool.subarray(0, this.poolUsed))
      this.pool = bigger
    }
    const word = charsToString(this.buf, len)
    const id = this.automaton.wordId(tokenKey(word))
    if (rest > 0) this.pool.set(this.buf.subarray(4, len), this.poolUsed)
    const e = this.freeSlot(h)
    const table = this.table
    table[e + E_HASH] = h
    table[e + E_LENGTH] = len
    table[e + E_HEAD01] = head01
    table[e + E_HEAD23] = head23
    table[e + E_POOL] = this.poolUsed
    table[e + E_ID] = id
    table[e + E_ROOT] = id < 0 ? 0 : Math.max(0, this.automaton.rootNext[id])
    const shape = numberShape(word)
    table[e + E_HINGLISH] = (isHinglishWord(word) ? 1 : 0) | (shape << 1)
    table[e + E_MODEL_HASH] = shape === 0 ? h : NUMBER_SHAPE_HASH[shape]
    table[e + E_MODEL_HEAD] = len > 5 && shape === 0 ? headHash(head01, head23) : 0
    this.poolUsed += rest
    this.words++
    return e
  }

  private freeSlot(h: number): number {
    const table = this.table
    const mask = (table.length >> E_SHIFT) - 1
    let e = (h & mask) * E
    while (table[e + E_LENGTH] !== 0) e = (e + E) & (table.length - 1)
    return e
  }

  private rehash(capacity: number): void {
    const old = this.table
    const oldNames = this.entryName
    this.table = new Int32Array(capacity * E)
    this.entryName = new Array<string | undefined>(capacity).fill(undefined)
    this.tableEpoch++
    for (let o = 0; o < old.length; o += E) {
      if (old[o + E_LENGTH] === 0) continue
      const e = this.freeSlot(old[o + E_HASH])
      this.table.set(old.subarray(o, o + E), e)
      this.entryName[e >> E_SHIFT] = oldNames[o >> E_SHIFT]
    }
  }

  /** Bounded memory on an endless stream of new words: start the table afresh. */
  private clearWords(): void {
    this.table.fill(0)
    this.entryName.fill(undefined)
    this.tableEpoch++
    this.words = 0
    this.poolUsed = 0
  }

  /**
   * The reference path: normalise() + detectLanguage(), the words fed to the automaton
   * one by one. Tweets with characters the single pass does not fold come here; tests
   * run every tweet both ways and compare.
   */
  runReference(text: string): void {
    this.reset()
    this.route = 'reference'
    const norm = normalise(text)
    this.urlCount = norm.urls.length
    this.hashtagCount = norm.hashtags.length
    for (const m of norm.mentions) this.mentions.push(m)
    this.digitRunAt = text.search(/\d{4}/)
    this.hasDigitRun = this.digitRunAt >= 0
    for (const token of norm.tokens) {
      this.wordCount++
      let h = FNV_BASIS
      for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193)
      const shape = numberShape(token)
      this.keepHash(
        shape === 0 ? h : NUMBER_SHAPE_HASH[shape],
        shape === 0 && token.length > 5
          ? headHash(
              token.charCodeAt(0) | (token.charCodeAt(1) << 16),
              token.charCodeAt(2) | (token.charCodeAt(3) << 16),
            )
          : 0,
        -1,
      )
      const id = this.automaton.wordId(token)
      this.node = this.automaton.step(this.node, id)
      this.record(this.node)
    }
    this.language = detectLanguage(text, norm.words)
  }

  /**
   * Record the phrases that end at `node`: cue bits, and for rules the words matched and
   * exclusions seen. A phrase counts once however often it is repeated ("train train
   * train" is one piece of evidence), so a rule's score is its distinct phrases' words.
   */
  private record(node: number): void {
    const outStart = this.automaton.outStart
    const outPhrase = this.automaton.outPhrase
    const outCode = this.outCode
    const outTermBit = this.outTermBit
    const scratch = this.ruleScratch
    const phraseSeen = this.phraseSeen
    const epoch = this.epoch
    for (let o = outStart[node], end = outStart[node + 1]; o < end; o++) {
      const code = outCode[o]
      const kind = code & 3
      if (kind === TARGET_CUE) this.cues |= 1 << (code >> 8)
      else {
        const r = (code >> 8) * RULE
        if (kind === TARGET_TERM) {
          if (scratch[r] !== epoch) {
            scratch[r] = epoch
            scratch[r + 1] = 0
            scratch[r + 3] = 0
            this.touched[this.touchedCount++] = code >> 8
          }
          const bit = outTermBit[o]
          if (bit !== 0) {
            if ((scratch[r + 3] & bit) !== 0) continue
            scratch[r + 3] |= bit
          } else {
            const phrase = outPhrase[o]
            if (phraseSeen[phrase] === epoch) continue
            phraseSeen[phrase] = epoch
          }
          scratch[r + 1] += (code >> 2) & 63
        } else scratch[r + 2] = epoch
      }
    }
  }
}

const byStart = (a: Entity, b: Entity) => a.start - b.start

/** A hash of a word's first four characters (a cheap character n-gram: "complain…", "refund…"). */
function headHash(head01: number, head23: number): number {
  return Math.imul(head01 ^ Math.imul(head23, 0x5bd1e995), 0x01000193) | 1
}

const HINT_TLDS = ['com', 'in', 'org', 'net', 'co', 'gov', 'ly', 'io', 'me', 'info', 'news', 'nic']
const isWordAscii = (c: number) => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f

/**
 * URL_HINT (/\/\/|www\.|\.(?:com|in|…|nic)\b/i) at the "." at `dot`: "www." before it,
 * or one of the TLDs after it followed by a word boundary. ("//" is checked by the caller.)
 */
function urlHintAtDot(text: string, dot: number): boolean {
  if (
    dot >= 3 &&
    (text.charCodeAt(dot - 1) | 0x20) === 0x77 &&
    (text.charCodeAt(dot - 2) | 0x20) === 0x77 &&
    (text.charCodeAt(dot - 3) | 0x20) === 0x77
  ) {
    return true
  }
  // Every TLD of the hint starts with one of c, g, i, l, m, n, o: most dots end a sentence.
  const first = text.charCodeAt(dot + 1) | 0x20
  if (
    first !== 0x63 &&
    first !== 0x67 &&
    first !== 0x69 &&
    first !== 0x6c &&
    first !== 0x6d &&
    first !== 0x6e &&
    first !== 0x6f
  )
    return false
  for (const tld of HINT_TLDS) {
    let k = 0
    while (k < tld.length && (text.charCodeAt(dot + 1 + k) | 0x20) === tld.charCodeAt(k)) k++
    if (k < tld.length) continue
    const after = dot + 1 + k
    if (after >= text.length || !isWordAscii(text.charCodeAt(after))) return true
  }
  return false
}

function charsToString(chars: Uint16Array, len: number): string {
  let out = ''
  for (let i = 0; i < len; i += 4096) out += String.fromCharCode(...chars.subarray(i, Math.min(len, i + 4096)))
  return out
}
