// What the search box looks in, folded once per change of a grievance: the store's
// QueueIndex (queue-index.ts) splits this haystack into keys for its token index, and
// filters.ts folds it on demand (cached per object) where no index is at hand.
import type { Grievance } from '../../../../shared/grievance'
import { searchHaystack } from '../../../../shared/search'

/** id → folded haystack, for callers that keep their own (tests, the naive bench baseline). */
export type SearchIndex = ReadonlyMap<string, string>

/** Everything the search box looks in: ticket, citizen, source tweet, thread. */
export function grievanceHaystack(g: Grievance): string {
  return searchHaystack(
    [g.ticket, g.source.authorUsername, g.source.authorName ?? ''],
    [g.source.text, ...g.thread.map((entry) => entry.text)],
  )
}
