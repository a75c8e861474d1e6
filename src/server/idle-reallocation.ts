// Idle assignees: work still `assigned` (not started) whose assignee has shown no
// activity on it for idleAfterMs goes to another eligible officer of its division, or
// back to the division queue (`new`, unassigned) when nobody else fits.
//
// "Activity" is the assignee being given the grievance (the latest change row that made
// them its assignee) or an action of theirs on it that was applied (the `actions` table).
// The system's own writes — a reply marked posted, a citizen follow-up, a deleted tweet —
// bump updatedAt but are not the officer acting, so they do not restart the clock.
// updatedAt is only the fallback for a grievance with no change row naming its assignee.
import { randomUUID } from 'node:crypto'
import { assertTransition, type Grievance } from '../shared/grievance'
import { writeTransaction, type Queryable } from './db/database'
import { loadGrievance, nextVersion, saveGrievance } from './grievances'
import { pickOfficer } from './allocation'
import type { ServerContext } from './context'

/** Default idle limit: 4 hours. */
export const DEFAULT_IDLE_REASSIGN_MS = 4 * 3_600_000
/** How often the leader looks for idle work. */
export const IDLE_CHECK_INTERVAL_MS = 60_000
/** Grievances handled per pass (the rest wait for the next pass, a minute later). */
const PASS_LIMIT = 100

export interface IdleReallocationOptions {
  /** 0 or less: off. */
  idleAfterMs: number
  /** The time the pass runs at; compared with database timestamps (change and action
   * rows are stamped by the database clock), so tests backdate those rather than move this. */
  now?: Date
  limit?: number
}

export interface IdleReallocation {
  id: string
  ticket: string
  from: string
  /** The new assignee; null = returned to the division queue. */
  to: string | null
  seq: number
}

// When the current assignee last did something with the grievance. GREATEST ignores the
// NULL of "no applied action yet".
const LAST_ACTIVITY_SQL = `GREATEST(
  COALESCE(
    (SELECT max(c.at) FROM changes c
     WHERE c.grievance_id = g.id AND c.assignee = g.assignee AND c.prev_assignee IS DISTINCT FROM g.assignee),
    g.updated_at),
  (SELECT max(a.at) FROM actions a
   WHERE a.grievance_id = g.id AND a.username = g.assignee AND a.result->>'status' = 'applied'))`

/** "4 h", "90 min", "30 s": the idle limit as the thread entry states it. */
export function describeIdleLimit(ms: number): string {
  if (ms >= 3_600_000) return `${Math.round((ms / 3_600_000) * 10) / 10} h`
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} min`
  return `${Math.round(ms / 1000)} s`
}

/**
 * One pass inside the caller's transaction (a writeTransaction, so no other change can
 * interleave): re-allocates idle `assigned` work, most urgent first, and returns what
 * moved. Idempotent: a moved grievance has a fresh assignment (or is no longer
 * `assigned`), so an immediate second pass finds nothing.
 */
export async function reallocateIdle(tx: Queryable, opts: IdleReallocationOptions): Promise<IdleReallocation[]> {
  if (opts.idleAfterMs <= 0) return []
  const now = opts.now ?? new Date()
  const cutoff = new Date(now.getTime() - opts.idleAfterMs).toISOString()
  const rows = await tx.query<{ id: string }>(
    `SELECT g.id FROM grievances g
     WHERE g.status = 'assigned' AND g.assignee IS NOT NULL AND ${LAST_ACTIVITY_SQL} <= $1::timestamptz
     ORDER BY CASE g.priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
       g.sla_due_at, g.id
     LIMIT $2`,
    [cutoff, opts.limit ?? PASS_LIMIT],
  )
  const moved: IdleReallocation[] = []
  const limitText = describeIdleLimit(opts.idleAfterMs)
  for (const { id } of rows) {
    const before = await loadGrievance(tx, id, true)
    if (!before || before.status !== 'assigned' || !before.assignee) continue
    const from = before.assignee
    // Loads are read live in this transaction, so earlier moves of the pass count.
    const to = before.division ? await pickOfficer(tx, before.division, before.source.language, from) : null
    const after = withdrawn(before, from, to, limitText, now)
    moved.push({ id, ticket: before.ticket, from, to, seq: await saveGrievance(tx, before, after) })
  }
  return moved
}

function withdrawn(before: Grievance, from: string, to: string | null, limitText: string, now: Date): Grievance {
  const status = to ? 'assigned' : 'new'
  assertTransition(before.status, status)
  const reason = to
    ? `Re-allocated from ${from}: no action for ${limitText}`
    : `Returned to the ${before.division ?? 'unrouted'} queue from ${from}: no action for ${limitText}`
  const g = nextVersion(before, now)
  g.thread.push({ id: `idle:${randomUUID()}`, kind: 'system', text: reason, at: now.toISOString() })
  return { ...g, status, assignee: to, statusReason: reason }
}

/** The pass in its own transaction, announced to this instance's event streams. */
export async function runIdleReallocation(
  ctx: Pick<ServerContext, 'db' | 'changes' | 'log'>,
  opts: IdleReallocationOptions,
): Promise<IdleReallocation[]> {
  if (opts.idleAfterMs <= 0) return []
  const moved = await writeTransaction(ctx.db, (tx) => reallocateIdle(tx, opts))
  if (moved.length === 0) return moved
  ctx.changes.notify(moved.map((m) => m.seq))
  for (const m of moved) ctx.log(`[allocation] ${m.ticket} idle with ${m.from}: now ${m.to ?? 'in the queue'}`)
  return moved
}
