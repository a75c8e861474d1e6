// Posts queued replies to X, at most once each. A row is marked `sending` (attempt
// counted) in a committed transaction before the call; a row found `sending` later was
// cut off mid-call, so X is searched for it before anything is posted again. X's
// "duplicate content" refusal also means the earlier post went through.
//
// People's replies go before automatic acknowledgements, and acknowledgements never take
// the whole posting window (posting-window.ts). A person's reply that has to wait shows
// its place and an estimate on its thread entry.
import type { TweetV2, TwitterApiReadWrite } from 'twitter-api-v2'
import { containsUrl } from '../../shared/budget'
import type { Grievance } from '../../shared/grievance'
import { writeTransaction, type Queryable } from '../db/database'
import { loadGrievance, nextVersion, writeGrievances } from '../grievances'
import { withResponse } from '../sla/record'
import type { ServerContext } from '../context'
import { describeXError } from '../x/errors'
import { countBilled } from '../x/usage'
import type { RateLimitPacer } from '../x/rate-limits'
import { PostingWindow } from './posting-window'

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
  automatic: boolean
}

interface Settlement {
  row: OutboxRow
  outcome: { state: 'posted'; tweetId?: string } | { state: 'failed'; error: string }
}

/**
 * Where the posting client comes from: a fixed one, or one looked up before each pass (the
 * primary handle's OAuth token changes as it is refreshed or reconnected; null = nobody
 * can post now, so the pass does nothing).
 */
export type PostingClient = TwitterApiReadWrite | (() => Promise<TwitterApiReadWrite | null>)

/** Posts in flight at once in a pass. */
const DEFAULT_CONCURRENCY = 4

export interface ReplyWorkerOptions {
  instanceId: string
  maxAttempts?: number
  /** First retry delay; doubles with each attempt. */
  backoffMs?: number
  /** A `sending` row older than this, claimed by another instance, is presumed orphaned. */
  leaseMs?: number
  /** Checked before every post: false (e.g. leadership lost) ends the pass at once. */
  mayPost?: () => boolean
  /** Posts in flight at once (default 4). */
  concurrency?: number
  /** Fed by the posting client's rate-limit plugin: how much of X's posting window is left. */
  pacer?: RateLimitPacer
  /** Share of each posting window kept for people's replies (default 0.25). */
  peopleShare?: number
}

/** A waiting person's reply is shown when it will be later than this (ms from now). */
const SHOW_WAIT_AFTER_MS = 15_000
/** A shown estimate is rewritten when it moves by more than this. */
const ESTIMATE_SLACK_MS = 60_000

