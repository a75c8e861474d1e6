// Turning incoming tweets into work: a new grievance, a follow-up in an existing
// grievance's thread, or an ignored tweet kept for audit. A whole batch runs inside the
// caller's write transaction, so the grievances, their changes, the seen-tweet claims and
// the cursor commit together. The batch is decided in memory in the tweets' order (a
// follow-up joins the grievance an earlier tweet of the same batch created) and written
// with a handful of multi-row statements, whatever its size.
import { randomUUID } from 'node:crypto'
import {
  assertTransition,
  formatTicketNumber,
  type Grievance,
  type ThreadEntry,
  type TweetSource,
} from '../../shared/grievance'
import { fillTemplate, type IngestSourceName, type OrgConfig } from '../../shared/org'
import type { IncomingTweet, TweetAnalysis } from '../../shared/analysis'
import { triageTweet, type TriageOutcome } from '../../shared/triage-model'
import type { Queryable } from '../db/database'
import { nextVersion, writeGrievances } from '../grievances'
import { withSla } from '../sla/record'
import { OfficerPool } from '../allocation'
import { queueReplies } from '../replies/outbox'
import { acknowledges, type ServerContext } from '../context'
import type { OrgSnapshot } from '../config/live-org'
import { serverEntryId } from '../entry-ids'

export type TweetOutcome =
  | { kind: 'created'; grievance: Grievance; seqs: number[] }
  | { kind: 'followed-up'; grievance: Grievance; seqs: number[] }
  | { kind: 'ignored'; reasons: readonly string[] }
  | { kind: 'seen' }
  /** joinOnly and the tweet belongs to no grievance: left unclaimed for the other sources. */
  | { kind: 'skipped' }
  /** The database refused it even on its own (tweet-batch.ts): kept for supervisors. */
  | { kind: 'set-aside'; reason: string }

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

export interface TweetToIngest {
  tweet: IncomingTweet
  meta: TweetMeta
}

/**
 * Ids already handled (ids recorded before the seen-tweets table existed count too), with
 * their times_seen bumped, in one statement.
 */
async function seenBefore(tx: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    `WITH ids AS (SELECT DISTINCT unnest($1::text[]) AS id),
     seen AS (
       SELECT id FROM ids
       WHERE EXISTS (SELECT 1 FROM seen_tweets s WHERE s.tweet_id = ids.id)
          OR EXISTS (SELECT 1 FROM grievances g WHERE g.source_tweet_id = ids.id)
          OR EXISTS (SELECT 1 FROM grievance_tweets t WHERE t.tweet_id = ids.id)
          OR EXISTS (SELECT 1 FROM ignored_tweets i WHERE i.tweet_id = ids.id)),
     bumped AS (UPDATE seen_tweets SET times_seen = times_seen + 1 WHERE tweet_id IN (SELECT id FROM seen) RETURNING 1)
     SELECT id FROM seen`,
    [ids],
  )
  return new Set(rows.map((r) => r.id))
}

/**
 * Claims the tweets for this transaction. On PostgreSQL a second transaction claiming
 * the same id waits for the first and then finds the row: one grievance per tweet even
 * when two sources deliver it at the same moment, and no unique-violation error for
 * either. Returns the ids this transaction claimed; the others count as seen once more.
 */
async function claimTweets(
  tx: Queryable,
  claims: readonly { id: string; source: IngestSourceName }[],
): Promise<Set<string>> {
  if (claims.length === 0) return new Set()
  const rows = await tx.query<{ tweet_id: string }>(
    `INSERT INTO seen_tweets (tweet_id, first_source) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (tweet_id) DO NOTHING RETURNING tweet_id`,
    [claims.map((c) => c.id), claims.map((c) => c.source)],
  )
  const claimed = new Set(rows.map((r) => r.tweet_id))
  const lost = claims.filter((c) => !claimed.has(c.id)).map((c) => c.id)
  if (lost.length > 0)
    await tx.query('UPDATE seen_tweets SET times_seen = times_seen + 1 WHERE tweet_id = ANY($1::text[])', [lost])
  return claimed
}

