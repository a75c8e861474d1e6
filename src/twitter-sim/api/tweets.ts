// GET /2/tweets?ids=…, GET /2/tweets/:id, POST /2/tweets, DELETE /2/tweets/:id

import type { ApiHandler, SimContext } from '../context'
import { isNumericId } from '../ids'
import { forbidden, invalidRequest, resourceNotFound, unsupportedAuthentication, type ApiError } from '../problems'
import { buildIncludes, parseFieldSelection, renderTweet } from '../render'
import type { SimUser, Tweet } from '../store'
import { MAX_WEIGHTED_LENGTH, weightedLength } from '../text'
import { isError } from './params'

export const getTweetsByIds: ApiHandler = (r) => {
  const raw = r.url.searchParams.get('ids')
  if (raw === null || raw.length === 0) return invalidRequest('The `ids` query parameter can not be empty', 'ids', '')
  const ids = raw.split(',')
  if (ids.length > 100)
    return invalidRequest(
      `The number of values in the \`ids\` query parameter list [${ids.length}] is not between 1 and 100`,
      'ids',
      raw,
    )
  const bad = ids.find((id) => !isNumericId(id))
  if (bad !== undefined)
    return invalidRequest(`The \`ids\` query parameter value [${bad}] does not match ^[0-9]{1,19}$`, 'ids', bad)
  const sel = parseFieldSelection(r.url.searchParams)
  if (isError(sel)) return sel
  const found: Tweet[] = []
  const errors: Array<Record<string, unknown>> = []
  for (const id of ids) {
    const tweet = r.ctx.store.liveTweet(id)
    if (tweet) found.push(tweet)
    else errors.push(resourceNotFound('tweet', 'ids', id))
  }
  r.ctx.usage.count(found.length)
  const body: Record<string, unknown> = {}
  if (found.length > 0) body.data = found.map((t) => renderTweet(t, r.ctx.store, sel.tweetFields))
  const includes = buildIncludes(found, r.ctx.store, sel)
  if (includes) body.includes = includes
  if (errors.length > 0) body.errors = errors
  return { status: 200, body }
}

export const getTweetById: ApiHandler = (r) => {
  const id = r.params.id ?? ''
  if (!isNumericId(id))
    return invalidRequest(`The \`id\` query parameter value [${id}] does not match ^[0-9]{1,19}$`, 'id', id)
  const sel = parseFieldSelection(r.url.searchParams)
  if (isError(sel)) return sel
  const tweet = r.ctx.store.liveTweet(id)
  if (!tweet) return { status: 200, body: { errors: [resourceNotFound('tweet', 'id', id)] } }
  r.ctx.usage.count(1)
  const body: Record<string, unknown> = { data: renderTweet(tweet, r.ctx.store, sel.tweetFields) }
  const includes = buildIncludes([tweet], r.ctx.store, sel)
  if (includes) body.includes = includes
  return { status: 200, body }
}

const CREATE_KEYS = new Set([
  'text',
  'reply',
  'quote_tweet_id',
  'reply_settings',
  'for_super_followers_only',
  'nullcast',
  'media',
  'poll',
  'geo',
  'direct_message_deep_link',
  'card_uri',
  'community_id',
  'edit_options',
  'made_with_ai',
  'paid_partnership',
  'share_with_followers',
])

interface CreateRequest {
  text: string
  inReplyToTweetId?: string
  quoteTweetId?: string
}

function parseCreate(body: unknown): CreateRequest | ApiError {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return invalidRequest('The request body must be a JSON object')
  const record = body as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!CREATE_KEYS.has(key))
      return invalidRequest(
        `$.${key}: is not defined in the schema and the schema does not allow additional properties`,
      )
  }
  const text = record.text ?? ''
  if (typeof text !== 'string')
    return invalidRequest('$.text: string found, but expected a string', 'text', String(text))
  const out: CreateRequest = { text }
  if (record.reply !== undefined) {
    const reply = record.reply as Record<string, unknown> | null
    const target = typeof reply === 'object' && reply !== null ? reply.in_reply_to_tweet_id : undefined
    if (typeof target !== 'string' || !isNumericId(target))
      return invalidRequest('$.reply.in_reply_to_tweet_id: must be a tweet id string')
    out.inReplyToTweetId = target
  }
  if (record.quote_tweet_id !== undefined) {
    const quote = record.quote_tweet_id
    if (typeof quote !== 'string' || !isNumericId(quote))
      return invalidRequest('$.quote_tweet_id: must be a tweet id string')
    out.quoteTweetId = quote
  }
  return out
}

/** X's rules for a new tweet by this user; returns the refusal, if any. */
function refusal(ctx: SimContext, author: SimUser, req: CreateRequest): ApiError | undefined {
  if (req.text.trim().length === 0)
    return invalidRequest('Post text is empty: a post needs text or media', 'text', req.text)
  if (weightedLength(req.text) > MAX_WEIGHTED_LENGTH) {
    return invalidRequest(
      'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.',
      'text',
      req.text,
    )
  }
  if (req.inReplyToTweetId && !ctx.store.liveTweet(req.inReplyToTweetId)) {
    return forbidden('You attempted to reply to a Tweet that is deleted or not visible to you.')
  }
  if (req.quoteTweetId && !ctx.store.liveTweet(req.quoteTweetId)) {
    return forbidden('You attempted to quote a Tweet that is deleted or not visible to you.')
  }
  if (ctx.store.hasLiveText(author.id, req.text))
    return forbidden('You are not allowed to create a Tweet with duplicate content.')
  return undefined
}

export const createTweet: ApiHandler = (r) => {
  if (r.auth.kind !== 'user') return unsupportedAuthentication('user')
  const parsed = parseCreate(r.body)
  if (isError(parsed)) return parsed
  const refused = refusal(r.ctx, r.auth.user, parsed)
  if (refused) return refused
  const input: Parameters<typeof r.ctx.store.addTweet>[0] = {
    author: r.auth.user.username,
    text: parsed.text,
    source: 'api',
  }
  if (parsed.inReplyToTweetId) input.inReplyToTweetId = parsed.inReplyToTweetId
  if (parsed.quoteTweetId) input.quoteTweetId = parsed.quoteTweetId
  const tweet = r.ctx.store.addTweet(input)
  r.ctx.stats.postsCreated++
  const { faults, random } = r.ctx
  if (faults.timeoutAfterPostRate > 0 && random.chance(faults.timeoutAfterPostRate)) {
    // X accepted the tweet but the answer never arrives: the client times out.
    r.ctx.stats.swallowedPosts++
    const timer = setTimeout(() => r.res.destroy(), faults.timeoutDelayMs)
    r.res.on('close', () => clearTimeout(timer))
    return 'handled'
  }
  return { status: 201, body: { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } } }
}

export const deleteTweet: ApiHandler = (r) => {
  if (r.auth.kind !== 'user') return unsupportedAuthentication('user')
  const id = r.params.id ?? ''
  if (!isNumericId(id))
    return invalidRequest(`The \`id\` query parameter value [${id}] does not match ^[0-9]{1,19}$`, 'id', id)
  const tweet = r.ctx.store.liveTweet(id)
  if (!tweet) return { status: 200, body: { data: { deleted: false } } }
  if (tweet.authorId !== r.auth.user.id) return forbidden('You are not authorized to delete this Tweet.')
  r.ctx.store.deleteTweet(id)
  return { status: 200, body: { data: { deleted: true } } }
}
