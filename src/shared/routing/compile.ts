// Compiling an organisation's config: every enabled rule term, every exclusion and
// every triage cue becomes a phrase of one automaton. Done once per config change;
// analyseTweet then only scans.
import type { OrgConfig } from '../org'
import { PhraseAutomaton } from './automaton'
import { CUES, CUE_KINDS, type CueKind } from './cues'
import { keysOf } from './normalise'
import { TARGET_CUE, TARGET_EXCLUDE, TARGET_TERM, TweetMatcher, targetCode } from './tweet-matcher'

export type PhraseTarget =
  | { kind: 'term'; rule: number; term: string; words: number }
  | { kind: 'exclude'; rule: number; term: string }
  | { kind: 'cue'; cue: CueKind; term: string }

export interface CompiledRule {
  id: string
  division: string
  priorityBoost: number
  /** Lower-cased handle scope, or null for any handle. */
  handles: Set<string> | null
  /** The reason analyseTweet gives when this rule matches ("matched rule <id>"). */
  matchReason: string
}

export interface CompiledOrg {
  org: OrgConfig
  automaton: PhraseAutomaton
  targets: PhraseTarget[]
  rules: CompiledRule[]
  /** Our own handles, lower-cased. */
  ownHandles: Set<string>
  /** Handles that belong to one division (lower-cased username → division). */
  handleDivision: Map<string, string>
  /** Cue kinds as bit positions, for cheap per-tweet flags. */
  cueBit: Record<CueKind, number>
  /** The per-tweet scanner over this automaton (reused: analyseTweet is synchronous). */
  matcher: TweetMatcher
}

export class OrgConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OrgConfigError'
  }
}

export function compileOrg(org: OrgConfig): CompiledOrg {
  const divisions = new Set(org.divisions.map((d) => d.id))
  const problems: string[] = []
  if (!divisions.has(org.defaultDivision)) problems.push(`default division "${org.defaultDivision}" is not a division`)
  const seen = new Set<string>()
  for (const rule of org.rules) {
    if (!divisions.has(rule.division)) problems.push(`rule "${rule.id}" routes to unknown division "${rule.division}"`)
    if (seen.has(rule.id)) problems.push(`rule id "${rule.id}" is used twice`)
    seen.add(rule.id)
  }
  for (const h of org.handles) {
    if (h.division && !divisions.has(h.division))
      problems.push(`handle @${h.username} names unknown division "${h.division}"`)
  }
  if (problems.length > 0) throw new OrgConfigError(`Organisation ${org.id}: ${problems.join('; ')}`)

  const automaton = new PhraseAutomaton()
  const targets: PhraseTarget[] = []
  // Spelling variants ("passport", "paasport") fold to the same keys; keep one phrase per
  // rule so a variant list does not count as several hits.
  const seenPhrases = new Set<string>()
  const add = (term: string, target: PhraseTarget) => {
    const keys = keysOf(term)
    const owner = target.kind === 'cue' ? `cue:${target.cue}` : `${target.kind}:${target.rule}`
    const phraseKey = `${owner}\u0000${keys.join(' ')}`
    if (keys.length === 0 || seenPhrases.has(phraseKey)) return
    seenPhrases.add(phraseKey)
    automaton.add(keys)
    targets.push(target.kind === 'term' ? { ...target, words: keys.length } : target)
  }
  const rules: CompiledRule[] = []
  for (const rule of org.rules) {
    if (rule.enabled === false) continue
    const index = rules.length
    rules.push({
      id: rule.id,
      division: rule.division,
      priorityBoost: rule.priorityBoost ?? 0,
      handles: rule.handles ? new Set(rule.handles.map((h) => h.replace(/^@/, '').toLowerCase())) : null,
      matchReason: `matched rule ${rule.id}`,
    })
    for (const term of rule.terms) add(term, { kind: 'term', rule: index, term, words: 0 })
    for (const term of rule.exclude ?? []) add(term, { kind: 'exclude', rule: index, term })
  }
  for (const cue of CUE_KINDS) for (const term of CUES[cue]) add(term, { kind: 'cue', cue, term })
  automaton.build()

  const cueBit = Object.fromEntries(CUE_KINDS.map((c, i) => [c, 1 << i])) as Record<CueKind, number>
  // The targets again as one integer per phrase, for the scanner's inner loop.
  const codes = new Int32Array(targets.length)
  targets.forEach((t, p) => {
    if (t.kind === 'cue') codes[p] = targetCode(TARGET_CUE, CUE_KINDS.indexOf(t.cue), 0)
    else if (t.kind === 'term') codes[p] = targetCode(TARGET_TERM, t.rule, t.words)
    else codes[p] = targetCode(TARGET_EXCLUDE, t.rule, 0)
  })
  return {
    org,
    automaton,
    targets,
    rules,
    ownHandles: new Set(org.handles.map((h) => h.username.toLowerCase())),
    handleDivision: new Map(
      org.handles.filter((h) => h.division).map((h) => [h.username.toLowerCase(), h.division as string]),
    ),
    cueBit,
    matcher: new TweetMatcher(automaton, codes, rules),
  }
}
