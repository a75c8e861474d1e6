// The triage model as it lives in memory and in its file (resources/models/<org>.model.json):
// two linear models over hashed features — "actionable" (logistic, Platt-calibrated) and
// "which division" (softmax) — with the bands' thresholds. Weights are stored sparse and
// quantised to 8 bits (base64), so a model is a few hundred kilobytes and loading it is
// exact: the weights in memory are the dequantised ones the thresholds were chosen on.
import { z } from 'zod'
import { FEATURE_SET } from './features'

export const MODEL_FORMAT = 'seva-triage-model'
export const MODEL_VERSION = 1

export interface TriageThresholds {
  /** At or above: a ticket, acknowledged on X. */
  ticket: number
  /** At or above (and below `ticket`): a person decides. Below: ignored, kept with reasons. */
  review: number
}

export interface TriageModel {
  org: string
  /** What it was made from: a hash of the org file and the training files. */
  createdFrom: string
  featureSet: number
  /** log2 of the actionable table's size. */
  hashBits: number
  /** log2 of the division table's rows (each row holds one weight per division). */
  divisionHashBits: number
  divisions: string[]
  /** p = sigmoid(a · z + b) over the raw score z. */
  calibration: { a: number; b: number }
  thresholds: TriageThresholds
  /** Figures measured when it was trained (on its own validation slice). */
  training: Record<string, unknown>
  /**
   * Quantised weights, as the file holds them (8-bit, times `scale`): a quarter of the
   * memory of floats, so the tables stay in the CPU's cache beside the keyword automaton.
   */
  actionable: QuantisedWeights
  /** Row-major: feature row r, division d at r * divisionStride(divisions.length) + d. */
  division: QuantisedWeights
  /**
   * The features training saw often enough to weigh, as a bit set under a second hash
   * (seenIndex): a feature outside it adds nothing to the actionable score, even where its
   * table slot holds another feature's weight. A token the model never saw is then
   * ignored, not read as whatever word shares its slot.
   */
  seen: Uint32Array
}

/** log2 of the seen-feature bit set's size: 2^20 bits, 128 KiB; about 6,000 are set (0.6%: few false passes). */
export const SEEN_BITS = 20
/** Bit of feature hash `h` in the seen set: a multiplicative hash independent of the table's low bits. */
export const seenIndex = (h: number): number => Math.imul(h, 0x2c1b3c6d) >>> (32 - SEEN_BITS)
export const isSeen = (seen: Uint32Array, h: number): boolean => {
  const i = Math.imul(h, 0x2c1b3c6d) >>> (32 - SEEN_BITS)
  return ((seen[i >>> 5] >>> (i & 31)) & 1) === 1
}

export interface QuantisedWeights {
  q: Int8Array
  scale: number
}

/** Division rows are padded to a power of two (8 for up to 8 divisions): one aligned run per row. */
export function divisionStride(divisions: number): number {
  let stride = 1
  while (stride < divisions) stride <<= 1
  return Math.max(stride, 8)
}

const Weights = z.object({ scale: z.number().positive(), size: z.number().int().positive(), data: z.string() })

export const ModelFile = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  org: z.string(),
  createdFrom: z.string(),
  features: z.object({
    featureSet: z.number().int(),
    hashBits: z.number().int().min(8).max(24),
    divisionHashBits: z.number().int().min(8).max(22),
  }),
  divisions: z.array(z.string()).min(1),
  calibration: z.object({ a: z.number(), b: z.number() }),
  thresholds: z.object({ ticket: z.number().min(0).max(1), review: z.number().min(0).max(1) }),
  training: z.record(z.string(), z.unknown()),
  weights: z.object({ actionable: Weights, division: Weights }),
  /** The seen-feature bit set: gaps between set bits as varints, base64 (feature set 2 on). */
  seen: z.object({ bits: z.literal(SEEN_BITS), data: z.string() }).optional(),
})
export type ModelFile = z.infer<typeof ModelFile>

export class ModelFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ModelFileError'
  }
}

// --- base64 (shared code has no Buffer) ---
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_INDEX = new Int16Array(128).fill(-1)
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  let chunk = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    chunk += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
    chunk += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '='
    chunk += i + 2 < bytes.length ? B64[n & 63] : '='
    if (chunk.length >= 8192) {
      parts.push(chunk)
      chunk = ''
    }
  }
  parts.push(chunk)
  return parts.join('')
}

