// The filtered stream: keyword-rule matches in real time. Its rules are kept in step with
// the keyword rules (tag = rule id; stale ones deleted, missing ones added). The
// connection is our own loop around twitter-api-v2's TweetStream: on a drop we reconnect
// (at once the first time, then with backoff; after a 429 not before the reset) and
// backfill the gap with recent search from the newest stream tweet we stored, reaching
// back a little because the stream does not promise order. The cursor lives in the
// database, so a server restart backfills the same way.
import {
  ETwitterStreamEvent,
  type TweetStream,
  type TweetV2SingleStreamResult,
  type TweetV2,
  type UserV2,
} from 'twitter-api-v2'
import type { KeywordRule } from '../../../shared/org'
import { backoffDelay, type BackoffPolicy } from '../../x/backoff'
import { describeXError } from '../../x/errors'
import { markTweetDeleted } from '../deleted-tweets'
import { buildStreamRules } from '../keyword-queries'
import { TWEET_EXPANSIONS, TWEET_FIELDS, USER_FIELDS, compareIds, snowflakeAt, snowflakeTime } from '../tweets'
import { searchAllPages } from './search'
import { advanceCursor, readCursor, setCursor, type SourceKit, type StreamingSource } from './source'

export const STREAM_ENDPOINT = 'GET /2/tweets/search/stream'
export const RULES_ENDPOINT = 'GET /2/tweets/search/stream/rules'
export const RULES_UPDATE_ENDPOINT = 'POST /2/tweets/search/stream/rules'
const CURSOR_KEY = 'newest'
const BACKFILL_KEY = 'backfill-from'

export interface RulesSyncResult {
  added: number
  deleted: number
}

/** Makes X's stream rules exactly the desired set: deletes what is stale, adds what is missing. */
export async function syncStreamRules(
  kit: Pick<SourceKit, 'x' | 'turn'>,
  desired: readonly { value: string; tag: string }[],
): Promise<RulesSyncResult> {
  await kit.turn(RULES_ENDPOINT)
  const current = (await kit.x.v2.streamRules()).data ?? []
  const wanted = new Map(desired.map((r) => [r.value, r.tag]))
  const stale = current.filter((r) => wanted.get(r.value) !== r.tag).map((r) => r.id)
  const have = new Set(current.filter((r) => wanted.get(r.value) === r.tag).map((r) => r.value))
  const missing = desired.filter((r) => !have.has(r.value))
  if (stale.length > 0) {
    await kit.turn(RULES_UPDATE_ENDPOINT)
    await kit.x.v2.updateStreamRules({ delete: { ids: stale } })
  }
  if (missing.length > 0) {
    await kit.turn(RULES_UPDATE_ENDPOINT)
    const result = await kit.x.v2.updateStreamRules({ add: missing.map((r) => ({ value: r.value, tag: r.tag })) })
    const invalid = (result.errors ?? []).filter((e) => (e as { title?: string }).title !== 'DuplicateRule')
    if (invalid.length > 0) throw new Error(`X refused stream rules: ${JSON.stringify(invalid).slice(0, 300)}`)
  }
  return { added: missing.length, deleted: stale.length }
}

/** A delete notice, in the shapes X has used (v1.1 status deletes, compliance events). */
function deletedTweetId(event: unknown): string | null {
  const e = event as { delete?: { status?: { id_str?: string } }; data?: { delete?: { tweet?: { id?: string } } } }
  return e.delete?.status?.id_str ?? e.data?.delete?.tweet?.id ?? null
}

export class StreamSource implements StreamingSource {
  readonly name = 'stream' as const
  readonly kind = 'streaming' as const
  private stopped = true
  private loop: Promise<void> | null = null
  private current: TweetStream<TweetV2SingleStreamResult> | null = null
  private wake: (() => void) | null = null
  private queue: Promise<void> = Promise.resolve()
  private pending: unknown[] = []
  private drainScheduled = false
  private connected = false
  private lastEventAt: string | null = null
  private lastError: string | undefined
  private waitingUntil: number | undefined
  private rulesSync: Promise<unknown> = Promise.resolve()
  /** False until X has this.rules; the run loop syncs them before (re)connecting. */
  private rulesInStep = false
  rules: { value: string; tag: string }[]

  constructor(
    keywordRules: readonly KeywordRule[],
    ownHandles: readonly string[],
    private readonly backoff: BackoffPolicy,
  ) {
    this.rules = buildStreamRules(keywordRules, ownHandles)
  }

