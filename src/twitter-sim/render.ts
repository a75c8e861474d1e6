// Turns stored tweets and users into X API v2 objects, honouring tweet.fields,
// user.fields and expansions the way X does (id/text/edit_history_tweet_ids by default,
// expanded objects in `includes`).

import type { SimStore, SimUser, Tweet } from './store'
import { invalidRequest, type ApiError } from './problems'

// X's wire names (tweet.fields) plus the spec's newer Post names (post.fields).
const TWEET_FIELDS = new Set([
  'attachments',
  'author_id',
  'card_uri',
  'context_annotations',
  'conversation_id',
  'created_at',
  'display_text_range',
  'edit_controls',
  'edit_history_tweet_ids',
  'edit_history_post_ids',
  'entities',
  'geo',
  'id',
  'in_reply_to_user_id',
  'lang',
  'non_public_metrics',
  'note_tweet',
  'organic_metrics',
  'possibly_sensitive',
  'promoted_metrics',
  'public_metrics',
  'referenced_tweets',
  'referenced_posts',
  'reply_settings',
  'scopes',
  'source',
  'text',
  'withheld',
  'article',
  'community_id',
  'media_metadata',
  'paid_partnership',
])
const USER_FIELDS = new Set([
  'affiliation',
  'connection_status',
  'created_at',
  'description',
  'entities',
  'id',
  'is_identity_verified',
  'location',
  'most_recent_tweet_id',
  'name',
  'parody',
  'pinned_tweet_id',
  'profile_banner_url',
  'profile_image_url',
  'protected',
  'public_metrics',
  'receives_your_dm',
  'subscription_type',
  'url',
  'username',
  'verified',
  'verified_type',
  'withheld',
])
const TWEET_EXPANSIONS = new Set([
  'author_id',
  'in_reply_to_user_id',
  'entities.mentions.username',
  'referenced_tweets.id',
  'referenced_tweets.id.author_id',
  'referenced_posts',
  'attachments.media_keys',
  'attachments.poll_ids',
  'geo.place_id',
  'edit_history_tweet_ids',
  'edit_history_post_ids',
])
const USER_EXPANSIONS = new Set(['pinned_tweet_id', 'most_recent_tweet_id', 'affiliation.user_id'])

export interface FieldSelection {
  tweetFields: Set<string>
  userFields: Set<string>
  expansions: Set<string>
}

function parseList(params: URLSearchParams, name: string, allowed: Set<string>): Set<string> | ApiError {
  const raw = params.get(name)
  if (raw === null) return new Set()
  const values = raw.split(',').map((v) => v.trim())
  for (const value of values) {
    if (!allowed.has(value)) {
      return invalidRequest(
        `The \`${name}\` query parameter value [${value}] is not one of [${[...allowed].join(',')}]`,
        name,
        value,
      )
    }
  }
  return new Set(values)
}

export function parseFieldSelection(params: URLSearchParams, forUsers = false): FieldSelection | ApiError {
  const tweetFields = parseList(params, 'tweet.fields', TWEET_FIELDS)
  if (!(tweetFields instanceof Set)) return tweetFields
  const postFields = parseList(params, 'post.fields', TWEET_FIELDS)
  if (!(postFields instanceof Set)) return postFields
  const userFields = parseList(params, 'user.fields', USER_FIELDS)
  if (!(userFields instanceof Set)) return userFields
  const expansions = parseList(params, 'expansions', forUsers ? USER_EXPANSIONS : TWEET_EXPANSIONS)
  if (!(expansions instanceof Set)) return expansions
  for (const f of postFields) tweetFields.add(f)
  return { tweetFields, userFields, expansions }
}

const iso = (ms: number): string => new Date(ms).toISOString()

export function renderUser(user: SimUser, store: SimStore, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: user.id, name: user.name, username: user.username }
  if (fields.has('created_at')) out.created_at = iso(user.createdAt)
  if (fields.has('description')) out.description = user.description
  if (fields.has('location')) out.location = user.location
  if (fields.has('protected')) out.protected = false
  if (fields.has('verified')) out.verified = false
  if (fields.has('verified_type')) out.verified_type = 'none'
  if (fields.has('profile_image_url')) {
    out.profile_image_url = `https://pbs.twimg.com/profile_images/${user.id}/avatar_normal.jpg`
  }
  if (fields.has('url')) out.url = ''
  if (fields.has('public_metrics')) {
    const posts = store.tweetsBy(user.username).length
    out.public_metrics = {
      followers_count: 0,
      following_count: 0,
      tweet_count: posts,
      post_count: posts,
      listed_count: 0,
      like_count: 0,
    }
  }
  return out
}