export function fromBase64(s: string): Uint8Array {
  if (s.length % 4 !== 0) throw new ModelFileError('weights are not valid base64')
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  const out = new Uint8Array((s.length / 4) * 3 - pad)
  let o = 0
  for (let i = 0; i < s.length; i += 4) {
    let n = 0
    for (let k = 0; k < 4; k++) {
      const c = s.charCodeAt(i + k)
      const v = c === 0x3d ? 0 : c < 128 ? B64_INDEX[c] : -1
      if (v < 0) throw new ModelFileError('weights are not valid base64')
      n = (n << 6) | v
    }
    if (o < out.length) out[o++] = (n >> 16) & 255
    if (o < out.length) out[o++] = (n >> 8) & 255
    if (o < out.length) out[o++] = n & 255
  }
  return out
}

/** Round weights to the 8-bit grid the model and its file hold. */
export function quantise(weights: Float32Array): QuantisedWeights {
  let max = 0
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]))
  // A power-of-two-free decimal scale round-trips through JSON exactly.
  const scale = Number((max > 0 ? max / 127 : 1).toPrecision(12))
  const q = new Int8Array(weights.length)
  for (let i = 0; i < weights.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(weights[i] / scale)))
  return { scale, q }
}

/** Sparse encoding: for each non-zero weight, the gap since the last as a varint, then the byte. */
function encodeWeights({ q, scale }: QuantisedWeights): z.infer<typeof Weights> {
  const bytes: number[] = []
  let last = -1
  for (let i = 0; i < q.length; i++) {
    if (q[i] === 0) continue
    let gap = i - last - 1
    last = i
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80)
      gap >>>= 7
    }
    bytes.push(gap, q[i] & 255)
  }
  return { scale, size: q.length, data: toBase64(Uint8Array.from(bytes)) }
}

function decodeWeights(w: z.infer<typeof Weights>, size: number, what: string): QuantisedWeights {
  if (w.size !== size) throw new ModelFileError(`${what} weights: ${w.size} entries, the feature config needs ${size}`)
  const bytes = fromBase64(w.data)
  const out = new Int8Array(size)
  let i = -1
  let p = 0
  while (p < bytes.length) {
    let gap = 0
    let shift = 0
    for (;;) {
      if (p >= bytes.length) throw new ModelFileError(`${what} weights are cut short`)
      const b = bytes[p++]
      gap |= (b & 0x7f) << shift
      if (b < 0x80) break
      shift += 7
    }
    i += gap + 1
    if (i >= size || p + 1 > bytes.length) throw new ModelFileError(`${what} weights run past the table`)
    const v = bytes[p++]
    out[i] = v >= 0x80 ? v - 0x100 : v
  }
  return { q: out, scale: w.scale }
}

function encodeSeen(seen: Uint32Array): string {
  const bytes: number[] = []
  let last = -1
  for (let i = 0; i < seen.length * 32; i++) {
    if (((seen[i >>> 5] >>> (i & 31)) & 1) === 0) continue
    let gap = i - last - 1
    last = i
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80)
      gap >>>= 7
    }
    bytes.push(gap)
  }
  return toBase64(Uint8Array.from(bytes))
}

function decodeSeen(data: string): Uint32Array {
  const bytes = fromBase64(data)
  const seen = new Uint32Array((1 << SEEN_BITS) >>> 5)
  let i = -1
  let p = 0
  while (p < bytes.length) {
    let gap = 0
    let shift = 0
    for (;;) {
      if (p >= bytes.length) throw new ModelFileError('seen features are cut short')
      const b = bytes[p++]
      gap |= (b & 0x7f) << shift
      if (b < 0x80) break
      shift += 7
    }
    i += gap + 1
    if (i >= 1 << SEEN_BITS) throw new ModelFileError('seen features run past the set')
    seen[i >>> 5] |= 1 << (i & 31)
  }
  return seen
}

