// Aho-Corasick over word keys: every phrase of every rule (and every triage cue) is
// found in one left-to-right pass over the tweet's words, so the cost per tweet does
// not grow with the number of rules. Matching on whole words avoids "visa" firing
// inside "advisable" and "bsf" inside a URL.

export class PhraseAutomaton {
  private readonly vocabulary = new Map<string, number>()
  private readonly children: Map<number, number>[] = [new Map()]
  private fail: Int32Array = new Int32Array(1)
  /** Phrases ending at a node, and the nearest suffix node that also ends phrases. */
  private readonly outputs: number[][] = [[]]
  private outputLink: Int32Array = new Int32Array(1)
  private phraseCount = 0
  private built = false

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

  /** Compute failure links breadth-first (standard Aho-Corasick construction). */
  build(): this {
    const n = this.children.length
    this.fail = new Int32Array(n)
    this.outputLink = new Int32Array(n).fill(-1)
    const queue: number[] = []
    for (const child of this.children[0].values()) queue.push(child)
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]
      for (const [word, child] of this.children[node]) {
        let f = this.fail[node]
        while (f !== 0 && !this.children[f].has(word)) f = this.fail[f]
        const target = this.children[f].get(word)
        this.fail[child] = target !== undefined && target !== child ? target : 0
        const fc = this.fail[child]
        this.outputLink[child] = this.outputs[fc].length > 0 ? fc : this.outputLink[fc]
        queue.push(child)
      }
    }
    this.built = true
    return this
  }

  get size(): number {
    return this.phraseCount
  }

  /**
   * Every phrase occurrence in the words: phrase indices are appended to `hits`
   * (a caller-owned array, so the hot path allocates nothing).
   */
  scan(keys: readonly string[], hits: number[]): number[] {
    if (!this.built) throw new Error('PhraseAutomaton: scan() before build()')
    let node = 0
    for (let i = 0; i < keys.length; i++) {
      const id = this.vocabulary.get(keys[i])
      if (id === undefined) {
        node = 0
        continue
      }
      for (;;) {
        const next = this.children[node].get(id)
        if (next !== undefined) {
          node = next
          break
        }
        if (node === 0) break
        node = this.fail[node]
      }
      for (let o = node; o > 0; o = this.outputLink[o]) {
        const out = this.outputs[o]
        for (let k = 0; k < out.length; k++) hits.push(out[k])
      }
    }
    return hits
  }
}
