// The search box's index: an inverted index from folded search keys (the words of
// grievanceHaystack) to the grievances holding them, kept up to date per changed
// grievance. A query key matches wherever it is a substring of one of a grievance's keys
// (exactly what `haystack.includes(key)` answers, because keys hold no spaces), so a
// keystroke scans the vocabulary of distinct keys (~450,000 at 100,000 grievances, a few
// MB of text, one native indexOf pass) instead of every grievance's ~1 KB of folded text,
// then walks the postings of the keys that matched.
//
// A changed grievance gets a new slot and its old slot simply dies (postings are append
// only; dead slots are skipped and compacted away once they outnumber live ones), so an
// update costs its own keys, never a pass over the cache.
//
// Typing narrows: the answer to the previous keystroke is kept, and a query whose every
// earlier key lies inside one of its keys ("pa" after "p", "विजा ल" after "विजा") can only
// match a subset of it, so it filters that answer instead of looking again; the same keys
// again ("paa" folds to "pa") are that answer. Any change to the index drops it.

/** Past this many dead slots (and more dead than live) the postings are rebuilt. */
const COMPACT_AT = 5_000

/** What each grievance's slot answers: its id by default, or what the caller stored with it. */
export class TokenIndex<T = string> {
  private readonly tokenIds = new Map<string, number>()
  /** tokenId → slots holding that key (may include dead slots). */
  private postings: number[][] = []
  /** Offsets of every key in `vocab` (keys separated by '\n'), in tokenId order. */
  private readonly starts: number[] = []
  private vocab = ''
  /** Keys added since `vocab` was last joined. */
  private unjoined: string[] = []
  private vocabLength = 0

  /** slot → the id it holds, and that slot's keys (for compaction). */
  private slotIds: (string | null)[] = []
  private slotValues: (T | null)[] = []
  private slotTokens: (Int32Array | null)[] = []
  private readonly liveSlot = new Map<string, number>()
  /** Keys of the live slots, summed: what checking every grievance costs. */
  private liveTokens = 0
  private dead = 0

  /** Query key → the tokenIds containing it, as far as `scanned` keys of the vocabulary. */
  private readonly keyCache = new Map<string, { scanned: number; tokens: number[] }>()
  /** Per slot and per token: last stamped in generation N (no clearing between queries). */
  private stamps = new Int32Array(1024)
  private tokenStamps = new Int32Array(1024)
  /** Per token: last seen in the put of generation N (repeats of a key in one grievance). */
  private putStamps = new Int32Array(1024)
  /** A put's tokens before they are copied to their slot. */
  private scratch = new Int32Array(256)
  private generation = 0
  /** Bumped by every change of slots; `last` holds only while it is unchanged. */
  private revision = 0
  private last: { keys: string[]; revision: number; slots: number[] } | null = null

  /** `compactAt`: dead slots tolerated before a rebuild (small in tests, to exercise it). */
  constructor(private readonly compactAt = COMPACT_AT) {}

  get size(): number {
    return this.liveSlot.size
  }