/** The model as its file holds it; JSON.stringify of this is byte-for-byte stable. */
export function modelToFile(model: TriageModel): ModelFile {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    org: model.org,
    createdFrom: model.createdFrom,
    features: { featureSet: model.featureSet, hashBits: model.hashBits, divisionHashBits: model.divisionHashBits },
    divisions: model.divisions,
    calibration: model.calibration,
    thresholds: model.thresholds,
    training: model.training,
    weights: { actionable: encodeWeights(model.actionable), division: encodeWeights(model.division) },
    seen: { bits: SEEN_BITS, data: encodeSeen(model.seen) },
  }
}

export function serialiseModel(model: TriageModel): string {
  return `${JSON.stringify(modelToFile(model))}\n`
}

/** Parse a model file's JSON value; a clear error for anything malformed or of another version. */
export function parseModel(json: unknown): TriageModel {
  const parsed = ModelFile.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
    throw new ModelFileError(`not a ${MODEL_FORMAT} version ${MODEL_VERSION} file: ${issues}`)
  }
  const f = parsed.data
  if (f.features.featureSet !== FEATURE_SET)
    throw new ModelFileError(
      `trained on feature set ${f.features.featureSet}; this build reads ${FEATURE_SET}: train it again`,
    )
  if (!f.seen) throw new ModelFileError('the file lists no seen features: train it again')
  return {
    org: f.org,
    createdFrom: f.createdFrom,
    featureSet: f.features.featureSet,
    hashBits: f.features.hashBits,
    divisionHashBits: f.features.divisionHashBits,
    divisions: f.divisions,
    calibration: f.calibration,
    thresholds: f.thresholds,
    training: f.training,
    actionable: decodeWeights(f.weights.actionable, 1 << f.features.hashBits, 'actionable'),
    division: decodeWeights(
      f.weights.division,
      (1 << f.features.divisionHashBits) * divisionStride(f.divisions.length),
      'division',
    ),
    seen: decodeSeen(f.seen.data),
  }
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

/**
 * Drop the features training never saw from a tweet's features (in place, order kept;
 * `count` and `divisionCount` follow), so the scores below read only weights that are the
 * feature's own. Checked once per feature, before both models read them.
 */
export function keepSeen(seen: Uint32Array, f: { hashes: Int32Array; count: number; divisionCount: number }): void {
  const hashes = f.hashes
  const count = f.count
  // Branch-free: whether a word was seen is a coin toss the CPU cannot predict.
  let n = 0
  let i = 0
  for (const end = f.divisionCount; i < end; i++) {
    const h = hashes[i]
    const b = Math.imul(h, 0x2c1b3c6d) >>> (32 - SEEN_BITS)
    hashes[n] = h
    n += (seen[b >>> 5] >>> (b & 31)) & 1
  }
  f.divisionCount = n
  for (; i < count; i++) {
    const h = hashes[i]
    const b = Math.imul(h, 0x2c1b3c6d) >>> (32 - SEEN_BITS)
    hashes[n] = h
    n += (seen[b >>> 5] >>> (b & 31)) & 1
  }
  f.count = n
}

/**
 * keepSeen and rawScore in one pass, as triage runs them on every tweet: each feature is
 * read once, its seen bit and its weight looked up together, and the features compacted
 * for the division model. Returns the raw actionable score (the same sum rawScore gives
 * on the compacted features, to the last bit: the weights are integers until scaled).
 */
export function seenScore(model: TriageModel, f: { hashes: Int32Array; count: number; divisionCount: number }): number {
  const seen = model.seen
  const w = model.actionable.q
  const mask = w.length - 1
  const hashes = f.hashes
  const count = f.count
  let n = 0
  let z = 0
  let i = 0
  for (const end = f.divisionCount; i < end; i++) {
    const h = hashes[i]
    const b = Math.imul(h, 0x2c1b3c6d) >>> (32 - SEEN_BITS)
    const bit = (seen[b >>> 5] >>> (b & 31)) & 1
    hashes[n] = h
    n += bit
    // -bit is all ones for a seen feature, 0 otherwise: no branch the CPU could mispredict.
    z += w[h & mask] & -bit
  }
  f.divisionCount = n
  for (; i < count; i++) {
    const h = hashes[i]
    const b = Math.imul(h, 0x2c1b3c6d) >>> (32 - SEEN_BITS)
    const bit = (seen[b >>> 5] >>> (b & 31)) & 1
    hashes[n] = h
    n += bit
    z += w[h & mask] & -bit
  }
  f.count = n
  return z * model.actionable.scale
}