/** The newest grievance of each (conversation, author), locked for this transaction. */
async function latestGrievances(
  tx: Queryable,
  keys: readonly { conversationId: string; authorId: string }[],
): Promise<Map<string, Grievance>> {
  if (keys.length === 0) return new Map()
  const rows = await tx.query<{ doc: Grievance; conversation_id: string; author_id: string }>(
    `SELECT doc, conversation_id, author_id FROM grievances WHERE id IN (
       SELECT DISTINCT ON (conversation_id, author_id) id FROM grievances
       WHERE (conversation_id, author_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       ORDER BY conversation_id, author_id, created_at DESC, id DESC)
     FOR UPDATE`,
    [keys.map((k) => k.conversationId), keys.map((k) => k.authorId)],
  )
  return new Map(rows.map((r) => [threadKey(r.conversation_id, r.author_id), r.doc]))
}

/** Ignored tweets, kept for audit (first record wins). */
export async function recordIgnored(
  tx: Queryable,
  rows: readonly {
    tweet: Pick<IncomingTweet, 'id' | 'authorUsername' | 'text'> &
      Partial<Pick<IncomingTweet, 'authorId' | 'conversationId' | 'createdAt'>>
    viaHandle: string | undefined
    reasons: readonly string[]
    /** The model's confidence that it is a grievance, when a model judged it. */
    confidence?: number
  }[],
): Promise<void> {
  if (rows.length === 0) return
  await tx.query(
    `INSERT INTO ignored_tweets (tweet_id, via_handle, author_username, text, reasons, author_id, conversation_id, tweeted_at, confidence)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::text[], $9::real[])
     ON CONFLICT (tweet_id) DO NOTHING`,
    [
      rows.map((r) => r.tweet.id),
      rows.map((r) => r.viaHandle ?? null),
      rows.map((r) => r.tweet.authorUsername),
      rows.map((r) => r.tweet.text),
      rows.map((r) => JSON.stringify(r.reasons)),
      rows.map((r) => r.tweet.authorId ?? null),
      rows.map((r) => r.tweet.conversationId ?? null),
      rows.map((r) => r.tweet.createdAt ?? null),
      rows.map((r) => r.confidence ?? null),
    ],
  )
}

/** The via of a new grievance; search and stream name the rule that matched when they did not say. */
function viaOf(meta: TweetMeta, matchedRules: string[]): TweetSource['via'] {
  const via = meta.via ?? { kind: 'mention' as const, ...(meta.viaHandle ? { handle: meta.viaHandle } : {}) }
  if (via.rule || (via.kind !== 'search' && via.kind !== 'stream') || !matchedRules[0]) return via
  return { ...via, rule: matchedRules[0] }
}

/**
 * Reserves `count` ticket numbers at once. Per organisation and year, gapless: the
 * increment commits or rolls back with the grievances that use the numbers.
 */
export async function reserveTickets(tx: Queryable, org: OrgConfig, now: Date, count: number): Promise<string[]> {
  if (count <= 0) return []
  const year = now.getUTCFullYear()
  const [row] = await tx.query<{ last: number }>(
    `INSERT INTO ticket_sequences (org_id, year, last) VALUES ($1, $2, $3)
     ON CONFLICT (org_id, year) DO UPDATE SET last = ticket_sequences.last + EXCLUDED.last
     RETURNING last`,
    [org.id, year, count],
  )
  const first = Number(row!.last) - count + 1
  return Array.from({ length: count }, (_, i) => formatTicketNumber(org.ticketPrefix, year, first + i))
}

/** One ticket number (see reserveTickets). */
export async function nextTicket(tx: Queryable, org: OrgConfig, now: Date): Promise<string> {
  const [ticket] = await reserveTickets(tx, org, now, 1)
  return ticket!
}

