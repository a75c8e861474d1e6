// Aho-Corasick over word keys: every phrase of every rule (and every triage cue) is
// found in one left-to-right pass over the tweet's words, so the cost per tweet does
// not grow with the number of rules. Matching on whole words avoids "visa" firing
// inside "advisable" and "bsf" inside a URL.
//
// Words are interned to integer ids when phrases are added. build() then freezes the
// trie into flat typed arrays (a dense table for the root, sorted child lists for the
// other nodes, and each node's outputs with its suffix outputs already merged), so a
// scan step is a few array reads: no Map lookups, no allocation.

export class PhraseAutomaton {
  private readonly vocabulary = new Map<string, number>()
  private children: Map<number, number>[] = [new Map()]
  private outputs: number[][] = [[]]
  private phraseCount = 0
  private built = false

  /** Root transition per word id (-1: the word starts no phrase). */
  rootNext: Int32Array = new Int32Array(0)
  /** Children of node n are childWord/childNode[childStart[n] .. childStart[n+1]), sorted by word id. */
  childStart: Int32Array = new Int32Array(1)
  childWord: Int32Array = new Int32Array(0)
  childNode: Int32Array = new Int32Array(0)
  fail: Int32Array = new Int32Array(1)
  /** Phrases ending at node n, its suffixes' included: outPhrase[outStart[n] .. outStart[n+1]). */
  outStart: Int32Array = new Int32Array(2)
  outPhrase: Int32Array = new Int32Array(0)

  /** Add a phrase (its word keys); returns its index. Empty phrases never match. */
  add(keys: readonly string[]): number {
    if (this.built) throw new Error('PhraseAutomaton: add() after build()')
    const index = this.phraseCount++
    if (keys.length === 0) return index
    let node = 0
    for (const key of keys) {
      let id = this.vocabulary.get(key)
      if (id === undefined) {
        id = this.vocabulary.size
        this.vocabulary.set(key, id)
      }
      let next = this.children[node].get(id)
      if (next === undefined) {
        next = this.children.length
        this.children.push(new Map())
        this.outputs.push([])
        this.children[node].set(id, next)
      }
      node = next
    }
    this.outputs[node].push(index)
    return index
  }

  /** Compute failure links breadth-first (standard Aho-Corasick construction), then flatten. */
  build(): this {
    const n = this.children.length
    const fail = new Int32Array(n)
    // Nodes in breadth-first order: a node's failure target is always shallower, so its
    // merged outputs are complete before the node's own are computed.
    const order: number[] = [0]
    for (const child of this.children[0].values()) order.push(child)
    for (let head = 1; head < order.length; head++) {
      const node = order[head]
      for (const [word, child] of this.children[node]) {
        let f = fail[node]
        while (f !== 0 && !this.children[f].has(word)) f = fail[f]
        const target = this.children[f].get(word)
        fail[child] = target !== undefined && target !== child ? target : 0
        order.push(child)
      }
    }
    const merged: number[][] = new Array<number[]>(n)
    merged[0] = []
    let outTotal = 0
    for (let i = 1; i < order.length; i++) {
      const node = order[i]
      const own = this.outputs[node]
      const inherited = merged[fail[node]]
      merged[node] = own.length === 0 ? inherited : inherited.length === 0 ? own : [...own, ...inherited]
      outTotal += merged[node].length
    }
    this.outStart = new Int32Array(n + 1)
    this.outPhrase = new Int32Array(outTotal)
    let at = 0
    for (let node = 0; node < n; node++) {
      this.outStart[node] = at
      for (const p of merged[node]) this.outPhrase[at++] = p
    }
    this.outStart[n] = at

    this.rootNext = new Int32Array(this.vocabulary.size).fill(-1)
    for (const [word, child] of this.children[0]) this.rootNext[word] = child
    this.childStart = new Int32Array(n + 1)
    let edges = 0
    for (let node = 1; node < n; node++) edges += this.children[node].size
    this.childWord = new Int32Array(edges)
    this.childNode = new Int32Array(edges)
    let e = 0
    for (let node = 0; node < n; node++) {
      this.childStart[node] = e
      if (node === 0) continue
      for (const [word, child] of [...this.children[node]].sort((a, b) => a[0] - b[0])) {
        this.childWord[e] = word
        this.childNode[e++] = child
      }
    }
    this.childStart[n] = e
    this.fail = fail
    // The trie maps are no longer needed; the flat arrays answer everything.
    this.children = []
    this.outputs = []
    this.built = true
    return this
  }

  get size(): number {
    return this.phraseCount
  }

  /** The word id of a match key, or -1 when no phrase contains that word. */
  wordId(key: string): number {
    return this.vocabulary.get(key) ?? -1
  }

  /** The node after reading word `id` (-1 for an unknown word) in state `node`. */
  step(node: number, id: number): number {
    if (id < 0) return 0
    const rootNext = this.rootNext
    const childStart = this.childStart
    const childWord = this.childWord
    for (;;) {
      if (node === 0) return rootNext[id] < 0 ? 0 : rootNext[id]
      let lo = childStart[node]
      let hi = childStart[node + 1]
      // Most nodes have one or two children: scan them; binary-search the rare wide ones.
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) if (childWord[lo] === id) return this.childNode[lo]
      } else {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1
          const w = childWord[mid]
          if (w === id) return this.childNode[mid]
          if (w < id) lo = mid + 1
          else hi = mid
        }
      }
      node = this.fail[node]
    }
  }

  /**
   * Every phrase occurrence in the words: phrase indices are appended to `hits`
   * (a caller-owned array, so the hot path allocates nothing).
   */
  scan(keys: readonly string[], hits: number[]): number[] {
    if (!this.built) throw new Error('PhraseAutomaton: scan() before build()')
    let node = 0
    for (let i = 0; i < keys.length; i++) {
      node = this.step(node, this.wordId(keys[i]))
      for (let o = this.outStart[node], end = this.outStart[node + 1]; o < end; o++) hits.push(this.outPhrase[o])
    }
    return hits
  }
}
