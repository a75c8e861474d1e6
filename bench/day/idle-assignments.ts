// The day bench's "longest idle assignment": how long each assignment sat with its
// assignee before they did anything with it. An assignment starts at the change that
// made someone the assignee and ends at the first of:
//   - an action of the assignee on the grievance (any outcome: they looked and acted),
//   - a later change giving it to someone else (or back to the queue),
//   - the grievance being finished (resolve, reject or close applied) by anyone: nobody
//     waits on an assignee any more once the work is done. At a shift change the outgoing
//     officer finishes the item in hand after the supervisor has handed it over; without
//     this end the incoming officer's assignment of finished work counted as idle until
//     the day's figures were read (8–16 simulated hours).
// Open assignments still running end at the database's now().
import type { Queryable } from '../../src/server/db/database'

export interface IdleAssignment {
  grievanceId: string
  assignee: string
  /** Wall-clock ms from the assignment to its end. */
  idleMs: number
}

export async function idleAssignments(db: Queryable): Promise<IdleAssignment[]> {
  const rows = await db.query<{ grievance_id: string; assignee: string; idle_ms: number | string | null }>(
    `SELECT c.grievance_id, c.assignee, EXTRACT(EPOCH FROM (LEAST(
         COALESCE((SELECT min(a.at) FROM actions a
                   WHERE a.grievance_id = c.grievance_id AND a.username = c.assignee AND a.at >= c.at), now()),
         COALESCE((SELECT min(c2.at) FROM changes c2
                   WHERE c2.grievance_id = c.grievance_id AND c2.seq > c.seq
                     AND c2.assignee IS DISTINCT FROM c.assignee), now()),
         COALESCE((SELECT min(f.at) FROM actions f
                   WHERE f.grievance_id = c.grievance_id AND f.at >= c.at
                     AND f.type IN ('resolve', 'reject', 'close') AND f.result->>'status' = 'applied'), now())
       ) - c.at)) * 1000 AS idle_ms
     FROM changes c WHERE c.assignee IS NOT NULL AND c.prev_assignee IS DISTINCT FROM c.assignee`,
  )
  return rows.map((r) => ({ grievanceId: r.grievance_id, assignee: r.assignee, idleMs: Number(r.idle_ms ?? 0) }))
}

/** The assignment that sat longest, or null on a day without any. */
export function longestIdle(rows: readonly IdleAssignment[]): IdleAssignment | null {
  return rows.reduce<IdleAssignment | null>((a, r) => (a === null || r.idleMs > a.idleMs ? r : a), null)
}
