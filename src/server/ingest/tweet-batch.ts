// Ingesting a batch of tweets from any source: oldest first (so a thread's first tweet
// becomes the grievance and later ones join it, whatever order X sent them in), repeats
// within the batch dropped, each tweet in its own write transaction with its cursor.
import type { TweetV2, UserV2 } from 'twitter-api-v2'
import type { IngestSourceName } from '../../shared/org'
import { writeTransaction } from '../db/database'
import type { ServerContext } from '../context'
import { ingestTweet } from './grievance-from-tweet'
import { compareIds, maxId, toIncomingTweet } from './tweets'
import type { BatchOptions, IngestTally } from './sources/source'

export async function ingestBatch(
  ctx: ServerContext,
  source: IngestSourceName,
  tweets: readonly TweetV2[],
  users: readonly UserV2[],
  opts: BatchOptions,
): Promise<IngestTally> {
  const byId = new Map<string, TweetV2>()
  for (const tweet of tweets) byId.set(tweet.id, tweet)
  const ordered = [...byId.values()].sort((a, b) => compareIds(a.id, b.id))
  const userMap = new Map(users.map((u) => [u.id, u]))
  const tally: IngestTally = { created: 0, followedUp: 0, ignored: 0, seen: 0, newestId: null }
  for (const tweet of ordered) {
    const author = tweet.author_id ? userMap.get(tweet.author_id) : undefined
    const outcome = await writeTransaction(ctx.db, async (tx) => {
      const result = await ingestTweet(ctx, tx, toIncomingTweet(tweet, userMap, opts.viaHandle), {
        source,
        via: opts.via(tweet),
        ...(opts.viaHandle ? { viaHandle: opts.viaHandle } : {}),
        ...(author?.name ? { authorName: author.name } : {}),
        ...(opts.joinOnly ? { joinOnly: true } : {}),
      })
      if (opts.afterEach) await opts.afterEach(tx, tweet)
      return result
    })
    tally.newestId = maxId(tally.newestId, tweet.id)
    if (outcome.kind === 'created') tally.created++
    else if (outcome.kind === 'followed-up') tally.followedUp++
    else if (outcome.kind === 'ignored') tally.ignored++
    else if (outcome.kind === 'seen') tally.seen++
    if (outcome.kind === 'created' || outcome.kind === 'followed-up') ctx.changes.notify(outcome.seqs)
  }
  return tally
}
