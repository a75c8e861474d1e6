// Tweets set aside: the database refused them even after their text was cleaned, and not
// for a passing reason (a transient error is retried, never set aside). They are claimed,
// so the sources move on, and kept here for supervisors to look at (GET /api/v1/admin/ingestion).
import type { IngestSourceName } from '../../shared/org'
import type { IngestionStatus } from '../../shared/protocol'
import type { Queryable } from '../db/database'
import type { TweetToIngest } from './grievance-from-tweet'

/** How many of the newest set-aside tweets the status shows. */
export const RECENT_SET_ASIDE = 20
/** Characters of a set-aside tweet's text shown in the status. */
const SHOWN_TEXT_CHARS = 500

export async function recordSetAside(
  tx: Queryable,
  item: TweetToIngest,
  source: IngestSourceName,
  error: string,
): Promise<void> {
  await tx.query(`INSERT INTO seen_tweets (tweet_id, first_source) VALUES ($1, $2) ON CONFLICT (tweet_id) DO NOTHING`, [
    item.tweet.id,
    source,
  ])
  await tx.query(
    `INSERT INTO set_aside_tweets (tweet_id, source, via_handle, author_username, text, error)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tweet_id) DO NOTHING`,
    [item.tweet.id, source, item.meta.viaHandle ?? null, item.tweet.authorUsername, item.tweet.text, error],
  )
}

export async function setAsideSummary(db: Queryable): Promise<NonNullable<IngestionStatus['setAside']>> {
  const [total] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM set_aside_tweets')
  const rows = await db.query<{
    tweet_id: string
    source: string
    author_username: string
    text: string
    error: string
    at: Date | string
  }>(
    `SELECT tweet_id, source, author_username, text, error, at FROM set_aside_tweets ORDER BY at DESC, tweet_id DESC LIMIT $1`,
    [RECENT_SET_ASIDE],
  )
  return {
    count: Number(total?.n ?? 0),
    recent: rows.map((r) => ({
      tweetId: r.tweet_id,
      source: r.source,
      authorUsername: r.author_username,
      text: r.text.slice(0, SHOWN_TEXT_CHARS),
      error: r.error,
      at: new Date(r.at).toISOString(),
    })),
  }
}
