// Reassignment from the monitor: who may be given a grievance, and the bulk run (one
// desk action per grievance, each marked with the bulk it belongs to so the server audits
// a supervisor's bulk change as one change of N).
import { isOpen, type Grievance } from '../../../../shared/grievance'
import type { OfficerLoad } from '../../../../shared/monitor'
import type { ActionBody, BulkMark } from '../../../../shared/protocol'

/** Officers of the grievances' division, most room first (the allocator's own preference). */
export function eligibleOfficers(officers: readonly OfficerLoad[], division: string | null): OfficerLoad[] {
  if (!division) return []
  return officers
    .filter((o) => o.divisions.includes(division))
    .sort((a, b) => a.load - b.load || a.username.localeCompare(b.username))
}

/** Open tickets of a division, oldest first: what the monitor lists when a division is chosen. */
export function divisionQueue(grievances: readonly Grievance[], division: string): Grievance[] {
  return grievances
    .filter((g) => g.division === division && isOpen(g.status) && g.triage.band !== 'review')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}

export interface ReassignOutcome {
  id: string
  ticket: string
  error: string | null
}

export async function runReassign(
  targets: readonly Grievance[],
  assignee: string,
  submit: (grievanceId: string, body: ActionBody, bulk?: BulkMark) => Promise<void>,
  describe: (error: unknown) => string,
  makeId: () => string,
  onProgress?: (done: number) => void,
): Promise<ReassignOutcome[]> {
  const bulk = targets.length > 1 ? { id: makeId(), count: targets.length } : undefined
  const outcomes: ReassignOutcome[] = []
  for (const g of targets) {
    let error: string | null = null
    // Already theirs: nothing to do, and the server would refuse it.
    if (g.assignee !== assignee) {
      try {
        await submit(g.id, { type: 'assign', assignee }, bulk)
      } catch (e) {
        error = describe(e)
      }
    }
    outcomes.push({ id: g.id, ticket: g.ticket, error })
    onProgress?.(outcomes.length)
  }
  return outcomes
}