function isRetweet(tweet: IncomingTweet): boolean {
  return tweet.referencedTweets?.some((r) => r.type === 'retweeted') ?? false
}

function threadKey(conversationId: string, authorId: string): string {
  return `${conversationId}\u0000${authorId}`
}

/** The thread a tweet would follow up in; retweets and tweets without a conversation join nothing. */
function followUpKey(tweet: IncomingTweet): string | null {
  return tweet.conversationId && !isRetweet(tweet) ? threadKey(tweet.conversationId, tweet.authorId) : null
}

type Decision =
  | { kind: 'seen' }
  | { kind: 'skipped' }
  | { kind: 'ignored'; reasons: readonly string[]; confidence?: number }
  | { kind: 'join'; key: string; claim: boolean }
  | { kind: 'create'; triage: TriageOutcome }

/** How a grievance came to be: the rules' analysis and the band triage gave it. */
export interface GrievanceOrigin {
  analysis: TweetAnalysis
  band: 'ticket' | 'review'
  confidence?: number
  /** Triage's division (the model's pick, or a handle-scoped rule's). */
  division: string | null
  reasons: readonly string[]
}

export function originOf(outcome: TriageOutcome, hasModel: boolean): GrievanceOrigin {
  return {
    analysis: outcome.analysis,
    band: outcome.band === 'review' ? 'review' : 'ticket',
    ...(hasModel ? { confidence: outcome.confidence } : {}),
    division: outcome.division,
    reasons: outcome.reasons,
  }
}

/** The automatic acknowledgement of a new ticket, in the tweet's language. */
export function acknowledgement(snapshot: OrgSnapshot, grievance: Grievance): ThreadEntry {
  const { org } = snapshot
  const template = grievance.source.language === 'hi' ? org.acknowledge.hi : org.acknowledge.en
  const division = org.divisions.find((d) => d.id === grievance.division)
  return {
    id: serverEntryId('ack'),
    kind: 'reply',
    text: fillTemplate(template, {
      ticket: grievance.ticket,
      name: grievance.source.authorUsername,
      division: division?.name,
    }),
    at: new Date().toISOString(),
    by: snapshot.primaryHandle,
    post: { state: 'pending', attempts: 0 },
  }
}

export function newGrievance(
  snapshot: OrgSnapshot,
  tweet: IncomingTweet,
  meta: TweetMeta,
  origin: GrievanceOrigin,
  ticket: string,
  now: Date,
): Grievance {
  const { analysis } = origin
  const { org } = snapshot
  const createdAt = now.toISOString()
  const citizenEntry: ThreadEntry = {
    id: serverEntryId('citizen'),
    kind: 'citizen',
    text: tweet.text,
    at: tweet.createdAt ?? createdAt,
    by: tweet.authorUsername,
    tweetId: tweet.id,
  }
  const grievance: Grievance = {
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
    division: origin.division ?? analysis.division ?? org.defaultDivision,
    matchedRules: analysis.matchedRules,
    priority: analysis.priority,
    triage: {
      actionable: true,
      reasons: [...origin.reasons],
      band: origin.band,
      ...(origin.confidence !== undefined ? { confidence: origin.confidence } : {}),
    },
    status: 'new',
    statusReason: null,
    assignee: null,
    // Set by withSla below: the clocks start at the citizen's tweet.
    slaDueAt: createdAt,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  }
  return withSla(org, null, grievance, now)
}

/**
 * Ingests a batch of tweets, in the order given (callers pass them oldest first), inside
 * the caller's transaction. Outcomes are one per item, in the same order. A tweet
 * repeated in the batch is `seen` the second time.
 */
