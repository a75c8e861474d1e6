// Polls the mention timeline of every organisation handle. For each handle, all new
// pages are fetched first, then processed oldest first, each tweet committed together
// with the advanced since_id: a crash loses nothing (the cursor never passes an
// uncommitted tweet) and duplicates nothing (tweet ids are unique in the database).
import type { TweetV2, UserV2, TwitterApiReadOnly } from 'twitter-api-v2'
import type { IncomingTweet } from '../../shared/analysis'
import { writeTransaction } from '../db/database'
import type { ServerContext } from '../context'
import { describeXError } from '../x/errors'
import { ingestTweet } from './grievance-from-tweet'

const MAX_PAGES_PER_POLL = 20

interface CursorRow {
  [key: string]: unknown
  handle: string
  user_id: string | null
  since_id: string | null
}

function compareIds(a: string, b: string): number {
  const x = BigInt(a)
  const y = BigInt(b)
  return x < y ? -1 : x > y ? 1 : 0
}

export function toIncomingTweet(tweet: TweetV2, users: Map<string, UserV2>, viaHandle: string): IncomingTweet {
  const author = tweet.author_id ? users.get(tweet.author_id) : undefined
  return {
    id: tweet.id,
    text: tweet.text,
    authorId: tweet.author_id ?? 'unknown',
    authorUsername: author?.username ?? 'unknown',
    ...(tweet.lang ? { lang: tweet.lang } : {}),
    ...(tweet.conversation_id ? { conversationId: tweet.conversation_id } : {}),
    ...(tweet.in_reply_to_user_id ? { inReplyToUserId: tweet.in_reply_to_user_id } : {}),
    ...(tweet.referenced_tweets ? { referencedTweets: tweet.referenced_tweets.map((r) => ({ type: r.type, id: r.id })) } : {}),
    viaHandle,
    ...(tweet.created_at ? { createdAt: tweet.created_at } : {}),
  }
}

export class MentionPoller {
  /** While X says we are rate limited, polls are skipped until this time (epoch ms). */
  private pausedUntil = 0

  constructor(
    private readonly ctx: ServerContext,
    private readonly x: TwitterApiReadOnly,
  ) {}

  /** One poll over all handles; returns the number of new grievances. Never throws. */
  async pollOnce(): Promise<number> {
    if (Date.now() < this.pausedUntil) return 0
    let created = 0
    try {
      await this.ensureCursors()
    } catch (error) {
      this.onError('resolving handles', error)
      return 0
    }
    const cursors = await this.ctx.db.query<CursorRow>('SELECT handle, user_id, since_id FROM ingest_cursors ORDER BY handle')
    for (const cursor of cursors) {
      if (!cursor.user_id) continue
      try {
        created += await this.pollHandle(cursor.handle, cursor.user_id, cursor.since_id)
      } catch (error) {
        this.onError(`polling @${cursor.handle}`, error)
        if (Date.now() < this.pausedUntil) break
      }
    }
    return created
  }

  private onError(what: string, error: unknown): void {
    const failure = describeXError(error)
    if (failure.retryAt) {
      this.pausedUntil = failure.retryAt
      this.ctx.log(`[ingest] rate limited while ${what}; pausing until ${new Date(failure.retryAt).toISOString()}`)
    } else {
      this.ctx.log(`[ingest] ${what} failed (${failure.status ?? 'network'}): ${failure.message}; will retry next poll`)
    }
  }

  /** Looks up the user ids of handles we have not resolved yet (GET /2/users/by/username/:username). */
  private async ensureCursors(): Promise<void> {
    const known = await this.ctx.db.query<CursorRow>('SELECT handle, user_id FROM ingest_cursors WHERE user_id IS NOT NULL')
    const resolved = new Set(known.map((r) => r.handle.toLowerCase()))
    for (const { username } of this.ctx.org.handles) {
      if (resolved.has(username.toLowerCase())) continue
      const result = await this.x.v2.userByUsername(username)
      if (!result.data) {
        this.ctx.log(`[ingest] handle @${username} not found: ${result.errors?.[0]?.detail ?? 'no such user'}`)
        continue
      }
      await this.ctx.db.query(
        `INSERT INTO ingest_cursors (handle, user_id) VALUES ($1, $2)
         ON CONFLICT (handle) DO UPDATE SET user_id = EXCLUDED.user_id`,
        [username, result.data.id],
      )
    }
  }

  private async pollHandle(handle: string, userId: string, sinceId: string | null): Promise<number> {
    const paginator = await this.x.v2.userMentionTimeline(userId, {
      ...(sinceId ? { since_id: sinceId } : {}),
      max_results: 100,
      expansions: ['author_id', 'referenced_tweets.id'],
      'tweet.fields': ['author_id', 'conversation_id', 'created_at', 'lang', 'referenced_tweets', 'in_reply_to_user_id', 'entities'],
      'user.fields': ['username', 'name'],
    })
    for (let page = 1; !paginator.done && page < MAX_PAGES_PER_POLL; page++) await paginator.fetchNext()
    const users = new Map((paginator.includes.users ?? []).map((u) => [u.id, u]))
    const tweets = [...paginator.tweets].sort((a, b) => compareIds(a.id, b.id))

    let created = 0
    for (const tweet of tweets) {
      if (sinceId && compareIds(tweet.id, sinceId) <= 0) continue
      const author = tweet.author_id ? users.get(tweet.author_id) : undefined
      const outcome = await writeTransaction(this.ctx.db, async (tx) => {
        const result = await ingestTweet(this.ctx, tx, toIncomingTweet(tweet, users, handle), {
          viaHandle: handle,
          ...(author?.name ? { authorName: author.name } : {}),
        })
        await tx.query('UPDATE ingest_cursors SET since_id = $2, updated_at = now() WHERE handle = $1', [handle, tweet.id])
        return result
      })
      sinceId = tweet.id
      if (outcome.kind === 'created') created++
      if (outcome.kind === 'created' || outcome.kind === 'followed-up') this.ctx.changes.notify(outcome.seqs)
    }
    return created
  }
}
