// The review capability's routes: ignored tweets, searchable, and made a ticket by a
// person (a label); and the deployed model measured against officers' decisions.
//   GET  /api/v1/review/ignored?q=&limit=&before=   any staff member (ignored tweets are
//        public tweets that belong to no division yet, so nobody's scope hides them)
//   POST /api/v1/review/ignored/:tweetId/ticket      into a division the user may see
//   GET  /api/v1/supervisor/triage/quality           supervisors and admins (officers: 403)
//   GET  /api/v1/admin/triage/quality                its first address: admins only
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { IncomingTweet } from '../../shared/analysis'
import { LIMITS, safeText } from '../../shared/limits'
import {
  API_PATHS,
  IgnoredQuery,
  IgnoredTicketRequest,
  type IgnoredResponse,
  type IgnoredTicketResponse,
  type IgnoredTweet,
  type Role,
} from '../../shared/protocol'
import { triageTweet } from '../../shared/triage-model'
import { z } from 'zod'
import { acknowledges, type ServerContext } from '../context'
import { writeTransaction } from '../db/database'
import { HttpError } from '../http/errors'
import { authenticate, parseInput } from '../http/routes'
import { requireRole } from '../auth/routes'
import { audit, recordAudit } from '../audit'
import { canSee } from '../scope'
import { allocateGrievance } from '../allocation'
import { insertGrievance } from '../grievances'
import { withSlaFrom } from '../sla/record'
import { queueReplies } from '../replies/outbox'
import { acknowledgement, newGrievance, nextTicket, originOf } from '../ingest/grievance-from-tweet'
import { labelOf, recordLabel } from './labels'
import { triageQuality } from './quality'

interface IgnoredRow {
  [key: string]: unknown
  tweet_id: string
  via_handle: string | null
  author_username: string
  author_id: string | null
  conversation_id: string | null
  tweeted_at: string | null
  text: string
  reasons: string[]
  confidence: number | null
  at: Date | string
  grievance_id: string | null
}

function iso(at: Date | string): string {
  return at instanceof Date ? at.toISOString() : new Date(at).toISOString()
}

/** LIKE's own characters taken literally: a search for "50%" finds "50%". */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

const TweetIdParams = z.object({ tweetId: safeText(LIMITS.idChars) })

