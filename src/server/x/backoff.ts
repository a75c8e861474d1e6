// Exponential backoff with "full jitter" for 5xx answers and network errors: the delay
// doubles with each consecutive failure up to a cap, and a random share of it spreads
// retries out so several clients (or sources) do not hammer X in step.

export interface BackoffPolicy {
  baseMs: number
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 }

/** Delay before retry number `failures` (1 = after the first failure). */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  if (failures <= 0) return 0
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures - 1, 30))
  // Half fixed, half random: never retry at once, never all at the same moment.
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
