// analyseTweet: is this tweet a grievance we should act on, which division owns it,
// and how urgent is it — with reasons an officer (or an auditor) can read.
import type { DetectedLanguage, IncomingTweet, TweetAnalysis } from '../analysis'
import type { Priority } from '../grievance'
import type { CompiledOrg } from './compile'
import { detectLanguage, isOtherScript, languageName } from './language'
import { normalise } from './normalise'

export interface AnalyseContext {
  /** Usernames (no @) whose tweets are ours; defaults to the org's handles. */
  ownHandles?: string[]
}

// Application, file, ARN, PNR, FIR and similar numbers: a citizen quoting one almost
// always has a specific case. Ticket numbers (MHA-26-000123) count too: a follow-up.
const IDENTIFIER = /(?<![\w/])(?:[A-Z]{2,5}[-/]?\d{2}[-/]\d{4,}|[A-Za-z]{1,4}\d{7,}|\d{8,}|\d{1,6}\/(?:19|20)\d{2})(?![\w/])/
const DIGITS = /\d{4}/
const RETWEET_PREFIX = /^\s*RT\s+@\w+/i
const STEP_UP: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'critical', critical: 'critical' }

interface Scan {
  cues: number
  /** Rule index → matched words (a two-word phrase outweighs a single word). */
  ruleHits: Map<number, number>
  excluded: Set<number>
}

function scan(compiled: CompiledOrg, tokens: string[]): Scan {
  const result: Scan = { cues: 0, ruleHits: new Map(), excluded: new Set() }
  const hits = compiled.automaton.scan(tokens, [])
  for (let i = 0; i < hits.length; i++) {
    const target = compiled.targets[hits[i]]
    if (target.kind === 'cue') result.cues |= compiled.cueBit[target.cue]
    else if (target.kind === 'term') result.ruleHits.set(target.rule, (result.ruleHits.get(target.rule) ?? 0) + target.words)
    else result.excluded.add(target.rule)
  }
  return result
}

function notActionable(reasons: string[], language: DetectedLanguage, matchedRules: string[] = []): TweetAnalysis {
  return {
    actionable: false,
    reasons,
    division: null,
    matchedRules,
    priority: 'low',
    language,
    otherScript: isOtherScript(language),
  }
}

