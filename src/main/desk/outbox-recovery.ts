// Recovering a damaged outbox as far as it parses. The outbox is written atomically, so
// damage comes from outside (a disk error, a sync tool, a truncated copy); when it
// happens, every queued action still readable is kept rather than the whole file lost.
// The file is `{"entries": [...], "conflicts": [...]}` with the entries first, so a cut
// anywhere keeps every entry written before the cut.
import type { z } from 'zod'
import { OutboxEntry, StoredConflict, type Outbox } from './desk-files'

export interface RecoveredOutbox {
  outbox: Outbox
  /** Entries and conflicts that were present but could not be read. */
  lost: number
}

export function recoverOutbox(text: string): RecoveredOutbox {
  let entries: unknown[]
  let conflicts: unknown[]
  let lost = 0
  try {
    const data = JSON.parse(text) as { entries?: unknown; conflicts?: unknown } | null
    entries = Array.isArray(data?.entries) ? data.entries : []
    conflicts = Array.isArray(data?.conflicts) ? data.conflicts : []
  } catch {
    const salvaged = salvageTopLevelArrays(text)
    entries = salvaged.arrays.get('entries') ?? []
    conflicts = salvaged.arrays.get('conflicts') ?? []
    lost += salvaged.unreadable
  }
  const keep = <T>(items: unknown[], schema: z.ZodType<T>): T[] =>
    items.flatMap((item) => {
      const parsed = schema.safeParse(item)
      if (parsed.success) return [parsed.data]
      lost++
      return []
    })
  return { outbox: { entries: keep(entries, OutboxEntry), conflicts: keep(conflicts, StoredConflict) }, lost }
}

/**
 * The complete elements of each array-valued key of a top-level JSON object, from text
 * that may be cut short or garbled. An element that is cut off or does not parse is
 * counted in `unreadable`; scanning stops where the text stops making sense.
 */
export function salvageTopLevelArrays(text: string): { arrays: Map<string, unknown[]>; unreadable: number } {
  const arrays = new Map<string, unknown[]>()
  let unreadable = 0
  let depth = 0
  let i = 0
  let key: string | null = null
  let target: unknown[] | null = null
  let elementStart = -1

  const endElement = (end: number) => {
    const raw = text.slice(elementStart, end).trim()
    elementStart = end + 1
    if (raw === '' || !target) return
    try {
      target.push(JSON.parse(raw))
    } catch {
      unreadable++
    }
  }

  while (i < text.length) {
    const ch = text[i]!
    if (ch === '"') {
      const end = stringEnd(text, i)
      if (end < 0) break // cut inside a string
      if (depth === 1) {
        let j = end + 1
        while (j < text.length && /\s/.test(text[j]!)) j++
        if (text[j] === ':') key = parseKey(text.slice(i, end + 1))
      }
      i = end + 1
      continue
    }
    if (ch === '{' || ch === '[') {
      depth++
      if (depth === 2 && ch === '[' && key !== null) {
        target = []
        arrays.set(key, target)
        elementStart = i + 1
      }
    } else if (ch === '}' || ch === ']') {
      if (depth === 2 && target) {
        endElement(i)
        target = null
      }
      depth--
      if (depth < 0) break
    } else if (ch === ',' && depth === 2 && target) {
      endElement(i)
    }
    i++
  }
  // Cut off inside an array: the last element may still be whole (cut before its comma).
  if (target && elementStart >= 0 && text.slice(elementStart).trim() !== '') endElement(text.length)
  return { arrays, unreadable }
}

function parseKey(quoted: string): string | null {
  try {
    return JSON.parse(quoted) as string
  } catch {
    return null
  }
}

/** Index of the quote closing the string that opens at `start`, or -1 when the text ends first. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '"') return i
  }
  return -1
}
