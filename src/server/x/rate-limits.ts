// Staying inside X's per-endpoint rate limits. Every answer carries
// x-rate-limit-limit/remaining/reset; a client plugin feeds them to the pacer, and callers
// ask the pacer before each request. Plenty left: go. Running low: spread what is left
// evenly over the time to the reset. None left (or a 429): wait for the reset.
import type { ITwitterApiClientPlugin, TwitterRateLimit } from 'twitter-api-v2'
import { ApiResponseError } from 'twitter-api-v2'

/** "GET /2/users/:id/mentions": the endpoint a request URL belongs to (ids and usernames folded). */
export function endpointKey(method: string, url: string): string {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    path = url.split('?')[0] ?? url
  }
  path = path
    .replace(/\/users\/by\/username\/[^/]+/, '/users/by/username/:username')
    .replace(/\/(users|tweets)\/\d+/g, '/$1/:id')
  return `${method.toUpperCase()} ${path}`
}

interface EndpointState {
  limit: number
  remaining: number
  /** Epoch ms of the window reset. */
  resetAt: number
  lastRequestAt: number
  /** Set by a 429: nothing goes out before this. */
  blockedUntil: number
}

export interface PacerOptions {
  /** Below this share of the limit left, requests are spread out instead of sent at once. */
  lowWater?: number
  now?: () => number
}

/** Thrown instead of waiting when the next allowed request is too far away for this pass. */
export class RateLimitWait extends Error {
  constructor(
    readonly endpoint: string,
    readonly until: number,
  ) {
    super(`${endpoint} is rate limited until ${new Date(until).toISOString()}`)
    this.name = 'RateLimitWait'
  }
}

export class RateLimitPacer {
  private readonly endpoints = new Map<string, EndpointState>()
  private readonly lowWater: number
  private readonly now: () => number

  constructor(opts: PacerOptions = {}) {
    this.lowWater = opts.lowWater ?? 0.2
    this.now = opts.now ?? Date.now
  }

  /** Records what X said about an endpoint's window. */
  observe(endpoint: string, rateLimit: TwitterRateLimit | undefined, status?: number): void {
    const state = this.state(endpoint)
    state.lastRequestAt = this.now()
    if (rateLimit) {
      state.limit = rateLimit.limit
      state.remaining = rateLimit.remaining
      state.resetAt = rateLimit.reset * 1000
    }
    if (status === 429) {
      // No reset header: X's windows are 15 minutes; wait a minute and look again.
      state.blockedUntil = rateLimit?.reset ? rateLimit.reset * 1000 : this.now() + 60_000
      state.remaining = 0
    }
  }

  /** Epoch ms when the next request to this endpoint may go out. */
  readyAt(endpoint: string): number {
    const state = this.endpoints.get(endpoint)
    if (!state) return 0
    const now = this.now()
    if (state.blockedUntil > now) return state.blockedUntil
    if (state.resetAt <= now) return 0
    if (state.remaining <= 0) return state.resetAt
    if (state.remaining >= state.limit * this.lowWater) return 0
    return state.lastRequestAt + (state.resetAt - state.lastRequestAt) / state.remaining
  }

  /**
   * Waits for the endpoint's turn; if that is more than maxWaitMs away, throws
   * RateLimitWait so a polling pass can give up and come back later.
   */
  async acquire(endpoint: string, maxWaitMs = 2_000): Promise<void> {
    const wait = this.readyAt(endpoint) - this.now()
    if (wait <= 0) return
    if (wait > maxWaitMs) throw new RateLimitWait(endpoint, this.readyAt(endpoint))
    await new Promise((resolve) => setTimeout(resolve, wait))
  }

  snapshot(): Record<string, { limit: number; remaining: number; resetAt: string }> {
    const out: Record<string, { limit: number; remaining: number; resetAt: string }> = {}
    for (const [key, s] of this.endpoints)
      out[key] = { limit: s.limit, remaining: s.remaining, resetAt: new Date(s.resetAt).toISOString() }
    return out
  }

  private state(endpoint: string): EndpointState {
    let state = this.endpoints.get(endpoint)
    if (!state) {
      state = { limit: 1, remaining: 1, resetAt: 0, lastRequestAt: 0, blockedUntil: 0 }
      this.endpoints.set(endpoint, state)
    }
    return state
  }
}

/** A twitter-api-v2 plugin that reports every answer's rate-limit headers to the pacer. */
export function rateLimitPlugin(pacer: RateLimitPacer): ITwitterApiClientPlugin {
  return {
    onAfterRequest: ({ url, params, response }) => {
      pacer.observe(endpointKey(params.method, url.toString()), response.rateLimit)
    },
    onResponseError: ({ url, params, error }) => {
      if (error instanceof ApiResponseError)
        pacer.observe(endpointKey(params.method, url.toString()), error.rateLimit, error.code)
    },
  }
}
