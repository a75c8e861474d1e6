// Medians and p90s from the roll-ups' histograms (rollup.ts), computed here rather than in
// SQL: the statement only adds up each officer's buckets over the range (one hash over the
// roll-up rows), and the totals, divisions and officers are merged and read in memory. A
// year's histograms are some 30,000 (officer, bucket) pairs; ranking them with window
// functions took PostgreSQL most of a year's report, a loop over sorted buckets takes
// a millisecond.
import { BUCKET_RATIO } from './rollup'

/** The value a bucket is read as: 0 s for bucket 0, else its geometric middle (rollup.ts bucketSql). */
export function bucketValue(bucket: number): number {
  return bucket === 0 ? 0 : Math.pow(BUCKET_RATIO, bucket - 0.5)
}

/** Counts per bucket. */
export type Histogram = Map<number, number>

/** Adds `counts[i]` to bucket `buckets[i]` of `into`. */
export function addBuckets(into: Histogram, buckets: readonly number[], counts: readonly number[]): void {
  buckets.forEach((b, i) => into.set(b, (into.get(b) ?? 0) + counts[i]!))
}

/**
 * percentile_cont(p) of the values a histogram holds, each read as its bucket's value: the
 * values at ranks floor(p·(N−1)) and ceil(p·(N−1)) (0-based, in bucket order), interpolated
 * between, as PostgreSQL interpolates. Null for an empty histogram.
 */
export function histogramPercentile(h: Histogram, p: number): number | null {
  const buckets = [...h.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b)
  const total = buckets.reduce((sum, [, n]) => sum + n, 0)
  if (total === 0) return null
  const rank = p * (total - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  let below = 0
  let low: number | null = null
  let high: number | null = null
  for (const [bucket, n] of buckets) {
    if (low === null && below + n > lo) low = bucketValue(bucket)
    if (below + n > hi) {
      high = bucketValue(bucket)
      break
    }
    below += n
  }
  return low! + (rank - lo) * (high! - low!)
}
