// Ingesting a batch of tweets from any source: oldest first (so a thread's first tweet
// becomes the grievance and later ones join it, whatever order X sent them in), repeats
// within the batch dropped, and one write transaction per chunk of tweets: the chunk's
// grievances, changes, seen-tweet claims and the source's cursor commit together, so a
// crash loses nothing and duplicates nothing.
//
// A citizen's tweet is never dropped because of the database's state: a transient error
// (lost connection, serialization failure, deadlock, timeout, full disk) is retried with
// a bounded backoff and then goes up, uncommitted, so the tweet stays unclaimed and the
// next pass reads it again from the last committed cursor. Only a chunk refused for its
// data is retried tweet by tweet, and only a tweet refused on its own is set aside
// (claimed, and shown to supervisors), so one bad tweet cannot hold up the rest.
import type { TweetV2, UserV2 } from 'twitter-api-v2'
import type { IngestSourceName } from '../../shared/org'
import { isTransientDbError, writeTransaction, type Queryable } from '../db/database'
import { LeaseLostError } from '../cluster/lease'
import type { ServerContext } from '../context'
import { storableText } from '../../shared/text/storable'
import { ingestTweets, type TweetOutcome, type TweetToIngest } from './grievance-from-tweet'
import { recordSetAside } from './set-aside'
import { compareIds, toIncomingTweet } from './tweets'
import type { BatchOptions, IngestTally } from './sources/source'

/** Tweets per write transaction: one X page. */
export const DEFAULT_CHUNK_SIZE = 100

/** Waits before the retries of a transaction that failed transiently (bounded: about 3 s in all). */
export const TRANSIENT_RETRY_DELAYS_MS: readonly number[] = [100, 400, 1_000, 1_500]

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
        ...(author?.name ? { authorName: storableText(author.name) } : {}),
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
      outcomes = await commitChunk(ctx, chunk, opts, source)
    } catch (error) {
      // Nothing of the chunk committed: its tweets stay unclaimed for the next pass.
      if (error instanceof LeaseLostError || isTransientDbError(error)) throw error
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
      else if (outcome.kind === 'set-aside') tally.setAside = (tally.setAside ?? 0) + 1
      if (outcome.kind === 'created' || outcome.kind === 'followed-up') newestSeq = Math.max(newestSeq, ...outcome.seqs)
    }
    // After commit, once per chunk: the desks pull everything up to the newest seq.
    if (newestSeq > 0) ctx.changes.notify(newestSeq)
  }
  return tally
}

/**
 * One write transaction: the chunk's tweets, then its cursor (the newest id covers the
 * chunk). Retried after a transient failure; the last such failure goes up.
 */
async function commitChunk(
  ctx: ServerContext,
  chunk: readonly TweetToIngest[],
  opts: BatchOptions,
  source: IngestSourceName,
): Promise<TweetOutcome[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await writeTransaction(ctx.db, async (tx) => {
        const outcomes = await ingestTweets(ctx, tx, chunk)
        await advance(tx, opts, chunk[chunk.length - 1]!.tweet.id)
        return outcomes
      })
    } catch (error) {
      const delay = TRANSIENT_RETRY_DELAYS_MS[attempt]
      if (error instanceof LeaseLostError || !isTransientDbError(error) || delay === undefined) throw error
      ctx.log(`[ingest] ${source}: database busy or unavailable (${describe(error)}); retrying in ${delay} ms`)
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}

async function advance(tx: Queryable, opts: BatchOptions, newestId: string): Promise<void> {
  if (opts.advance) await opts.advance(tx, newestId)
}

/**
 * A tweet of a refused chunk on its own. If the database refuses it alone too, and not
 * for a passing reason, it is set aside: claimed (so it is neither retried forever nor
 * made a grievance twice), recorded for supervisors with the error, and the cursor moves
 * past it. If even that cannot be written, the database itself is failing: the error goes
 * up and the pass is retried later from the last committed cursor.
 */
async function commitOneOrSetAside(
  ctx: ServerContext,
  item: TweetToIngest,
  opts: BatchOptions,
  source: IngestSourceName,
): Promise<TweetOutcome> {
  try {
    return (await commitChunk(ctx, [item], opts, source))[0]!
  } catch (error) {
    if (error instanceof LeaseLostError || isTransientDbError(error)) throw error
    const reason = storableText(`ingest failed: ${describe(error)}`).slice(0, 500)
    ctx.log(`[ingest] ${source}: tweet ${item.tweet.id} set aside for a supervisor (${reason})`)
    try {
      await writeTransaction(ctx.db, async (tx) => {
        await recordSetAside(tx, item, item.meta.source ?? source, reason)
        await advance(tx, opts, item.tweet.id)
      })
    } catch {
      throw error
    }
    return { kind: 'set-aside', reason }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
