// Long replies become a numbered thread ("1/3 …") whose every part fits X's limit.
// Splits at paragraph, then sentence (incl. the Devanagari danda), then word
// boundaries, and only cuts inside a word (or URL) when one is longer than a post.
// A tail (the ticket reference) rides on the last real part, never on a part of its own.
import { MAX_TWEET_WEIGHT, weightedLength } from './weighted-length'

export interface ThreadOptions {
  max?: number
  /** Text that must end the last part, e.g. "(Ref: MHA-26-000123)"; never split, never alone. */
  tail?: string
}

function pieces(text: string): string[] {
  // Keep the separator with the piece before it so rejoining loses nothing visible.
  return text.split(/(?<=[.!?।॥\n])\s+|\s+/u).filter((p) => p.length > 0)
}

function hardCut(word: string, budget: number): string[] {
  const out: string[] = []
  let cur = ''
  for (const ch of Array.from(word)) {
    if (cur && weightedLength(cur + ch) > budget) {
      out.push(cur)
      cur = ''
    }
    cur += ch
  }
  if (cur) out.push(cur)
  return out
}

function pack(words: string[], budget: number): string[] {
  const parts: string[] = []
  let cur = ''
  for (const word of words) {
    const next = cur ? `${cur} ${word}` : word
    if (weightedLength(next) <= budget) {
      cur = next
      continue
    }
    if (cur) parts.push(cur)
    if (weightedLength(word) <= budget) cur = word
    else {
      const cuts = hardCut(word, budget)
      parts.push(...cuts.slice(0, -1))
      cur = cuts[cuts.length - 1] ?? ''
    }
  }
  if (cur) parts.push(cur)
  return parts
}

/**
 * Glue the tail to the last word so packing keeps them together: a post that is only
 * "2/2 (Ref: …)" tells the citizen nothing. A last word too long to share a post with the
 * tail is cut so its final piece leaves room for it.
 */
function withTail(words: string[], tail: string, budget: number): string[] {
  const last = words[words.length - 1]
  if (!tail || last === undefined) return words
  const glued = `${last} ${tail}`
  if (weightedLength(glued) <= budget) return [...words.slice(0, -1), glued]
  const room = budget - weightedLength(` ${tail}`)
  if (room <= 0) return [...words, tail]
  const cuts = hardCut(last, room)
  return [...words.slice(0, -1), ...cuts.slice(0, -1), `${cuts[cuts.length - 1]} ${tail}`]
}

/** One part when the text (and tail) fits; otherwise "k/n " numbered parts that each fit. */
export function splitIntoThread(text: string, opts: ThreadOptions = {}): string[] {
  const max = opts.max ?? MAX_TWEET_WEIGHT
  const tail = opts.tail?.trim() ?? ''
  const trimmed = text.trim()
  if (trimmed.length === 0) return []
  const whole = tail ? `${trimmed} ${tail}` : trimmed
  if (weightedLength(whole) <= max) return [whole]
  const words = pieces(trimmed)
  // The "k/n " prefix grows with n, so re-pack until the count is stable.
  let total = 2
  for (let attempt = 0; attempt < 5; attempt++) {
    const prefix = `${total}/${total} `
    const budget = max - weightedLength(prefix)
    const parts = pack(withTail(words, tail, budget), budget)
    if (String(parts.length).length <= String(total).length || attempt === 4) {
      return parts.map((p, i) => `${i + 1}/${parts.length} ${p}`)
    }
    total = parts.length
  }
  return []
}
