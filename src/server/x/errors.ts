// Reading twitter-api-v2 failures: rate limits (wait until reset), duplicate content
// (X refuses a tweet identical to a recent one: it means our earlier post went through).
import { ApiResponseError } from 'twitter-api-v2'
import { RateLimitWait } from './rate-limits'

export interface XFailure {
  status: number | null
  message: string
  /** Epoch ms when a 429 says we may call again. */
  retryAt: number | null
  duplicateContent: boolean
  /** A 5xx answer or no answer at all: worth retrying after a backoff. */
  transient: boolean
}

export function describeXError(error: unknown): XFailure {
  // Our own pacer holding a request back: like a 429 we never had to receive.
  if (error instanceof RateLimitWait) {
    return { status: 429, message: error.message, retryAt: error.until, duplicateContent: false, transient: false }
  }
  if (error instanceof ApiResponseError) {
    const data = error.data as { detail?: string; title?: string; errors?: { message?: string }[] } | undefined
    const message = data?.detail ?? data?.errors?.[0]?.message ?? data?.title ?? error.message ?? `HTTP ${error.code}`
    const reset = error.rateLimit?.reset
    return {
      status: error.code,
      message,
      retryAt: error.code === 429 ? (reset ? reset * 1000 : Date.now() + 60_000) : null,
      duplicateContent: error.code === 403 && /duplicate/i.test(message),
      transient: error.code >= 500,
    }
  }
  return {
    status: null,
    message: error instanceof Error ? error.message : String(error),
    retryAt: null,
    duplicateContent: false,
    transient: true,
  }
}
