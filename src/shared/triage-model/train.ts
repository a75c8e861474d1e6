// Training the triage model from labelled tweets: logistic regression for "actionable"
// and softmax regression for the division, over the hashed features of features.ts,
// fitted by AdaGrad with L2 in a seeded order — the same tweets give the same model file
// byte for byte. The corpus is cut three ways by a hash of each tweet's id (70 / 15 / 15):
// by default most to fit the weights and a calibration slice for Platt scaling and the
// bands' thresholds; with `folds` K ≥ 2 the two slices together, in K folds whose
// out-of-fold scores calibrate (calibrate.ts). A validation slice nothing is fitted on
// gives the figures the model file reports.
import type { IncomingTweet } from '../analysis'
import { analyseTweet } from '../routing/analyse'
import type { CompiledOrg } from '../routing/compile'
import { MAX_CALIBRATION_FOLDS, chooseThresholds, foldOf, platt } from './calibrate'
import { FEATURE_SET, FeatureBuffer, extractFeatures, featureContext, stringHash } from './features'
import {
  SEEN_BITS,
  divisionStride,
  isSeen,
  keepSeen,
  seenIndex,
  quantise,
  rankDivisions,
  rawScore,
  sigmoid,
  type QuantisedWeights,
  type TriageModel,
} from './model'

export interface LabelledTweet {
  id: string
  text: string
  author: string
  viaHandle?: string
  inReplyToUserId?: string
  referencedTweets?: IncomingTweet['referencedTweets']
  label: { actionable: boolean; division: string | null }
}

export interface TrainOptions {
  /** A hash of what the model is made from (the CLI hashes the org file and the inputs). */
  createdFrom: string
  seed?: number
  epochs?: number
  hashBits?: number
  divisionHashBits?: number
  /** Precision the `ticket` band should reach on the calibration scores. */
  ticketPrecision?: number
  /** Recall of `ticket` + `review` on the calibration scores. */
  reviewRecall?: number
  /**
   * 1 (the default, the committed models): fit on the train slice, calibrate on the
   * calibration slice. K ≥ 2: K fold models over both slices, calibrated on their
   * out-of-fold scores, the model their mean (calibrate.ts; steadier across seeds).
   */
  folds?: number
}

export type Split = 'train' | 'calibration' | 'validation'

/**
 * Which slice a tweet falls in: 70 / 15 / 15 by a hash of its id, so it never moves.
 * With folds, train and calibration are fitted and calibrated on together; validation never.
 */
export function splitOf(id: string): Split {
  const h = (stringHash(`split:${id}`) >>> 0) % 100
  return h < 70 ? 'train' : h < 85 ? 'calibration' : 'validation'
}

export interface BandFigures {
  tweets: number
  /** Share of actionable tweets among those put in `ticket`. */
  ticketPrecision: number
  /** Share of actionable tweets put in `ticket` or `review`. */
  ticketOrReviewRecall: number
  /** Actionable = confidence ≥ 0.5. */
  precision: number
  recall: number
  f1: number
  /** Of actionable tweets put in ticket or review, the share given the right division. */
  divisionAccuracy: number
  bands: Record<'ticket' | 'review' | 'ignore', number>
}

export interface TrainReport {
  tweets: number
  /** Examples fitted on (with their noisy copies): the train slice, or with folds train + calibration. */
  train: number
  /** Tweets scored for Platt scaling and the thresholds: the calibration slice, or with folds out of fold. */
  calibration: number
  /** 1, or how many fold models were fitted (their mean is the model). */
  folds: number
  validation: number
  validationFigures: BandFigures
}

export interface Example {
  hashes: Int32Array
  /** Features the division model reads: hashes[0 .. divisionCount). */
  divisionCount: number
  /** 1 for the word features (words, heads, word pairs), which training sometimes hides. */
  lexical: Uint8Array
  ruleDivision: number
  y: number
  division: number
  split: Split
  /** Calibration fold (foldOf) of a train or calibration tweet when training with folds, else -1. */
  fold: number
  /** A training copy with a noise token appended: fitted on, never scored for calibration. */
  copy: boolean
}

