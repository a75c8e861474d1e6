// Posts queued replies to X, at most once each. A row is marked `sending` (attempt
// counted) in a committed transaction before the call; a row found `sending` later was
// cut off mid-call, so X is searched for it before anything is posted again. X's
// "duplicate content" refusal also means the earlier post went through.
import type { TweetV2, TwitterApiReadWrite } from 'twitter-api-v2'
import type { Grievance } from '../../shared/grievance'
import { writeTransaction, type Queryable } from '../db/database'
import { loadGrievance, nextVersion, saveGrievance } from '../grievances'
import type { ServerContext } from '../context'
import { describeXError } from '../x/errors'

interface OutboxRow {
  [key: string]: unknown
  entry_id: string
  grievance_id: string
  text: string
  after_entry_id: string | null
  state: 'pending' | 'sending' | 'posted' | 'failed'
  attempts: number
  in_reply_to: string | null
  claimed_by: string | null
}

export interface ReplyWorkerOptions {
  instanceId: string
  maxAttempts?: number
  /** First retry delay; doubles with each attempt. */
  backoffMs?: number
  /** A `sending` row older than this, claimed by another instance, is presumed orphaned. */
  leaseMs?: number
  /** Checked before every post: false (e.g. leadership lost) ends the pass at once. */
  mayPost?: () => boolean
}

/** Compare texts the way X may have stored them (leading @mentions, spacing). */
function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/^(@\w+\s+)+/, '').replace(/\s+/g, ' ').trim()
  return norm(a) === norm(b)
}

function latestCitizenTweet(g: Grievance): string | null {
  for (let i = g.thread.length - 1; i >= 0; i--) {
    const entry = g.thread[i]!
    if (entry.kind === 'citizen' && entry.tweetId) return entry.tweetId
  }
  return g.source.tweetId
}

export class ReplyWorker {
  private readonly startedAt = new Date()
  private readonly maxAttempts: number
  private readonly backoffMs: number
  private readonly leaseMs: number
  private running: Promise<number> = Promise.resolve(0)
  private pausedUntil = 0

  constructor(
    private readonly ctx: ServerContext,
    private readonly x: TwitterApiReadWrite,
    private readonly opts: ReplyWorkerOptions,
  ) {
    this.maxAttempts = opts.maxAttempts ?? 5
    this.backoffMs = opts.backoffMs ?? 2_000
    this.leaseMs = opts.leaseMs ?? 120_000
  }

  /** One pass; calls never overlap. Returns the number of replies confirmed posted. Never throws. */
  runOnce(): Promise<number> {
    this.running = this.running.then(() =>
      this.pass().catch((error: unknown) => {
        this.ctx.log(`[replies] pass failed: ${describeXError(error).message}`)
        return 0
      }),
    )
    return this.running
  }

  private async pass(): Promise<number> {
    if (Date.now() < this.pausedUntil) return 0
    let posted = await this.recoverOrphans()
    const claimed = await this.claimDue()
    for (const [index, row] of claimed.entries()) {
      if (this.opts.mayPost && !this.opts.mayPost()) {
        // Not posted, so safe to hand back for whoever leads next.
        for (const rest of claimed.slice(index)) await this.reschedule(rest, rest.attempts - 1, new Date(), 'handed back: no longer the leader')
        break
      }
      if (await this.post(row)) posted++
      if (Date.now() < this.pausedUntil) break
    }
    return posted
  }

  /** Rows left `sending` by a previous run of this instance, or by anyone long ago. */
  private async recoverOrphans(): Promise<number> {
    const rows = await this.ctx.db.query<OutboxRow>(
      `SELECT * FROM reply_outbox WHERE state = 'sending'
       AND ((claimed_by = $1 AND claimed_at < $2) OR claimed_at < now() - ($3 || ' milliseconds')::interval)`,
      [this.opts.instanceId, this.startedAt, String(this.leaseMs)],
    )
    let posted = 0
    for (const row of rows) {
      const existing = row.in_reply_to ? await this.findPosted(row, row.in_reply_to) : null
      if (existing) {
        await this.settle(row, { state: 'posted', tweetId: existing.id })
        posted++
      } else {
        // Not on X: safe to post again, without counting the interrupted attempt twice.
        await this.ctx.db.query(
          `UPDATE reply_outbox SET state = 'pending', next_attempt_at = now(), claimed_by = NULL
           WHERE entry_id = $1 AND state = 'sending'`,
          [row.entry_id],
        )
      }
    }
    return posted
  }

  private async claimDue(): Promise<OutboxRow[]> {
    return this.ctx.db.transaction(async (tx) => {
      const due = await tx.query<OutboxRow>(
        `SELECT o.* FROM reply_outbox o
         WHERE o.state = 'pending' AND o.next_attempt_at <= now()
           AND (o.after_entry_id IS NULL OR EXISTS (
             SELECT 1 FROM reply_outbox p WHERE p.entry_id = o.after_entry_id AND p.state = 'posted'))
         ORDER BY o.created_at, o.entry_id LIMIT 10
         FOR UPDATE SKIP LOCKED`,
      )
      const claimed: OutboxRow[] = []
      for (const row of due) {
        const inReplyTo = await this.replyTarget(tx, row)
        if (!inReplyTo) continue
        await tx.query(
          `UPDATE reply_outbox SET state = 'sending', attempts = attempts + 1, claimed_by = $2,
             claimed_at = now(), in_reply_to = $3 WHERE entry_id = $1`,
          [row.entry_id, this.opts.instanceId, inReplyTo],
        )
        claimed.push({ ...row, state: 'sending', attempts: row.attempts + 1, in_reply_to: inReplyTo })
      }
      return claimed
    })
  }

