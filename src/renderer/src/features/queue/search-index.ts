// What the search box looks in, folded once per change of a grievance: the store's
// QueueIndex (queue-index.ts) splits this haystack into keys for its token index, and
// filters.ts folds it on demand (cached per object) where no index is at hand.
import type { Grievance } from '../../../../shared/grievance'
import { searchableParts, searchHaystack, searchKeysOnce } from '../../../../shared/search'

export { searchableParts }

/** id → folded haystack, for callers that keep their own (tests, the naive bench baseline). */
export type SearchIndex = ReadonlyMap<string, string>

/** Everything the search box looks in, as one string: the haystack of `includes` checks. */
export function grievanceHaystack(g: Grievance): string {
  const { names, texts } = searchableParts(g)
  return searchHaystack(names, texts)
}

/** The same as keys (a word once), for the token index: no haystack to join and split again. */
export function grievanceSearchKeys(g: Grievance): string[] {
  const { names, texts } = searchableParts(g)
  return searchKeysOnce(names, texts)
}
