// The X API v2 simulator: startSimulator() runs it on loopback for the demo and tests.
// See README-style notes in the brief: /2/* mimics X, /_sim/* controls the simulation.

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApiPipeline } from './api-pipeline'
import { emptyStats, type SimContext } from './context'
import { handleControl } from './control'
import { OAuthAuthority, type OAuthOptions } from './oauth/authority'
import { handleOAuth, OAUTH_PATHS } from './oauth/routes'
import { NO_FAULTS } from './faults'
import { sendJson } from './http-util'
import { createRandom } from './prng'
import { RateLimiter, RATE_LIMIT_WINDOW_MS } from './rate-limits'
import { ScenarioEngine } from './scenario/engine'
import { DEFAULT_HANDLES, SimStore, type Tweet } from './store'
import { FilteredStreamHub } from './stream'
import { StreamRules } from './stream-rules'
import { UsageMeter } from './usage'

export type { Tweet, SimUser, SimStore } from './store'
export type { FaultConfig } from './faults'
export { DEFAULT_HANDLES } from './store'
export { DEFAULT_RATE_LIMITS } from './rate-limits'
export { DEMO_OAUTH_CLIENT, type OAuthClient, type OAuthOptions } from './oauth/authority'

export interface SimulatorOptions {
  port?: number
  host?: string
  /** Citizen tweet generation; false (default) posts nothing on its own. */
  scenario?: { tweetsPerMinute: number; seed?: number } | false
  /** Accounts that exist from the start (the org's handles). Default: DEFAULT_HANDLES. */
  users?: string[]
  now?: () => number
  /** Per-endpoint limits per window, keyed "GET /2/users/:id/mentions" etc. */
  rateLimits?: Partial<Record<string, number>>
  rateLimitWindowMs?: number
  /** Interval of the filtered stream's "\r\n" keep-alives (X: 20 s). */
  keepAliveMs?: number
  /** Monthly Post cap for GET /2/usage/tweets and the UsageCapExceeded answer. */
  projectCap?: number
  maxStreamRules?: number
  /** Seed of the PRNG behind fault decisions. */
  faultSeed?: number
  /** OAuth 2.0 (PKCE) clients and lifetimes; default: the demo client, X's 2 h access tokens. */
  oauth?: OAuthOptions
}

export interface InjectTweetInput {
  author: string
  text: string
  in_reply_to_tweet_id?: string
  quote_tweet_id?: string
  retweet_of?: string
  lang?: string
}

export interface Simulator {
  url: string
  port: number
  close(): Promise<void>
  store: SimStore
  /** Posts a tweet as a citizen would (no X posting rules applied); the stream sees it. */
  injectTweet(input: InjectTweetInput): Tweet
  /** Live tweets by that user, oldest first. */
  tweetsBy(username: string): Tweet[]
  context: SimContext
  scenario: ScenarioEngine
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const now = opts.now ?? Date.now
  const handles = opts.users ?? DEFAULT_HANDLES
  const store = new SimStore(now)
  store.reset(handles)
  const stream = new FilteredStreamHub(opts.keepAliveMs ?? 20_000)
  const ctx: SimContext = {
    store,
    rules: new StreamRules(now, opts.maxStreamRules ?? 1000),
    stream,
    usage: new UsageMeter(now, opts.projectCap ?? 10_000_000, new Date(now()).getUTCDate()),
    limiter: new RateLimiter(now, opts.rateLimits ?? {}, opts.rateLimitWindowMs ?? RATE_LIMIT_WINDOW_MS),
    faults: { ...NO_FAULTS },
    random: createRandom(opts.faultSeed ?? 7),
    stats: emptyStats(),
    handles,
    oauth: new OAuthAuthority(now, opts.oauth),
    now,
  }
  stream.attach(ctx)
  store.onTweet((tweet) => stream.deliver(tweet))
  const scenario = new ScenarioEngine(store, {
    handles,
    ...(opts.scenario && opts.scenario.seed !== undefined ? { seed: opts.scenario.seed } : {}),
  })

  const reset = (): void => {
    stream.closeAll()
    store.reset(handles)
    ctx.rules.clear()
    ctx.usage.reset()
    ctx.limiter.reset()
    Object.assign(ctx.faults, NO_FAULTS)
    Object.assign(ctx.stats, emptyStats())
    ctx.oauth.reset()
    scenario.forget()
  }

  const api = createApiPipeline(ctx)
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim.local')
    const work = OAUTH_PATHS.has(url.pathname)
      ? handleOAuth({ authority: ctx.oauth, store, handles }, req, res, url)
      : url.pathname.startsWith('/2/')
        ? api(req, res, url)
        : url.pathname.startsWith('/_sim/')
          ? handleControl({ ctx, scenario, reset }, req, res, url)
          : Promise.resolve(
              sendJson(res, 404, {
                error: `unknown path ${url.pathname}; the X API lives under /2/, controls under /_sim/`,
              }),
            )
    work.catch((err: unknown) => {
      // A bug must not take the simulator down mid-soak: answer 500 like X's internal error.
      console.error('[twitter-sim] internal error', err)
      sendJson(res, 500, {
        title: 'Internal Error',
        detail: err instanceof Error ? err.message : String(err),
        type: 'https://api.x.com/2/problems/internal-error',
        status: 500,
      })
    })
  })
  server.keepAliveTimeout = 5_000

  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(':') ? `[${host}]` : host
  if (opts.scenario && opts.scenario.tweetsPerMinute > 0) scenario.setRate(opts.scenario.tweetsPerMinute)

  let closed: Promise<void> | undefined
  return {
    url: `http://${urlHost}:${port}`,
    port,
    store,
    context: ctx,
    scenario,
    injectTweet: (input) =>
      store.addTweet({
        author: input.author,
        text: input.text,
        source: 'inject',
        ...(input.in_reply_to_tweet_id !== undefined ? { inReplyToTweetId: input.in_reply_to_tweet_id } : {}),
        ...(input.quote_tweet_id !== undefined ? { quoteTweetId: input.quote_tweet_id } : {}),
        ...(input.retweet_of !== undefined ? { retweetOf: input.retweet_of } : {}),
        ...(input.lang !== undefined ? { lang: input.lang } : {}),
      }),
    tweetsBy: (username) => store.tweetsBy(username),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        scenario.stop()
        stream.closeAll()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closed
    },
  }
}
