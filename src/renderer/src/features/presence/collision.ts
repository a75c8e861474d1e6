// "Someone else replied while you were writing": the replies in the thread now that were
// not there when the officer started typing, and are not their own.
import type { ThreadEntry } from '../../../../shared/grievance'

/** Ids of the thread's replies, taken when the officer starts writing. */
export function replyIds(thread: readonly ThreadEntry[]): Set<string> {
  return new Set(thread.filter((e) => e.kind === 'reply').map((e) => e.id))
}

/** Who replied since `before`, other than `me`, in thread order, each once. */
export function repliedSince(before: ReadonlySet<string>, thread: readonly ThreadEntry[], me: string | null): string[] {
  const by: string[] = []
  for (const entry of thread) {
    if (entry.kind !== 'reply' || before.has(entry.id) || entry.by === me) continue
    const who = entry.by ?? ''
    if (!by.includes(who)) by.push(who)
  }
  return by
}