export async function ingestTweets(
  ctx: ServerContext,
  tx: Queryable,
  items: readonly TweetToIngest[],
  now: Date = new Date(),
): Promise<TweetOutcome[]> {
  if (items.length === 0) return []
  // One org version for the whole batch: its rules, own handles, ticket prefix and texts.
  const snapshot = ctx.config.current()
  const triage = ctx.triage()
  const isOwn = (tweet: IncomingTweet): boolean => snapshot.ownHandles.has(tweet.authorUsername.toLowerCase())
  const firstOf = new Map<string, number>()
  items.forEach((item, i) => {
    if (!firstOf.has(item.tweet.id)) firstOf.set(item.tweet.id, i)
  })
  const isRepeat = (i: number): boolean => firstOf.get(items[i]!.tweet.id) !== i

  // 1. What was handled before, and the claims of the rest (join-only tweets are claimed
  //    only if they join: otherwise they stay free for the sources that judge them).
  const seen = await seenBefore(tx, [...firstOf.keys()])
  const fresh = items.filter((item, i) => !isRepeat(i) && !seen.has(item.tweet.id))
  const claimed = await claimTweets(
    tx,
    fresh
      .filter((item) => !item.meta.joinOnly)
      .map((item) => ({ id: item.tweet.id, source: item.meta.source ?? 'mentions' })),
  )

  // 2. The stored threads any of them could follow up in.
  const wanted = new Map<string, { conversationId: string; authorId: string }>()
  for (const { tweet, meta } of fresh) {
    const key = followUpKey(tweet)
    if (key && !isOwn(tweet) && (meta.joinOnly || claimed.has(tweet.id)))
      wanted.set(key, { conversationId: tweet.conversationId!, authorId: tweet.authorId })
  }
  const threads = await latestGrievances(tx, [...wanted.values()])

  // 3. Decide each tweet in order: the threads known grow as the batch creates grievances.
  const known = new Set(threads.keys())
  const decisions: Decision[] = items.map((item, i): Decision => {
    const { tweet, meta } = item
    if (isRepeat(i) || seen.has(tweet.id)) return { kind: 'seen' }
    const key = followUpKey(tweet)
    if (meta.joinOnly) {
      if (isOwn(tweet) || !key || !known.has(key)) return { kind: 'skipped' }
      return { kind: 'join', key, claim: true }
    }
    if (!claimed.has(tweet.id)) return { kind: 'seen' }
    // Our own handles' tweets (acknowledgements, replies) are never grievances.
    if (isOwn(tweet)) return { kind: 'ignored', reasons: ['own handle'] }
    if (key && known.has(key)) return { kind: 'join', key, claim: false }
    // Synchronous: the context's Triage is not reentrant, and nothing awaits in between.
    const outcome = triageTweet(triage, tweet)
    if (outcome.band === 'ignore')
      return { kind: 'ignored', reasons: outcome.reasons, ...(triage.model ? { confidence: outcome.confidence } : {}) }
    known.add(threadKey(tweet.conversationId ?? tweet.id, tweet.authorId))
    return { kind: 'create', triage: outcome }
  })

  // 4. Tickets for every new grievance in one statement; officers' loads in one query.
  const creates = decisions.filter((d) => d.kind === 'create').length
  const tickets = await reserveTickets(tx, snapshot.org, now, creates)
  const reopens = decisions.some(
    (d) => d.kind === 'join' && ['resolved', 'closed'].includes(threads.get(d.key)?.status ?? ''),
  )
  const pool = creates > 0 || reopens ? await OfficerPool.load(tx) : null

  // 5. Build every grievance's new state in memory, in order.
  const current = new Map(threads)
  /** State before this batch (null: created by it), in order of first touch. */
  const before = new Map<string, Grievance | null>()
  const latest = new Map<string, Grievance>()
  const ignored: Parameters<typeof recordIgnored>[1][number][] = []
  const threadTweets: { tweetId: string; grievanceId: string }[] = []
  const lateClaims: { id: string; source: IngestSourceName }[] = []
  const replies: { grievanceId: string; entryId: string; text: string }[] = []
  let ticketIndex = 0
  const outcomes: TweetOutcome[] = decisions.map((decision, i): TweetOutcome => {
    const { tweet, meta } = items[i]!
    switch (decision.kind) {
      case 'seen':
      case 'skipped':
        return { kind: decision.kind }
      case 'ignored':
        ignored.push({
          tweet,
          viaHandle: meta.viaHandle,
          reasons: decision.reasons,
          ...(decision.confidence !== undefined ? { confidence: decision.confidence } : {}),
        })
        return { kind: 'ignored', reasons: decision.reasons }
      case 'join': {
        const prior = current.get(decision.key)!
        let after = nextVersion(prior, now)
        after.thread.push({
          id: serverEntryId('citizen'),
          kind: 'citizen',
          text: tweet.text,
          at: tweet.createdAt ?? now.toISOString(),
          by: tweet.authorUsername,
          tweetId: tweet.id,
        })
        // The citizen writing again after resolution reopens the grievance: with the same
        // assignee while they can still hold it, otherwise allocated afresh (an officer since
        // disabled, away or moved to another division would leave it with nobody acting).
        if (prior.status === 'resolved' || prior.status === 'closed') {
          assertTransition(prior.status, 'reopened')
          const keeps = !!prior.assignee && pool!.canHold(prior.assignee, prior.division)
          after = pool!.allocate({
            ...after,
            status: 'reopened',
            assignee: keeps ? prior.assignee : null,
            statusReason: 'citizen wrote again',
          })
          // A new resolution clock from the reopening (src/shared/sla).
          after = withSla(ctx.config.current().org, prior, after, now)
        }
        pool?.moved(prior, after)
        current.set(decision.key, after)
        if (!before.has(after.id)) before.set(after.id, prior)
        latest.set(after.id, after)
        threadTweets.push({ tweetId: tweet.id, grievanceId: after.id })
        if (decision.claim) lateClaims.push({ id: tweet.id, source: meta.source ?? 'mentions' })
        return { kind: 'followed-up', grievance: after, seqs: [] }
      }
      case 'create': {
        const ticket = tickets[ticketIndex++]!
        const origin = originOf(decision.triage, triage.model !== null)
        // A review-band grievance waits in its division's review list: neither allocated
        // nor acknowledged until a person makes it a ticket (src/server/actions.ts accept).
        const grievance = pool!.allocate(newGrievance(snapshot, tweet, meta, origin, ticket, now))
        pool!.moved(null, grievance)
        if (acknowledges(ctx, snapshot) && origin.band === 'ticket') {
          const ack: ThreadEntry = { ...acknowledgement(snapshot, grievance), at: grievance.createdAt }
          grievance.thread.push(ack)
          replies.push({ grievanceId: grievance.id, entryId: ack.id, text: ack.text })
        }
        current.set(threadKey(grievance.source.conversationId, grievance.source.authorId), grievance)
        before.set(grievance.id, null)
        latest.set(grievance.id, grievance)
        return { kind: 'created', grievance, seqs: [] }
      }
    }
  })

  // 6. Write it all: a few multi-row statements for the whole batch.
  await recordIgnored(tx, ignored)
  const seqs = await writeGrievances(
    tx,
    [...before].map(([id, prior]) => ({ before: prior, after: latest.get(id)! })),
  )
  if (threadTweets.length > 0) {
    await tx.query(
      `INSERT INTO grievance_tweets (tweet_id, grievance_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [threadTweets.map((t) => t.tweetId), threadTweets.map((t) => t.grievanceId)],
    )
  }
  await claimTweets(tx, lateClaims)
  await queueReplies(tx, replies, { automatic: true })
  for (const outcome of outcomes) {
    if (outcome.kind === 'created' || outcome.kind === 'followed-up') outcome.seqs.push(seqs.get(outcome.grievance.id)!)
  }
  return outcomes
}

/** One tweet (see ingestTweets). */
export async function ingestTweet(
  ctx: ServerContext,
  tx: Queryable,
  tweet: IncomingTweet,
  meta: TweetMeta,
  now: Date = new Date(),
): Promise<TweetOutcome> {
  const [outcome] = await ingestTweets(ctx, tx, [{ tweet, meta }], now)
  return outcome!
}