/** Compare texts the way X may have stored them (leading @mentions, spacing). */
function sameText(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/^(@\w+\s+)+/, '')
      .replace(/\s+/g, ' ')
      .trim()
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
  private readonly concurrency: number
  private readonly window: PostingWindow
  private running: Promise<number> = Promise.resolve(0)
  private pausedUntil = 0
  /** What each waiting reply's entry shows now (so it is rewritten only when it changes). */
  private readonly shown = new Map<string, { position: number; estimatedAt: number }>()

  /** The client of the current pass. */
  private x!: TwitterApiReadWrite

  constructor(
    private readonly ctx: ServerContext,
    private readonly client: PostingClient,
    private readonly opts: ReplyWorkerOptions,
  ) {
    if (typeof client !== 'function') this.x = client
    this.maxAttempts = opts.maxAttempts ?? 5
    this.backoffMs = opts.backoffMs ?? 2_000
    this.leaseMs = opts.leaseMs ?? 120_000
    this.concurrency = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY)
    this.window = new PostingWindow(opts.pacer, opts.peopleShare)
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
    if (typeof this.client === 'function') {
      const current = await this.client()
      if (!current) return 0
      this.x = current
    }
    if (Date.now() < this.pausedUntil) {
      await this.showWaiting()
      return 0
    }
    let posted = await this.recoverOrphans()
    const claimed = await this.claimDue()
    // A few posts in flight at once (X answers in tens of milliseconds to seconds); every
    // claimed row is already `sending`, so a crash mid-pass is recovered the usual way.
    const settlements: Settlement[] = []
    const handBack: { row: OutboxRow; at: Date; why: string }[] = []
    let next = 0
    const sender = async (): Promise<void> => {
      for (let row = claimed[next++]; row; row = claimed[next++]) {
        if (this.opts.mayPost && !this.opts.mayPost()) {
          // Not posted, so safe to hand back for whoever leads next.
          handBack.push({ row, at: new Date(), why: 'handed back: no longer the leader' })
        } else if (Date.now() < this.pausedUntil) {
          handBack.push({ row, at: new Date(this.pausedUntil), why: 'handed back: X rate limit' })
        } else if (row.automatic && !this.window.automaticAllowed()) {
          const at = new Date(this.window.automaticResumeAt())
          handBack.push({ row, at, why: 'held back: the rest of the posting window is kept for people' })
        } else {
          const settlement = await this.post(row)
          if (settlement) settlements.push(settlement)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(this.concurrency, claimed.length) }, sender))
    for (const { row, at, why } of handBack) await this.reschedule(row, row.attempts - 1, at, why)
    await this.settleMany(settlements)
    posted += settlements.filter((s) => s.outcome.state === 'posted').length
    await this.showWaiting()
    return posted
  }

  /**
   * People's replies still waiting (a rate-limit pause, the window used up, a retry's
   * backoff): each entry shows its place among them and when it should be on X. Written
   * only when that changes, so a long wait does not churn versions.
   */
  private async showWaiting(): Promise<void> {
    const waiting = await this.ctx.db.query<{ entry_id: string; grievance_id: string; next_attempt_at: Date }>(
      `SELECT entry_id, grievance_id, next_attempt_at FROM reply_outbox
       WHERE state = 'pending' AND NOT automatic ORDER BY created_at, entry_id LIMIT 200`,
    )
    const now = Date.now()
    const changed: { entryId: string; grievanceId: string; position: number; estimatedAt: number }[] = []
    const stillWaiting = new Set<string>()
    waiting.forEach((row, i) => {
      const position = i + 1
      const estimatedAt = this.window.estimate(
        position,
        Math.max(this.pausedUntil, new Date(row.next_attempt_at).getTime()),
      )
      const before = this.shown.get(row.entry_id)
      if (!before && estimatedAt - now < SHOW_WAIT_AFTER_MS) return
      stillWaiting.add(row.entry_id)
      if (before && before.position === position && Math.abs(before.estimatedAt - estimatedAt) <= ESTIMATE_SLACK_MS)
        return
      changed.push({ entryId: row.entry_id, grievanceId: row.grievance_id, position, estimatedAt })
    })
    for (const id of [...this.shown.keys()]) if (!stillWaiting.has(id)) this.shown.delete(id)
    if (changed.length === 0) return
    const seqs = await writeTransaction(this.ctx.db, async (tx) => {
      const stored = await tx.query<{ doc: Grievance }>(
        `SELECT doc FROM grievances WHERE id = ANY($1::text[]) FOR UPDATE`,
        [[...new Set(changed.map((c) => c.grievanceId))]],
      )
      const writes = new Map(stored.map((r) => [r.doc.id, { before: r.doc, after: nextVersion(r.doc) }]))
      for (const c of changed) {
        const write = writes.get(c.grievanceId)
        if (!write) continue
        write.after.thread = write.after.thread.map((entry) =>
          entry.id === c.entryId && entry.post?.state === 'pending'
            ? {
                ...entry,
                post: { ...entry.post, queuePosition: c.position, estimatedAt: new Date(c.estimatedAt).toISOString() },
              }
            : entry,
        )
      }
      return writeGrievances(tx, [...writes.values()])
    })
    for (const c of changed) this.shown.set(c.entryId, { position: c.position, estimatedAt: c.estimatedAt })
    if (seqs.size > 0) this.ctx.changes.notify([...seqs.values()])
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

  /** The due replies, people's first; acknowledgements only while the window has room for them. */
  private async claimDue(): Promise<OutboxRow[]> {
    const automaticToo = this.window.automaticAllowed()
    return this.ctx.db.transaction(async (tx) => {
      const due = await tx.query<OutboxRow>(
        `SELECT o.* FROM reply_outbox o
         WHERE o.state = 'pending' AND o.next_attempt_at <= now() AND ($1 OR NOT o.automatic)
           AND (o.after_entry_id IS NULL OR EXISTS (
             SELECT 1 FROM reply_outbox p WHERE p.entry_id = o.after_entry_id AND p.state = 'posted'))
         ORDER BY o.automatic, o.created_at, o.entry_id LIMIT 20
         FOR UPDATE SKIP LOCKED`,
        [automaticToo],
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

  /** Posts one claimed reply; returns how it settles, or null when it was rescheduled. */
  private async post(row: OutboxRow): Promise<Settlement | null> {
    const inReplyTo = row.in_reply_to!
    try {
      // An earlier attempt may have reached X even though we saw an error (e.g. a timeout
      // after X stored the post): look before posting again.
      if (row.attempts > 1) {
        const existing = await this.findPosted(row, inReplyTo)
        if (existing) return { row, outcome: { state: 'posted', tweetId: existing.id } }
      }
      const result = await this.x.v2.reply(row.text, inReplyTo)
      return { row, outcome: { state: 'posted', tweetId: result.data.id } }
    } catch (error) {
      const failure = describeXError(error)
      if (failure.duplicateContent) {
        const existing = await this.findPosted(row, inReplyTo).catch(() => null)
        return { row, outcome: { state: 'posted', ...(existing ? { tweetId: existing.id } : {}) } }
      }
      if (failure.retryAt) {
        this.pausedUntil = Math.max(this.pausedUntil, failure.retryAt)
        // A rate limit is not the reply's fault: the attempt does not count.
        await this.reschedule(row, row.attempts - 1, new Date(failure.retryAt), failure.message)
        return null
      }
      this.ctx.log(`[replies] posting ${row.entry_id} failed (attempt ${row.attempts}): ${failure.message}`)
      if (row.attempts >= this.maxAttempts) {
        return { row, outcome: { state: 'failed', error: `${failure.message} (after ${row.attempts} attempts)` } }
      }
      const delay = this.backoffMs * 2 ** (row.attempts - 1)
      await this.reschedule(row, row.attempts, new Date(Date.now() + delay), failure.message)
      return null
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
  private settle(row: OutboxRow, outcome: Settlement['outcome']): Promise<void> {
    return this.settleMany([{ row, outcome }])
  }

  /**
   * Final states of several replies in one transaction: the outbox rows, the thread
   * entries (one new version per grievance however many of its replies settle), the
   * posted tweets recorded as the grievance's, and one change per grievance.
   */
  private async settleMany(settlements: readonly Settlement[]): Promise<void> {
    if (settlements.length === 0) return
    const seqs = await writeTransaction(this.ctx.db, async (tx) => {
      const tweetIdOf = (s: Settlement): string | null =>
        s.outcome.state === 'posted' ? (s.outcome.tweetId ?? null) : null
      await tx.query(
        `UPDATE reply_outbox o SET state = u.state, posted_tweet_id = u.tweet_id, last_error = u.error, claimed_by = NULL
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(entry_id, state, tweet_id, error)
         WHERE o.entry_id = u.entry_id`,
        [
          settlements.map((s) => s.row.entry_id),
          settlements.map((s) => s.outcome.state),
          settlements.map(tweetIdOf),
          settlements.map((s) => (s.outcome.state === 'failed' ? s.outcome.error : null)),
        ],
      )
      const stored = await tx.query<{ doc: Grievance }>(
        `SELECT doc FROM grievances WHERE id = ANY($1::text[]) FOR UPDATE`,
        [[...new Set(settlements.map((s) => s.row.grievance_id))]],
      )
      const writes = new Map(stored.map((r) => [r.doc.id, { before: r.doc, after: nextVersion(r.doc) }]))
      for (const { row, outcome } of settlements) {
        const write = writes.get(row.grievance_id)
        if (!write) continue
        write.after.thread = write.after.thread.map((entry) =>
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
      }
      // A person's reply on X is a response for the SLA; an acknowledgement is not (src/server/sla).
      const postedAt = new Date()
      for (const { row, outcome } of settlements) {
        const write = writes.get(row.grievance_id)
        if (write && outcome.state === 'posted' && !row.automatic)
          write.after = withResponse(this.ctx.config.current().org, write.after, postedAt)
      }
      const posted = settlements.filter((s) => tweetIdOf(s) !== null && writes.has(s.row.grievance_id))
      if (posted.length > 0) {
        await tx.query(
          `INSERT INTO grievance_tweets (tweet_id, grievance_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
          [posted.map(tweetIdOf), posted.map((s) => s.row.grievance_id)],
        )
      }
      // What X bills for them (once per row: a row settles as posted only once).
      const onX = settlements.filter((s) => s.outcome.state === 'posted')
      const withUrl = onX.filter((s) => containsUrl(s.row.text)).length
      const now = new Date()
      await countBilled(tx, 'url-post', withUrl, now)
      await countBilled(tx, 'post', onX.length - withUrl, now)
      return writeGrievances(tx, [...writes.values()])
    })
    if (seqs.size > 0) this.ctx.changes.notify([...seqs.values()])
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
    const query = `from:${this.ctx.config.current().primaryHandle}${g ? ` conversation_id:${g.conversation_id}` : ''}`
    const found = await this.x.v2.search(query, {
      max_results: 100,
      'tweet.fields': ['referenced_tweets', 'conversation_id', 'created_at', 'author_id'],
    })
    return (
      found.tweets.find(
        (t) =>
          sameText(t.text, row.text) &&
          (t.referenced_tweets ?? []).some((r) => r.type === 'replied_to' && r.id === inReplyTo),
      ) ?? null
    )
  }
}
