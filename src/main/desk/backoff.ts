// Reconnect / retry delays: exponential from min to max with "full jitter" on the
// upper half, so a room of desks coming back after an outage does not stampede the server.

export interface BackoffOptions {
  minMs: number
  maxMs: number
  random?: () => number
}

export class Backoff {
  private attempt = 0
  constructor(private readonly opts: BackoffOptions) {}

  /** The delay before the next attempt; each call grows it until `maxMs`. */
  next(): number {
    const ceiling = Math.min(this.opts.maxMs, this.opts.minMs * 2 ** this.attempt)
    this.attempt = Math.min(this.attempt + 1, 30)
    const random = this.opts.random ?? Math.random
    // Half fixed, half random: never shorter than half the ceiling, never above it.
    return Math.round(ceiling / 2 + (random() * ceiling) / 2)
  }

  reset(): void {
    this.attempt = 0
  }
}