function mulberry32(seed: number): () => number {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A tweet as a file or the desk's labels give it, as the triage reads it (author id = username). */
export const toIncoming = (t: Omit<LabelledTweet, 'label'>): IncomingTweet => ({
  id: t.id,
  text: t.text,
  authorId: t.author,
  authorUsername: t.author,
  viaHandle: t.viaHandle,
  inReplyToUserId: t.inReplyToUserId,
  referencedTweets: t.referencedTweets,
})

/**
 * Tokens real tweets carry that say nothing about a grievance: a reference or order id, a
 * bare number, a campaign hashtag, a stray word. Training sees some tweets a second time
 * with one of these appended (same label), so the shape weights (word count, digits,
 * hashtags, the last word) learn that such a token changes nothing.
 */
function noiseToken(rand: () => number): string {
  const chars = (n: number, from: string) =>
    Array.from({ length: n }, () => from[Math.floor(rand() * from.length)]).join('')
  const digits = (n: number) => String(1 + Math.floor(rand() * 9)) + chars(n - 1, '0123456789')
  const letters = 'abcdefghijkmnopqrstuvwxyz'
  const n = 3 + Math.floor(rand() * 8)
  switch (Math.floor(rand() * 7)) {
    case 0:
      return digits(1 + Math.floor(rand() * 12))
    case 1:
      return chars(n, letters + '0123456789')
    case 2:
      return `#${chars(n, letters)}`
    case 3:
      return `#${chars(n, letters)} #${chars(3 + Math.floor(rand() * 6), letters + '0123456789')}`
    case 4:
      return `${chars(2 + Math.floor(rand() * 3), letters)}:${chars(n, letters + '0123456789')}`
    case 5:
      return chars(n, letters)
    default:
      return `${chars(n, letters)} ${digits(2 + Math.floor(rand() * 6))}`
  }
}
/** Share of training tweets also seen with a noise token appended. */
const NOISE_COPIES = 0.5

/** Features of each tweet that reaches the model (the rules settle retweets and our own tweets). */
export function examples(
  compiled: CompiledOrg,
  divisions: string[],
  tweets: readonly LabelledTweet[],
  noise?: () => number,
  folds = 1,
): Example[] {
  const ctx = featureContext(compiled, divisions)
  const buf = new FeatureBuffer()
  const out: Example[] = []
  const m = compiled.matcher
  for (const original of tweets) {
    const split = splitOf(original.id)
    const fitted = folds > 1 ? split !== 'validation' : split === 'train'
    const fold = folds > 1 && fitted ? foldOf(original.id, folds) : -1
    addExample(original, split, fold, false)
    if (noise && fitted && noise() < NOISE_COPIES)
      addExample({ ...original, text: `${original.text} ${noiseToken(noise)}` }, split, fold, true)
  }
  return out

  function addExample(t: LabelledTweet, split: Split, fold: number, copy: boolean): void {
    const runs = m.runs
    const analysis = analyseTweet(compiled, toIncoming(t))
    if (m.runs === runs || m.wordCount === 0) return
    extractFeatures(ctx, toIncoming(t), analysis, buf)
    out.push({
      hashes: buf.hashes.slice(0, buf.count),
      divisionCount: buf.divisionCount,
      lexical: Uint8Array.from({ length: buf.count }, (_, i) =>
        (i >= 1 && i < buf.wordsEnd) || (i >= buf.bigramsFrom && i < buf.bigramsTo) ? 1 : 0,
      ),
      ruleDivision: buf.ruleDivision,
      y: t.label.actionable ? 1 : 0,
      division: t.label.division === null ? -1 : divisions.indexOf(t.label.division),
      split,
      fold,
      copy,
    })
  }
}

function shuffled(n: number, rand: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    const t = order[i]
    order[i] = order[j]
    order[j] = t
  }
  return order
}

const L2 = 1e-4
const RATE = 0.3
/**
 * Targets of 0.03 / 0.97 instead of 0 / 1: the corpus is cleaner than real tweets, and
 * a model that never saw doubt is certain of everything it has never seen either.
 */
const SMOOTH = 0.03
/**
 * Each word feature is hidden from an example with this chance, each time it is seen:
 * the model must also learn the shape of a grievance (first person + problem + ask, a
 * report addressed to us, rule hits) rather than only the corpus's own phrases.
 */
