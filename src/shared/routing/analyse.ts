// analyseTweet: is this tweet a grievance we should act on, which division owns it,
// and how urgent is it — with reasons an officer (or an auditor) can read.
import type { DetectedLanguage, IncomingTweet, TweetAnalysis } from '../analysis'
import type { Priority } from '../grievance'
import type { CompiledOrg } from './compile'
import { hasIdentifier } from './identifier'
import { detectLanguage, isOtherScript, languageName } from './language'

export interface AnalyseContext {
  /** Usernames (no @) whose tweets are ours; defaults to the org's handles. */
  ownHandles?: string[]
  /**
   * The same handles as compared (no @, lower-cased), when the caller has them: a caller
   * that analyses every tweet builds this once (prepareTriage does), not once per tweet.
   */
  ownHandleKeys?: ReadonlySet<string>
}

const RETWEET_PREFIX = /^\s*RT\s+@\w+/i
const STEP_UP: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'critical', critical: 'critical' }

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

const WRITTEN_IN = new Map<DetectedLanguage, string>()
const WRITTEN_IN_FLAGGED = new Map<DetectedLanguage, string>()
function writtenIn(language: DetectedLanguage, dropped: boolean): string {
  const cache = dropped ? WRITTEN_IN : WRITTEN_IN_FLAGGED
  let reason = cache.get(language)
  if (reason === undefined) {
    reason = `written in ${languageName(language)}: ${dropped ? 'flagged for a reader, not dropped' : 'flagged for a reader'}`
    cache.set(language, reason)
  }
  return reason
}

// "addressed to @handle" per own handle: one string per handle, not one per tweet.
const ADDRESSED = new Map<string, string>()
function addressedReason(handle: string): string {
  let reason = ADDRESSED.get(handle)
  if (reason === undefined) {
    reason = `addressed to @${handle}`
    // Own handles are a handful per deployment; the bound only guards against misuse.
    if (ADDRESSED.size >= 1024) ADDRESSED.clear()
    ADDRESSED.set(handle, reason)
  }
  return reason
}

/** Handles as analyseTweet compares them with a tweet's author and mentions. */
export function ownHandleSet(handles: readonly string[]): Set<string> {
  const own = new Set<string>()
  for (const h of handles) own.add(h.replace(/^@/, '').toLowerCase())
  return own
}

/** A username as compared with our handles: no leading @, lower-cased. */
function handleKey(username: string): string {
  return (username.charCodeAt(0) === 0x40 ? username.slice(1) : username).toLowerCase()
}

function inScope(scope: Set<string> | null, addressedTo: readonly string[]): boolean {
  if (scope === null) return true
  for (const h of addressedTo) if (scope.has(h)) return true
  return false
}

const onHandle = (division: string, handleDivision: string): number => (division === handleDivision ? 1 : 0)

// Scratch for ranking the matched rules of one tweet (analyseTweet is synchronous).
let rankRule = new Int32Array(64)
let rankHits = new Int32Array(64)
/** Our handles one tweet is addressed to (analyseTweet's scratch). */
const addressedScratch: string[] = []

