// The keyword rules preview: a candidate rule set run over the tweets captured in the
// last days (grievances' source tweets, the review band among them, and ignored tweets),
// compared with the rules in force, tweet by tweet, through the same triage the server
// ingests with. The per-rule figures are `seva rules test`'s (rulesReport).
import type { IncomingTweet } from '../../shared/analysis'
import {
  FLOOD_RULE_PERCENT,
  FLOOD_SHARE_FACTOR,
  type PreviewExample,
  type PreviewKind,
  type RulesPreview,
} from '../../shared/config'
import { LIMITS } from '../../shared/limits'
import type { KeywordRule, OrgConfig } from '../../shared/org'
import { rulesReport } from '../../shared/routing'
import { triageTweet, type Triage, type TriageOutcome } from '../../shared/triage-model'
import { canonicalJson } from '../audit'
import type { Queryable } from '../db/database'

/** Fewer newly actionable tweets than this are never called a flood, whatever the share. */
const FLOOD_MIN_PULLED_IN = 5

interface CapturedRow {
  [key: string]: unknown
  id: string
  text: string
  author_id: string
  author_username: string
  via_handle: string | null
  conversation_id: string
}

/** The newest captured tweets of the last `days` days, at most LIMITS.rulesPreviewTweets. */
export async function capturedTweets(
  db: Queryable,
  days: number,
  now: Date,
): Promise<{ tweets: IncomingTweet[]; capped: boolean }> {
  const since = new Date(now.getTime() - days * 86_400_000)
  const rows = await db.query<CapturedRow>(
    `SELECT * FROM (
       SELECT source_tweet_id AS id, doc->'source'->>'text' AS text, author_id,
              doc->'source'->>'authorUsername' AS author_username,
              doc->'source'->'via'->>'handle' AS via_handle, conversation_id, created_at AS at
         FROM grievances WHERE created_at >= $1
       UNION ALL
       SELECT tweet_id, text, coalesce(author_id, author_username), author_username, via_handle,
              coalesce(conversation_id, tweet_id), at
         FROM ignored_tweets WHERE at >= $1 AND grievance_id IS NULL
     ) captured ORDER BY at DESC, id LIMIT $2`,
    [since, LIMITS.rulesPreviewTweets + 1],
  )
  const capped = rows.length > LIMITS.rulesPreviewTweets
  const tweets = rows.slice(0, LIMITS.rulesPreviewTweets).map((r): IncomingTweet => ({
    id: r.id,
    text: r.text,
    authorId: r.author_id,
    authorUsername: r.author_username,
    conversationId: r.conversation_id,
    ...(r.via_handle ? { viaHandle: r.via_handle } : {}),
  }))
  return { tweets, capped }
}

/** The candidate rule set: the whole list, or the current one with one rule replaced or added. */
export function candidateRules(
  current: readonly KeywordRule[],
  request: { rules?: KeywordRule[]; rule?: KeywordRule },
): KeywordRule[] {
  if (request.rules) return request.rules
  const rule = request.rule!
  return current.some((r) => r.id === rule.id) ? current.map((r) => (r.id === rule.id ? rule : r)) : [...current, rule]
}

function verdict(outcome: TriageOutcome, org: OrgConfig): PreviewExample['before'] {
  if (outcome.band === 'ignore') return { band: 'ignore', division: null }
  return { band: outcome.band, division: outcome.division ?? outcome.analysis.division ?? org.defaultDivision }
}

function kindOf(before: PreviewExample['before'], after: PreviewExample['before']): PreviewKind {
  if (before.band === 'ignore') return after.band === 'ignore' ? 'unchanged' : 'pulledIn'
  if (after.band === 'ignore') return 'dropped'
  return before.division === after.division ? 'unchanged' : 'moved'
}

export function previewRules(
  tweets: readonly IncomingTweet[],
  today: { triage: Triage; org: OrgConfig },
  candidate: { triage: Triage; org: OrgConfig },
  opts: { days: number; capped: boolean; examples?: number },
): RulesPreview {
  const max = opts.examples ?? LIMITS.rulesPreviewExamples
  const counts = { pulledIn: 0, dropped: 0, moved: 0, unchanged: 0 }
  const examples: RulesPreview['examples'] = { pulledIn: [], dropped: [], moved: [] }
  let actionableToday = 0
  let actionableCandidate = 0
  for (const tweet of tweets) {
    // Both synchronous: each Triage's scratch buffers are used by one tweet at a time.
    const before = verdict(triageTweet(today.triage, tweet), today.org)
    const after = verdict(triageTweet(candidate.triage, tweet), candidate.org)
    if (before.band !== 'ignore') actionableToday++
    if (after.band !== 'ignore') actionableCandidate++
    const kind = kindOf(before, after)
    counts[kind]++
    if (kind !== 'unchanged' && examples[kind].length < max)
      examples[kind].push({ tweetId: tweet.id, text: tweet.text.replace(/\s+/g, ' ').slice(0, 280), before, after })
  }
  const report = rulesReport(candidate.triage.compiled, [...tweets], { floodPercent: FLOOD_RULE_PERCENT, examples: 0 })
  const sample = tweets.length
  const todayShare = sample === 0 ? 0 : actionableToday / sample
  const candidateShare = sample === 0 ? 0 : actionableCandidate / sample
  // Only new and changed rules are judged: the rules in force make today's share.
  const inForce = new Set(today.org.rules.map((r) => canonicalJson(r)))
  const changed = new Set(candidate.org.rules.filter((r) => !inForce.has(canonicalJson(r))).map((r) => r.id))
  const floodingRules = report.rules.filter((r) => r.flooding && changed.has(r.id)).map((r) => r.id)
  const shareFlood = counts.pulledIn >= FLOOD_MIN_PULLED_IN && candidateShare > FLOOD_SHARE_FACTOR * todayShare
  return {
    days: opts.days,
    sample,
    capped: opts.capped,
    counts,
    examples,
    rules: report.rules.map((r) => ({
      id: r.id,
      division: r.division,
      matches: r.matches,
      percent: Math.round(r.percent * 10) / 10,
      flooding: r.flooding,
    })),
    flood: {
      todayShare,
      candidateShare,
      pulledInPerDay: Math.round((counts.pulledIn / opts.days) * 10) / 10,
      warning: shareFlood || floodingRules.length > 0,
      floodingRules,
    },
  }
}