  /**
   * A new config version's rules. X applies rule changes to an open connection, so a
   * running stream only syncs its rules (no reconnect; the cursor stays); a stopped one
   * syncs them when it next starts. Returns whether anything changed.
   */
  async updateRules(
    kit: Pick<SourceKit, 'x' | 'turn' | 'ctx'>,
    keywordRules: readonly KeywordRule[],
    ownHandles: readonly string[],
  ): Promise<boolean> {
    const next = buildStreamRules(keywordRules, ownHandles)
    const same =
      next.length === this.rules.length &&
      next.every((r, i) => r.value === this.rules[i]!.value && r.tag === this.rules[i]!.tag)
    if (same) return false
    this.rules = next
    if (!this.running) return true
    try {
      await this.syncRules(kit)
    } catch (error) {
      // Reconnect, and the run loop syncs them before the new connection.
      this.rulesInStep = false
      this.current?.close()
      throw error
    }
    return true
  }

  /** One rules sync at a time (start and a config change could otherwise race on X's rule ids). */
  private syncRules(kit: Pick<SourceKit, 'x' | 'turn' | 'ctx'>): Promise<void> {
    const run = this.rulesSync.then(async () => {
      const sync = await syncStreamRules(kit, this.rules)
      if (sync.added + sync.deleted > 0)
        kit.ctx.log(`[stream] rules synced: ${sync.added} added, ${sync.deleted} deleted`)
    })
    this.rulesSync = run.catch(() => undefined)
    return run
  }

  get running(): boolean {
    return !this.stopped
  }