export function analyseTweet(compiled: CompiledOrg, tweet: IncomingTweet, ctx?: AnalyseContext): TweetAnalysis {
  const own: ReadonlySet<string> =
    ctx?.ownHandleKeys ?? (ctx?.ownHandles ? ownHandleSet(ctx.ownHandles) : compiled.ownHandles)
  const text = tweet.text ?? ''
  const author = handleKey(tweet.authorUsername ?? '')

  if (author && own.has(author))
    return notActionable([`our own tweet (@${tweet.authorUsername})`], detectLanguage(text))
  const refs = tweet.referencedTweets
  let quoted = false
  if (refs) {
    for (const r of refs) {
      if (r.type === 'retweeted') return notActionable(['retweet'], detectLanguage(text))
      if (r.type === 'quoted') quoted = true
    }
  }
  // Cheap look at the first character before the anchored regex (\s covers Unicode spaces).
  const first = text.charCodeAt(0)
  if (((first | 0x20) === 0x72 || first <= 0x20 || first >= 0x80) && RETWEET_PREFIX.test(text))
    return notActionable(['retweet'], detectLanguage(text))

  // One pass: words folded and interned, phrases found, entities and language noted.
  const m = compiled.matcher
  m.run(text)
  const language = m.language
  if (m.wordCount === 0) {
    if (quoted) return notActionable(['quote with no comment of its own'], language)
    if (m.mentions.length > 0) return notActionable(['bare mention with no text'], language)
    if (m.urlCount > 0) return notActionable(['only a link, no text'], language)
    return notActionable(['no text'], language)
  }

  const bit = compiled.cueBit
  const cues = m.cues
  // Scratch, not kept past this call (emptied by pop(): length = 0 drops the backing store).
  const addressedTo = addressedScratch
  while (addressedTo.length > 0) addressedTo.pop()
  if (tweet.viaHandle) {
    const via = handleKey(tweet.viaHandle)
    if (via && own.has(via)) addressedTo.push(via)
  }
  const mentions = m.mentions
  for (let i = 0; i < mentions.length; i++) if (own.has(mentions[i])) addressedTo.push(mentions[i])
  const directed = addressedTo.length > 0

  // Rules that pull the tweet in: a term hit, no exclusion hit, handle scope satisfied.
  // Most matched words wins (the strongest evidence); ties go to the division of the
  // handle the citizen wrote to (@CyberDost → cyber), then to the bigger boost, then to
  // config order (admins order rules). Insertion sort: a tweet matches a handful of rules.
  let handleDivision: string | undefined
  for (const h of addressedTo) if ((handleDivision = compiled.handleDivision.get(h)) !== undefined) break
  const rules = compiled.rules
  let matchedCount = 0
  if (m.touchedCount > rankRule.length) {
    rankRule = new Int32Array(m.touchedCount * 2)
    rankHits = new Int32Array(m.touchedCount * 2)
  }
  for (let t = 0; t < m.touchedCount; t++) {
    const index = m.touched[t]
    if (m.excluded(index)) continue
    if (m.isScoped(index) && !inScope(rules[index].handles, addressedTo)) continue
    const hits = m.hitWords(index)
    const boost = m.boostOf(index)
    let at = matchedCount++
    for (; at > 0; at--) {
      const prev = rankRule[at - 1]
      const before =
        rankHits[at - 1] - hits ||
        (handleDivision === undefined
          ? 0
          : onHandle(m.ruleDivision(prev), handleDivision) - onHandle(m.ruleDivision(index), handleDivision)) ||
        m.boostOf(prev) - boost ||
        index - prev
      if (before > 0) break
      rankRule[at] = prev
      rankHits[at] = rankHits[at - 1]
    }
    rankRule[at] = index
    rankHits[at] = hits
  }
  const matchedRules: string[] = new Array<string>(matchedCount)
  for (let i = 0; i < matchedCount; i++) matchedRules[i] = m.ruleId(rankRule[i])

  const firstPerson = (cues & bit.firstPerson) !== 0
  const sarcasm = (cues & bit.sarcasm) !== 0
  // "Thanks in advance" and "regards" close complaints; they are not gratitude.
  const politeThanks = (cues & bit.politeThanks) !== 0
  const praise = (cues & bit.praise) !== 0 && !politeThanks
  const thanksFor = (cues & bit.thanksFor) !== 0 && !politeThanks
  // "…but it is still pending", "late again": whatever was thanked, something is wrong now.
  const ongoing = (cues & bit.ongoing) !== 0
  const resolved = (cues & bit.resolved) !== 0 && !ongoing
  const strongProblem = (cues & bit.problem) !== 0 || sarcasm
  // "Thank you for resolving my issue" is praise; "issue", "complaint" and durations only
  // make a problem when nothing says it was sorted out.
  const weakProblem = (cues & (bit.neutralProblem | bit.duration)) !== 0 && !resolved
  const problem = strongProblem || (weakProblem && !praise)
  // An explicit ask ("please", "kindly", "madad karo") versus a bare "help"/"need", which
  // thanks use too ("thank you for the quick help").
  const explicitRequest = (cues & bit.request) !== 0
  const request = explicitRequest || (cues & bit.weakRequest) !== 0
  const critical = (cues & bit.critical) !== 0
  const abuse = (cues & bit.abuse) !== 0
  // "bakwas system hai, koi kaam nahi karta": a verdict on the system, no problem of one's own.
  const venting = (cues & bit.venting) !== 0
  // Every identifier has four digits in a row, which the pass already looked for.
  const identifier = m.hasDigitRun && ((cues & bit.identifierWord) !== 0 || hasIdentifier(text, m.digitRunAt))
  const otherScript = isOtherScript(language)
  // A link or a wall of hashtags reads as news or promotion, unless the tweet tells us of
  // a problem: citizens attach photos (t.co links) of what is wrong.
  const linkish = (m.urlCount > 0 || m.hashtagCount >= 3) && !firstPerson
  const newsy = (cues & bit.news) !== 0 || (linkish && !(directed && (strongProblem || critical)))
  // Gratitude: thanks for something done, or plain thanks with nothing wrong or asked.
  // Thanks that narrate an old problem ("RPF found my lost bag, hats off") stay thanks;
  // thanks with a fresh first-person problem and no resolution are sarcasm or a complaint.
  const gratitude =
    !sarcasm &&
    !ongoing &&
    !explicitRequest &&
    (thanksFor || (praise && resolved)
      ? resolved || !(firstPerson && (strongProblem || critical))
      : praise && !strongProblem && !request && !critical && !identifier)

  const spam = (cues & bit.spam) !== 0 && !(firstPerson && problem) && !identifier
  const grievance =
    (firstPerson && (problem || request || critical)) ||
    (identifier && (problem || request || firstPerson || matchedCount > 0)) ||
    (request && (problem || critical || matchedCount > 0)) ||
    (critical && (directed || problem)) ||
    (problem && matchedCount > 0 && !newsy) ||
    // Someone else's problem or an incident, told to one of our handles in any words.
    (strongProblem && directed && !newsy && !abuse && !venting)
  // A grievance in a script nobody on the desk may read still goes to a reader, flagged.
  const flaggedScript = !spam && !grievance && otherScript && directed && m.wordCount >= 3 && !praise

  // The verdict's own reasons come first, then the evidence; one array, built in order.
  const reasons: string[] = []
  let dismissed = true
  if (spam) reasons.push('spam or promotion')
  else if (!grievance && !flaggedScript) {
    if (praise) reasons.push('praise or thanks, no grievance')
    if (abuse) reasons.push('abuse with no grievance')
    if (venting) reasons.push('venting about the system, no problem of their own stated')
    if (newsy) reasons.push('news or promotion: link, hashtags or report with no first-person grievance')
    if ((cues & bit.suggestion) !== 0) reasons.push('suggestion or feedback, not a grievance')
    if (reasons.length === 0)
      reasons.push(matchedCount > 0 ? 'mentions a service but states no grievance' : 'no grievance stated')
  } else if (grievance && newsy && !firstPerson && !request && !identifier)
    reasons.push('news or promotion: link, hashtags or report with no first-person grievance')
  else if (grievance && gratitude) reasons.push('praise or thanks, no grievance')
  else dismissed = false

  if (firstPerson && problem) reasons.push('first person + problem')
  else if (problem) reasons.push('describes a problem')
  if (request) reasons.push('asks for help')
  if (identifier) reasons.push('quotes an application/file/PNR or similar number')
  if (critical) reasons.push('safety, medical or disaster cue')
  if (directed) reasons.push(addressedReason(addressedTo[0]))
  for (let i = 0; i < matchedCount; i++) reasons.push(m.ruleReason(rankRule[i]))
  if (dismissed) return notActionable(reasons, language, matchedRules)

  if (flaggedScript) reasons.push(writtenIn(language, true))
  if (abuse) reasons.push('abusive language (flagged)')
  if (otherScript && !flaggedScript) reasons.push(writtenIn(language, false))

  // The contract (analysis.ts): unmatched actionable tweets go to the default division.
  const division = matchedCount > 0 ? m.ruleDivision(rankRule[0]) : compiled.org.defaultDivision
  if (matchedCount === 0) reasons.push('no rule matched: default division')

  let priority: Priority = critical ? 'critical' : (cues & bit.urgent) !== 0 ? 'high' : 'normal'
  if (critical) reasons.push('priority critical: safety, medical or disaster')
  else if ((cues & bit.urgent) !== 0) reasons.push('priority high: urgency')
  let boost = 0
  for (let i = 0; i < matchedCount; i++) boost = Math.max(boost, m.boostOf(rankRule[i]))
  for (let i = 0; i < boost; i++) priority = STEP_UP[priority]
  if (boost > 0) reasons.push(boost > 1 ? `priority raised ${boost} steps by rule` : 'priority raised 1 step by rule')

  return { actionable: true, reasons, division, matchedRules, priority, language, otherScript }
}
