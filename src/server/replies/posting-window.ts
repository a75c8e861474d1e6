// X's posting window (POST /2/tweets: 200 posts per 15 minutes) shared between people and
// automatic texts. People's replies always go first; acknowledgements may take posts only
// while more than the people's share of the window is left, so a burst of new grievances
// can never leave an officer's reply waiting for the next window. From what is left and
// when the window resets, the estimate of when a waiting reply will be on X.
import type { RateLimitPacer } from '../x/rate-limits'

export const POST_ENDPOINT = 'POST /2/tweets'
/** Share of every posting window kept for people's replies. */
export const DEFAULT_PEOPLE_SHARE = 0.25
/** X's windows are 15 minutes; the answers tell when one resets, not how long it is. */
const X_WINDOW_MS = 15 * 60_000

interface WindowState {
  limit: number
  remaining: number
  resetAt: number
}

export class PostingWindow {
  constructor(
    private readonly pacer: RateLimitPacer | undefined,
    private readonly peopleShare = DEFAULT_PEOPLE_SHARE,
    private readonly now: () => number = Date.now,
  ) {}

  private state(): WindowState | null {
    const seen = this.pacer?.snapshot()[POST_ENDPOINT]
    if (!seen) return null
    const resetAt = Date.parse(seen.resetAt)
    if (!(resetAt > this.now())) return null
    return { limit: seen.limit, remaining: seen.remaining, resetAt }
  }

  /** Posts of the current window kept for people. */
  private reserve(state: WindowState): number {
    return Math.max(1, Math.ceil(state.limit * this.peopleShare))
  }

  /** Whether an automatic text may take a post now. Unknown window (nothing posted yet): yes. */
  automaticAllowed(): boolean {
    const state = this.state()
    return !state || state.remaining > this.reserve(state)
  }

  /** When automatic texts may post again (the window's reset), or now. */
  automaticResumeAt(): number {
    const state = this.state()
    return state && state.remaining <= this.reserve(state) ? state.resetAt : this.now()
  }

  /**
   * When the person's reply at this place (1 = next) should be on X, not before notBefore
   * (a 429 pause, a retry's backoff). People take every post left, then whole windows.
   */
  estimate(position: number, notBefore: number): number {
    const start = Math.max(this.now(), notBefore)
    const state = this.state()
    if (!state) return start
    const usable = start >= state.resetAt ? 0 : state.remaining
    if (position <= usable) return start
    const windows = Math.ceil((position - usable) / Math.max(1, state.limit))
    return Math.max(start, state.resetAt + (windows - 1) * X_WINDOW_MS)
  }
}
