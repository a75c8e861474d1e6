// Per-token, per-endpoint request windows like X's: each endpoint has a limit per
// 15-minute window; every answer reports it in x-rate-limit-* headers.

export const RATE_LIMIT_WINDOW_MS = 15 * 60 * 1000

/** X-like limits per 15 minutes, keyed "METHOD /pattern". */
export const DEFAULT_RATE_LIMITS: Record<string, number> = {
  'GET /2/users/me': 75,
  'GET /2/users/by/username/:username': 300,
  'GET /2/users/:id': 300,
  'GET /2/users/:id/mentions': 450,
  'GET /2/tweets/search/recent': 450,
  'GET /2/tweets': 300,
  'GET /2/tweets/:id': 300,
  'POST /2/tweets': 200,
  'DELETE /2/tweets/:id': 50,
  'GET /2/tweets/search/stream': 50,
  'GET /2/tweets/search/stream/rules': 450,
  'POST /2/tweets/search/stream/rules': 450,
  'GET /2/usage/tweets': 50,
}

export interface RateLimitState {
  limit: number
  remaining: number
  /** Epoch seconds when the window resets. */
  reset: number
  exceeded: boolean
}

interface Window {
  start: number
  used: number
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>()
  private readonly limits: Record<string, number>

  constructor(
    private readonly now: () => number,
    overrides: Partial<Record<string, number>> = {},
    private readonly windowMs = RATE_LIMIT_WINDOW_MS,
  ) {
    this.limits = { ...DEFAULT_RATE_LIMITS }
    for (const [key, value] of Object.entries(overrides)) if (value !== undefined) this.limits[key] = value
  }

  limitFor(endpoint: string): number {
    return this.limits[endpoint] ?? 300
  }

  /** Counts one request (unless `consume` is false) and tells whether it is within the limit. */
  hit(token: string, endpoint: string, consume = true): RateLimitState {
    const limit = this.limitFor(endpoint)
    const key = `${token}\u0000${endpoint}`
    const now = this.now()
    let window = this.windows.get(key)
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, used: 0 }
      this.windows.set(key, window)
    }
    const exceeded = consume && window.used >= limit
    if (consume && !exceeded) window.used++
    return {
      limit,
      remaining: Math.max(0, limit - window.used),
      reset: Math.ceil((window.start + this.windowMs) / 1000),
      exceeded,
    }
  }

  reset(): void {
    this.windows.clear()
  }
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'x-rate-limit-limit': String(state.limit),
    'x-rate-limit-remaining': String(state.remaining),
    'x-rate-limit-reset': String(state.reset),
  }
}
