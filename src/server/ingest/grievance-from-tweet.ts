// Turning one incoming tweet into work: a new grievance, a follow-up in an existing
// grievance's thread, or an ignored tweet kept for audit. Runs inside the caller's
// write transaction, so the grievance, its change and the cursor commit together.
import { randomUUID } from 'node:crypto'
import { assertTransition, formatTicketNumber, type Grievance, type ThreadEntry } from '../../shared/grievance'
import { fillTemplate, type OrgConfig } from '../../shared/org'
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

export interface TweetMeta {
  authorName?: string
  viaHandle: string
}

async function alreadySeen(tx: Queryable, tweetId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM grievances WHERE source_tweet_id = $1
     UNION ALL SELECT 1 FROM grievance_tweets WHERE tweet_id = $1
     UNION ALL SELECT 1 FROM ignored_tweets WHERE tweet_id = $1`,
    [tweetId],
  )
  return rows.length > 0
}

async function ignore(tx: Queryable, tweet: IncomingTweet, viaHandle: string, reasons: string[]): Promise<TweetOutcome> {
  await tx.query(
    `INSERT INTO ignored_tweets (tweet_id, via_handle, author_username, text, reasons)
     VALUES ($1,$2,$3,$4,$5::jsonb) ON CONFLICT (tweet_id) DO NOTHING`,
    [tweet.id, viaHandle, tweet.authorUsername, tweet.text, JSON.stringify(reasons)],
  )
  return { kind: 'ignored', reasons }
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
  await tx.query('INSERT INTO grievance_tweets (tweet_id, grievance_id) VALUES ($1, $2)', [tweet.id, before.id])
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
  if (await alreadySeen(tx, tweet.id)) return { kind: 'seen' }
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
      via: { kind: 'mention', handle: meta.viaHandle },
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