function referencedTweets(tweet: Tweet): Array<{ type: 'retweeted' | 'quoted' | 'replied_to'; id: string }> {
  const refs: Array<{ type: 'retweeted' | 'quoted' | 'replied_to'; id: string }> = []
  if (tweet.retweetOfId) refs.push({ type: 'retweeted', id: tweet.retweetOfId })
  if (tweet.quoteTweetId) refs.push({ type: 'quoted', id: tweet.quoteTweetId })
  if (tweet.inReplyToTweetId) refs.push({ type: 'replied_to', id: tweet.inReplyToTweetId })
  return refs
}

export function renderTweet(tweet: Tweet, store: SimStore, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] }
  if (fields.has('edit_history_post_ids')) out.edit_history_post_ids = [tweet.id]
  if (fields.has('author_id')) out.author_id = tweet.authorId
  if (fields.has('created_at')) out.created_at = iso(tweet.createdAt)
  if (fields.has('conversation_id')) out.conversation_id = tweet.conversationId
  if (fields.has('in_reply_to_user_id') && tweet.inReplyToUserId) out.in_reply_to_user_id = tweet.inReplyToUserId
  if (fields.has('lang')) out.lang = tweet.lang
  if (fields.has('possibly_sensitive')) out.possibly_sensitive = false
  if (fields.has('reply_settings')) out.reply_settings = 'everyone'
  if (fields.has('source')) out.source = tweet.source === 'api' ? 'Seva Desk' : 'Twitter for Android'
  const refs = referencedTweets(tweet)
  if (refs.length > 0) {
    if (fields.has('referenced_tweets')) out.referenced_tweets = refs
    if (fields.has('referenced_posts')) out.referenced_posts = refs
  }
  if (fields.has('public_metrics')) {
    out.public_metrics = {
      retweet_count: 0,
      repost_count: 0,
      reply_count: 0,
      like_count: 0,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 0,
    }
  }
  if (fields.has('edit_controls')) {
    out.edit_controls = {
      edits_remaining: 5,
      is_edit_eligible: false,
      editable_until: iso(tweet.createdAt + 3_600_000),
    }
  }
  if (fields.has('entities')) {
    const entities: Record<string, unknown> = {}
    const { mentions, hashtags, urls } = tweet.entities
    if (mentions.length > 0) {
      entities.mentions = mentions.map((m) => {
        const user = store.userByName(m.username)
        return user ? { start: m.start, end: m.end, username: m.username, id: user.id } : { ...m }
      })
    }
    if (hashtags.length > 0) entities.hashtags = hashtags.map((h) => ({ ...h }))
    if (urls.length > 0) entities.urls = urls.map((u) => ({ ...u }))
    if (Object.keys(entities).length > 0) out.entities = entities
  }
  return out
}

/** Renders a page of tweets with X's `includes` for the requested expansions. */
export function renderTweetPage(
  tweets: readonly Tweet[],
  store: SimStore,
  sel: FieldSelection,
): { data: Array<Record<string, unknown>>; includes?: Record<string, unknown> } {
  const data = tweets.map((t) => renderTweet(t, store, sel.tweetFields))
  const includes = buildIncludes(tweets, store, sel)
  return includes ? { data, includes } : { data }
}

export function buildIncludes(
  tweets: readonly Tweet[],
  store: SimStore,
  sel: FieldSelection,
): Record<string, unknown> | undefined {
  if (sel.expansions.size === 0 || tweets.length === 0) return undefined
  const userIds = new Set<string>()
  const included = new Map<string, Tweet>()
  const wantsRefs = sel.expansions.has('referenced_tweets.id') || sel.expansions.has('referenced_posts')
  for (const t of tweets) {
    if (sel.expansions.has('author_id')) userIds.add(t.authorId)
    if (sel.expansions.has('in_reply_to_user_id') && t.inReplyToUserId) userIds.add(t.inReplyToUserId)
    if (sel.expansions.has('entities.mentions.username')) {
      for (const name of t.mentionedUsernames) {
        const user = store.userByName(name)
        if (user) userIds.add(user.id)
      }
    }
    if (wantsRefs || sel.expansions.has('referenced_tweets.id.author_id')) {
      for (const ref of referencedTweets(t)) {
        const refTweet = store.liveTweet(ref.id)
        if (!refTweet) continue
        if (wantsRefs) included.set(refTweet.id, refTweet)
        if (sel.expansions.has('referenced_tweets.id.author_id')) userIds.add(refTweet.authorId)
      }
    }
  }
  const includes: Record<string, unknown> = {}
  const users = [...userIds].map((id) => store.userById(id)).filter((u): u is SimUser => u !== undefined)
  if (users.length > 0) includes.users = users.map((u) => renderUser(u, store, sel.userFields))
  if (included.size > 0) includes.tweets = [...included.values()].map((t) => renderTweet(t, store, sel.tweetFields))
  return Object.keys(includes).length > 0 ? includes : undefined
}
