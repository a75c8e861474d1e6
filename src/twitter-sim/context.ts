// What every API and control handler works with: the world, its settings and counters.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultConfig } from './faults'
import type { OAuthAuthority } from './oauth/authority'
import type { Random } from './prng'
import type { RateLimiter } from './rate-limits'
import type { SimStore, SimUser } from './store'
import type { StreamRules } from './stream-rules'
import type { FilteredStreamHub } from './stream'
import type { UsageMeter } from './usage'

/** `scopes` is set for tokens issued by the OAuth flow (undefined: a sim-user-<name> token, all scopes). */
export type Auth =
  { kind: 'user'; token: string; user: SimUser; scopes?: readonly string[] } | { kind: 'app'; token: string }

export interface SimStats {
  requests: number
  injected429: number
  injected503: number
  rateLimited: number
  swallowedPosts: number
  postsCreated: number
  streamConnections: number
  streamEventsSent: number
  streamDrops: number
}

export function emptyStats(): SimStats {
  return {
    requests: 0,
    injected429: 0,
    injected503: 0,
    rateLimited: 0,
    swallowedPosts: 0,
    postsCreated: 0,
    streamConnections: 0,
    streamEventsSent: 0,
    streamDrops: 0,
  }
}

export interface SimContext {
  store: SimStore
  rules: StreamRules
  stream: FilteredStreamHub
  usage: UsageMeter
  limiter: RateLimiter
  faults: FaultConfig
  /** Drives fault decisions; seeded so faulty runs can be replayed. */
  random: Random
  stats: SimStats
  handles: readonly string[]
  /** OAuth 2.0 clients, codes and tokens (oauth/). */
  oauth: OAuthAuthority
  now: () => number
}

export interface ApiRequest {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  params: Record<string, string>
  auth: Auth
  ctx: SimContext
  /** Parsed JSON body for POST/DELETE, undefined when absent. */
  body: unknown
  /** Rate-limit headers to send with the answer. */
  headers: Record<string, string>
}

/** A JSON answer, or 'handled' when the handler wrote (or deliberately never wrote) the response. */
export type ApiResult = { status: number; body: unknown } | 'handled'

export type ApiHandler = (request: ApiRequest) => ApiResult | Promise<ApiResult>
