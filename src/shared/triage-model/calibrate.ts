// Calibration of the triage model: Platt scaling of its raw scores and the bands'
// thresholds. By default they are fitted on the calibration slice (~750 tweets), whose
// intercept the training seed alone moves enough to shift ticket recall by .04; with
// folds (train.ts) every tweet of train + calibration is scored by a model that never saw
// it (K folds by a hash of the id), ~5× the tweets for the curve and thresholds to rest on.
import { stringHash } from './features'
import { sigmoid, type TriageThresholds } from './model'

/** Folds `seva model train --folds` accepts at most (each is one more fit). */
export const MAX_CALIBRATION_FOLDS = 10

/** Which of K folds a tweet falls in, by a hash of its id: fixed whatever the seed, and its noisy copy's too. */
export function foldOf(id: string, folds: number): number {
  return (stringHash(`fold:${id}`) >>> 0) % folds
}

/** Platt scaling: a, b minimising log loss of sigmoid(a·z + b) over the scores (Newton steps). */
export function platt(z: Float64Array, y: Float64Array): { a: number; b: number } {
  let a = 1
  let b = 0
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0
    let gb = 0
    let haa = 1e-6
    let hab = 0
    let hbb = 1e-6
    for (let i = 0; i < z.length; i++) {
      const p = sigmoid(a * z[i] + b)
      const d = p - y[i]
      const s = p * (1 - p)
      ga += d * z[i]
      gb += d
      haa += s * z[i] * z[i]
      hab += s * z[i]
      hbb += s
    }
    const det = haa * hbb - hab * hab
    if (Math.abs(det) < 1e-12) break
    const da = (hbb * ga - hab * gb) / det
    const db = (haa * gb - hab * ga) / det
    a -= da
    b -= db
    if (Math.abs(da) + Math.abs(db) < 1e-9) break
  }
  return { a: Number(a.toFixed(6)), b: Number(b.toFixed(6)) }
}

/**
 * Thresholds over the calibrated scores: `ticket` as low as keeps the band's precision at
 * the target, `review` as high as keeps recall of ticket + review at its target.
 */
export function chooseThresholds(
  p: Float64Array,
  y: Float64Array,
  precision: number,
  recall: number,
): TriageThresholds {
  const order = Array.from(p.keys()).sort((i, j) => p[j] - p[i] || i - j)
  const positives = y.reduce((n, v) => n + v, 0)
  let tp = 0
  let ticket = 0.98
  let review = 0.05
  let reviewSet = false
  for (let r = 0; r < order.length; r++) {
    tp += y[order[r]]
    const here = p[order[r]]
    if (r + 1 < order.length && p[order[r + 1]] === here) continue
    if (tp / (r + 1) >= precision && r >= 10) ticket = here
    if (!reviewSet && tp >= recall * positives) {
      review = here
      reviewSet = true
    }
  }
  // Real tweets are harder than any corpus: the bands never close up entirely, so what the
  // model is unsure of on new kinds of tweet goes to a person rather than out on X.
  ticket = Math.min(0.97, Math.max(0.8, ticket))
  review = Math.max(0.08, Math.min(review, 0.25))
  return { ticket: Number(ticket.toFixed(4)), review: Number(review.toFixed(4)) }
}
