// The same citizen's other grievances, matched on the X author id (a handle can change,
// the id does not).
import type { Grievance } from '../../../../shared/grievance'

/** Newest first; the grievance itself is left out. */
export function citizenHistory(list: readonly Grievance[], grievance: Grievance): Grievance[] {
  const author = grievance.source.authorId
  return list
    .filter((g) => g.source.authorId === author && g.id !== grievance.id)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
}
