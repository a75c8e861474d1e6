// The one interface every ingestion source implements, and the toolkit the supervisor
// hands it: a paced X client, the budget counter, and the exactly-once ingest of a batch.
import type { TweetV2, TwitterApiReadOnly, UserV2 } from 'twitter-api-v2'
import type { IngestSourceName } from '../../../shared/org'
import type { TweetSource } from '../../../shared/grievance'
import type { Queryable } from '../../db/database'
import type { ServerContext } from '../../context'
import type { RateLimitPacer } from '../../x/rate-limits'

export interface SourceTuning {
  /** Longest a request may wait for its rate-limit turn inside a pass. */
  maxPacerWaitMs: number
  /** A search query seen for the first time looks this far back. */
  searchLookbackMs: number
  /** Pages fetched per query per pass at most. */
  maxPagesPerQuery: number
  /** How often open grievances' tweets are looked up to notice deletions. */
  deletionCheckIntervalMs: number
  /** Recent search covers 7 days; conversations quieter than that are not followed. */
  followUpWindowDays: number
  stream: {
    /** No data or keep-alive for this long = the connection is dead. */
    keepAliveTimeoutMs: number
    /** Backfill reaches this far before the newest stream tweet: the stream does not promise order. */
    reorderWindowMs: number
  }
}

export const DEFAULT_TUNING: SourceTuning = {
  maxPacerWaitMs: 2_000,
  searchLookbackMs: 60 * 60_000,
  maxPagesPerQuery: 10,
  deletionCheckIntervalMs: 15 * 60_000,
  followUpWindowDays: 7,
  stream: { keepAliveTimeoutMs: 60_000, reorderWindowMs: 30_000 },
}

export interface IngestTally {
  created: number
  followedUp: number
  ignored: number
  seen: number
  /** Refused by the database even on their own: see set-aside.ts. */
  setAside?: number
  newestId: string | null
}

export interface BatchOptions {
  via: (tweet: TweetV2) => TweetSource['via']
  viaHandle?: string
  joinOnly?: boolean
  /**
   * Moves the source's cursor up to newestId, inside the transaction that commits the
   * tweets up to it (one per chunk of the batch, the tweets oldest first): a cursor never
   * passes an uncommitted tweet. Must never move a cursor back.
   */
  advance?: (tx: Queryable, newestId: string) => Promise<void>
}

/** What a source gets from the supervisor for one pass (or, for the stream, for its life). */
export interface SourceKit {
  ctx: ServerContext
  x: TwitterApiReadOnly
  pacer: RateLimitPacer
  tuning: SourceTuning
  /** Waits for the endpoint's rate-limit turn (throws RateLimitWait if too far off). */
  turn(endpoint: string): Promise<void>
  /** Counts posts read against the budget. */
  countRead(posts: number): Promise<void>
  /** Ingests tweets oldest first, exactly once, one transaction per chunk (see tweet-batch.ts). */
  ingest(tweets: readonly TweetV2[], users: readonly UserV2[], opts: BatchOptions): Promise<IngestTally>
}

export interface PassResult {
  created: number
}

/** A source that reads in passes (mentions, search, follow-ups). */
export interface PollingSource {
  readonly name: IngestSourceName
  readonly kind: 'polling'
  /** Minimum time between two passes of the background loop. */
  readonly intervalMs: number
  poll(kit: SourceKit): Promise<PassResult>
  /** Where the source stands, for the admin endpoint. */
  cursor(kit: Pick<SourceKit, 'ctx'>): Promise<string | undefined>
}

/** A source with a long-lived connection (the filtered stream). */
export interface StreamingSource {
  readonly name: IngestSourceName
  readonly kind: 'streaming'
  readonly running: boolean
  start(kit: SourceKit): void
  stop(): Promise<void>
  cursor(kit: Pick<SourceKit, 'ctx'>): Promise<string | undefined>
  /** Connection state for the admin endpoint. */
  health(): { connected: boolean; lastEventAt: string | null; lastError?: string; waitingUntil?: number }
}

export type IngestSource = PollingSource | StreamingSource

/** Reads a cursor of ingest_source_cursors. */
export async function readCursor(db: Queryable, source: string, key: string): Promise<string | null> {
  const [row] = await db.query<{ cursor: string }>(
    'SELECT cursor FROM ingest_source_cursors WHERE source = $1 AND key = $2',
    [source, key],
  )
  return row?.cursor ?? null
}

/** Moves a tweet-id cursor forward, never back (out-of-order delivery cannot rewind it). */
export async function advanceCursor(tx: Queryable, source: string, key: string, tweetId: string): Promise<void> {
  await tx.query(
    `INSERT INTO ingest_source_cursors (source, key, cursor) VALUES ($1, $2, $3)
     ON CONFLICT (source, key) DO UPDATE SET updated_at = now(),
       cursor = CASE WHEN EXCLUDED.cursor::numeric > ingest_source_cursors.cursor::numeric
                     THEN EXCLUDED.cursor ELSE ingest_source_cursors.cursor END`,
    [source, key, tweetId],
  )
}

/** Sets a cursor to exactly this value. */
export async function setCursor(db: Queryable, source: string, key: string, value: string): Promise<void> {
  await db.query(
    `INSERT INTO ingest_source_cursors (source, key, cursor) VALUES ($1, $2, $3)
     ON CONFLICT (source, key) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()`,
    [source, key, value],
  )
}
