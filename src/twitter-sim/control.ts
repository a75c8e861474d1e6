// /_sim/* control routes: fixed interface points for tests, the demo and other tools.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SimContext } from './context'
import { parseFaultConfig } from './faults'
import { BodyError, readJsonBody, Router, sendJson } from './http-util'
import type { ScenarioEngine } from './scenario/engine'
import type { Tweet } from './store'

export interface ControlDeps {
  ctx: SimContext
  scenario: ScenarioEngine
  reset(): void
}

type ControlHandler = (deps: ControlDeps, body: unknown, url: URL) => { status: number; body: unknown }

/** The control view of a tweet: what tools need to check what was posted. */
export function controlTweet(tweet: Tweet): Record<string, unknown> {
  return {
    id: tweet.id,
    text: tweet.text,
    author: tweet.author,
    author_id: tweet.authorId,
    created_at: new Date(tweet.createdAt).toISOString(),
    in_reply_to_tweet_id: tweet.inReplyToTweetId ?? null,
    conversation_id: tweet.conversationId,
  }
}

const bad = (message: string): { status: number; body: unknown } => ({ status: 400, body: { error: message } })

const postTweet: ControlHandler = ({ ctx }, body) => {
  const rec = body as Record<string, unknown> | undefined
  if (typeof rec !== 'object' || rec === null) return bad('body must be {author, text, in_reply_to_tweet_id?}')
  const { author, text } = rec
  if (typeof author !== 'string' || !/^[A-Za-z0-9_]{1,15}$/.test(author))
    return bad('author must be an X username (1-15 letters, digits, _)')
  if (typeof text !== 'string') return bad('text must be a string')
  const optional = ['in_reply_to_tweet_id', 'quote_tweet_id', 'retweet_of', 'lang'] as const
  for (const key of optional) {
    if (rec[key] !== undefined && typeof rec[key] !== 'string') return bad(`${key} must be a string`)
  }
  if (text.length === 0 && rec.retweet_of === undefined) return bad('text must not be empty')
  try {
    const tweet = ctx.store.addTweet({
      author,
      text,
      source: 'control',
      ...(rec.in_reply_to_tweet_id !== undefined ? { inReplyToTweetId: rec.in_reply_to_tweet_id as string } : {}),
      ...(rec.quote_tweet_id !== undefined ? { quoteTweetId: rec.quote_tweet_id as string } : {}),
      ...(rec.retweet_of !== undefined ? { retweetOf: rec.retweet_of as string } : {}),
      ...(rec.lang !== undefined ? { lang: rec.lang as string } : {}),
    })
    return { status: 201, body: { id: tweet.id } }
  } catch (err) {
    return bad(err instanceof Error ? err.message : String(err))
  }
}

const listTweets: ControlHandler = ({ ctx }, _body, url) => {
  const author = url.searchParams.get('author')
  const tweets = author === null ? ctx.store.timeline.filter((t) => !t.deleted) : ctx.store.tweetsBy(author)
  return { status: 200, body: tweets.map(controlTweet) }
}

const setFaults: ControlHandler = ({ ctx }, body) => {
  const parsed = parseFaultConfig(body ?? {})
  if (typeof parsed === 'string') return bad(parsed)
  Object.assign(ctx.faults, parsed)
  return { status: 200, body: { ...ctx.faults } }
}

const getFaults: ControlHandler = ({ ctx }) => ({ status: 200, body: { ...ctx.faults } })

const setScenario: ControlHandler = ({ scenario }, body) => {
  const rate = (body as Record<string, unknown> | undefined)?.tweetsPerMinute
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 60_000) {
    return bad('tweetsPerMinute must be a number between 0 and 60000 (0 stops the scenario)')
  }
  scenario.setRate(rate)
  return { status: 200, body: { tweetsPerMinute: scenario.tweetsPerMinute, generated: scenario.generated } }
}

const getScenario: ControlHandler = ({ scenario }) => ({
  status: 200,
  body: { tweetsPerMinute: scenario.tweetsPerMinute, generated: scenario.generated },
})

const reset: ControlHandler = (deps) => {
  deps.reset()
  return { status: 200, body: { ok: true } }
}

const stats: ControlHandler = ({ ctx, scenario }) => {
  const timeline = ctx.store.timeline
  const deleted = timeline.reduce((n, t) => n + (t.deleted ? 1 : 0), 0)
  return {
    status: 200,
    body: {
      tweets: timeline.length - deleted,
      deletedTweets: deleted,
      users: ctx.store.userCount,
      rules: ctx.rules.size,
      streamConnected: ctx.stream.connected,
      postsRead: ctx.usage.used,
      scenario: { tweetsPerMinute: scenario.tweetsPerMinute, generated: scenario.generated },
      ...ctx.stats,
    },
  }
}

const oauthGrants: ControlHandler = ({ ctx }) => ({ status: 200, body: ctx.oauth.liveGrants() })

/** The account withdraws every app's access, as from X's settings: its tokens stop working. */
const oauthRevoke: ControlHandler = ({ ctx }, body) => {
  const username = (body as Record<string, unknown> | undefined)?.username
  if (typeof username !== 'string' || !/^[A-Za-z0-9_]{1,15}$/.test(username)) return bad('body must be {username}')
  return { status: 200, body: { revoked: ctx.oauth.revokeAllFor(username) } }
}

const router = new Router<ControlHandler>()
  .add('POST', '/_sim/tweets', postTweet)
  .add('GET', '/_sim/tweets', listTweets)
  .add('POST', '/_sim/faults', setFaults)
  .add('GET', '/_sim/faults', getFaults)
  .add('POST', '/_sim/scenario', setScenario)
  .add('GET', '/_sim/scenario', getScenario)
  .add('POST', '/_sim/reset', reset)
  .add('GET', '/_sim/stats', stats)
  .add('GET', '/_sim/oauth/grants', oauthGrants)
  .add('POST', '/_sim/oauth/revoke', oauthRevoke)

export async function handleControl(
  deps: ControlDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const match = router.match(req.method ?? 'GET', url.pathname)
  if (!match) {
    sendJson(res, router.pathExists(url.pathname) ? 405 : 404, {
      error: `no control route ${req.method} ${url.pathname}`,
    })
    return
  }
  let body: unknown
  try {
    body = req.method === 'POST' ? await readJsonBody(req) : undefined
  } catch (err) {
    sendJson(res, 400, { error: err instanceof BodyError ? err.message : 'unreadable body' })
    return
  }
  const result = match.handler(deps, body, url)
  sendJson(res, result.status, result.body)
}