export function registerReviewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(API_PATHS.ignored, async (request): Promise<IgnoredResponse> => {
    await authenticate(ctx, request)
    const query = parseInput(IgnoredQuery, request.query)
    const q = query.q?.trim() ?? ''
    // The cursor is (microseconds, tweet id): a batch's tweets share one `at`, and a
    // millisecond ISO time would lose the database's microseconds.
    const split = query.before ? query.before.indexOf(':') : -1
    const beforeUs = query.before ? query.before.slice(0, split) : null
    const beforeId = query.before ? query.before.slice(split + 1) : null
    const rows = await ctx.db.query<IgnoredRow & { at_us: string }>(
      `SELECT * FROM (
         SELECT i.*, floor(extract(epoch FROM at) * 1000000)::bigint AS at_us FROM ignored_tweets i
         WHERE ($1::text = '' OR text ILIKE $2 OR author_username ILIKE $2)) x
       WHERE ($3::bigint IS NULL OR at_us < $3::bigint OR (at_us = $3::bigint AND tweet_id < $4))
       ORDER BY at_us DESC, tweet_id DESC LIMIT $5`,
      [q, likePattern(q), beforeUs, beforeId, query.limit + 1],
    )
    const tweets: IgnoredTweet[] = rows.slice(0, query.limit).map((r) => ({
      tweetId: r.tweet_id,
      authorUsername: r.author_username,
      viaHandle: r.via_handle,
      text: r.text,
      reasons: r.reasons,
      confidence: r.confidence === null ? null : Number(r.confidence),
      at: iso(r.at),
      grievanceId: r.grievance_id,
    }))
    const last = rows[query.limit - 1]
    const hasMore = rows.length > query.limit
    return { tweets, hasMore, next: hasMore && last ? `${String(last.at_us)}:${last.tweet_id}` : null }
  })

  app.post(API_PATHS.ignoredTicket, async (request, reply): Promise<IgnoredTicketResponse> => {
    const user = await authenticate(ctx, request)
    const { tweetId } = parseInput(TweetIdParams, request.params)
    const body = parseInput(IgnoredTicketRequest, request.body ?? {})
    const { grievance, seqs } = await writeTransaction(ctx.db, async (tx) => {
      const [row] = await tx.query<IgnoredRow>('SELECT * FROM ignored_tweets WHERE tweet_id = $1 FOR UPDATE', [tweetId])
      if (!row) throw new HttpError(404, 'not_found', `No ignored tweet ${tweetId}`)
      if (row.grievance_id)
        throw new HttpError(409, 'already_ticket', `Tweet ${tweetId} is already grievance ${row.grievance_id}`)
      const [taken] = await tx.query<{ id: string }>('SELECT id FROM grievances WHERE source_tweet_id = $1', [tweetId])
      if (taken) throw new HttpError(409, 'already_ticket', `Tweet ${tweetId} is already grievance ${taken.id}`)
      const tweet: IncomingTweet = {
        id: row.tweet_id,
        text: row.text,
        authorId: row.author_id ?? row.author_username,
        authorUsername: row.author_username,
        conversationId: row.conversation_id ?? row.tweet_id,
        ...(row.tweeted_at ? { createdAt: row.tweeted_at } : {}),
        ...(row.via_handle ? { viaHandle: row.via_handle } : {}),
      }
      // Synchronous (the context's Triage is not reentrant): its language, priority and division pick.
      const snapshot = ctx.config.current()
      const triage = ctx.triage()
      const outcome = triageTweet(triage, tweet)
      const origin = { ...originOf(outcome, triage.model !== null), band: 'ticket' as const }
      const division = body.division ?? outcome.division ?? outcome.analysis.division ?? snapshot.org.defaultDivision
      if (!snapshot.org.divisions.some((d) => d.id === division))
        throw new HttpError(400, 'bad_request', `Unknown division "${division}"`)
      if (!canSee(user, { division, assignee: null }))
        throw new HttpError(403, 'forbidden', `You may not make tickets for division ${division}`)
      const now = new Date()
      const ticket = await nextTicket(tx, snapshot.org, now)
      const via = row.via_handle ? { kind: 'mention' as const, handle: row.via_handle } : { kind: 'manual' as const }
      // The clocks start now: the tweet was not anyone's work until a person made it a ticket.
      let g = withSlaFrom(
        snapshot.org,
        newGrievance(snapshot, tweet, { via }, { ...origin, division }, ticket, now),
        now,
        now,
      )
      g = {
        ...g,
        triage: { ...g.triage, reasons: [...g.triage.reasons, `made a ticket from ignored by ${user.username}`] },
      }
      g = await allocateGrievance(tx, g)
      const ack = acknowledges(ctx, snapshot) ? acknowledgement(snapshot, g) : null
      if (ack) g.thread.push(ack)
      const seq = await insertGrievance(tx, g)
      if (ack) await queueReplies(tx, [{ grievanceId: g.id, entryId: ack.id, text: ack.text }], { automatic: true })
      await tx.query('UPDATE ignored_tweets SET grievance_id = $2 WHERE tweet_id = $1', [tweetId, g.id])
      await recordLabel(
        tx,
        labelOf(g, { actionable: true, division, source: 'ignored-ticket', username: user.username }),
      )
      await recordAudit(tx, {
        actor: user.username,
        action: 'review.ticket-made',
        target: g.ticket,
        clientAddress: request.ip,
        details: { tweetId, division },
      })
      return { grievance: g, seqs: [seq] }
    })
    ctx.changes.notify(seqs)
    reply.code(201)
    return { grievanceId: grievance.id, ticket: grievance.ticket }
  })

  const quality = (roles: readonly Role[]) => async (request: FastifyRequest) => {
    const user = await requireRole(ctx, request, roles, 'see the triage model quality')
    const figures = await triageQuality(ctx, new Date())
    // Officers' decisions, read in bulk: on the record like an export.
    await audit(ctx.db, {
      actor: user.username,
      action: 'triage.quality-read',
      clientAddress: request.ip,
      details: { decisions: figures.decisions },
    })
    return figures
  }
  app.get(API_PATHS.triageQuality, quality(['supervisor', 'admin']))
  app.get(API_PATHS.triageQualityAdmin, quality(['admin']))
}
