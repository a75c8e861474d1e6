// Turning one incoming tweet into work: a new grievance, a follow-up in an existing
// grievance's thread, or an ignored tweet kept for audit. Runs inside the caller's
// write transaction, so the grievance, its change and the cursor commit together.
import { randomUUID } from 'node:crypto'
import { assertTransition, formatTicketNumber, type Grievance, type ThreadEntry, type TweetSource } from '../../shared/grievance'
import { fillTemplate, type IngestSourceName, type OrgConfig } from '../../shared/org'
import type { IncomingTweet } from '../../shared/analysis'
import { analyseTweet } from '../../shared/routing'
import type { Queryable } from '../db/database'
import { insertGrievance, loadGrievance, nextVersion, saveGrievance } from '../grievances'
import { allocateGrievance } from '../allocation'
import { queueReply } from '../replies/outbox'
import type { ServerContext } from '../context'

export type TweetOutcome =
  | { kind: 'created'; grievance: Grievance; seqs: number[] }
  | { kind: 'followed-up'; grievance: Grievance; seqs: number[] }
  | { kind: 'ignored'; reasons: string[] }
  | { kind: 'seen' }
  /** joinOnly and the tweet belongs to no grievance: left unclaimed for the other sources. */
  | { kind: 'skipped' }

export interface TweetMeta {
  authorName?: string
  /** The handle whose mentions brought it in (mentions source). */
  viaHandle?: string
  /** How it came in; defaults to a mention of viaHandle. */
  via?: TweetSource['via']
  /** Which source saw it first, for the seen-tweets record. Default: mentions. */
  source?: IngestSourceName
  /**
   * Only add it to an existing grievance's thread (the follow-ups source reads whole
   * conversations, where other people's tweets are not ours to judge).
   */
  joinOnly?: boolean
}

/** Ids recorded before the seen-tweets table existed count as seen too. */
async function alreadySeen(tx: Queryable, tweetId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM seen_tweets WHERE tweet_id = $1
     UNION ALL SELECT 1 FROM grievances WHERE source_tweet_id = $1
     UNION ALL SELECT 1 FROM grievance_tweets WHERE tweet_id = $1
     UNION ALL SELECT 1 FROM ignored_tweets WHERE tweet_id = $1`,
    [tweetId],
  )
  return rows.length > 0
}

/**
 * Claims the tweet for this transaction. On PostgreSQL a second transaction claiming the
 * same id waits for the first and then finds the row: one grievance per tweet even when
 * two sources deliver it at the same moment, and no unique-violation error for either.
 */
async function claimTweet(tx: Queryable, tweetId: string, source: IngestSourceName): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO seen_tweets (tweet_id, first_source) VALUES ($1, $2)
     ON CONFLICT (tweet_id) DO NOTHING RETURNING tweet_id`,
    [tweetId, source],
  )
  if (rows.length > 0) return true
  await tx.query('UPDATE seen_tweets SET times_seen = times_seen + 1 WHERE tweet_id = $1', [tweetId])
  return false
}

async function ignore(tx: Queryable, tweet: IncomingTweet, viaHandle: string | undefined, reasons: string[]): Promise<TweetOutcome> {
  await tx.query(
    `INSERT INTO ignored_tweets (tweet_id, via_handle, author_username, text, reasons)
     VALUES ($1,$2,$3,$4,$5::jsonb) ON CONFLICT (tweet_id) DO NOTHING`,
    [tweet.id, viaHandle ?? null, tweet.authorUsername, tweet.text, JSON.stringify(reasons)],
  )
  return { kind: 'ignored', reasons }
}

/** The via of a new grievance; search and stream name the rule that matched when they did not say. */
function viaOf(meta: TweetMeta, matchedRules: string[]): TweetSource['via'] {
  const via = meta.via ?? { kind: 'mention' as const, ...(meta.viaHandle ? { handle: meta.viaHandle } : {}) }
  if (via.rule || (via.kind !== 'search' && via.kind !== 'stream') || !matchedRules[0]) return via
  return { ...via, rule: matchedRules[0] }
}

/** Per organisation and year, gapless: the increment commits or rolls back with the grievance. */
export async function nextTicket(tx: Queryable, org: OrgConfig, now: Date): Promise<string> {
  const year = now.getUTCFullYear()
  const [row] = await tx.query<{ last: number }>(
    `INSERT INTO ticket_sequences (org_id, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (org_id, year) DO UPDATE SET last = ticket_sequences.last + 1
     RETURNING last`,
    [org.id, year],
  )
  return formatTicketNumber(org.ticketPrefix, year, Number(row!.last))
}

function isRetweet(tweet: IncomingTweet): boolean {
  return tweet.referencedTweets?.some((r) => r.type === 'retweeted') ?? false
}

