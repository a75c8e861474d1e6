// The simulator's in-memory world: users and tweets, kept in id order with the indexes
// the API needs (by id, by author, by mentioned username) so 20k+ tweets stay fast.

import { SnowflakeIds, compareIds } from './ids'
import { detectLanguage, extractEntities, tokenize, type TextEntities } from './text'

export interface SimUser {
  id: string
  username: string
  name: string
  createdAt: number
  description: string
  location: string
}

export type TweetSource = 'api' | 'control' | 'scenario' | 'inject'

export interface Tweet {
  id: string
  text: string
  authorId: string
  author: string
  createdAt: number
  conversationId: string
  inReplyToTweetId?: string
  inReplyToUserId?: string
  quoteTweetId?: string
  retweetOfId?: string
  lang: string
  entities: TextEntities
  /** Lower-cased usernames mentioned in the text: the mentions index key. */
  mentionedUsernames: string[]
  /** Keyword tokens for the query matcher, computed once. */
  tokens: string[]
  deleted: boolean
  source: TweetSource
}

export interface NewTweet {
  author: string
  text: string
  inReplyToTweetId?: string
  quoteTweetId?: string
  retweetOf?: string
  lang?: string
  source: TweetSource
}

export type TweetListener = (tweet: Tweet) => void

/** Pre-created accounts: the org's handles. */
export const DEFAULT_HANDLES = ['HMOIndia', 'MHA_Grievance', 'CyberDost', 'BOI_MHA', 'NDMA_India']

const USER_ID_BASE = 1_400_000_000_000n

export class SimStore {
  readonly ids: SnowflakeIds
  private readonly usersById = new Map<string, SimUser>()
  private readonly usersByName = new Map<string, SimUser>()
  /** All tweets (deleted ones too, flagged) in ascending id order. */
  readonly timeline: Tweet[] = []
  private readonly tweetsById = new Map<string, Tweet>()
  private readonly byAuthorId = new Map<string, Tweet[]>()
  private readonly byMention = new Map<string, Tweet[]>()
  private readonly textsByAuthor = new Map<string, Map<string, number>>()
  private readonly listeners = new Set<TweetListener>()

  constructor(readonly now: () => number) {
    this.ids = new SnowflakeIds(now)
  }

  get userCount(): number {
    return this.usersById.size
  }

  // --- users ---

  userByName(username: string): SimUser | undefined {
    return this.usersByName.get(username.toLowerCase())
  }

  userById(id: string): SimUser | undefined {
    return this.usersById.get(id)
  }

  /** Returns the user with that handle, creating it on first use like a fresh X account. */
  ensureUser(username: string): SimUser {
    const existing = this.userByName(username)
    if (existing) return existing
    if (!/^[A-Za-z0-9_]{1,15}$/.test(username)) throw new Error(`invalid username: ${username}`)
    const user: SimUser = {
      id: (USER_ID_BASE + BigInt(this.usersById.size + 1) * 7919n).toString(),
      username,
      name: username.replace(/_/g, ' '),
      createdAt: this.now(),
      description: '',
      location: 'India',
    }
    this.usersById.set(user.id, user)
    this.usersByName.set(username.toLowerCase(), user)
    return user
  }

  // --- tweets ---

  tweet(id: string): Tweet | undefined {
    return this.tweetsById.get(id)
  }

  liveTweet(id: string): Tweet | undefined {
    const t = this.tweetsById.get(id)
    return t && !t.deleted ? t : undefined
  }

  /** Tweets mentioning the user, ascending id, including deleted (callers filter). */
  mentionsOf(username: string): readonly Tweet[] {
    return this.byMention.get(username.toLowerCase()) ?? []
  }

  tweetsBy(username: string): Tweet[] {
    const user = this.userByName(username)
    if (!user) return []
    return (this.byAuthorId.get(user.id) ?? []).filter((t) => !t.deleted)
  }

  hasLiveText(authorId: string, text: string): boolean {
    return (this.textsByAuthor.get(authorId)?.get(text) ?? 0) > 0
  }

  onTweet(listener: TweetListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Stores a tweet. Validation of X's rules (length, duplicates, auth) happens in the API layer. */
  addTweet(input: NewTweet): Tweet {
    const author = this.ensureUser(input.author)
    const parent = input.inReplyToTweetId ? this.tweetsById.get(input.inReplyToTweetId) : undefined
    if (input.inReplyToTweetId && !parent)
      throw new Error(`in_reply_to_tweet_id ${input.inReplyToTweetId} does not exist`)
    const original = input.retweetOf ? this.tweetsById.get(input.retweetOf) : undefined
    if (input.retweetOf && !original) throw new Error(`retweet_of ${input.retweetOf} does not exist`)
    if (input.quoteTweetId && !this.tweetsById.has(input.quoteTweetId)) {
      throw new Error(`quote_tweet_id ${input.quoteTweetId} does not exist`)
    }
    // X renders a retweet's text as "RT @author: original text".
    const text = original && !input.text.startsWith('RT @') ? `RT @${original.author}: ${original.text}` : input.text
    const entities = extractEntities(text)
    const id = this.ids.next()
    const tweet: Tweet = {
      id,
      text,
      authorId: author.id,
      author: author.username,
      createdAt: this.now(),
      conversationId: parent ? parent.conversationId : original ? original.conversationId : id,
      lang: input.lang ?? detectLanguage(text, entities),
      entities,
      mentionedUsernames: [...new Set(entities.mentions.map((m) => m.username.toLowerCase()))],
      tokens: tokenize(text),
      deleted: false,
      source: input.source,
    }
    if (parent) {
      tweet.inReplyToTweetId = parent.id
      tweet.inReplyToUserId = parent.authorId
    }
    if (input.quoteTweetId) tweet.quoteTweetId = input.quoteTweetId
    if (original) tweet.retweetOfId = original.id
    this.append(tweet)
    for (const listener of this.listeners) listener(tweet)
    return tweet
  }

  private append(tweet: Tweet): void {
    const last = this.timeline[this.timeline.length - 1]
    if (last && compareIds(last.id, tweet.id) >= 0) throw new Error('tweet ids must increase')
    this.timeline.push(tweet)
    this.tweetsById.set(tweet.id, tweet)
    pushTo(this.byAuthorId, tweet.authorId, tweet)
    for (const name of tweet.mentionedUsernames) pushTo(this.byMention, name, tweet)
    const texts = this.textsByAuthor.get(tweet.authorId) ?? new Map<string, number>()
    texts.set(tweet.text, (texts.get(tweet.text) ?? 0) + 1)
    this.textsByAuthor.set(tweet.authorId, texts)
  }

  /** Marks a tweet deleted; it stays in the indexes so lookups can answer "not found" like X. */
  deleteTweet(id: string): boolean {
    const tweet = this.tweetsById.get(id)
    if (!tweet || tweet.deleted) return false
    tweet.deleted = true
    const texts = this.textsByAuthor.get(tweet.authorId)
    const n = texts?.get(tweet.text) ?? 0
    if (texts && n > 0) texts.set(tweet.text, n - 1)
    return true
  }

  reset(handles: readonly string[]): void {
    this.usersById.clear()
    this.usersByName.clear()
    this.timeline.length = 0
    this.tweetsById.clear()
    this.byAuthorId.clear()
    this.byMention.clear()
    this.textsByAuthor.clear()
    for (const handle of handles) this.ensureUser(handle)
  }
}

function pushTo(map: Map<string, Tweet[]>, key: string, tweet: Tweet): void {
  const list = map.get(key)
  if (list) list.push(tweet)
  else map.set(key, [tweet])
}
