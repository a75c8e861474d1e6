// The search index of the desk's cache: grievance id → its folded haystack. Built once per
// change of a grievance (the store swaps whole objects, so an unchanged object keeps its
// entry), never per keystroke: at 100,000 grievances the search box must stay instant.
// A full load's haystacks (≈16 µs each) are folded in slices between frames rather than
// in one long task; a search typed before the last slice folds what it meets on the spot
// (filters.ts), once.
import type { Grievance } from '../../../../shared/grievance'
import { searchHaystack } from '../../../../shared/search'

export type SearchIndex = ReadonlyMap<string, string>

/** Past this many changed grievances the rest is folded in slices (fillSearchIndex). */
export const FOLD_AT_ONCE = 1_000
export const FOLD_SLICE = 2_000

/** Everything the search box looks in: ticket, citizen, source tweet, thread. */
export function grievanceHaystack(g: Grievance): string {
  return searchHaystack(
    [g.ticket, g.source.authorUsername, g.source.authorName ?? ''],
    [g.source.text, ...g.thread.map((entry) => entry.text)],
  )
}

export interface IndexUpdate {
  index: Map<string, string>
  /** Changed grievances not folded yet, for fillSearchIndex. */
  pending: string[]
}

/** The index for `next`, reusing `previous` entries of grievances whose object did not change. */
export function updateSearchIndex(
  previousById: ReadonlyMap<string, Grievance>,
  previous: SearchIndex,
  next: ReadonlyMap<string, Grievance>,
  foldAtOnce = FOLD_AT_ONCE,
): IndexUpdate {
  const index = new Map<string, string>()
  const pending: string[] = []
  let folded = 0
  for (const [id, g] of next) {
    const kept = previousById.get(id) === g ? previous.get(id) : undefined
    if (kept !== undefined) index.set(id, kept)
    else if (folded++ < foldAtOnce) index.set(id, grievanceHaystack(g))
    else pending.push(id)
  }
  return { index, pending }
}

/**
 * Folds up to `slice` of the pending ids into `index` (in place: an entry is what the
 * search would fold on the spot anyway, so nothing that read the map sees it change).
 * Answers the ids still pending.
 */
export function fillSearchIndex(
  index: Map<string, string>,
  byId: ReadonlyMap<string, Grievance>,
  pending: readonly string[],
  slice = FOLD_SLICE,
): string[] {
  const now = pending.slice(0, slice)
  for (const id of now) {
    const g = byId.get(id)
    if (g && !index.has(id)) index.set(id, grievanceHaystack(g))
  }
  return pending.slice(slice)
}
