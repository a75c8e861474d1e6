// Ingesting a batch of tweets from any source: oldest first (so a thread's first tweet
// becomes the grievance and later ones join it, whatever order X sent them in), repeats
// within the batch dropped, and one write transaction per chunk of tweets: the chunk's
// grievances, changes, seen-tweet claims and the source's cursor commit together, so a
// crash loses nothing and duplicates nothing. A chunk that fails is retried tweet by
// tweet, so one tweet the database refuses cannot hold up the rest: that one is logged,
// recorded as ignored with its error, and passed.
import type { TweetV2, UserV2 } from 'twitter-api-v2'
import type { IngestSourceName } from '../../shared/org'
import { writeTransaction, type Queryable } from '../db/database'
import { LeaseLostError } from '../cluster/lease'
import type { ServerContext } from '../context'
import { ingestTweets, recordIgnored, type TweetOutcome, type TweetToIngest } from './grievance-from-tweet'
import { compareIds, toIncomingTweet } from './tweets'
import type { BatchOptions, IngestTally } from './sources/source'

/** Tweets per write transaction: one X page. */
export const DEFAULT_CHUNK_SIZE = 100

export async function ingestBatch(
  ctx: ServerContext,
  source: IngestSourceName,
  tweets: readonly TweetV2[],
  users: readonly UserV2[],
  opts: BatchOptions,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<IngestTally> {
  const byId = new Map<string, TweetV2>()
  for (const tweet of tweets) byId.set(tweet.id, tweet)
  const ordered = [...byId.values()].sort((a, b) => compareIds(a.id, b.id))
  const userMap = new Map(users.map((u) => [u.id, u]))
  const items: TweetToIngest[] = ordered.map((tweet) => {
    const author = tweet.author_id ? userMap.get(tweet.author_id) : undefined
    return {
      tweet: toIncomingTweet(tweet, userMap, opts.viaHandle),
      meta: {
        source,
        via: opts.via(tweet),
        ...(opts.viaHandle ? { viaHandle: opts.viaHandle } : {}),
        ...(author?.name ? { authorName: author.name } : {}),
        ...(opts.joinOnly ? { joinOnly: true } : {}),
      },
    }
  })
  const tally: IngestTally = { created: 0, followedUp: 0, ignored: 0, seen: 0, newestId: null }
  const size = Math.max(1, Math.floor(chunkSize))
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size)
    let outcomes: TweetOutcome[]
    try {
      outcomes = await commitChunk(ctx, chunk, opts)
    } catch (error) {
      if (error instanceof LeaseLostError) throw error
      ctx.log(
        `[ingest] ${source}: a batch of ${chunk.length} tweet(s) failed (${describe(error)}); retrying them one by one`,
      )
      outcomes = []
      for (const item of chunk) outcomes.push(await commitOneOrSetAside(ctx, item, opts, source))
    }
    tally.newestId = chunk[chunk.length - 1]!.tweet.id
    let newestSeq = 0
    for (const outcome of outcomes) {
      if (outcome.kind === 'created') tally.created++
      else if (outcome.kind === 'followed-up') tally.followedUp++
      else if (outcome.kind === 'ignored') tally.ignored++
      else if (outcome.kind === 'seen') tally.seen++
      if (outcome.kind === 'created' || outcome.kind === 'followed-up') newestSeq = Math.max(newestSeq, ...outcome.seqs)
    }
    // After commit, once per chunk: the desks pull everything up to the newest seq.
    if (newestSeq > 0) ctx.changes.notify(newestSeq)
  }
  return tally
}

/** One write transaction: the chunk's tweets, then its cursor (the newest id covers the chunk). */
function commitChunk(ctx: ServerContext, chunk: readonly TweetToIngest[], opts: BatchOptions): Promise<TweetOutcome[]> {
  return writeTransaction(ctx.db, async (tx) => {
    const outcomes = await ingestTweets(ctx, tx, chunk)
    await advance(tx, opts, chunk[chunk.length - 1]!.tweet.id)
    return outcomes
  })
}

async function advance(tx: Queryable, opts: BatchOptions, newestId: string): Promise<void> {
  if (opts.advance) await opts.advance(tx, newestId)
}

/**
 * A tweet of a failed chunk on its own. If it fails alone too, it is set aside: claimed
 * and recorded as ignored with the error (so it is neither retried forever nor made a
 * grievance twice), and the cursor moves past it. If even that cannot be written, the
 * database itself is failing: the error goes up and the pass is retried later from the
 * last committed cursor.
 */
async function commitOneOrSetAside(
  ctx: ServerContext,
  item: TweetToIngest,
  opts: BatchOptions,
  source: IngestSourceName,
): Promise<TweetOutcome> {
  try {
    return (await commitChunk(ctx, [item], opts))[0]!
  } catch (error) {
    if (error instanceof LeaseLostError) throw error
    const reason = `ingest failed: ${describe(error)}`.slice(0, 500)
    ctx.log(`[ingest] ${source}: tweet ${item.tweet.id} set aside as ignored (${reason})`)
    try {
      await writeTransaction(ctx.db, async (tx) => {
        await tx.query(
          `INSERT INTO seen_tweets (tweet_id, first_source) VALUES ($1, $2) ON CONFLICT (tweet_id) DO NOTHING`,
          [item.tweet.id, item.meta.source ?? 'mentions'],
        )
        await recordIgnored(tx, [
          {
            tweet: {
              ...item.tweet,
              authorUsername: printable(item.tweet.authorUsername),
              text: printable(item.tweet.text),
            },
            viaHandle: item.meta.viaHandle,
            reasons: [reason],
          },
        ])
        await advance(tx, opts, item.tweet.id)
      })
    } catch {
      throw error
    }
    return { kind: 'ignored', reasons: [reason] }
  }
}

/** PostgreSQL text cannot hold NUL characters (a classic way for a tweet to be refused). */
function printable(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD')
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