  /** (Re)indexes `id` under `keys` (duplicates are fine); `match` answers `value` for it. */
  put(id: string, keys: readonly string[], value: T = id as T): void {
    this.remove(id)
    this.revision++
    const slot = this.slotIds.length
    // Repeats are dropped by a stamp per token (the keys come straight from the fold,
    // repeats and all: a Set of them would hash every key once more).
    if (this.scratch.length < keys.length) this.scratch = new Int32Array(Math.max(keys.length, this.scratch.length * 2))
    const tokens = this.scratch
    const mark = this.nextGeneration()
    let k = 0
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!
      if (key === '') continue
      const token = this.tokenOf(key)
      if (this.putStamps.length <= token) this.putStamps = grown(this.putStamps, token + 1)
      if (this.putStamps[token] === mark) continue
      this.putStamps[token] = mark
      this.postings[token]!.push(slot)
      tokens[k++] = token
    }
    this.liveTokens += k
    this.slotIds.push(id)
    this.slotValues.push(value)
    this.slotTokens.push(tokens.slice(0, k))
    this.liveSlot.set(id, slot)
  }

  /** A new value for `id` under the same keys (a new copy of a grievance whose text is unchanged). */
  setValue(id: string, value: T): void {
    const slot = this.liveSlot.get(id)
    if (slot !== undefined) this.slotValues[slot] = value
  }

  remove(id: string): void {
    const slot = this.liveSlot.get(id)
    if (slot === undefined) return
    this.revision++
    this.liveTokens -= this.slotTokens[slot]!.length
    this.liveSlot.delete(id)
    this.slotIds[slot] = null
    this.slotValues[slot] = null
    this.slotTokens[slot] = null
    if (++this.dead > this.compactAt && this.dead > this.liveSlot.size) this.compact()
  }

  clear(): void {
    this.tokenIds.clear()
    this.postings = []
    this.starts.length = 0
    this.vocab = ''
    this.unjoined = []
    this.vocabLength = 0
    this.slotIds = []
    this.slotValues = []
    this.slotTokens = []
    this.liveSlot.clear()
    this.liveTokens = 0
    this.dead = 0
    this.keyCache.clear()
    this.revision++
    this.last = null
  }

  /**
   * The ids (each once) holding every one of `keys` as a substring of one of their keys (AND).
   * `keys` must be non-empty; a key with whitespace in it can never match one key.
   *
   * The key with the fewest postings picks the candidates (walking its postings) when
   * that is cheaper than looking at every grievance (or every grievance of the previous
   * answer, when this query narrows it); every other key is checked per
   * candidate against its grievance's own keys, stopping at the first that matches, as
   * `includes` would. So a rare key costs its few postings and a common one ("p" after
   * one keystroke) an early exit per grievance, never millions of postings.
   */
  match(keys: readonly string[]): T[] {
    if (keys.length === 0 || keys.some((key) => /\s/.test(key))) return []
    const wanted = [...new Set(keys)].sort()
    const last = this.last?.revision === this.revision ? this.last : null
    if (last && last.keys.length === wanted.length && last.keys.every((key, i) => key === wanted[i])) {
      return this.valuesOf(last.slots)
    }
    const plans = wanted.map((key) => {
      const tokens = this.tokensContaining(key)
      let cost = 0
      for (const token of tokens) cost += this.postings[token]!.length
      return { tokens, cost }
    })
    if (plans.some((plan) => plan.tokens.length === 0)) {
      this.last = { keys: wanted, revision: this.revision, slots: [] }
      return []
    }
    plans.sort((a, b) => a.cost - b.cost)

    // Candidates: the previous answer when this query narrows it, else every grievance.
    // Walking the cheapest key's postings instead (one stamp each) wins when they are fewer
    // than the checks of those candidates (about half of each one's keys, a hit stops early).
    const pool = last && narrows(last.keys, wanted) ? last.slots : null
    const checksPerCandidate = Math.max(1, this.liveTokens / Math.max(1, this.liveSlot.size) / 2)
    let candidates: number[]
    let rest = plans
    if (plans[0]!.cost <= (pool?.length ?? this.liveSlot.size) * checksPerCandidate) {
      candidates = this.walk(plans[0]!.tokens)
      rest = plans.slice(1)
    } else candidates = pool ?? [...this.liveSlot.values()]

    for (const plan of rest) {
      const mark = this.markTokens(plan.tokens)
      const marks = this.tokenStamps
      candidates = candidates.filter((slot) => {
        const tokens = this.slotTokens[slot]!
        for (let i = 0; i < tokens.length; i++) if (marks[tokens[i]!] === mark) return true
        return false
      })
    }
    // Never handed out: callers get a fresh array of values (the filters above made new ones too).
    this.last = { keys: wanted, revision: this.revision, slots: candidates }
    return this.valuesOf(candidates)
  }

  private valuesOf(slots: readonly number[]): T[] {
    const values = this.slotValues
    const out = new Array<T>(slots.length)
    for (let i = 0; i < slots.length; i++) out[i] = values[slots[i]!]!
    return out
  }

  /** The live slots in the postings of `tokens`, each once. */
  private walk(tokens: readonly number[]): number[] {
    const slots = this.slotIds.length
    if (this.stamps.length < slots) this.stamps = new Int32Array(Math.max(slots, this.stamps.length * 2))
    const mark = this.nextGeneration()
    const stamps = this.stamps
    const out: number[] = []
    for (const token of tokens) {
      const list = this.postings[token]!
      for (let i = 0; i < list.length; i++) {
        const slot = list[i]!
        if (stamps[slot] === mark || this.slotIds[slot] === null) continue
        stamps[slot] = mark
        out.push(slot)
      }
    }
    return out
  }

  /** Stamps `tokens` in tokenStamps; answers the stamp. */
  private markTokens(tokens: readonly number[]): number {
    const count = this.postings.length
    if (this.tokenStamps.length < count) this.tokenStamps = new Int32Array(Math.max(count, this.tokenStamps.length * 2))
    const mark = this.nextGeneration()
    for (const token of tokens) this.tokenStamps[token] = mark
    return mark
  }

  private nextGeneration(): number {
    if (this.generation >= 2 ** 30) {
      this.stamps.fill(0)
      this.tokenStamps.fill(0)
      this.putStamps.fill(0)
      this.generation = 0
    }
    return ++this.generation
  }

  private tokenOf(key: string): number {
    let token = this.tokenIds.get(key)
    if (token === undefined) {
      token = this.postings.length
      this.tokenIds.set(key, token)
      this.postings.push([])
      this.starts.push(this.vocabLength + 1)
      this.vocabLength += key.length + 1
      this.unjoined.push(key)
    }
    return token
  }

  /** tokenIds whose key contains `key`; the vocabulary only grows, so earlier scans are kept. */
  private tokensContaining(key: string): number[] {
    if (this.unjoined.length > 0) {
      // '\n' before every key: a hit never spans two keys (keys hold no whitespace).
      this.vocab += '\n' + this.unjoined.join('\n')
      this.unjoined = []
    }
    let cached = this.keyCache.get(key)
    if (!cached) {
      cached = { scanned: 0, tokens: [] }
      if (this.keyCache.size > 256) this.keyCache.clear()
      this.keyCache.set(key, cached)
    }
    const total = this.starts.length
    if (cached.scanned < total) {
      const vocab = this.vocab
      const starts = this.starts
      let from = cached.scanned === 0 ? 0 : starts[cached.scanned]! - 1
      for (;;) {
        const at = vocab.indexOf(key, from)
        if (at === -1) break
        const token = tokenAt(starts, at)
        cached.tokens.push(token)
        // On to the next key: one hit per key is enough.
        from = token + 1 < total ? starts[token + 1]! - 1 : vocab.length
      }
      cached.scanned = total
    }
    return cached.tokens
  }

  /** Drops dead slots: renumbers the live ones and rebuilds the postings from their keys. */
  private compact(): void {
    const postings: number[][] = this.postings.map(() => [])
    const slotIds: (string | null)[] = []
    const slotValues: (T | null)[] = []
    const slotTokens: (Int32Array | null)[] = []
    for (const [id, slot] of this.liveSlot) {
      const next = slotIds.length
      const tokens = this.slotTokens[slot]!
      for (let i = 0; i < tokens.length; i++) postings[tokens[i]!]!.push(next)
      slotIds.push(id)
      slotValues.push(this.slotValues[slot]!)
      slotTokens.push(tokens)
      this.liveSlot.set(id, next)
    }
    this.postings = postings
    this.slotIds = slotIds
    this.slotValues = slotValues
    this.slotTokens = slotTokens
    this.revision++
    this.dead = 0
  }
}

/**
 * True when every match of `next` is a match of `previous`: each earlier key lies inside
 * one of the new keys (a grievance key holding the new key holds the earlier one too).
 */
function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((old) => next.some((key) => key.includes(old)))
}

/** `stamps` copied into a larger array (at least `size`, doubling). */
function grown(stamps: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(size, stamps.length * 2))
  next.set(stamps)
  return next
}

/** The tokenId whose key covers offset `at` of the vocabulary (binary search on starts). */
function tokenAt(starts: readonly number[], at: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}
