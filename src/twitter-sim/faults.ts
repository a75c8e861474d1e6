// Fault injection: the ways the real X API misbehaves that Seva Desk must survive.

export interface FaultConfig {
  /** Fraction (0–1) of /2 requests answered 429. */
  rate429: number
  /** Fraction (0–1) of /2 requests answered 503. */
  rate503: number
  /** Delay added to every /2 answer. */
  latencyMs: number
  /** Close the filtered stream after every N delivered events (0 = never). */
  dropStreamEvery: number
  /** Fraction of stream events delivered twice, and of mention/search pages that repeat a tweet. */
  duplicateRate: number
  /** Fraction of pages / stream bursts whose tweet order is shuffled. */
  outOfOrder: number
  /** Fraction of POST /2/tweets that are stored but never answered (socket destroyed). */
  timeoutAfterPostRate: number
  /** How long such a swallowed POST hangs before the socket is destroyed. */
  timeoutDelayMs: number
}

export const NO_FAULTS: FaultConfig = {
  rate429: 0,
  rate503: 0,
  latencyMs: 0,
  dropStreamEvery: 0,
  duplicateRate: 0,
  outOfOrder: 0,
  timeoutAfterPostRate: 0,
  timeoutDelayMs: 1000,
}

const RATES = ['rate429', 'rate503', 'duplicateRate', 'outOfOrder', 'timeoutAfterPostRate'] as const
const COUNTS = ['latencyMs', 'dropStreamEvery', 'timeoutDelayMs'] as const
const MAX_COUNT = 600_000

/** Parses a POST /_sim/faults body. Missing keys mean "off", so `{}` clears every fault. */
export function parseFaultConfig(input: unknown): FaultConfig | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'body must be a JSON object'
  const record = input as Record<string, unknown>
  const known = new Set<string>([...RATES, ...COUNTS])
  const unknown = Object.keys(record).filter((k) => !known.has(k))
  if (unknown.length > 0) return `unknown fault(s): ${unknown.join(', ')}; known: ${[...known].join(', ')}`
  const config: FaultConfig = { ...NO_FAULTS }
  for (const key of RATES) {
    const value = record[key]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
      return `${key} must be a number between 0 and 1`
    config[key] = value
  }
  for (const key of COUNTS) {
    const value = record[key]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_COUNT) {
      return `${key} must be an integer between 0 and ${MAX_COUNT}`
    }
    config[key] = value
  }
  return config
}

export function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const tmp = items[i]!
    items[i] = items[j]!
    items[j] = tmp
  }
}