const WORD_DROPOUT = 0.4
/**
 * A feature (a table slot) seen in fewer training tweets than this gets no weight and is
 * left out of the model file: a word, id or hashtag met once or twice is noise the model
 * would otherwise learn by heart, and on a real tweet a never-seen token that lands on such
 * a slot would move the confidence for nothing.
 */
export const MIN_FEATURE_TWEETS = 3

/** The feature hashes at least MIN_FEATURE_TWEETS training examples hold, as the model's seen set. */
function seenFeatures(set: readonly Example[]): Uint32Array {
  const tweets = new Map<number, number>()
  for (const e of set) {
    const mine = new Set(e.hashes)
    for (const h of mine) tweets.set(h, (tweets.get(h) ?? 0) + 1)
  }
  const seen = new Uint32Array((1 << SEEN_BITS) >>> 5)
  for (const [h, n] of tweets) {
    if (n < MIN_FEATURE_TWEETS) continue
    const i = seenIndex(h)
    seen[i >>> 5] |= 1 << (i & 31)
  }
  return seen
}

function fitActionable(
  train: Example[],
  bits: number,
  epochs: number,
  rand: () => number,
  seen: Uint32Array,
): Float32Array {
  const size = 1 << bits
  const mask = size - 1
  const w = new Float32Array(size)
  const g2 = new Float32Array(size).fill(1e-2)
  const keep = new Uint8Array(1024)
  const positives = train.reduce((n, e) => n + e.y, 0)
  // Balance the classes: the real mix varies from inbox to search.
  const weightOf = [
    train.length / (2 * Math.max(1, train.length - positives)),
    train.length / (2 * Math.max(1, positives)),
  ]
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = shuffled(train.length, rand)
    for (const o of order) {
      const e = train[o]
      const n = e.hashes.length
      for (let f = 0; f < n; f++)
        keep[f] = !isSeen(seen, e.hashes[f]) || (e.lexical[f] === 1 && rand() < WORD_DROPOUT) ? 0 : 1
      let z = 0
      for (let f = 0; f < n; f++) if (keep[f] === 1) z += w[e.hashes[f] & mask]
      const g = (sigmoid(z) - (SMOOTH + (1 - 2 * SMOOTH) * e.y)) * weightOf[e.y]
      for (let f = 0; f < n; f++) {
        if (keep[f] === 0) continue
        const i = e.hashes[f] & mask
        const grad = g + L2 * w[i]
        g2[i] += grad * grad
        w[i] -= (RATE * grad) / Math.sqrt(g2[i])
      }
    }
  }
  return w
}

function fitDivision(
  train: Example[],
  k: number,
  bits: number,
  epochs: number,
  rand: () => number,
  seen: Uint32Array,
): Float32Array {
  const rows = 1 << bits
  const mask = rows - 1
  const stride = divisionStride(k)
  const w = new Float32Array(rows * stride)
  const g2 = new Float32Array(rows * stride).fill(1e-2)
  const p = new Float64Array(k)
  const labelled = train.filter((e) => e.y === 1 && e.division >= 0)
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = shuffled(labelled.length, rand)
    for (const o of order) {
      const e = labelled[o]
      p.fill(0)
      for (let f = 0; f < e.divisionCount; f++) {
        if (!isSeen(seen, e.hashes[f])) continue
        const row = (e.hashes[f] & mask) * stride
        for (let d = 0; d < k; d++) p[d] += w[row + d]
      }
      let max = -Infinity
      for (let d = 0; d < k; d++) max = Math.max(max, p[d])
      let sum = 0
      for (let d = 0; d < k; d++) sum += p[d] = Math.exp(p[d] - max)
      for (let f = 0; f < e.divisionCount; f++) {
        if (!isSeen(seen, e.hashes[f])) continue
        const row = (e.hashes[f] & mask) * stride
        for (let d = 0; d < k; d++) {
          const i = row + d
          const grad = p[d] / sum - (d === e.division ? 1 - SMOOTH : SMOOTH / (k - 1)) + L2 * w[i]
          g2[i] += grad * grad
          w[i] -= (RATE * grad) / Math.sqrt(g2[i])
        }
      }
    }
  }
  return w
}

function addInto(sum: Float32Array, w: Float32Array): void {
  for (let i = 0; i < w.length; i++) sum[i] += w[i]
}

