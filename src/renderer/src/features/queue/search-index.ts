// The search index of the desk's cache: grievance id → its folded haystack. Built once per
// change of a grievance (the store swaps whole objects, so an unchanged object keeps its
// entry), never per keystroke: at 100,000 grievances the search box must stay instant.
import type { Grievance } from '../../../../shared/grievance'
import { searchHaystack } from '../../../../shared/search'

export type SearchIndex = ReadonlyMap<string, string>

/** Everything the search box looks in: ticket, citizen, source tweet, thread. */
export function grievanceHaystack(g: Grievance): string {
  return searchHaystack(
    [g.ticket, g.source.authorUsername, g.source.authorName ?? ''],
    [g.source.text, ...g.thread.map((entry) => entry.text)],
  )
}

/** The index for `next`, reusing `previous` entries of grievances whose object did not change. */
export function updateSearchIndex(
  previousById: ReadonlyMap<string, Grievance>,
  previous: SearchIndex,
  next: ReadonlyMap<string, Grievance>,
): SearchIndex {
  const index = new Map<string, string>()
  for (const [id, g] of next) {
    const kept = previousById.get(id) === g ? previous.get(id) : undefined
    index.set(id, kept ?? grievanceHaystack(g))
  }
  return index
}