/** Raw actionable score of features[0 .. count) (seen features: see keepSeen). */
export function rawScore(model: TriageModel, hashes: Int32Array, count: number): number {
  const w = model.actionable.q
  const mask = w.length - 1
  let z = 0
  for (let i = 0; i < count; i++) z += w[hashes[i] & mask]
  return z * model.actionable.scale
}

/**
 * Division probabilities (softmax) of features[0 .. count) (seen features: see keepSeen)
 * into out[0 .. divisions);
 * `out` holds at least divisionStride(divisions) entries (whole rows are summed: a loop
 * of constant length the compiler unrolls).
 */
export function divisionScores(model: TriageModel, hashes: Int32Array, count: number, out: Float64Array): void {
  const k = model.divisions.length
  const w = model.division.q
  if (k > 8) return divisionScoresWide(model, hashes, count, out)
  const mask = (w.length >> 3) - 1
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let s4 = 0
  let s5 = 0
  let s6 = 0
  let s7 = 0
  // Small integers summed as int32 (`| 0`): exact, and cheaper than double additions.
  for (let i = 0; i < count; i++) {
    const row = (hashes[i] & mask) << 3
    s0 = (s0 + w[row]) | 0
    s1 = (s1 + w[row + 1]) | 0
    s2 = (s2 + w[row + 2]) | 0
    s3 = (s3 + w[row + 3]) | 0
    s4 = (s4 + w[row + 4]) | 0
    s5 = (s5 + w[row + 5]) | 0
    s6 = (s6 + w[row + 6]) | 0
    s7 = (s7 + w[row + 7]) | 0
  }
  out[0] = s0
  out[1] = s1
  out[2] = s2
  out[3] = s3
  out[4] = s4
  out[5] = s5
  out[6] = s6
  out[7] = s7
  softmax(out, k, model.division.scale)
}

function divisionScoresWide(model: TriageModel, hashes: Int32Array, count: number, out: Float64Array): void {
  const k = model.divisions.length
  const stride = divisionStride(k)
  const w = model.division.q
  const mask = w.length / stride - 1
  for (let d = 0; d < k; d++) out[d] = 0
  for (let i = 0; i < count; i++) {
    const row = (hashes[i] & mask) * stride
    for (let d = 0; d < k; d++) out[d] += w[row + d]
  }
  softmax(out, k, model.division.scale)
}

export function softmax(out: Float64Array, k: number, scale: number): void {
  let top = 0
  for (let d = 1; d < k; d++) if (out[d] > out[top]) top = d
  const max = out[top]
  // Math.exp is most of the cost here; the best division's is exp(0) = 1 exactly.
  let sum = 0
  for (let d = 0; d < k; d++) sum += out[d] = d === top ? 1 : Math.exp((out[d] - max) * scale)
  for (let d = 0; d < k; d++) out[d] /= sum
}

/**
 * How much a matched keyword rule's division counts beside the model: its odds are
 * multiplied by this. Admins write rules for their divisions; the model mostly settles
 * what no rule names, or where the rule's words mislead.
 */
export const RULE_DIVISION_ODDS = 4

/**
 * Division probabilities with the matched rule's division (index, or -1) given its
 * extra odds, renormalised; returns the best index.
 */
export function rankDivisions(
  model: TriageModel,
  hashes: Int32Array,
  count: number,
  ruleDivision: number,
  out: Float64Array,
): number {
  divisionScores(model, hashes, count, out)
  return applyRuleOdds(model.divisions.length, ruleDivision, out)
}

/** The matched rule's division (index, or -1) gets RULE_DIVISION_ODDS, renormalised; returns the best index. */
export function applyRuleOdds(k: number, ruleDivision: number, out: Float64Array): number {
  if (ruleDivision >= 0 && ruleDivision < k) {
    const boosted = out[ruleDivision] * RULE_DIVISION_ODDS
    const sum = 1 - out[ruleDivision] + boosted
    out[ruleDivision] = boosted
    for (let d = 0; d < k; d++) out[d] /= sum
  }
  let best = 0
  for (let d = 1; d < k; d++) if (out[d] > out[best]) best = d
  return best
}