/** Raw actionable score of an example under weights `q` that read only the features in `seen`. */
function seenScore(q: QuantisedWeights, seen: Uint32Array, e: Example): number {
  const mask = q.q.length - 1
  let z = 0
  for (let f = 0; f < e.hashes.length; f++) if (isSeen(seen, e.hashes[f])) z += q.q[e.hashes[f] & mask]
  return z * q.scale
}

/** An example's features as the model reads them: the seen ones only (a copy). */
function seenOnly(seen: Uint32Array, e: Example): { hashes: Int32Array; count: number; divisionCount: number } {
  const f = { hashes: e.hashes.slice(), count: e.hashes.length, divisionCount: e.divisionCount }
  keepSeen(seen, f)
  return f
}

/** Band figures of a model over examples (the validation slice, or any labelled set). */
export function bandFigures(model: TriageModel, set: readonly Example[], thresholds = model.thresholds): BandFigures {
  let tp = 0
  let fp = 0
  let fn = 0
  let ticketTp = 0
  let ticketAll = 0
  let caught = 0
  let positives = 0
  let divRight = 0
  let divAll = 0
  const bands = { ticket: 0, review: 0, ignore: 0 }
  const scores = new Float64Array(divisionStride(model.divisions.length))
  for (const e of set) {
    const f = seenOnly(model.seen, e)
    const p = sigmoid(model.calibration.a * rawScore(model, f.hashes, f.count) + model.calibration.b)
    const band = p >= thresholds.ticket ? 'ticket' : p >= thresholds.review ? 'review' : 'ignore'
    bands[band]++
    if (e.y === 1) positives++
    if (p >= 0.5) {
      if (e.y === 1) tp++
      else fp++
    } else if (e.y === 1) fn++
    if (band === 'ticket') {
      ticketAll++
      ticketTp += e.y
    }
    if (band !== 'ignore' && e.y === 1) {
      caught++
      if (e.division >= 0) {
        const best = rankDivisions(model, f.hashes, f.divisionCount, e.ruleDivision, scores)
        divAll++
        if (best === e.division) divRight++
      }
    }
  }
  const precision = tp / Math.max(1, tp + fp)
  const recall = tp / Math.max(1, tp + fn)
  return {
    tweets: set.length,
    ticketPrecision: ticketTp / Math.max(1, ticketAll),
    ticketOrReviewRecall: caught / Math.max(1, positives),
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(1e-9, precision + recall),
    divisionAccuracy: divRight / Math.max(1, divAll),
    bands,
  }
}

const fixed = (f: BandFigures) =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(4)) : v]))

interface Sizes {
  divisions: number
  hashBits: number
  divisionHashBits: number
  epochs: number
}

/** The weights a model file holds, and the raw scores (with their examples) that calibrate them. */
interface Fit {
  actionable: QuantisedWeights
  division: QuantisedWeights
  seen: Uint32Array
  /** How many examples the weights were fitted on. */
  fitted: number
  scored: Example[]
  z: Float64Array
}

const tooFew = (n: number) => new Error(`too few labelled tweets to train on (${n}); at least a few hundred are needed`)

/** One fit on the train slice, scored on the calibration slice. */
function fitOnTrainSlice(all: Example[], rand: () => number, n: Sizes): Fit {
  const train = all.filter((e) => e.split === 'train')
  const scored = all.filter((e) => e.split === 'calibration')
  if (train.length < 50 || scored.length < 20) throw tooFew(all.length)
  // Calibrate on the quantised weights the file holds.
  const seen = seenFeatures(train)
  const actionable = quantise(fitActionable(train, n.hashBits, n.epochs, rand, seen))
  const division = quantise(fitDivision(train, n.divisions, n.divisionHashBits, n.epochs, rand, seen))
  const z = Float64Array.from(scored, (e) => seenScore(actionable, seen, e))
  return { actionable, division, seen, fitted: train.length, scored, z }
}

/**
 * The train and calibration slices as one pool cut in K folds: a model per fold, fitted on
 * the other folds, scores its own fold (on its quantised weights, as a file would hold
 * them), and the model file holds the mean of the K models' weights. A mean of K fits moves
 * less with the seed than one fit, and a linear model's mean weights score the mean of the
 * K scores, each of which is on the scale the out-of-fold scores calibrate.
 */
