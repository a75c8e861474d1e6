// How many tweets each rule would pull in, so an admin sees that a too-broad keyword
// ("help", "india") would flood the queue before enabling it: `seva rules test` prints it
// and the admin rules preview (src/server/config/preview.ts) returns it.
import type { IncomingTweet } from '../analysis'
import { analyseTweet } from './analyse'
import type { CompiledOrg } from './compile'

export interface RuleStats {
  id: string
  division: string
  /** Tweets where the rule matched (term hit, no exclusion, handle scope satisfied). */
  matches: number
  /** Of those, tweets triage found actionable. */
  actionable: number
  percent: number
  flooding: boolean
  examples: string[]
}

export interface RulesReport {
  tweets: number
  floodPercent: number
  rules: RuleStats[]
  unmatchedActionable: number
}

export function rulesReport(
  compiled: CompiledOrg,
  tweets: IncomingTweet[],
  opts: { floodPercent: number; examples: number },
): RulesReport {
  const stats = new Map<string, RuleStats>(
    compiled.rules.map((r) => [
      r.id,
      { id: r.id, division: r.division, matches: 0, actionable: 0, percent: 0, flooding: false, examples: [] },
    ]),
  )
  let unmatchedActionable = 0
  for (const tweet of tweets) {
    const a = analyseTweet(compiled, tweet)
    if (a.actionable && a.matchedRules.length === 0) unmatchedActionable++
    for (const id of a.matchedRules) {
      const s = stats.get(id)
      if (!s) continue
      s.matches++
      if (a.actionable) s.actionable++
      if (s.examples.length < opts.examples) s.examples.push(tweet.text.replace(/\s+/g, ' ').slice(0, 140))
    }
  }
  const rules = [...stats.values()].map((s) => {
    const percent = tweets.length === 0 ? 0 : (100 * s.matches) / tweets.length
    return { ...s, percent, flooding: percent > opts.floodPercent }
  })
  rules.sort((a, b) => b.matches - a.matches || a.id.localeCompare(b.id))
  return { tweets: tweets.length, floodPercent: opts.floodPercent, rules, unmatchedActionable }
}
