// Long replies become a numbered thread ("1/3 …") whose every part fits X's limit.
// Splits at paragraph, then sentence (incl. the Devanagari danda), then word
// boundaries, and only cuts inside a word (or URL) when one is longer than a post.
import { MAX_TWEET_WEIGHT, weightedLength } from './weighted-length'

export interface ThreadOptions {
  max?: number
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

/** One part when the text fits; otherwise "k/n " numbered parts that each fit. */
export function splitIntoThread(text: string, opts: ThreadOptions = {}): string[] {
  const max = opts.max ?? MAX_TWEET_WEIGHT
  const trimmed = text.trim()
  if (trimmed.length === 0) return []
  if (weightedLength(trimmed) <= max) return [trimmed]
  const words = pieces(trimmed)
  // The "k/n " prefix grows with n, so re-pack until the count is stable.
  let total = 2
  for (let attempt = 0; attempt < 5; attempt++) {
    const prefix = `${total}/${total} `
    const parts = pack(words, max - weightedLength(prefix))
    if (String(parts.length).length <= String(total).length || attempt === 4) {
      return parts.map((p, i) => `${i + 1}/${parts.length} ${p}`)
    }
    total = parts.length
  }
  return []
}
