// The scoped changes feed. Each row of `changes` says where a grievance was before and
// after a change; for an officer a row is an upsert when the grievance is in scope now,
// a tombstone when it just left their scope, and nothing otherwise. Upserts carry the
// grievance as it is now, so several rows of one grievance in a page collapse into one.
import { LIMITS } from '../shared/limits'
import type { Change, ChangesResponse } from '../shared/protocol'
import type { Queryable } from './db/database'
import type { StaffUser } from './auth'
import { loadGrievances } from './grievances'
import { canSee } from './actions'

interface ChangeRow {
  [key: string]: unknown
  seq: number
  grievance_id: string
  division: string | null
  assignee: string | null
  prev_division: string | null
  prev_assignee: string | null
}

/** The most changes one page may carry (the route's ChangesQuery already keeps `limit` within it). */
export const MAX_PAGE = LIMITS.changesPage

export async function changesFor(
  db: Queryable,
  user: StaffUser,
  after: number,
  limit: number,
  /** A page stops before the grievance that would take it past this many bytes (never before its first). */
  maxBytes: number = LIMITS.changesPageBytes,
): Promise<ChangesResponse> {
  limit = Math.min(MAX_PAGE, Math.max(1, Math.trunc(limit)))
  const rows = await db.query<ChangeRow>(
    `SELECT seq, grievance_id, division, assignee, prev_division, prev_assignee
     FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [after, limit + 1],
  )
  const hasMore = rows.length > limit
  const page = rows.slice(0, limit)
  const current = await loadGrievances(db, [...new Set(page.map((r) => r.grievance_id))])

  // Last outcome per grievance, keyed in seq order (a Map keeps insertion order).
  const outcome = new Map<string, Change>()
  let bytes = 0
  const counted = new Set<string>()
  /** The rows taken, when the byte budget ended the page early. */
  let taken: number | null = null
  for (const [index, row] of page.entries()) {
    const seq = Number(row.seq)
    const nowVisible = canSee(user, { division: row.division, assignee: row.assignee })
    const wasVisible =
      row.prev_division !== null || row.prev_assignee !== null
        ? canSee(user, { division: row.prev_division, assignee: row.prev_assignee })
        : false
    const grievance = current.get(row.grievance_id)
    let change: Change | null = null
    if (nowVisible && grievance && canSee(user, grievance)) change = { seq, kind: 'upsert', grievance }
    else if (nowVisible && !grievance) change = { seq, kind: 'remove', id: row.grievance_id }
    // Visible at this row but not any more: a later row moved it away; that row decides.
    else if (nowVisible) change = null
    else if (wasVisible) change = { seq, kind: 'remove', id: row.grievance_id }
    if (change?.kind === 'upsert' && !counted.has(row.grievance_id)) {
      const size = Buffer.byteLength(JSON.stringify(change.grievance))
      if (index > 0 && bytes + size > maxBytes) {
        taken = index
        break
      }
      bytes += size
      counted.add(row.grievance_id)
    }
    if (change) {
      outcome.delete(row.grievance_id)
      outcome.set(row.grievance_id, change)
    }
  }
  const rowsTaken = taken ?? page.length
  const last = rowsTaken > 0 ? Number(page[rowsTaken - 1]!.seq) : after
  return { changes: [...outcome.values()], last, hasMore: hasMore || taken !== null }
}
