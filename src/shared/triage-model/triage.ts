// The three bands: the rules and the learned model decide together whether a tweet
// becomes a ticket (acknowledged on X at once), goes to review (a person decides before
// anything public happens) or is ignored (kept with its reasons). The rules keep the last
// word where they are explicit: our own tweets, retweets, empty mentions, affiliated
// accounts, and rules an admin stopped with an exclusion or a handle scope.
import type { IncomingTweet, TweetAnalysis } from '../analysis'
import type { AffiliatedAccounts, OrgConfig } from '../org'
import { analyseTweet, ownHandleSet, type AnalyseContext } from '../routing/analyse'
import type { CompiledOrg } from '../routing/compile'
import { featureContext } from './features'
import { divisionStride, sigmoid, type TriageModel, type TriageThresholds } from './model'
import { ReferenceScorer, TriageScorer, type TweetScorer } from './scorer'

export type TriageBand = 'ticket' | 'review' | 'ignore'
export const TRIAGE_BANDS: readonly TriageBand[] = ['ticket', 'review', 'ignore']

export interface DivisionScore {
  division: string
  /** The model's probability that this division owns the grievance. */
  p: number
}

export interface TriageOutcome {
  /** The rules' analysis, as analyseTweet gives it (unchanged). */
  analysis: TweetAnalysis
  band: TriageBand
  /** Calibrated probability that the tweet is an actionable grievance (0–1). */
  confidence: number
  /** Who should own it: the model's best division (a handle-scoped rule's when one matched); null when ignored. */
  division: string | null
  /** The three likeliest divisions, best first (empty when ignored or when there is no model). */
  ranking: DivisionScore[]
  /** Why this band, readable ("affiliated account @wr_rly", "model confidence 0.97"). */
  reasons: string[]
}

/** Recognises other official accounts by name and by pattern. */
export class AffiliatedMatcher {
  private readonly names: Set<string>
  /** The patterns as one alternation: one regex run per new username, not one per pattern. */
  private readonly pattern: RegExp | null
  /** Verdicts by username as written (the same few thousand authors come back all day). */
  private readonly seen = new Map<string, boolean>()
  constructor(config: AffiliatedAccounts | undefined) {
    this.names = new Set((config?.usernames ?? []).map((u) => u.replace(/^@/, '').toLowerCase()))
    const patterns = config?.patterns ?? []
    this.pattern = patterns.length > 0 ? new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'i') : null
  }

  /** Listed by name, or matching a pattern. */
  matches(username: string | undefined): boolean {
    if (!username) return false
    let verdict = this.seen.get(username)
    if (verdict === undefined) {
      const name = (username.charCodeAt(0) === 0x40 ? username.slice(1) : username).toLowerCase()
      verdict = this.names.has(name) || (this.pattern !== null && this.pattern.test(name))
      if (this.seen.size >= 50_000) this.seen.clear()
      this.seen.set(username, verdict)
    }
    return verdict
  }
}

/** Everything triageTweet needs for one organisation, built once (and again on a config change). */
export interface Triage {
  compiled: CompiledOrg
  model: TriageModel | null
  thresholds: TriageThresholds
  affiliated: AffiliatedMatcher
  /** The model's scores for one tweet; null without a model. */
  scorer: TweetScorer | null
  divisionScratch: Float64Array
  /**
   * The division of each handle-scoped rule, by rule id (matched rules come back as ids):
   * only those keep their division over the model's. Usually empty, and then never read —
   * a lookup among all 10,000 rules' ids per tweet cost more than the model's arithmetic.
   */
  scopedRuleDivision: Map<string, string>
  /** Passed to analyseTweet: our handles when the deployment's differ from the org file's. */
  analyseContext: AnalyseContext | undefined
  /** The rules' critical cue bit (safety, medical, disaster), 0 if the org has none. */
  criticalBit: number
}

export class TriageModelMismatch extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TriageModelMismatch'
  }
}

/** Thresholds when there is no model: the rules' actionable verdict is a ticket as before. */
const RULES_ONLY: TriageThresholds = { ticket: 0.5, review: 0.5 }

/**
 * Set up triage for a compiled org with its model (or none: the rules alone decide, as
 * before the model existed). The org file's thresholds win over the model's own.
 */
export function prepareTriage(
  compiled: CompiledOrg,
  model: TriageModel | null,
  options: {
    ownHandles?: string[]
    /** Score with ReferenceScorer (the same results, more slowly): for tests and the bench's "before". */
    referenceScorer?: boolean
  } = {},
): Triage {
  const org: OrgConfig = compiled.org
  if (model) {
    const known = new Set(org.divisions.map((d) => d.id))
    const missing = model.divisions.filter((d) => !known.has(d))
    if (model.org !== org.id)
      throw new TriageModelMismatch(`the triage model was trained for "${model.org}", not "${org.id}"`)
    if (missing.length > 0)
      throw new TriageModelMismatch(`the triage model knows divisions the org does not: ${missing.join(', ')}`)
  }
  const own = options.ownHandles ? ownHandleSet(options.ownHandles) : compiled.ownHandles
  return {
    compiled,
    model,
    thresholds: org.triage?.thresholds ?? model?.thresholds ?? RULES_ONLY,
    affiliated: new AffiliatedMatcher(org.affiliatedAccounts),
    scorer: model
      ? new (options.referenceScorer ? ReferenceScorer : TriageScorer)(
          model,
          featureContext(compiled, model.divisions, own),
        )
      : null,
    divisionScratch: new Float64Array(model ? divisionStride(model.divisions.length) : 0),
    scopedRuleDivision: new Map(compiled.rules.filter((r) => r.handles !== null).map((r) => [r.id, r.division])),
    analyseContext: options.ownHandles ? { ownHandles: options.ownHandles, ownHandleKeys: own } : undefined,
    criticalBit: compiled.cueBit.critical ?? 0,
  }
}

