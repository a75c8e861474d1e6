// Tweets as X sends them (twitter-api-v2 types) turned into what the intelligence reads,
// plus the id arithmetic the cursors need: ids are snowflakes, so they sort by time and
// encode it (ms since the Twitter epoch, shifted left 22 bits).
import type { TweetV2, UserV2 } from 'twitter-api-v2'
import type { IncomingTweet } from '../../shared/analysis'
import { storableText } from '../../shared/text/storable'

/** What every source asks X for, so a tweet looks the same whichever way it came. */
export const TWEET_FIELDS = [
  'author_id',
  'conversation_id',
  'created_at',
  'lang',
  'referenced_tweets',
  'in_reply_to_user_id',
  'entities',
] as const
export const TWEET_EXPANSIONS = ['author_id', 'referenced_tweets.id'] as const
export const USER_FIELDS = ['username', 'name'] as const

const TWITTER_EPOCH_MS = 1288834974657n

export function compareIds(a: string, b: string): number {
  const x = BigInt(a)
  const y = BigInt(b)
  return x < y ? -1 : x > y ? 1 : 0
}

export function maxId(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null
  if (!b) return a
  return compareIds(a, b) >= 0 ? a : b
}

/** The smallest snowflake id minted at or after this time. */
export function snowflakeAt(ms: number): string {
  const offset = BigInt(Math.max(0, Math.floor(ms))) - TWITTER_EPOCH_MS
  return ((offset > 0n ? offset : 0n) << 22n).toString()
}

/** When a snowflake id was minted (epoch ms). */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS)
}

/**
 * What the intelligence reads and the database stores. Texts are cleaned first (a NUL or a
 * lone surrogate becomes U+FFFD): such a tweet is still a citizen's complaint, and it is
 * triaged and kept like any other instead of being refused by the database.
 */
export function toIncomingTweet(tweet: TweetV2, users: Map<string, UserV2>, viaHandle?: string): IncomingTweet {
  const author = tweet.author_id ? users.get(tweet.author_id) : undefined
  return {
    id: tweet.id,
    text: storableText(tweet.text),
    authorId: tweet.author_id ?? 'unknown',
    authorUsername: storableText(author?.username ?? 'unknown'),
    ...(tweet.lang ? { lang: tweet.lang } : {}),
    ...(tweet.conversation_id ? { conversationId: tweet.conversation_id } : {}),
    ...(tweet.in_reply_to_user_id ? { inReplyToUserId: tweet.in_reply_to_user_id } : {}),
    ...(tweet.referenced_tweets
      ? { referencedTweets: tweet.referenced_tweets.map((r) => ({ type: r.type, id: r.id })) }
      : {}),
    ...(viaHandle ? { viaHandle } : {}),
    ...(tweet.created_at ? { createdAt: tweet.created_at } : {}),
  }
}