  health(): ReturnType<StreamingSource['health']> {
    return {
      connected: this.connected,
      lastEventAt: this.lastEventAt,
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.waitingUntil ? { waitingUntil: this.waitingUntil } : {}),
    }
  }

  async cursor({ ctx }: Pick<SourceKit, 'ctx'>): Promise<string | undefined> {
    return (await readCursor(ctx.db, 'stream', CURSOR_KEY)) ?? undefined
  }

  start(kit: SourceKit): void {
    if (!this.stopped) return
    this.stopped = false
    this.loop = this.run(kit).catch((error: unknown) => kit.ctx.log(`[stream] loop ended: ${String(error)}`))
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.current?.close()
    this.wake?.()
    await this.loop
    await this.queue
    this.loop = null
  }

  private async run(kit: SourceKit): Promise<void> {
    let failures = 0
    this.rulesInStep = false
    while (!this.stopped) {
      let waitMs = 0
      try {
        if (!this.rulesInStep) {
          await this.syncRules(kit)
          this.rulesInStep = true
        }
        const healthy = await this.connectAndServe(kit)
        // A connection that delivered and then dropped is normal: reconnect at once.
        failures = healthy ? 0 : failures + 1
        waitMs = failures === 0 ? 0 : backoffDelay(failures, this.backoff)
      } catch (error) {
        const failure = describeXError(error)
        this.lastError = failure.message
        failures++
        waitMs = failure.retryAt ? Math.max(0, failure.retryAt - Date.now()) : backoffDelay(failures, this.backoff)
        kit.ctx.log(`[stream] ${failure.status ?? 'network'}: ${failure.message}; reconnecting in ${waitMs} ms`)
      }
      this.connected = false
      if (waitMs > 0 && !this.stopped) await this.sleep(waitMs)
    }
  }

  /** One connection: returns when it closes; true if it was up long enough to call healthy. */
  private async connectAndServe(kit: SourceKit): Promise<boolean> {
    await kit.turn(STREAM_ENDPOINT)
    const stream = kit.x.v2.searchStream({
      autoConnect: false,
      expansions: [...TWEET_EXPANSIONS],
      'tweet.fields': [...TWEET_FIELDS],
      'user.fields': [...USER_FIELDS],
    })
    let delivered = 0
    let isClosed = false
    const closed = new Promise<void>((resolve) => {
      stream.on(ETwitterStreamEvent.ConnectionClosed, () => {
        isClosed = true
        resolve()
      })
    })
    stream.on(ETwitterStreamEvent.Data, (event) => {
      delivered++
      this.lastEventAt = new Date().toISOString()
      this.enqueue(kit, event)
    })
    stream.on(ETwitterStreamEvent.DataError, (event) => this.enqueue(kit, event))
    this.current = stream
    let connectedAt = 0
    try {
      await stream.connect({ autoReconnect: false, keepAliveTimeout: kit.tuning.stream.keepAliveTimeoutMs })
      connectedAt = Date.now()
      if (this.stopped) return true
      this.connected = true
      this.lastError = undefined
      this.waitingUntil = undefined
      // Connected first, then backfill: tweets of the gap arrive either way, and twice is
      // harmless. A failed backfill closes the connection, so the next one backfills again.
      await this.backfill(kit)
      await closed
    } finally {
      if (!isClosed) stream.close()
      this.current = null
      this.connected = false
      stream.removeAllListeners()
    }
    await this.queue
    return delivered > 0 || Date.now() - connectedAt > 5_000
  }

  /**
   * Events are ingested in arrival order, off the socket's callback. Events that arrive
   * while a batch is being written wait and go in together as the next batch (one write
   * transaction), so a burst costs a few transactions, not one per tweet.
   */
  private enqueue(kit: SourceKit, event: unknown): void {
    this.pending.push(event)
    if (this.drainScheduled) return
    this.drainScheduled = true
    this.queue = this.queue
      .then(() => {
        this.drainScheduled = false
        return this.drain(kit, this.pending.splice(0, this.pending.length))
      })
      .catch((error: unknown) => {
        this.lastError = `ingesting stream events: ${String(error)}`
        kit.ctx.log(`[stream] ${this.lastError}; reconnecting to backfill them`)
        // Nothing of the failed batch committed (its tweets are unclaimed, the cursor did
        // not move): the next connection's backfill from the cursor reads them again.
        this.current?.close()
      })
  }

  /** Consecutive tweets as one batch; a delete notice in between is applied in its place. */
  private async drain(kit: SourceKit, events: readonly unknown[]): Promise<void> {
    let tweets: TweetV2[] = []
    let users: UserV2[] = []
    const rules = new Map<string, string>()
    const flush = async (): Promise<void> => {
      if (tweets.length === 0) return
      const batch = tweets
      const batchUsers = users
      tweets = []
      users = []
      await kit.countRead(batch.length)
      await kit.ingest(batch, batchUsers, {
        via: (tweet) => {
          const rule = rules.get(tweet.id)
          return { kind: 'stream', ...(rule ? { rule } : {}) }
        },
        advance: (tx, newestId) => advanceCursor(tx, 'stream', CURSOR_KEY, newestId),
      })
    }
    for (const event of events) {
      const deleted = deletedTweetId(event)
      if (deleted) {
        await flush()
        await markTweetDeleted(kit.ctx, deleted)
        continue
      }
      const e = event as {
        data?: TweetV2
        includes?: { users?: UserV2[] }
        matching_rules?: { id: string; tag?: string }[]
      }
      if (!e.data?.id) continue
      tweets.push(e.data)
      users.push(...(e.includes?.users ?? []))
      const rule = e.matching_rules?.find((r) => r.tag)?.tag
      if (rule && !rules.has(e.data.id)) rules.set(e.data.id, rule)
    }
    await flush()
  }

  /**
   * Recent search per stream rule from a little before the newest stream tweet we stored.
   * The starting point is saved first and cleared only when every rule is done, so a
   * backfill cut short (error, restart) starts again from the same place.
   */
  async backfill(kit: SourceKit): Promise<number> {
    const pending = await readCursor(kit.ctx.db, 'stream', BACKFILL_KEY)
    const newest = await readCursor(kit.ctx.db, 'stream', CURSOR_KEY)
    if (!newest && !pending) return 0
    const fromNewest = newest ? snowflakeAt(snowflakeTime(newest) - kit.tuning.stream.reorderWindowMs) : null
    const sinceId = pending && (!fromNewest || compareIds(pending, fromNewest) < 0) ? pending : fromNewest!
    await setCursor(kit.ctx.db, 'stream', BACKFILL_KEY, sinceId)
    let created = 0
    for (const rule of this.rules) {
      if (this.stopped) return created
      const pages = await searchAllPages(kit, rule.value, { sinceId })
      const tally = await kit.ingest(pages.tweets, pages.users, {
        via: () => ({ kind: 'stream', rule: rule.tag }),
        advance: (tx, newestId) => advanceCursor(tx, 'stream', CURSOR_KEY, newestId),
      })
      created += tally.created
    }
    await kit.ctx.db.query(`DELETE FROM ingest_source_cursors WHERE source = 'stream' AND key = $1`, [BACKFILL_KEY])
    if (created > 0) kit.ctx.log(`[stream] backfill after (re)connect found ${created} new grievance(s)`)
    return created
  }

  private sleep(ms: number): Promise<void> {
    this.waitingUntil = Date.now() + ms
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done(): void {
        clearTimeout(timer)
        resolve()
      }
      this.wake = done
    }).then(() => {
      this.wake = null
      this.waitingUntil = undefined
    })
  }
}