function ignored(analysis: TweetAnalysis, reasons: string[], confidence = 0): TriageOutcome {
  return { analysis, band: 'ignore', confidence, division: null, ranking: NO_RANKING, reasons }
}

// Reasons are shared constant arrays (callers must not change them): a string per tweet
// would cost more than the model itself. The confidence is a field of its own.
const NO_RANKING: DivisionScore[] = []
const MODEL_TICKET = ['the model is confident this is a grievance']
const MODEL_REVIEW = ['the model is unsure: a person decides']
const MODEL_IGNORE = ['the model finds no grievance']
const OFFICIAL_REVIEW = ['the model finds a grievance', 'reads like an official reply: a person decides']
const RULES_ONLY_REASON = ['no triage model: the rules decide']
const RULES_ONLY_OFFICIAL = ['no triage model: the rules decide', 'reads like an official reply: a person decides']
const AFFILIATED = ['an affiliated official account: never a grievance']
const RULE_STOPPED = ['a rule excludes it or is scoped to other handles: the rules decide']
const CRITICAL_TICKET = ['critical: safety, medical or disaster, and the model leans grievance: a ticket at once']

/**
 * A critical report (the rules' safety, medical or disaster cue in an actionable tweet)
 * that the model also leans towards calling a grievance is a ticket, not a review: a
 * stranded family waiting for an officer to open the review band is the costlier mistake.
 * Below this the model's "no" stands (a "#Stranded" hashtag on an opinion is not a report).
 */
export const CRITICAL_TICKET_CONFIDENCE = 0.5

/** The three best of `scores`, best first. */
function topThree(divisions: readonly string[], scores: Float64Array): DivisionScore[] {
  let a = -1
  let b = -1
  let c = -1
  for (let d = 0; d < divisions.length; d++) {
    const s = scores[d]
    if (a < 0 || s > scores[a]) {
      c = b
      b = a
      a = d
    } else if (b < 0 || s > scores[b]) {
      c = b
      b = d
    } else if (c < 0 || s > scores[c]) c = d
  }
  const out: DivisionScore[] = [{ division: divisions[a], p: scores[a] }]
  if (b >= 0) out.push({ division: divisions[b], p: scores[b] })
  if (c >= 0) out.push({ division: divisions[c], p: scores[c] })
  return out
}

/** Rules, then the model: the tweet's band, confidence and division ranking. */
export function triageTweet(triage: Triage, tweet: IncomingTweet): TriageOutcome {
  const compiled = triage.compiled
  const m = compiled.matcher
  const runsBefore = m.runs
  const analysis = analyseTweet(compiled, tweet, triage.analyseContext)
  // analyseTweet settled it before reading the words: our own tweet or a retweet.
  if (m.runs === runsBefore) return ignored(analysis, analysis.reasons)
  if (m.wordCount === 0) return ignored(analysis, analysis.reasons)
  if (triage.affiliated.matches(tweet.authorUsername)) return ignored(analysis, AFFILIATED)

  const model = triage.model
  const f = triage.scorer
  const { ticket, review } = triage.thresholds
  if (model === null || f === null) {
    const official = (m.cues & (compiled.cueBit.officialReply ?? 0)) !== 0
    if (!analysis.actionable) return ignored(analysis, RULES_ONLY_REASON)
    const band: TriageBand = official ? 'review' : 'ticket'
    const reasons = official ? RULES_ONLY_OFFICIAL : RULES_ONLY_REASON
    return { analysis, band, confidence: 1, division: analysis.division, ranking: NO_RANKING, reasons }
  }

  const confidence = sigmoid(model.calibration.a * f.score(tweet, analysis) + model.calibration.b)
  // An admin's exclusion or handle scope stopped the only rule that would have pulled it in.
  if (f.ruleStopped && !analysis.actionable && analysis.matchedRules.length === 0)
    return ignored(analysis, RULE_STOPPED, confidence)
  let band: TriageBand = confidence >= ticket ? 'ticket' : confidence >= review ? 'review' : 'ignore'
  let reasons = band === 'ticket' ? MODEL_TICKET : band === 'review' ? MODEL_REVIEW : MODEL_IGNORE
  // Critical: the rules' safety, medical or disaster cue in a tweet the rules call actionable.
  const critical = analysis.actionable && (m.cues & triage.criticalBit) !== 0
  if (band === 'ticket' && f.officialStyle && !critical) {
    // Official-reply words and a confident model: a person decides (an unlisted official
    // account's reply must not be acknowledged as a grievance) …
    band = 'review'
    reasons = OFFICIAL_REVIEW
  } else if (band === 'ticket' && critical) {
    // … unless it is a critical report quoting an official's reply back ("same reply
    // 'kindly DM your PNR' again, my father has chest pain in S1").
    reasons = f.officialStyle ? CRITICAL_TICKET : reasons
  } else if (band === 'review' && critical && !f.officialStyle && confidence >= CRITICAL_TICKET_CONFIDENCE) {
    band = 'ticket'
    reasons = CRITICAL_TICKET
  }
  if (band === 'ignore') return ignored(analysis, reasons, confidence)

  const scores = triage.divisionScratch
  f.rankDivisions(scores)
  const ranking = topThree(model.divisions, scores)
  let division = ranking[0].division
  // A handle-scoped rule that matched is the admin's routing: it keeps its division.
  const scoped = triage.scopedRuleDivision
  if (scoped.size > 0 && analysis.matchedRules.length > 0) division = scoped.get(analysis.matchedRules[0]) ?? division
  return { analysis, band, confidence, division, ranking, reasons }
}