function fitOutOfFold(all: Example[], folds: number, rand: () => number, n: Sizes): Fit {
  const pool = all.filter((e) => e.split !== 'validation')
  const scored = pool.filter((e) => !e.copy)
  if (scored.length < 100) throw tooFew(all.length)
  const z = new Float64Array(scored.length)
  const actionableSum = new Float32Array(1 << n.hashBits)
  const divisionSum = new Float32Array((1 << n.divisionHashBits) * divisionStride(n.divisions))
  for (let k = 0; k < folds; k++) {
    const fitted = pool.filter((e) => e.fold !== k)
    const foldSeen = seenFeatures(fitted)
    const w = fitActionable(fitted, n.hashBits, n.epochs, rand, foldSeen)
    addInto(actionableSum, w)
    addInto(divisionSum, fitDivision(fitted, n.divisions, n.divisionHashBits, n.epochs, rand, foldSeen))
    const q = quantise(w)
    scored.forEach((e, i) => {
      if (e.fold === k) z[i] = seenScore(q, foldSeen, e)
    })
  }
  return {
    actionable: quantise(actionableSum.map((v) => v / folds)),
    division: quantise(divisionSum.map((v) => v / folds)),
    seen: seenFeatures(pool),
    fitted: pool.length,
    scored,
    z,
  }
}

/** Train, calibrate and set thresholds; deterministic for the same tweets and options. */
export function trainTriageModel(
  compiled: CompiledOrg,
  tweets: readonly LabelledTweet[],
  options: TrainOptions,
): { model: TriageModel; report: TrainReport } {
  const divisions = compiled.org.divisions.map((d) => d.id)
  const known = new Set(divisions)
  for (const t of tweets) {
    if (t.label.actionable && t.label.division !== null && !known.has(t.label.division))
      throw new Error(`tweet ${t.id}: division "${t.label.division}" is not a division of ${compiled.org.id}`)
  }
  // Tables small enough to stay in the CPU's cache: the model is read for every tweet.
  const hashBits = options.hashBits ?? 16
  const divisionHashBits = options.divisionHashBits ?? 12
  const epochs = options.epochs ?? 8
  const folds = options.folds ?? 1
  if (!Number.isInteger(folds) || folds < 1 || folds > MAX_CALIBRATION_FOLDS)
    throw new Error(`folds must be a whole number from 1 to ${MAX_CALIBRATION_FOLDS}`)
  const all = examples(compiled, divisions, tweets, mulberry32((options.seed ?? 1) ^ 0x5eed), folds)
  const validation = all.filter((e) => e.split === 'validation')
  const rand = mulberry32(options.seed ?? 1)
  const sizes = { divisions: divisions.length, hashBits, divisionHashBits, epochs }
  const fit = folds > 1 ? fitOutOfFold(all, folds, rand, sizes) : fitOnTrainSlice(all, rand, sizes)
  const { actionable, division, seen, scored, z } = fit
  const model: TriageModel = {
    org: compiled.org.id,
    createdFrom: options.createdFrom,
    featureSet: FEATURE_SET,
    hashBits,
    divisionHashBits,
    divisions,
    calibration: { a: 1, b: 0 },
    thresholds: { ticket: 0.9, review: 0.2 },
    training: {},
    actionable,
    division,
    seen,
  }
  const y = Float64Array.from(scored, (e) => e.y)
  // Smoothed targets here too: a slice the model separates perfectly would otherwise make
  // the curve a step, and every new kind of tweet a "certain" 0 or 1.
  model.calibration = platt(
    z,
    y.map((v) => SMOOTH + (1 - 2 * SMOOTH) * v),
  )
  const p = z.map((v) => sigmoid(model.calibration.a * v + model.calibration.b))
  model.thresholds = chooseThresholds(p, y, options.ticketPrecision ?? 0.96, options.reviewRecall ?? 0.97)
  const validationFigures = bandFigures(model, validation)
  model.training = {
    tweets: all.length,
    train: fit.fitted,
    calibration: scored.length,
    ...(folds > 1 ? { calibrationFolds: folds } : {}),
    validation: validation.length,
    epochs,
    seed: options.seed ?? 1,
    validationFigures: fixed(validationFigures),
  }
  return {
    model,
    report: {
      tweets: all.length,
      train: fit.fitted,
      calibration: scored.length,
      folds,
      validation: validation.length,
      validationFigures,
    },
  }
}