  /** A thread part answers its predecessor; otherwise we answer the citizen's latest tweet. */
  private async replyTarget(tx: Queryable, row: OutboxRow): Promise<string | null> {
    if (row.after_entry_id) {
      const [prev] = await tx.query<{ posted_tweet_id: string | null }>(
        'SELECT posted_tweet_id FROM reply_outbox WHERE entry_id = $1',
        [row.after_entry_id],
      )
      if (prev?.posted_tweet_id) return prev.posted_tweet_id
    }
    const g = await loadGrievance(tx, row.grievance_id)
    return g ? latestCitizenTweet(g) : null
  }

  private async post(row: OutboxRow): Promise<boolean> {
    const inReplyTo = row.in_reply_to!
    try {
      // An earlier attempt may have reached X even though we saw an error (e.g. a timeout
      // after X stored the post): look before posting again.
      if (row.attempts > 1) {
        const existing = await this.findPosted(row, inReplyTo)
        if (existing) {
          await this.settle(row, { state: 'posted', tweetId: existing.id })
          return true
        }
      }
      const result = await this.x.v2.reply(row.text, inReplyTo)
      await this.settle(row, { state: 'posted', tweetId: result.data.id })
      return true
    } catch (error) {
      const failure = describeXError(error)
      if (failure.duplicateContent) {
        const existing = await this.findPosted(row, inReplyTo).catch(() => null)
        await this.settle(row, { state: 'posted', ...(existing ? { tweetId: existing.id } : {}) })
        return true
      }
      if (failure.retryAt) {
        this.pausedUntil = failure.retryAt
        // A rate limit is not the reply's fault: the attempt does not count.
        await this.reschedule(row, row.attempts - 1, new Date(failure.retryAt), failure.message)
        return false
      }
      this.ctx.log(`[replies] posting ${row.entry_id} failed (attempt ${row.attempts}): ${failure.message}`)
      if (row.attempts >= this.maxAttempts) {
        await this.settle(row, { state: 'failed', error: `${failure.message} (after ${row.attempts} attempts)` })
      } else {
        const delay = this.backoffMs * 2 ** (row.attempts - 1)
        await this.reschedule(row, row.attempts, new Date(Date.now() + delay), failure.message)
      }
      return false
    }
  }

  private async reschedule(row: OutboxRow, attempts: number, at: Date, error: string): Promise<void> {
    await this.ctx.db.query(
      `UPDATE reply_outbox SET state = 'pending', attempts = $2, next_attempt_at = $3, last_error = $4, claimed_by = NULL
       WHERE entry_id = $1`,
      [row.entry_id, Math.max(0, attempts), at, error],
    )
  }

  /** Final state of a reply: outbox row and thread entry change in one transaction. */
  private async settle(row: OutboxRow, outcome: { state: 'posted'; tweetId?: string } | { state: 'failed'; error: string }): Promise<void> {
    const seq = await writeTransaction(this.ctx.db, async (tx) => {
      await tx.query(
        `UPDATE reply_outbox SET state = $2, posted_tweet_id = $3, last_error = $4, claimed_by = NULL WHERE entry_id = $1`,
        [
          row.entry_id,
          outcome.state,
          outcome.state === 'posted' ? (outcome.tweetId ?? null) : null,
          outcome.state === 'failed' ? outcome.error : null,
        ],
      )
      const before = await loadGrievance(tx, row.grievance_id, true)
      if (!before) return null
      const after = nextVersion(before)
      after.thread = after.thread.map((entry) =>
        entry.id !== row.entry_id
          ? entry
          : {
              ...entry,
              ...(outcome.state === 'posted' && outcome.tweetId ? { tweetId: outcome.tweetId } : {}),
              post: {
                state: outcome.state,
                attempts: row.attempts,
                ...(outcome.state === 'failed' ? { error: outcome.error } : {}),
              },
            },
      )
      if (outcome.state === 'posted' && outcome.tweetId) {
        await tx.query('INSERT INTO grievance_tweets (tweet_id, grievance_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          outcome.tweetId,
          row.grievance_id,
        ])
      }
      return saveGrievance(tx, before, after)
    })
    if (seq !== null) this.ctx.changes.notify(seq)
  }

  /**
   * Our handle's recent tweet with this text replying to that tweet, if X has it.
   * Searched by author and conversation (recent search), which both X and the simulator serve.
   */
  private async findPosted(row: OutboxRow, inReplyTo: string): Promise<TweetV2 | null> {
    const [g] = await this.ctx.db.query<{ conversation_id: string }>(
      'SELECT conversation_id FROM grievances WHERE id = $1',
      [row.grievance_id],
    )
    const query = `from:${this.ctx.primaryHandle}${g ? ` conversation_id:${g.conversation_id}` : ''}`
    const found = await this.x.v2.search(query, {
      max_results: 100,
      'tweet.fields': ['referenced_tweets', 'conversation_id', 'created_at', 'author_id'],
    })
    return (
      found.tweets.find(
        (t) => sameText(t.text, row.text) && (t.referenced_tweets ?? []).some((r) => r.type === 'replied_to' && r.id === inReplyTo),
      ) ?? null
    )
  }
}