export function analyseTweet(compiled: CompiledOrg, tweet: IncomingTweet, ctx: AnalyseContext = {}): TweetAnalysis {
  const own = ctx.ownHandles ? new Set(ctx.ownHandles.map((h) => h.replace(/^@/, '').toLowerCase())) : compiled.ownHandles
  const text = tweet.text ?? ''
  const author = (tweet.authorUsername ?? '').replace(/^@/, '').toLowerCase()

  if (author && own.has(author)) return notActionable([`our own tweet (@${tweet.authorUsername})`], detectLanguage(text))
  const refs = tweet.referencedTweets ?? []
  if (refs.some((r) => r.type === 'retweeted') || RETWEET_PREFIX.test(text)) {
    return notActionable(['retweet'], detectLanguage(text))
  }

  const norm = normalise(text)
  const language = detectLanguage(text, norm.words)
  const quoted = refs.some((r) => r.type === 'quoted')
  if (norm.tokens.length === 0) {
    if (quoted) return notActionable(['quote with no comment of its own'], language)
    if (norm.mentions.length > 0) return notActionable(['bare mention with no text'], language)
    if (norm.urls.length > 0) return notActionable(['only a link, no text'], language)
    return notActionable(['no text'], language)
  }

  const found = scan(compiled, norm.tokens)
  const bit = compiled.cueBit
  const cues = found.cues
  const via = tweet.viaHandle?.replace(/^@/, '').toLowerCase()
  const addressedTo = [via, ...norm.mentions].filter((h): h is string => !!h && own.has(h))
  const directed = addressedTo.length > 0

  // Rules that pull the tweet in: a term hit, no exclusion hit, handle scope satisfied.
  const matched: { index: number; hits: number }[] = []
  for (const [index, hits] of found.ruleHits) {
    if (found.excluded.has(index)) continue
    const scope = compiled.rules[index].handles
    if (scope && !addressedTo.some((h) => scope.has(h))) continue
    matched.push({ index, hits })
  }
  // Most matched words wins; ties go to the bigger boost, then to config order (admins order rules).
  matched.sort(
    (a, b) =>
      b.hits - a.hits ||
      compiled.rules[b.index].priorityBoost - compiled.rules[a.index].priorityBoost ||
      a.index - b.index,
  )
  const matchedRules = matched.map((m) => compiled.rules[m.index].id)

  const firstPerson = (cues & bit.firstPerson) !== 0
  const sarcasm = (cues & bit.sarcasm) !== 0
  const resolvedPraise = (cues & bit.praise) !== 0 && (cues & bit.politeThanks) === 0
  // "Thank you for resolving my issue" is praise; "issue", "complaint" and durations only
  // make a problem when nothing says it was sorted out.
  const strongProblem = (cues & bit.problem) !== 0 || sarcasm
  const weakProblem = (cues & (bit.neutralProblem | bit.duration)) !== 0 && (cues & bit.resolved) === 0
  const problem = strongProblem || (weakProblem && !resolvedPraise)
  const request = (cues & bit.request) !== 0
  const critical = (cues & bit.critical) !== 0
  const identifier = (DIGITS.test(text) && IDENTIFIER.test(text)) || ((cues & bit.identifierWord) !== 0 && /\d{4,}/.test(text))
  const otherScript = isOtherScript(language)
  const newsy = (cues & bit.news) !== 0 || ((norm.urls.length > 0 || norm.hashtags.length >= 3) && !firstPerson)

  const reasons: string[] = []
  if (firstPerson && problem) reasons.push('first person + problem')
  else if (problem) reasons.push('describes a problem')
  if (request) reasons.push('asks for help')
  if (identifier) reasons.push('quotes an application/file/PNR or similar number')
  if (critical) reasons.push('safety, medical or disaster cue')
  if (directed) reasons.push(`addressed to @${addressedTo[0]}`)
  for (const id of matchedRules) reasons.push(`matched rule ${id}`)

  if ((cues & bit.spam) !== 0 && !(firstPerson && problem) && !identifier) {
    return notActionable(['spam or promotion', ...reasons], language, matchedRules)
  }

  const grievance =
    (firstPerson && (problem || request || critical)) ||
    (identifier && (problem || request || firstPerson || matched.length > 0)) ||
    (request && (problem || critical || matched.length > 0)) ||
    (critical && (directed || problem)) ||
    (problem && matched.length > 0 && !newsy)

  if (!grievance) {
    if (otherScript && directed && norm.tokens.length >= 3 && (cues & bit.praise) === 0) {
      reasons.push(`written in ${languageName(language)}: flagged for a reader, not dropped`)
    } else {
      const why: string[] = []
      if ((cues & bit.praise) !== 0) why.push('praise or thanks, no grievance')
      if ((cues & bit.abuse) !== 0) why.push('abuse with no grievance')
      if (newsy) why.push('news or promotion: link, hashtags or report with no first-person grievance')
      if ((cues & bit.suggestion) !== 0) why.push('suggestion or feedback, not a grievance')
      if (why.length === 0) why.push(matched.length > 0 ? 'mentions a service but states no grievance' : 'no grievance stated')
      return notActionable([...why, ...reasons], language, matchedRules)
    }
  } else if (newsy && !firstPerson && !request && !identifier) {
    return notActionable(['news or promotion: link, hashtags or report with no first-person grievance', ...reasons], language, matchedRules)
  } else if (
    resolvedPraise &&
    !critical &&
    !identifier &&
    !sarcasm &&
    ((cues & bit.resolved) !== 0 || (!strongProblem && !request))
  ) {
    return notActionable(['praise or thanks, no grievance', ...reasons], language, matchedRules)
  }
  if ((cues & bit.abuse) !== 0) reasons.push('abusive language (flagged)')
  if (otherScript && !reasons.some((r) => r.startsWith('written in'))) {
    reasons.push(`written in ${languageName(language)}: flagged for a reader`)
  }

  // The contract (analysis.ts): unmatched actionable tweets go to the default division.
  const division = matched.length > 0 ? compiled.rules[matched[0].index].division : compiled.org.defaultDivision
  if (matched.length === 0) reasons.push('no rule matched: default division')

  let priority: Priority = critical ? 'critical' : (cues & bit.urgent) !== 0 ? 'high' : 'normal'
  if (critical) reasons.push('priority critical: safety, medical or disaster')
  else if ((cues & bit.urgent) !== 0) reasons.push('priority high: urgency')
  const boost = matched.reduce((max, m) => Math.max(max, compiled.rules[m.index].priorityBoost), 0)
  for (let i = 0; i < boost; i++) priority = STEP_UP[priority]
  if (boost > 0) reasons.push(`priority raised ${boost} step${boost > 1 ? 's' : ''} by rule`)

  return { actionable: true, reasons, division, matchedRules, priority, language, otherScript }
}