async function joinFollowUp(tx: Queryable, tweet: IncomingTweet, now: Date): Promise<TweetOutcome | null> {
  if (!tweet.conversationId || isRetweet(tweet)) return null
  const [match] = await tx.query<{ id: string }>(
    `SELECT id FROM grievances WHERE conversation_id = $1 AND author_id = $2
     ORDER BY created_at DESC LIMIT 1`,
    [tweet.conversationId, tweet.authorId],
  )
  if (!match) return null
  const before = await loadGrievance(tx, match.id, true)
  if (!before) return null
  let after = nextVersion(before, now)
  after.thread.push({
    id: randomUUID(),
    kind: 'citizen',
    text: tweet.text,
    at: tweet.createdAt ?? now.toISOString(),
    by: tweet.authorUsername,
    tweetId: tweet.id,
  })
  // The citizen writing again after resolution reopens the grievance (same assignee if any).
  if (before.status === 'resolved' || before.status === 'closed') {
    assertTransition(before.status, 'reopened')
    after = { ...after, status: 'reopened', statusReason: 'citizen wrote again' }
    after = await allocateGrievance(tx, after)
  }
  await tx.query('INSERT INTO grievance_tweets (tweet_id, grievance_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [tweet.id, before.id])
  const seq = await saveGrievance(tx, before, after)
  return { kind: 'followed-up', grievance: after, seqs: [seq] }
}

export async function ingestTweet(
  ctx: ServerContext,
  tx: Queryable,
  tweet: IncomingTweet,
  meta: TweetMeta,
  now: Date = new Date(),
): Promise<TweetOutcome> {
  if (await alreadySeen(tx, tweet.id)) {
    await tx.query('UPDATE seen_tweets SET times_seen = times_seen + 1 WHERE tweet_id = $1', [tweet.id])
    return { kind: 'seen' }
  }
  const source = meta.source ?? 'mentions'
  if (meta.joinOnly) {
    if (ctx.ownHandles.has(tweet.authorUsername.toLowerCase())) return { kind: 'skipped' }
    const joined = await joinFollowUp(tx, tweet, now)
    if (!joined) return { kind: 'skipped' }
    await claimTweet(tx, tweet.id, source)
    return joined
  }
  if (!(await claimTweet(tx, tweet.id, source))) return { kind: 'seen' }
  // Our own handles' tweets (acknowledgements, replies) are never grievances.
  if (ctx.ownHandles.has(tweet.authorUsername.toLowerCase())) return ignore(tx, tweet, meta.viaHandle, ['own handle'])

  const followUp = await joinFollowUp(tx, tweet, now)
  if (followUp) return followUp

  const analysis = analyseTweet(ctx.compiled, tweet, { ownHandles: [...ctx.ownHandles] })
  if (!analysis.actionable) return ignore(tx, tweet, meta.viaHandle, analysis.reasons)

  const { org } = ctx
  const ticket = await nextTicket(tx, org, now)
  const createdAt = now.toISOString()
  const slaHours = org.sla[analysis.priority] ?? 72
  const slaFrom = tweet.createdAt ? new Date(tweet.createdAt) : now
  const citizenEntry: ThreadEntry = {
    id: randomUUID(),
    kind: 'citizen',
    text: tweet.text,
    at: tweet.createdAt ?? createdAt,
    by: tweet.authorUsername,
    tweetId: tweet.id,
  }
  let grievance: Grievance = {
    id: randomUUID(),
    ticket,
    source: {
      tweetId: tweet.id,
      conversationId: tweet.conversationId ?? tweet.id,
      authorId: tweet.authorId,
      authorUsername: tweet.authorUsername,
      ...(meta.authorName ? { authorName: meta.authorName } : {}),
      text: tweet.text,
      language: analysis.language,
      createdAt: tweet.createdAt ?? createdAt,
      via: viaOf(meta, analysis.matchedRules),
      media: [],
    },
    thread: [citizenEntry],
    division: analysis.division ?? org.defaultDivision,
    matchedRules: analysis.matchedRules,
    priority: analysis.priority,
    triage: { actionable: true, reasons: analysis.reasons },
    status: 'new',
    statusReason: null,
    assignee: null,
    slaDueAt: new Date(slaFrom.getTime() + slaHours * 3_600_000).toISOString(),
    createdAt,
    updatedAt: createdAt,
    version: 1,
  }
  grievance = await allocateGrievance(tx, grievance)

  let ackEntryId: string | null = null
  if (ctx.acknowledge) {
    const template = analysis.language === 'hi' ? org.acknowledge.hi : org.acknowledge.en
    const division = org.divisions.find((d) => d.id === grievance.division)
    const ack: ThreadEntry = {
      id: randomUUID(),
      kind: 'reply',
      text: fillTemplate(template, { ticket, name: tweet.authorUsername, division: division?.name }),
      at: createdAt,
      by: ctx.primaryHandle,
      post: { state: 'pending', attempts: 0 },
    }
    grievance.thread.push(ack)
    ackEntryId = ack.id
  }
  const seq = await insertGrievance(tx, grievance)
  if (ackEntryId) {
    const entry = grievance.thread.find((e) => e.id === ackEntryId)!
    await queueReply(tx, { grievanceId: grievance.id, entryId: entry.id, text: entry.text })
  }
  return { kind: 'created', grievance, seqs: [seq] }
}
